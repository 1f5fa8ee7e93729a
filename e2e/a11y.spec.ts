import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'

test.use({ testIdAttribute: 'data-test' })

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`)
}

for (const [name, url] of [
  ['the province dashboard', './'],
  ['a district with comparisons', './#/?region=320205&compare=320206&indicator=relief_amount&trend=ytd'],
  ['the all-district map', './#/?level=district'],
] as const) {
  test(`axe finds no serious or critical violations on ${name}, light and then dark`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(url)
    await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
    await page.waitForTimeout(500)
    expect(await seriousViolations(page), 'light').toEqual([])
    await page.getByTestId('theme-toggle').click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.waitForTimeout(500)
    expect(await seriousViolations(page), 'dark').toEqual([])
  })
}

// The big screen is dark whatever the system asks for, so one pass covers it.
test('axe finds no serious or critical violations on the big screen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('./#/bigscreen')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  await expect(page.getByTestId('bigscreen')).toHaveCSS('background-color', 'rgb(11, 16, 32)')
  await page.waitForTimeout(500)
  expect(await seriousViolations(page)).toEqual([])
})

test('a phone at 390 px stacks the cards and keeps the map usable without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('./')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
  expect(sw).toBeLessThanOrEqual(cw)
  const a = (await page.getByTestId('kpi-selected').boundingBox())!
  const b = (await page.getByTestId('kpi-collective_contracts').boundingBox())!
  expect(b.y).toBeGreaterThan(a.y + a.height - 1)
  const map = (await page.getByTestId('map-panel').locator('canvas').first().boundingBox())!
  expect(map.width).toBeGreaterThan(300)
})

test('every button and field can be reached with Tab and has a name', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  const unnamed: string[] = []
  const seen = new Set<string>()
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab')
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const labelledBy = el.getAttribute('aria-labelledby')
      const label =
        el.getAttribute('aria-label') ||
        (labelledBy ? document.getElementById(labelledBy)?.textContent?.trim() : '') ||
        (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
        el.innerText?.trim() ||
        el.getAttribute('title') ||
        ''
      return { key: el.outerHTML.slice(0, 160), label, test: el.closest('[data-test]')?.getAttribute('data-test') ?? '' }
    })
    if (!info) continue
    seen.add(info.test)
    if (!info.label) unnamed.push(info.key)
  }
  expect(unnamed).toEqual([])
  for (const t of ['indicator-select', 'period-select', 'views-toggle', 'kpi-selected', 'decal-toggle']) expect([...seen]).toContain(t)
})

test('axe finds no serious or critical violations with the KPI drawer and the saved views open', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto('./')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()

  await page.getByTestId('kpi-selected').click()
  await expect(page.getByTestId('kpi-detail')).toBeVisible()
  await page.waitForTimeout(400)
  expect(await page.getByRole('dialog').first().getAttribute('aria-label')).toMatch(/江苏省 · 职工稳定率/)
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('kpi-detail')).toBeHidden()

  await page.getByTestId('views-toggle').click()
  await expect(page.getByTestId('views-panel')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('views-panel')).toBeHidden()
})

test('axe finds no serious or critical violations with the region tree, an export menu, the export dialog and the import dialogs open', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto('./#/?indicator=may_day_medals&per=workers')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  await expect(page.getByTestId('export-all')).toBeEnabled()
  // The map per 10,000 workers, with its switch on.
  expect(await seriousViolations(page)).toEqual([])

  // The region picker's tree, whole and scrolled, then searched.
  await page.getByTestId('region-picker').click()
  await expect(page.locator('.n-tree-select-menu')).toBeVisible()
  await page.waitForTimeout(300)
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.locator('.n-tree-select-menu')).toHaveCount(0)
  await page.getByTestId('region-picker').locator('input').first().focus()
  await page.keyboard.type('鼓楼')
  await expect(page.locator('.n-tree-select-menu')).toBeVisible()
  await page.waitForTimeout(300)
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.locator('.n-tree-select-menu')).toHaveCount(0)

  await page.getByTestId('ranking-panel').getByTestId('export-menu').click()
  await expect(page.locator('.n-dropdown-menu')).toBeVisible()
  await page.waitForTimeout(300)
  expect(await seriousViolations(page)).toEqual([])
  await page.getByTestId('export-options').click()
  await expect(page.getByTestId('export-dialog')).toBeVisible()
  await page.waitForTimeout(300)
  expect(await seriousViolations(page)).toEqual([])
  await page.getByTestId('export-dialog-close').click()
  await expect(page.getByTestId('export-dialog')).toBeHidden()

  await page.getByTestId('template-button').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.waitForTimeout(300)
  expect(await seriousViolations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await page.getByTestId('import-file').setInputFiles({
    name: 'medals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('region,period,indicator,value\n江都区,2024,五一劳动奖章获得者,61\n江都区,2024,职工总数,90000\n', 'utf8'),
  })
  await expect(page.getByTestId('import-dialog').getByTestId('import-counts')).toBeVisible()
  await page.waitForTimeout(300)
  expect(await seriousViolations(page)).toEqual([])
})

test('the period selects and the region picker name what they focus, and focus shows a ring', async ({ page }) => {
  await page.goto('./')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  for (const [id, name] of [
    ['period-select', '年度'],
    ['from-select', '起始年度'],
    ['indicator-select', '指标'],
  ] as const) {
    await expect(page.getByTestId(id).locator('[tabindex="0"]').first()).toHaveAttribute('aria-label', name)
  }
  await page.getByTestId('lang-toggle').focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  const outline = await page.getByTestId('lang-toggle').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth)
  expect(outline).toBe('solid 2px')
})
