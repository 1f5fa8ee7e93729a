import { expect, test, type Page } from '@playwright/test'
import { clickRegion } from './map'

/** Collects console errors and uncaught exceptions for the whole test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

test.use({ testIdAttribute: 'data-test' })

test.describe('with animation, as most readers see it', () => {
  test.use({ reducedMotion: 'no-preference' })
  test('loads the sample dashboard without console errors and says it is sample data', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('./')
    await ready(page)
    await expect(page.getByTestId('sample-notice')).toContainText('示例数据')
    await expect(page.getByTestId('sample-notice')).toContainText('江苏工人报《主席论坛》2023')
    await expect(page.getByTestId('map-panel')).toHaveAttribute('data-map', '320000')
    await expect(page.getByTestId('trend-panel').locator('canvas')).toBeVisible()
    await expect(page.getByTestId('ranking-panel').locator('canvas')).toBeVisible()
    expect(errors).toEqual([])
  })
})

test('opens on the pre-shaped sample: no worker starts and neither sample file is fetched; an import starts the worker', async ({ page }) => {
  const workers: string[] = []
  const requested: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  page.on('request', (r) => requested.push(r.url()))
  await page.goto('./')
  await ready(page)
  await page.waitForLoadState('networkidle')
  expect(requested.filter((u) => /\/sample\/sample-table\.bin$/.test(u))).toHaveLength(1)
  expect(requested.filter((u) => /sample-(annual|monthly)/.test(u))).toEqual([])
  expect(requested.filter((u) => /loader\.worker|spawn-loader/.test(u))).toEqual([])
  expect(workers).toEqual([])

  await page.getByTestId('import-file').setInputFiles(new URL('./fixtures/import/long-utf8-bom.csv', import.meta.url).pathname)
  await expect(page.getByTestId('import-counts')).toBeVisible()
  expect(workers.filter((u) => /loader\.worker/.test(u))).toHaveLength(1)
})

test('a truncated or missing sample file is reported with its name and fault', async ({ page }) => {
  const SAMPLE = /\/sample\/sample-table\.bin$/
  await page.route(SAMPLE, async (route) => {
    const res = await route.fetch()
    await route.fulfill({ response: res, body: (await res.body()).subarray(0, 100_000) })
  })
  await page.goto('./')
  await expect(page.getByTestId('load-error')).toContainText('sample/sample-table.bin is 100000 bytes, but its header describes')
  await expect(page.getByTestId('load-error')).toContainText('the file is truncated')
  await page.unroute(SAMPLE)
  await page.route(SAMPLE, (route) => route.fulfill({ status: 404, body: 'not found' }))
  await page.reload()
  await expect(page.getByTestId('load-error')).toContainText('sample/sample-table.bin: 404')
})

test('at 1440 × 900 the region table below the fold is fetched only when scrolled near', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const requested: string[] = []
  page.on('request', (r) => requested.push(r.url()))
  await page.goto('./')
  await ready(page)
  // Nothing else is on its way: an observer that would load the table has had its chance.
  await page.waitForLoadState('networkidle')
  const lazy = page.getByTestId('table-lazy')
  await expect(lazy).toHaveAttribute('aria-busy', 'true')
  await expect(lazy.getByTestId('lazy-placeholder')).toHaveText('正在加载地区指标一览表…')
  await expect(page.getByTestId('table-panel')).toHaveCount(0)
  expect(requested.filter((u) => /\/RegionTable-[\w-]+\.js$/.test(u))).toEqual([])

  await lazy.scrollIntoViewIfNeeded()
  await expect(page.getByTestId('region-table').locator('tbody tr').first()).toBeVisible()
  await expect(lazy).toHaveAttribute('aria-busy', 'false')
  await expect(lazy.getByTestId('lazy-placeholder')).toHaveCount(0)
  expect(requested.filter((u) => /\/RegionTable-[\w-]+\.js$/.test(u))).toHaveLength(1)
})

test('drills into 无锡市 on the map and back with the breadcrumb and the Back button', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const map = page.getByTestId('map-panel')
  await clickRegion(page, '320000', '320200', '无锡市')
  await expect(map).toHaveAttribute('data-map', '320200')
  await expect(page).toHaveURL(/region=320200/)
  await expect(page.getByTestId('breadcrumb')).toContainText('无锡市')
  await expect(page.getByTestId('ranking-panel')).toContainText('无锡市各区县')

  await page.goBack()
  await expect(map).toHaveAttribute('data-map', '320000')
  await expect(page).not.toHaveURL(/region=/)

  await page.goForward()
  await expect(map).toHaveAttribute('data-map', '320200')
  await page.getByTestId('crumb-320000').click()
  await expect(map).toHaveAttribute('data-map', '320000')
})

test('changing the indicator changes the KPI value', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const value = page.getByTestId('kpi-selected').getByTestId('kpi-value')
  const before = await value.innerText()
  expect(before).toMatch(/%$/)
  await page.getByTestId('indicator-select').click()
  await page.keyboard.type('法律援助')
  await page.keyboard.press('Enter')
  await expect(value).not.toHaveText(before)
  await expect(value).toHaveText(/^[\d,]+件$/)
  await expect(page).toHaveURL(/indicator=legal_aid_cases/)
})

test('a URL with filters reproduces the same view', async ({ page, context }) => {
  await page.goto('./#/?region=320205&indicator=legal_aid_cases&period=2023')
  await ready(page)
  const selected = page.getByTestId('kpi-selected')
  // 锡山区 2023: 60 legal-aid cases, a published figure.
  await expect(selected.getByTestId('kpi-value')).toHaveText('60件')
  await expect(selected).toContainText('江苏工人报《主席论坛》2023')
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-map', '320200')
  await expect(page.getByTestId('breadcrumb')).toContainText('锡山区')

  const again = await context.newPage()
  await again.goto(page.url())
  await ready(again)
  await expect(again.getByTestId('kpi-selected').getByTestId('kpi-value')).toHaveText('60件')
  await expect(again.getByTestId('period-select')).toContainText('2023')
})

test('switches to English and to the dark theme', async ({ page }) => {
  await page.goto('./?lang=en')
  await ready(page)
  await expect(page.locator('h1')).toHaveText('Union Data Dashboard')
  await expect(page.getByTestId('sample-notice')).toContainText('sample data')
  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByTestId('lang-toggle').click()
  await expect(page.locator('h1')).toHaveText('工会数据看板')
})

