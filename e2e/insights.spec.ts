import { expect, test, type Page } from '@playwright/test'
import { clickRegion, regionPoint } from './map'

test.use({ testIdAttribute: 'data-test' })

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

test('every filter round-trips through the URL, shows as a chip, and chips clear one by one or all together', async ({ page }) => {
  const query = 'region=320200&indicator=relief_amount&period=2023&from=2020&compare=320500&category=care&trend=ytd'
  await page.goto(`./#/?${query}`)
  await ready(page)
  await expect(page.getByTestId('trend-panel')).toHaveAttribute('data-mode', 'ytd')
  await expect(page.getByTestId('period-select')).toContainText('2023')
  await expect(page.getByTestId('from-select')).toContainText('2020')
  for (const key of ['scope', 'indicator', 'period', 'from', 'compare', 'category', 'trendMode'])
    await expect(page.getByTestId(`chip-${key}`)).toBeVisible()
  await expect(page.getByTestId('chip-compare')).toContainText('苏州市')
  // The category picks the cards: 帮扶关爱 shows its own indicators.
  await expect(page.getByTestId('kpi-hardship_households')).toBeVisible()

  await page.reload()
  await ready(page)
  await expect(page.getByTestId('trend-panel')).toHaveAttribute('data-mode', 'ytd')
  for (const [k, v] of new URLSearchParams(query)) expect(new URL(page.url().replace('#/', '')).searchParams.get(k)).toBe(v)

  await page.getByTestId('chip-from').click()
  await expect(page).not.toHaveURL(/from=/)
  await expect(page).toHaveURL(/compare=320500/)
  await page.getByTestId('chip-compare').click()
  await expect(page).not.toHaveURL(/compare=/)
  await page.getByTestId('chips-reset').click()
  await expect(page.getByTestId('filter-chips')).toBeHidden()
  await expect(page).not.toHaveURL(/\?/)
})

test('the all-district map compares 95 districts, its tooltip has value, unit, rank and 同比, and a click cross-filters', async ({ page }) => {
  await page.goto('./#/?indicator=legal_aid_cases&period=2023')
  await ready(page)
  await page.getByTestId('level-district').click()
  const map = page.getByTestId('map-panel')
  await expect(map).toHaveAttribute('data-geo', '320000-districts')
  await expect(page).toHaveURL(/level=district/)
  await expect(page.getByTestId('breadcrumb')).toContainText('全省区县')
  await expect(page.getByTestId('ranking-panel')).toContainText('全省区县')

  // 锡山区 2023: 60 cases, a published figure; ranked among all 95 districts.
  await regionPoint(page, '320000-districts', '320205', '锡山区')
  const tip = map.locator('.chart-tooltip')
  await expect(tip).toContainText('60件')
  await expect(tip).toContainText(/排名 第\d+\/9\d位/)
  await expect(tip).toContainText('同比')

  await clickRegion(page, '320000-districts', '320205', '锡山区')
  await expect(page).toHaveURL(/region=320205/)
  await expect(map).toHaveAttribute('data-map', '320200')
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toHaveText('60件')
  await expect(page.getByTestId('trend-panel')).toContainText('锡山区')

  await page.goBack()
  await expect(map).toHaveAttribute('data-geo', '320000-districts')
  await page.goBack()
  await expect(map).toHaveAttribute('data-geo', '320000')
})

test('a rate’s map tooltip gives 同比 in percentage points; no data is marked as such', async ({ page }) => {
  await page.goto('./#/?region=320200')
  await ready(page)
  await regionPoint(page, '320200', '320205', '锡山区')
  const tip = page.getByTestId('map-panel').locator('.chart-tooltip')
  await expect(tip).toContainText('%')
  await expect(tip).toContainText(/同比 [+−±][\d.]+个百分点/)
  // ECharts aria describes the chart to screen readers.
  await expect(page.getByTestId('map-chart')).toHaveAttribute('aria-label', /分级地图.*最高：.*最低：/)

  // Districts without figures are hatched and listed in the legend as no data, not as zero.
  await page.goto('./#/?level=district&indicator=legal_aid_cases&period=2024')
  await expect(page.getByTestId('map-no-data')).toContainText('无数据（不是0）')
  await expect(page.getByTestId('map-chart')).toHaveAttribute('aria-label', /个无数据/)
  await expect(page.getByTestId('map-chart')).not.toHaveAttribute('aria-label', /，0个无数据/)
})

test('trend: compare regions picked from the list, seasonal and year-to-date views for relief', async ({ page }) => {
  await page.goto('./#/?region=320205&indicator=relief_amount')
  await ready(page)
  const trend = page.getByTestId('trend-panel')
  await page.getByTestId('compare-select').click()
  await page.keyboard.type('惠山区')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/compare=320206/)
  await expect(page.getByTestId('chip-compare')).toContainText('惠山区')

  await page.getByTestId('trend-seasonal').click()
  await expect(trend).toHaveAttribute('data-mode', 'seasonal')
  await expect(page).toHaveURL(/trend=seasonal/)
  await page.getByTestId('trend-ytd').click()
  await expect(trend).toHaveAttribute('data-mode', 'ytd')
  await expect(trend).toContainText('年内累计')
  // Relief peaks every December: the card compares the latest month with the same month a year before.
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-mom')).toContainText('12月 同比')
})

test('cards and the category overview select the indicator, by mouse and keyboard', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  await page.getByTestId('kpi-collective_contracts').click()
  await expect(page).toHaveURL(/indicator=collective_contracts/)
  await expect(page.getByTestId('kpi-selected')).toContainText('集体协商合同签订')
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-definition')).toContainText('口径')
  // A click on the selected card opens its detail.
  await page.getByTestId('kpi-selected').click()
  const detail = page.getByTestId('kpi-detail')
  await expect(detail).toContainText('江苏省 · 集体协商合同签订')
  await expect(detail).toContainText('下级数值相加')
  await expect(detail).toContainText('历年数值')
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()

  await page.getByTestId('overview-legal_aid_cases').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/indicator=legal_aid_cases/)
  await page.getByTestId('category-honours').focus()
  await page.keyboard.press('Space')
  await expect(page).toHaveURL(/category=honours/)
  await expect(page.getByTestId('kpi-municipal_honours')).toBeVisible()
})

test('saved views survive a reload and reopen exactly; the link can be copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('./#/?region=320200&indicator=legal_aid_cases&period=2023')
  await ready(page)
  await page.getByTestId('views-toggle').click()
  await page.getByTestId('view-name').locator('input').fill('无锡法律援助')
  await page.getByTestId('view-save').click()
  await expect(page.getByTestId('views-toggle')).toContainText('(1)')

  await page.getByTestId('copy-link').click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())

  await page.goto('./')
  await page.reload()
  await ready(page)
  await page.getByTestId('views-toggle').click()
  await page.getByTestId('view-open-无锡法律援助').click()
  await expect(page).toHaveURL(/region=320200/)
  await expect(page).toHaveURL(/indicator=legal_aid_cases/)
  await expect(page).toHaveURL(/period=2023/)
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-map', '320200')
})

test('the decal option is a labelled toggle that is remembered', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const toggle = page.getByTestId('decal-toggle')
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await ready(page)
  await expect(page.getByTestId('decal-toggle')).toHaveAttribute('aria-pressed', 'true')
})

test('a user’s own boundary file is matched by adcode or name, and what does not match is listed', async ({ page }) => {
  await page.goto('./#/?region=320200')
  await ready(page)
  const geo = (await (await page.request.get('geo/320200.json')).json()) as { features: { properties: Record<string, unknown> }[] }
  // One feature named only (惠山区), one that names nothing in the catalogue.
  const f = geo.features
  f.find((x) => x.properties.adcode === '320206')!.properties = { name: '惠山区' }
  f.find((x) => x.properties.adcode === '320211')!.properties = { name: '火星区' }
  await page
    .getByTestId('boundary-input')
    .setInputFiles({ name: 'standard-wuxi.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geo)) })
  const summary = page.getByTestId('boundary-summary')
  await expect(summary).toContainText('standard-wuxi.geojson')
  await expect(summary).toContainText(`匹配${f.length - 1}个地区`)
  await expect(summary).toContainText('未匹配的要素（1）：火星区')
  await expect(summary).toContainText('没有边界的地区（1）：滨湖区')
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-geo', /^custom-/)
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()

  await page.getByTestId('boundary-restore').click()
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-geo', '320200')

  await page
    .getByTestId('boundary-input')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"Topology"}') })
  await expect(page.getByTestId('boundary-error')).toContainText('broken.json')
})

test('the region × indicator table sorts by a column and a row click cross-filters', async ({ page }) => {
  await page.goto('./#/?region=320200')
  await ready(page)
  // The table is below the fold and loads when scrolled near, as a reader reaches it.
  await page.getByTestId('table-lazy').scrollIntoViewIfNeeded()
  const table = page.getByTestId('region-table')
  const firstCell = table.locator('tbody tr').first().locator('td').first()
  await expect(firstCell).toHaveText('锡山区')
  await table.locator('th', { hasText: '职工稳定率' }).click()
  const values = await table.locator('tbody tr td:nth-child(2)').allInnerTexts()
  const numbers = values.filter((v) => v !== '—').map(Number)
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a))
  await table.locator('tbody tr', { hasText: '惠山区' }).click()
  await expect(page).toHaveURL(/region=320206/)
  await expect(page.getByTestId('radar-panel')).toContainText('惠山区各项指标')
})
