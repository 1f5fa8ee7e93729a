import { expect, test, type Page } from '@playwright/test'

/**
 * Figures as offices' files make them: partial coverage, like-for-like change, implausible values
 * questioned in the preview, a rate that cannot be right shown as an error, sources per chart,
 * landing on the imported data, and a link that gives nothing. Files are made here, in the test.
 */
test.use({ testIdAttribute: 'data-test' })

const HEADER = 'region,period,indicator,value'
const csv = (rows: string[]) => Buffer.from(`${HEADER}\n${rows.join('\n')}\n`, 'utf8')

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

async function importCsv(page: Page, name: string, body: Buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: body })
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByTestId('import-counts')).toBeVisible()
  return dialog
}

async function confirm(page: Page) {
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
}

const card = (page: Page) => page.getByTestId('kpi-selected')

// 无锡市's seven districts; 宜兴市 did not report in 2024.
const WUXI = ['锡山区', '惠山区', '滨湖区', '梁溪区', '新吴区', '江阴市', '宜兴市']
const CONTRACTS_2023 = [700, 650, 800, 750, 869, 1150, 783]
const CONTRACTS_2024 = [720, 680, 830, 780, 900, 1197]

test('a like-for-like 同比 leaves out the district that did not report, and says so', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const rows = [
    ...WUXI.map((d, k) => `${d},2023,集体协商合同签订,${CONTRACTS_2023[k]}`),
    ...WUXI.slice(0, 6).map((d, k) => `${d},2024,集体协商合同签订,${CONTRACTS_2024[k]}`),
  ]
  await importCsv(page, 'wuxi-contracts.csv', csv(rows))
  await confirm(page)
  // Lands on the data: 无锡市, the indicator the file has, its latest year.
  await expect(page).toHaveURL(/region=320200/)
  await expect(card(page).getByTestId('kpi-value')).toHaveText('5,107份')
  // All data: 5,702 → 5,107 is −10.4%; like for like (without 宜兴市's 783): +3.8%.
  await expect(card(page).getByTestId('kpi-yoy')).toHaveText('+3.8%（可比口径）')
  const hint = await card(page).getByTestId('kpi-yoy').locator('..').getAttribute('title')
  expect(hint).toContain('按全部数据：−10.4%')
  expect(hint).toContain('2024年无数据：宜兴市')
  // The 2024 figure stands on six of the seven districts, and says so.
  await expect(card(page).getByTestId('kpi-note')).toHaveCount(1)
  await expect(card(page).getByTestId('kpi-note')).toHaveText('数据覆盖 6/7 个县（市、区）')
})

test('a roll-up from part of its districts carries 数据覆盖 on the card, the map and the export', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  // Five of 扬州市's six districts.
  const rows = ['广陵区', '邗江区', '江都区', '宝应县', '仪征市'].map((d, k) => `${d},2024,五一劳动奖章获得者,${60 + k}`)
  await importCsv(page, 'yangzhou-medals.csv', csv(rows))
  await confirm(page)
  await expect(card(page).getByTestId('kpi-value')).toHaveText('310人')
  await expect(card(page).getByTestId('kpi-note')).toHaveText('数据覆盖 5/6 个县（市、区）')
  // At province level the map names the partial city.
  await page.getByTestId('map-up').click()
  await expect(card(page).getByTestId('kpi-note')).toHaveText('数据覆盖 5/95 个县（市、区）')
  await expect(page.getByTestId('map-panel').getByTestId('chart-coverage')).toHaveText('扬州市数据覆盖 5/6 个县（市、区）')
  // The exported CSV says it too.
  const download = page.waitForEvent('download')
  await page.getByTestId('map-panel').getByRole('button', { name: /导出/ }).click()
  await page.locator('.n-dropdown-option', { hasText: '下载数据 CSV' }).click()
  const text = await (await download).path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')))
  expect(text).toContain('扬州市数据覆盖 5/6 个县（市、区）')
  expect(text).toContain('数据来源：yangzhou-medals.csv')
})

test('the radar and the small multiples carry 数据覆盖 on screen and in their exported images', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const rows = ['广陵区', '邗江区', '江都区', '宝应县', '仪征市'].map((d, k) => `${d},2024,五一劳动奖章获得者,${60 + k}`)
  await importCsv(page, 'yangzhou-medals.csv', csv(rows))
  await confirm(page)
  await expect(card(page).getByTestId('kpi-note')).toHaveText('数据覆盖 5/6 个县（市、区）')
  const exportedText = async (panel: string) => {
    await page.getByTestId(panel).scrollIntoViewIfNeeded()
    await expect(page.locator('.n-dropdown-menu')).toHaveCount(0)
    await page.getByTestId(panel).getByTestId('export-menu').click()
    await expect(page.locator('.n-dropdown-menu[class*="enter"]')).toHaveCount(0)
    const download = page.waitForEvent('download', { timeout: 45_000 })
    await page.getByTestId('export-svg').click()
    const svg = await (await download).path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')))
    return page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').documentElement.textContent ?? '', svg)
  }
  // 扬州市 among the cities: its medals stand on five of its six districts.
  const radarMark = '扬州市五一劳动奖章获得者数据覆盖 5/6 个县（市、区）'
  // The lower panels are built when scrolled near.
  await page.getByText('正在加载指标画像…').scrollIntoViewIfNeeded().catch(() => {})
  await expect(page.getByTestId('radar-panel').getByTestId('chart-coverage')).toHaveText(radarMark)
  expect(await exportedText('radar-panel')).toContain(radarMark)
  // At province level each city is a small panel; 扬州市's 2024 is the partial one.
  await page.getByTestId('map-up').click()
  const multiplesMark = '扬州市2024年数据覆盖 5/6 个县（市、区）'
  await expect(page.getByTestId('multiples-panel').getByTestId('chart-coverage')).toHaveText(multiplesMark)
  expect(await exportedText('multiples-panel')).toContain(multiplesMark)
})

test('the preview questions implausible values, and ×100 fixes a column of fractions', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const dialog = await importCsv(
    page,
    'returns.csv',
    csv([
      '江都区,2023,职工稳定率,0.916',
      '邗江区,2023,职工稳定率,0.902',
      '江都区,2023,稳定就业职工,1100',
      '江都区,2023,职工总数,900',
      '仪征市,2023,帮扶慰问金额,3.6万',
      '仪征市,2023,五一劳动奖章获得者,91.6%',
      '高邮市,2032,五一劳动奖章获得者,4',
    ]),
  )
  const problems = dialog.getByTestId('problem-list')
  await expect(problems).toContainText('稳定就业职工 1100 大于 职工总数 900（第5行）')
  await expect(problems).toContainText('“91.6%”的后缀与指标单位（人）不符')
  await expect(problems).toContainText('期间 2032 晚于今天')
  await expect(problems).toContainText('职工稳定率的 2 个值都不超过 1')
  await expect(dialog.getByTestId('scale-offer')).toContainText('按 ×100 换算')
  await dialog.getByTestId('scale-worker_stability_rate').click()
  await expect(dialog.getByTestId('scale-applied')).toContainText('职工稳定率已按 ×100 换算')
  await expect(problems).not.toContainText('都不超过 1')
  await confirm(page)
  // 3.6万 in a 万元 indicator is 3.6万元, not 36,000万元; the 2032 typo is not the default year.
  await page.goto('./#/?region=321081&indicator=relief_amount')
  await expect(card(page).getByTestId('kpi-value')).toHaveText('3.6万元')
  await page.goto('./#/?region=321012&indicator=worker_stability_rate')
  await ready(page)
  await expect(card(page).getByTestId('kpi-value')).not.toContainText('2032')
})

test('a rate built from a numerator over its denominator is an error with its rows, never 122.2%', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  await importCsv(page, 'bad-counts.csv', csv(['江都区,2023,稳定就业职工,1100', '江都区,2023,职工总数,900', '邗江区,2023,稳定就业职工,80', '邗江区,2023,职工总数,100']))
  await confirm(page)
  await page.goto('./#/?region=320000&indicator=worker_stability_rate')
  await ready(page)
  const value = card(page).getByTestId('kpi-value')
  await expect(value).toHaveText('数值超出可能范围，不予显示')
  await expect(value).toHaveAttribute('data-state', 'invalid')
  await expect(card(page).getByTestId('kpi-offender')).toHaveText('江都区：稳定就业职工 1,100 大于 职工总数 900')
  await expect(page.locator('body')).not.toContainText('122.2')
})

test('a chart credits only the sources of what it draws', async ({ page }) => {
  // 职工稳定率 in 2023: 锡山区 published no rate, so even 无锡市's map is synthetic only.
  await page.goto('./#/?region=320200&period=2023')
  await ready(page)
  await expect(page.getByTestId('map-panel').getByTestId('chart-source')).toHaveText('数据来源：示例数据（合成）')
  // 法律援助 in 2023: 锡山区's published figure is drawn, so its source is named beside the synthetic one.
  await page.goto('./#/?region=320200&period=2023&indicator=legal_aid_cases')
  await ready(page)
  await expect(page.getByTestId('map-panel').getByTestId('chart-source')).toHaveText('数据来源：示例数据（合成）；江苏工人报《主席论坛》2023')
})

test('monthly-only data lands on its month, region and indicator', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  await importCsv(page, 'yizheng-june.csv', csv(['仪征市,2023-06,帮扶慰问金额,12.5']))
  await confirm(page)
  await expect(page).toHaveURL(/region=321081/)
  await expect(page).toHaveURL(/indicator=relief_amount/)
  await expect(card(page).getByTestId('kpi-value')).toHaveText('12.5万元')
  await expect(page.getByTestId('period-select')).toContainText('2023年6月')
})

test('a ?data= link that gives no rows is an error on the page, and the data before stays', async ({ page }) => {
  await page.route('**/feed/wrong-header.csv', (route) => route.fulfill({ body: 'name,amount\n江都区,3\n', contentType: 'text/csv' }))
  await page.goto('./?data=feed/wrong-header.csv')
  await ready(page)
  const error = page.getByTestId('link-error')
  await expect(error).toContainText('“wrong-header.csv”中没有可用的数据行')
  await expect(error).toContainText('当前显示的是之前的数据')
  await expect(error.getByTestId('link-problem').first()).toContainText('wrong-header.csv')
  await expect(page.getByTestId('sample-notice')).toBeVisible()
})
