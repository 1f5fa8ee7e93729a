import { expect, test, type Page } from '@playwright/test'

/**
 * English messages and the Naive UI dark theme are chunks fetched only when wanted; a start in
 * English or dark waits for them, so the first paint is already right.
 */
test.use({ testIdAttribute: 'data-test' })

const EN_CHUNK = /\/en-messages-[\w-]+\.js$/
const DARK_CHUNK = /\/dark-[\w-]+\.js$/
const CJK = /[\u3400-\u9fff]/

function requests(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (r) => urls.push(r.url()))
  return urls
}

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

/**
 * Records, from the first DOM change on, every text the title shows and the text colour a control
 * is first drawn in. The default control, the header's theme button, is there from the first render.
 */
async function watchFirstPaint(page: Page, title = '.app-header h1', control = '[data-test="theme-toggle"]') {
  await page.addInitScript(
    ([titleSel, controlSel]) => {
      const seen = { titles: [] as string[], controlColor: '' }
      Object.assign(window, { __firstPaint: seen })
      new MutationObserver(() => {
        const text = document.querySelector(titleSel)?.textContent ?? ''
        if (text && seen.titles.at(-1) !== text) seen.titles.push(text)
        const el = document.querySelector(controlSel)
        if (el && !seen.controlColor) seen.controlColor = getComputedStyle(el).color
      }).observe(document, { childList: true, subtree: true, characterData: true })
    },
    [title, control] as const,
  )
}

function firstPaint(page: Page): Promise<{ titles: string[]; controlColor: string }> {
  return page.evaluate(() => (window as unknown as { __firstPaint: { titles: string[]; controlColor: string } }).__firstPaint)
}

/** The select's background and text colours; the dark theme's background is translucent, so the text tells light from dark. */
const selectColors = (page: Page) =>
  page
    .getByTestId('indicator-select')
    .locator('.n-base-selection-label')
    .evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, text: getComputedStyle(el.querySelector('.n-base-selection-input') ?? el).color }))

/** Sum of the RGB channels: dark text on light controls is well below 300, light text on dark well above 600. */
const brightness = (rgb: string) => (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).reduce((s, n) => s + Number(n), 0)

test('the default Chinese light view fetches neither the English messages nor the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  const urls = requests(page)
  await page.goto('./')
  await ready(page)
  await page.waitForLoadState('networkidle')
  await expect(page.locator('.app-header h1')).toHaveText('工会数据看板')
  expect(urls.filter((u) => EN_CHUNK.test(u))).toEqual([])
  expect(urls.filter((u) => DARK_CHUNK.test(u))).toEqual([])
})

test('?lang=en shows English from the first paint', async ({ page }) => {
  await watchFirstPaint(page)
  const urls = requests(page)
  await page.goto('./?lang=en')
  await ready(page)
  await expect(page.locator('.app-header h1')).toHaveText('Union Data Dashboard')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  const { titles } = await firstPaint(page)
  expect(titles).toEqual(['Union Data Dashboard'])
  await expect(page.locator('.filter-bar')).not.toContainText(CJK)
  expect(urls.filter((u) => EN_CHUNK.test(u))).toHaveLength(1)
})

test('switching to English at run time loads the messages, then switches', async ({ page }) => {
  const urls = requests(page)
  await page.goto('./')
  await ready(page)
  await page.getByTestId('lang-toggle').click()
  await expect(page.locator('.app-header h1')).toHaveText('Union Data Dashboard')
  await expect(page).toHaveURL(/lang=en/)
  expect(urls.filter((u) => EN_CHUNK.test(u))).toHaveLength(1)
  await page.getByTestId('lang-toggle').click()
  await expect(page.locator('.app-header h1')).toHaveText('工会数据看板')
})

test('switching to dark at run time makes the Naive UI controls dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  const urls = requests(page)
  await page.goto('./')
  await ready(page)
  const light = await selectColors(page)
  expect(light.background).toBe('rgb(255, 255, 255)')
  expect(brightness(light.text)).toBeLessThan(300)
  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(async () => brightness((await selectColors(page)).text)).toBeGreaterThan(600)
  expect((await selectColors(page)).background).not.toBe(light.background)
  expect(urls.filter((u) => DARK_CHUNK.test(u))).toHaveLength(1)
  await page.getByTestId('theme-toggle').click()
  await expect.poll(() => selectColors(page)).toEqual(light)
})

test('a saved dark preference paints dark controls first', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.addInitScript(() => localStorage.setItem('union-dashboard.ui', JSON.stringify({ locale: 'zh-CN', theme: 'dark' })))
  await watchFirstPaint(page)
  await page.goto('./')
  await ready(page)
  expect(brightness((await firstPaint(page)).controlColor)).toBeGreaterThan(600)
})

test('a saved English preference paints English first', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('union-dashboard.ui', JSON.stringify({ locale: 'en', theme: 'light' })))
  await watchFirstPaint(page)
  await page.goto('./')
  await ready(page)
  expect((await firstPaint(page)).titles).toEqual(['Union Data Dashboard'])
})

test('the big screen opened directly is dark from the first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await watchFirstPaint(page, '.bigscreen h1', '.bigscreen .controls .n-input__input-el')
  await page.goto('./#/bigscreen')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  expect(brightness((await firstPaint(page)).controlColor)).toBeGreaterThan(600)
})

test('the big screen opened with ?lang=en in its hash is English from the first paint', async ({ page }) => {
  await watchFirstPaint(page, '.bigscreen h1', '.bigscreen .controls .n-input__input-el')
  await page.goto('./#/bigscreen?lang=en')
  await expect(page.getByTestId('map-panel').locator('canvas').first()).toBeVisible()
  const { titles } = await firstPaint(page)
  expect(titles).toHaveLength(1)
  expect(titles[0]).not.toMatch(CJK)
})
