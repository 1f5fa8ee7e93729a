import { expect, test, type Page } from '@playwright/test'
import { regionPoint } from './map'

/**
 * A federation outside 江苏省: the home region from the address (?home=) or public/config.json,
 * the national map by province, and a 承德市 file read under a 江苏 deployment, which offers to
 * switch to 承德市 and then draws its counties with the file's values.
 */
test.use({ testIdAttribute: 'data-test' })

/** A small 承德市 return, made here: counts and a rate with both its counts, by county name and city. */
const CHENGDE_CSV = [
  '地区,所属市,年份,职工总数(人),稳定就业职工(人),法律援助办结案件(件)',
  '承德县,承德市,2023,52000,48100,37',
  '双桥区,承德市,2023,61000,57300,42',
  '平泉市,承德市,2023,43000,39900,25',
  '隆化县,承德市,2023,38000,34800,19',
].join('\r\n')

/** Namesakes told apart by a province column (full or short names), and a row whose province contradicts its code. */
const PROVINCE_CSV = [
  '行政区划代码,地区,省份,年份,职工总数(人),稳定就业职工(人)',
  ',通州区,北京,2023,41000,38000',
  ',通州区,江苏省,2023,52000,48000',
  ',鼓楼区,福建省,2023,33000,30000',
  '320612,,北京市,2023,52000,48000',
].join('\r\n')

/** A wide return whose province column has a header of its own making: the preview reads it as the province. */
const OWN_HEADER_CSV = ['地区,所在省区,年份,职工总数(人)', '通州区,北京,2023,41000', '鼓楼区,福建,2023,33000'].join('\r\n')

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

async function mapReady(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
}

test('a 承德市 file read in a 江苏 deployment offers 承德市 as home, then draws its counties with their values', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('./')
  await mapReady(page)
  await page.getByTestId('import-file').setInputFiles({ name: 'chengde.csv', mimeType: 'text/csv', buffer: Buffer.from(CHENGDE_CSV) })
  const offer = page.getByTestId('home-offer')
  await expect(offer).toBeVisible()
  await expect(offer).toHaveAttribute('data-home', '130800')
  await expect(offer).toContainText('承德市')

  await page.getByTestId('home-switch').click()
  await page.waitForURL(/home=130800/)
  // The same file, read again under the new home region: every row is placed.
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByTestId('import-counts')).toBeVisible()
  await expect(page.getByTestId('home-offer')).toHaveCount(0)
  await expect(page.getByTestId('region-matches')).toHaveCount(0)
  await page.getByTestId('import-confirm').click()
  await expect(dialog).toBeHidden()

  const panel = page.getByTestId('map-panel')
  await expect(panel).toHaveAttribute('data-map', '130800')
  await expect(panel).toHaveAttribute('data-geo', '130800')
  await expect(page.getByTestId('crumb-130800')).toBeVisible()

  // The rate rolls up from both counts; the county's own figure is the file's.
  await page.goto('./?home=130800#/?region=130800&indicator=worker_stability_rate&period=2023')
  await mapReady(page)
  await regionPoint(page, '130800', '130821', '承德县')
  await expect(panel.locator('.chart-tooltip')).toContainText('92.5') // 48,100 / 52,000
  await page.screenshot({ path: 'test-results/national-chengde.png' })
  expect(errors).toEqual([])
})

test('the whole country is drawn by province', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('./?home=100000')
  await mapReady(page)
  const panel = page.getByTestId('map-panel')
  await expect(panel).toHaveAttribute('data-map', '100000')
  await expect(panel).toHaveAttribute('data-geo', 'china')
  await regionPoint(page, 'china', '130000', '河北省')
  // The ranking names provinces as such, never 设区市; so does the English page.
  const ranking = page.getByTestId('ranking-panel')
  await expect(ranking).toContainText('全国各省（区、市）')
  await expect(ranking).not.toContainText('设区市')
  await ranking.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/national-china.png' })
  await page.getByTestId('lang-toggle').click()
  await expect(ranking).toContainText('provinces of China')
  await expect(ranking).not.toContainText('cities')
  await ranking.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/national-china-en.png' })
  expect(errors).toEqual([])
})

test('?home=320200 starts at 无锡市', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('./?home=320200')
  await mapReady(page)
  const panel = page.getByTestId('map-panel')
  await expect(panel).toHaveAttribute('data-map', '320200')
  await expect(page.getByTestId('crumb-320200')).toBeVisible()
  await expect(page.getByTestId('crumb-320000')).toHaveCount(0)
  await expect(page.getByTestId('map-up')).toHaveCount(0)
  await regionPoint(page, '320200', '320205', '锡山区')
  await page.screenshot({ path: 'test-results/national-wuxi.png' })
  expect(errors).toEqual([])
})

test('a province column settles namesakes across the nation, and a province that contradicts the code is reported', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('./?home=100000')
  await mapReady(page)
  await page.getByTestId('import-file').setInputFiles({ name: 'provinces.csv', mimeType: 'text/csv', buffer: Buffer.from(PROVINCE_CSV) })
  const dialog = page.getByTestId('import-dialog')
  // Three rows placed by name and province, the coded one booked by its code.
  await expect(dialog.getByTestId('count-accepted')).toContainText('4')
  await expect(dialog.getByTestId('region-matches')).toHaveCount(0)
  const problems = dialog.getByTestId('problem-list')
  await expect(problems).toContainText('代码 320612 是江苏省南通市通州区，不在“省份”列所写的北京市')
  // Named by its row (5) and column (省份).
  await expect(problems.locator('tbody tr').first()).toContainText(/^5省份/)
  await page.screenshot({ path: 'test-results/national-province-column.png' })
  await page.getByTestId('import-confirm').click()
  await expect(dialog).toBeHidden()

  // 通州区 with 北京 is 北京市通州区: its own figure is the file's.
  await page.goto('./?home=100000#/?region=110000&indicator=total_workers&period=2023')
  await mapReady(page)
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toContainText('41,000')
  await page.goto('./?home=100000#/?region=350000&indicator=total_workers&period=2023')
  await mapReady(page)
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toContainText('33,000')
  expect(errors).toEqual([])
})

test('the preview offers an unnamed column as the province column', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('./?home=100000')
  await mapReady(page)
  await page.getByTestId('import-file').setInputFiles({ name: 'own-header.csv', mimeType: 'text/csv', buffer: Buffer.from(OWN_HEADER_CSV) })
  const dialog = page.getByTestId('import-dialog')
  // Without it both names are ambiguous across the nation.
  await expect(dialog.getByTestId('count-rejected')).toContainText('2')
  await dialog.getByTestId('map-所在省区').click()
  await page.locator('.n-base-select-option', { hasText: '作为省份列' }).click()
  await expect(dialog.getByTestId('column-role')).toContainText('作为省份列')
  await expect(dialog.getByTestId('count-accepted')).toContainText('2')
  await expect(dialog.getByTestId('count-rejected')).toHaveCount(0)
  expect(errors).toEqual([])
})

test('the benchmark names 承德县 as a link once 承德县’s data is loaded, and as plain text before', async ({ page }) => {
  const errors = watchErrors(page)
  // The sample holds no 承德县: the benchmark is plain text in the KPI detail, and no link is offered under the trend.
  await page.goto('./#/?indicator=worker_stability_rate')
  await mapReady(page)
  await page.getByTestId('kpi-selected').click()
  await expect(page.getByTestId('detail-benchmark')).toContainText('承德县 2022 (河北省)')
  await expect(page.getByTestId('detail-benchmark').getByTestId('benchmark-region')).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('kpi-detail')).toBeHidden()
  await expect(page.getByTestId('trend-benchmark')).toHaveCount(0)

  await page.goto('./?home=130800')
  await mapReady(page)
  await page.getByTestId('import-file').setInputFiles({ name: 'chengde.csv', mimeType: 'text/csv', buffer: Buffer.from(CHENGDE_CSV) })
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await page.goto('./?home=130800#/?region=130800&indicator=worker_stability_rate&period=2023')
  await mapReady(page)
  const trendLink = page.getByTestId('trend-benchmark').getByTestId('benchmark-region')
  await expect(trendLink).toHaveText('承德县')
  await page.getByTestId('trend-benchmark').scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/national-benchmark-link.png' })
  // Keyboard: the link takes focus and Enter makes 承德县 the scope.
  await trendLink.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/region=130821/)
  await expect(page.getByTestId('crumb-130821')).toBeVisible()

  // The KPI detail of 承德市 links to it as well, in English too.
  await page.goto('./?home=130800#/?region=130800&indicator=worker_stability_rate&period=2023')
  await mapReady(page)
  await page.getByTestId('lang-toggle').click()
  await page.getByTestId('kpi-selected').click()
  const detailLink = page.getByTestId('detail-benchmark').getByTestId('benchmark-region')
  await expect(detailLink).toHaveText('Chengde County')
  await page.screenshot({ path: 'test-results/national-benchmark-link-en.png' })
  await detailLink.click()
  await expect(page).toHaveURL(/region=130821/)
  expect(errors).toEqual([])
})
