import { readFile } from 'node:fs/promises'
import { expect, test, type Locator, type Page } from '@playwright/test'

/**
 * ECharts modules the first view does not draw (the zoom window, the graded legend, titles) load
 * when an option first needs them; the charts that need them then draw them, on screen and in
 * exports, without an error.
 */
test.use({ testIdAttribute: 'data-test', acceptDownloads: true })

const OPTIONAL = /\/optional-modules-[\w-]+\.js$/

function watch(page: Page): { errors: string[]; optional: string[] } {
  const errors: string[] = []
  const optional: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('request', (r) => {
    if (OPTIONAL.test(r.url())) optional.push(r.url())
  })
  return { errors, optional }
}

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

/**
 * Share of the lines across a box of a chart's canvas (CSS pixels from its right and bottom edges)
 * that have something drawn in them: rows when `across` is 'rows', columns otherwise.
 */
async function inked(canvas: Locator, box: { right?: number; bottom?: number; width: number; height: number; left?: number }, across: 'rows' | 'columns') {
  return canvas.evaluate(
    (el, { box, across }) => {
      const c = el as HTMLCanvasElement
      const k = c.width / c.clientWidth
      const x0 = Math.round((box.left ?? c.clientWidth - (box.right ?? 0) - box.width) * k)
      const y0 = Math.round((c.clientHeight - (box.bottom ?? 0) - box.height) * k)
      const w = Math.round(box.width * k)
      const h = Math.round(box.height * k)
      const data = c.getContext('2d')!.getImageData(x0, y0, w, h).data
      const lines = across === 'rows' ? h : w
      let hit = 0
      for (let i = 0; i < lines; i++) {
        let any = false
        for (let j = 0; j < (across === 'rows' ? w : h) && !any; j++) {
          const [x, y] = across === 'rows' ? [j, i] : [i, j]
          any = data[(y * w + x) * 4 + 3]! > 20
        }
        if (any) hit++
      }
      return hit / lines
    },
    { box, across },
  )
}

async function exportPng(page: Page, panel: string): Promise<{ name: string; width: number; height: number }> {
  await expect(page.locator('.n-dropdown-menu')).toHaveCount(0)
  await page.getByTestId(panel).getByTestId('export-menu').click()
  await expect(page.locator('.n-dropdown-menu')).toHaveCount(1)
  await expect(page.locator('.n-dropdown-menu[class*="enter"]')).toHaveCount(0)
  const download = page.waitForEvent('download', { timeout: 45_000 })
  await page.getByTestId('export-png').click()
  const d = await download
  const bytes = await readFile(await d.path())
  const size = await page.evaluate(async (b64) => {
    const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }))
    return { width: bmp.width, height: bmp.height }
  }, bytes.toString('base64'))
  return { name: d.suggestedFilename(), ...size }
}

const trendCanvas = (page: Page) => page.getByTestId('trend-panel').locator('canvas').first()
const rankingCanvas = (page: Page) => page.getByTestId('ranking-panel').locator('canvas').first()
const mapCanvas = (page: Page) => page.getByTestId('map-panel').locator('canvas').first()
/** The trend's slider: 18 px high, 4 px above the bottom, across the plot. */
const trendSlider = { left: 40, bottom: 6, width: 400, height: 14 }
/** The ranking's slider: 14 px wide, 4 px in from the right, down the plot. */
const rankingSlider = { right: 6, bottom: 60, width: 10, height: 300 }
/** Five graded classes stacked at the map's bottom left, about 90 px high; a continuous scale is one bar 10 px high. */
const mapLegend = { left: 8, bottom: 8, width: 32, height: 120 }

test('the first view loads none of them; a monthly trend loads them and draws its zoom slider', async ({ page }) => {
  const seen = watch(page)
  await page.goto('./')
  await ready(page)
  await expect(trendCanvas(page)).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(seen.optional).toEqual([])

  await page.goto('./#/?region=320205&indicator=relief_amount')
  await expect(page.getByTestId('trend-monthly')).toBeVisible()
  expect(await inked(trendCanvas(page), trendSlider, 'columns')).toBeLessThan(0.9)
  // The trend's chart was made before the zoom was registered: it is made afresh to draw it.
  await page.getByTestId('trend-monthly').click()
  await expect(page.getByTestId('trend-panel')).toHaveAttribute('data-mode', 'monthly')
  await expect.poll(() => inked(trendCanvas(page), trendSlider, 'columns')).toBeGreaterThan(0.95)
  expect(seen.optional).toHaveLength(1)

  const png = await exportPng(page, 'trend-panel')
  expect(png.name).toMatch(/\.png$/)
  expect(png.width).toBe(1949)
  expect(seen.errors).toEqual([])
})

test('opened straight on a monthly trend, the slider is drawn too', async ({ page }) => {
  const seen = watch(page)
  await page.goto('./#/?region=320205&indicator=relief_amount&trend=monthly')
  await ready(page)
  await expect.poll(() => inked(trendCanvas(page), trendSlider, 'columns')).toBeGreaterThan(0.95)
  expect(seen.errors).toEqual([])
})

test('all 95 districts: the ranking scrolls in a zoom window, a count’s map has its graded legend, and both export', async ({ page }) => {
  const seen = watch(page)
  await page.goto('./')
  await ready(page)
  // A rate: one continuous colour bar, no zoom window.
  expect(await inked(mapCanvas(page), mapLegend, 'rows')).toBeLessThan(0.2)

  await page.getByTestId('level-district').click()
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-geo', '320000-districts')
  await expect(page.getByTestId('ranking-panel')).toContainText('全省区县')
  await page.getByTestId('ranking-panel').scrollIntoViewIfNeeded()
  await expect.poll(() => inked(rankingCanvas(page), rankingSlider, 'rows')).toBeGreaterThan(0.95)

  await page.goto('./#/?level=district&indicator=legal_aid_cases&period=2023')
  await expect(page.getByTestId('kpi-selected')).toContainText('件')
  await page.getByTestId('map-panel').scrollIntoViewIfNeeded()
  await expect.poll(() => inked(mapCanvas(page), mapLegend, 'rows')).toBeGreaterThan(0.35)
  await expect.poll(() => inked(rankingCanvas(page), rankingSlider, 'rows')).toBeGreaterThan(0.95)
  expect(seen.optional).toHaveLength(1)

  const ranking = await exportPng(page, 'ranking-panel')
  expect(ranking.width).toBe(1949)
  // Every one of the 95 bars has room in the report: no zoom window there.
  expect(ranking.height).toBeGreaterThan(95 * 24)
  const map = await exportPng(page, 'map-panel')
  expect(map.width).toBe(1949)
  expect(seen.errors).toEqual([])
})
