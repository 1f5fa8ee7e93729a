import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'

test.use({ testIdAttribute: 'data-test', acceptDownloads: true })

async function download(page: Page, panel: string, item: string): Promise<string> {
  await expect(page.locator('.n-dropdown-menu')).toHaveCount(0)
  await page.getByTestId(panel).getByTestId('export-menu').click()
  await expect(page.locator('.n-dropdown-menu')).toHaveCount(1)
  await expect(page.locator('.n-dropdown-menu[class*="enter"]')).toHaveCount(0)
  const d = page.waitForEvent('download', { timeout: 45_000 })
  await page.getByTestId(item).click()
  return (await readFile(await (await d).path())).toString('utf8')
}

/** The filled rectangles of an SVG in the light export palette's bar colours, top to bottom. */
async function barsOf(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    const colours = ['#c0392b', '#8f959e', '#f39c12']
    const bars = Array.from(doc.querySelectorAll('path'))
      .filter((p) => colours.includes((p.getAttribute('fill') ?? '').toLowerCase()))
      .filter((p) => p.hasAttribute('ecmeta_data_index'))
      .map((p) => {
        // Corners of an outline made of M, L (absolute) and l (relative) steps.
        const pts: [number, number][] = []
        for (const [, cmd, args] of (p.getAttribute('d') ?? '').matchAll(/([MLl])([^MLlZz]*)/g)) {
          const [a, b] = args!.trim().split(/[\s,]+/).map(Number)
          const last = pts.at(-1) ?? [0, 0]
          pts.push(cmd === 'l' ? [last[0] + a!, last[1] + b!] : [a!, b!])
        }
        const xs = pts.map((q) => q[0])
        const ys = pts.map((q) => q[1])
        return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), height: Math.max(...ys) - Math.min(...ys) }
      })
      // Bars, not the 10-px swatches of the key.
      .filter((b) => b.height > 4 && b.right - b.left > 0)
      .sort((a, b) => a.top - b.top)
    const zero = Array.from(doc.querySelectorAll('text')).filter((t) => t.textContent?.trim() === '0')
    const zeroX = zero.map((t) => {
      const m = /translate\(([-\d.]+)/.exec(t.getAttribute('transform') ?? '')
      return Number(m?.[1] ?? t.getAttribute('x'))
    })
    return { bars, zeroX }
  }, svg)
}

test('the exported ranking of a count draws bars from zero, their lengths proportional to the values', async ({ page }) => {
  await page.goto('./#/?indicator=legal_aid_cases&period=2023')
  await expect(page.getByTestId('export-all')).toBeEnabled()
  const csv = await download(page, 'ranking-panel', 'export-csv')
  // Code, region, value, …: in ranking order, best first, as the bars are drawn.
  const values = csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1)
    .filter((l) => /^\d{6},/.test(l))
    .map((l) => Number(l.split(',')[2]))
  expect(values.length).toBe(13)
  const svg = await download(page, 'ranking-panel', 'export-svg')
  const { bars, zeroX } = await barsOf(page, svg)
  expect(bars).toHaveLength(values.length)
  const origin = bars[0]!.left
  for (const b of bars) expect(Math.abs(b.left - origin)).toBeLessThan(0.6)
  // The axis tick 0 sits under the bars' common start.
  expect(zeroX.some((x) => Math.abs(x - origin) < 2)).toBe(true)
  const perUnit = (bars[0]!.right - origin) / values[0]!
  bars.forEach((b, k) => expect(Math.abs(b.right - origin - values[k]! * perUnit)).toBeLessThan(1))
})

test('the exported ranking of a rate is a labelled dot plot that keeps the province line on its axis', async ({ page }) => {
  await page.goto('./#/?period=2023')
  await expect(page.getByTestId('export-all')).toBeEnabled()
  const svg = await download(page, 'ranking-panel', 'export-svg')
  const { bars } = await barsOf(page, svg)
  expect(bars).toHaveLength(0)
  const text = await page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').documentElement.textContent ?? '', svg)
  expect(text).toContain('点图：数值轴未从零开始')
  expect(text).toMatch(/江苏省整体 \d+\.\d%/)
})

test('the big screen marks the sample, offers no exports or drill hints, and prints its notes at 14 px or more', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('./#/bigscreen')
  await expect(page.getByTestId('sample-mark')).toHaveText('示例数据')
  await expect(page.getByTestId('ranking-panel').getByTestId('chart-source')).toBeVisible()
  await expect(page.getByTestId('export-menu')).toHaveCount(0)
  await expect(page.getByText('点击地区可下钻')).toHaveCount(0)
  const sizes = await page.locator('[data-test="bigscreen"] footer p').evaluateAll((ps) => ps.map((p) => parseFloat(getComputedStyle(p).fontSize)))
  expect(sizes.length).toBeGreaterThan(0)
  for (const s of sizes) expect(s).toBeGreaterThanOrEqual(14)
})

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
  test('the first figure is on the first screen, above y = 400, and no hint asks for a Shift key', async ({ page }) => {
    await page.goto('./')
    const value = page.getByTestId('kpi-selected').getByTestId('kpi-value')
    await expect(value).not.toHaveText('')
    const box = (await value.boundingBox())!
    expect(box.y + box.height).toBeLessThan(400)
    await expect(page.getByTestId('drill-hint-touch')).toBeVisible()
    await expect(page.getByTestId('drill-hint')).toBeHidden()
    expect(await page.locator('body').innerText()).not.toContain('Shift')
  })

  test('the header is one row that fits: the import button, and the rest in a menu', async ({ page }) => {
    await page.goto('./')
    await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
    const fits = () => page.locator('.app-header').evaluate((h) => Array.from(h.querySelectorAll('*')).every((el) => el.getBoundingClientRect().right <= h.clientWidth + 1))
    expect(await fits()).toBe(true)
    await expect(page.getByTestId('import-button')).toBeVisible()
    await expect(page.getByTestId('lang-toggle')).toHaveCount(0)
    // Language, then theme, from the menu; the link keeps the language.
    await page.getByTestId('more-menu').tap()
    await page.getByTestId('more-language').tap()
    await expect(page.locator('.app-header h1')).toHaveText('Union Data Dashboard')
    await expect(page).toHaveURL(/lang=en/)
    expect(await fits()).toBe(true)
    await page.getByTestId('more-menu').tap()
    await page.getByTestId('more-theme').tap()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    // The template and the datasets open their dialogs from there too.
    await page.getByTestId('more-menu').tap()
    await page.getByTestId('more-template').tap()
    await expect(page.getByTestId('template-dialog')).toBeVisible()
  })
})

/** Region code → value of a chart's CSV (code, region, value, …). */
function valuesOf(csv: string): Map<string, { value: number; line: string }> {
  const rows = csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => /^\d{6},/.test(l))
  return new Map(rows.map((l) => [l.split(',')[0]!, { value: Number(l.split(',')[2]), line: l }]))
}

test('a count map can show the count per 10,000 workers, a ratio of sums, kept in the link and said in title, unit and export', async ({ page }) => {
  await page.goto('./#/?indicator=may_day_medals&period=2023')
  await expect(page.getByTestId('export-all')).toBeEnabled()
  const counts = valuesOf(await download(page, 'ranking-panel', 'export-csv'))
  await page.goto('./#/?indicator=total_workers&period=2023')
  await expect(page.getByTestId('export-all')).toBeEnabled()
  // The workforce itself is not set against itself.
  await expect(page.getByTestId('map-panel').getByTestId('per-workers')).toHaveCount(0)
  const workers = valuesOf(await download(page, 'ranking-panel', 'export-csv'))

  await page.goto('./#/?indicator=may_day_medals&period=2023')
  const map = page.getByTestId('map-panel')
  await expect(map.getByTestId('per-workers')).toHaveAttribute('aria-label', '地图数值')
  const toggle = map.getByRole('radio', { name: '每万名职工' })
  await expect(toggle).not.toBeChecked()
  await map.getByRole('radio', { name: '总数' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(toggle).toBeChecked()
  await expect(page).toHaveURL(/per=workers/)
  await expect(map.locator('h2')).toContainText('（每万名职工）')
  await expect(map.locator('header .unit')).toHaveText('单位：人（每万名职工）')
  await expect(page.getByTestId('map-chart')).toHaveAttribute('aria-label', /每万名职工/)
  await expect(page.getByText('地图：每万名职工')).toBeVisible()

  const csv = await download(page, 'map-panel', 'export-csv')
  expect(csv).toContain('人（每万名职工）')
  const per = valuesOf(csv)
  expect(per.size).toBe(13)
  let whole = 0
  for (const [code, { value, line }] of per) {
    const expected = Number(((counts.get(code)!.value / workers.get(code)!.value) * 10_000).toFixed(1))
    // A city whose figure stands on part of its districts says so; the others are Σmedals ÷ Σworkers × 10,000.
    if (line.includes('数据覆盖')) continue
    expect(value, code).toBeCloseTo(expected, 5)
    whole++
  }
  expect(whole).toBeGreaterThan(6)

  // The ranking stays on the count; the switch comes back with the link.
  const ranking = valuesOf(await download(page, 'ranking-panel', 'export-csv'))
  expect(ranking.get('320100')!.value).toBe(counts.get('320100')!.value)
  await page.reload()
  await expect(page.getByTestId('map-panel').getByRole('radio', { name: '每万名职工' })).toBeChecked()
  await page.getByTestId('map-panel').screenshot({ path: 'test-results/per-workers-map.png' })
})
