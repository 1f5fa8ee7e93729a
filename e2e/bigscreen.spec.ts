import { expect, test, type Page } from '@playwright/test'

test.use({ testIdAttribute: 'data-test' })

async function noScrollbars(page: Page) {
  const [sw, cw, sh, ch] = await page.evaluate(() => {
    const d = document.documentElement
    return [d.scrollWidth, d.clientWidth, d.scrollHeight, d.clientHeight]
  })
  expect(sw).toBeLessThanOrEqual(cw)
  expect(sh).toBeLessThanOrEqual(ch)
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test(`big screen fills ${size.width}×${size.height} in the dark theme without scrollbars`, async ({ page }) => {
    await page.setViewportSize(size)
    await page.goto('./')
    await page.getByTestId('bigscreen-link').click()
    await expect(page).toHaveURL(/#\/bigscreen/)
    const stage = page.getByTestId('bigscreen').locator('.stage')
    await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
    const box = (await stage.boundingBox())!
    expect(Math.round(box.width)).toBe(size.width)
    expect(Math.round(box.height)).toBe(size.height)
    await noScrollbars(page)
    // Nothing is cut off at the foot of a panel: no panel holds more than it shows.
    const overflow = await page.getByTestId('bigscreen').evaluate((el) =>
      Array.from(el.querySelectorAll('.stage > .body > *, .stage > .body > .col > *'))
        .filter((p) => p.scrollHeight > p.clientHeight + 1)
        .map((p) => `${p.getAttribute('data-test') ?? p.className}: ${p.scrollHeight - p.clientHeight} px`),
    )
    expect(overflow).toEqual([])
    await expect(page.locator('.app-header')).toHaveCount(0)
    const bg = await page.getByTestId('bigscreen').evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(bg).toBe('rgb(11, 16, 32)')
  })
}

test('the big screen cycles through saved views and leaves back to the dashboard', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.addInitScript(() => {
    localStorage.setItem(
      'union-dashboard.views',
      JSON.stringify([
        { id: 'a', name: '无锡', query: { region: '320200' }, savedAt: '' },
        { id: 'b', name: '苏州帮扶', query: { region: '320500', indicator: 'relief_amount' }, savedAt: '' },
      ]),
    )
  })
  await page.goto('./#/bigscreen?every=3')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  await page.getByTestId('carousel-start').click()
  await expect(page.getByTestId('carousel-current')).toContainText('无锡')
  await expect(page).toHaveURL(/region=320200/)
  await expect(page.getByTestId('carousel-current')).toContainText('苏州帮扶', { timeout: 8000 })
  await expect(page).toHaveURL(/region=320500/)
  await expect(page.getByTestId('map-panel')).toHaveAttribute('data-map', '320500')
  await page.getByTestId('carousel-stop').click()
  await page.getByTestId('bigscreen-exit').click()
  await expect(page.locator('.app-header')).toBeVisible()
  await expect(page).toHaveURL(/region=320500/)
})
