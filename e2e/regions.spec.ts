import { expect, test, type Page } from '@playwright/test'

test.use({ testIdAttribute: 'data-test' })

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

/** Presses Tab until focus is inside the element with this data-test, and returns what has focus. */
async function tabTo(page: Page, testId: string, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const inside = await page.evaluate((id) => !!document.activeElement?.closest(`[data-test="${id}"]`), testId)
    if (inside) return page.locator(':focus')
  }
  throw new Error(`Tab never reached ${testId}`)
}

test('region picker: from page load, Tab to 地区, type 锡山 and Enter make 锡山区 the scope', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const focused = await tabTo(page, 'region-picker')
  await expect(focused).toHaveAttribute('aria-label', '地区')
  await page.keyboard.type('锡山')
  await expect(page.locator('.n-tree-node', { hasText: '锡山区' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/region=320205/)
  await expect(page.getByTestId('breadcrumb')).toContainText('锡山区')
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-map', '320200')
  await expect(page.getByTestId('region-picker')).toContainText('锡山区')

  // The same tree picks regions to compare: English names and the arrow keys work too.
  await page.getByTestId('compare-select').click()
  await page.keyboard.type('Huishan')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/compare=320206/)
})

test('keyboard drill: a breadcrumb link goes up, a table row goes down, headers sort and say so', async ({ page }) => {
  await page.goto('./#/?region=320205')
  await ready(page)
  const crumb = await tabTo(page, 'crumb-320200')
  await expect(crumb).toHaveAttribute('href', /region=320200/)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('breadcrumb')).not.toContainText('锡山区')
  await expect(page).toHaveURL(/region=320200/)
  // The focus stays on the breadcrumb, on the new current item, so Tab goes on from there.
  await expect(page.getByTestId('crumb-320200').locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('crumb-320000').locator('a')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).not.toHaveURL(/region=/)
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-test="breadcrumb"]'))).toBe(true)
  await page.goBack()
  await expect(page).toHaveURL(/region=320200/)

  await page.getByTestId('table-lazy').scrollIntoViewIfNeeded()
  const table = page.getByTestId('region-table')
  const header = table.locator('th', { hasText: '职工稳定率' }).first()
  await expect(header).toHaveAttribute('aria-sort', 'none')
  await header.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(header).toHaveAttribute('aria-sort', /descending|ascending/)

  const row = page.getByTestId('table-row-320281')
  await expect(row).toHaveAttribute('tabindex', '0')
  await row.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/region=320281/)
  await expect(page.getByTestId('breadcrumb')).toContainText('江阴市')
})

test('the map and the ranking take focus, speak their values and hand Enter to the picker', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const ranking = page.getByTestId('ranking-chart')
  await expect(ranking).toHaveAttribute('aria-label', /最高：.+，[\d.]+%；最低：.+，[\d.]+%；江苏省整体：[\d.]+%/)
  await ranking.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('region-picker').locator('input')).toBeFocused()
  await page.keyboard.type('江阴')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/region=320281/)
})

test('the two 鼓楼区 are named with their cities in the chips and the trend legend', async ({ page }) => {
  await page.goto('./#/?region=320106&compare=320302')
  await ready(page)
  await expect(page.getByTestId('chip-scope')).toContainText('南京市鼓楼区')
  await expect(page.getByTestId('chip-compare')).toContainText('徐州市鼓楼区')
  const canvas = page.getByTestId('trend-panel').locator('canvas').first()
  await canvas.scrollIntoViewIfNeeded()
  const box = (await canvas.boundingBox())!
  const tooltip = page.getByTestId('trend-panel').locator('.chart-tooltip')
  // The legend is drawn on the canvas; the tooltip lists the same series names as text.
  await expect(async () => {
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5)
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6)
    await expect(tooltip).toContainText('南京市鼓楼区', { timeout: 1000 })
  }).toPass()
  await expect(tooltip).toContainText('徐州市鼓楼区')
  // One district alone keeps its short name.
  await page.goto('./#/?region=320106')
  await expect(page.getByTestId('chip-scope')).toHaveText(/地区：鼓楼区/)
  // A title names the district on its own, so it says which 鼓楼区.
  await expect(page.getByTestId('trend-panel').locator('h2')).toHaveText('南京市鼓楼区职工稳定率趋势')
})

test('Back after a year change returns to the same district in its previous year', async ({ page }) => {
  await page.goto('./#/?region=320200')
  await ready(page)
  await page.getByTestId('region-picker').click()
  await page.keyboard.type('锡山')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/region=320205/)
  await page.getByTestId('period-select').click()
  await page.keyboard.type('2023')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/period=2023/)
  await expect(page.getByTestId('period-select')).toContainText('2023')

  await page.goBack()
  await expect(page).toHaveURL(/region=320205/)
  await expect(page).not.toHaveURL(/period=/)
  await expect(page.getByTestId('period-select')).toContainText('2024')
  await expect(page.getByTestId('breadcrumb')).toContainText('锡山区')

  await page.goBack()
  await expect(page).not.toHaveURL(/region=320205/)
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-map', '320200')
})
