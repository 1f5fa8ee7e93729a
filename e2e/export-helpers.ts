/** Helpers shared by the export suites: open a menu, take the download, read images in the page. */
import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'

export async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
  await expect(page.getByTestId('export-all')).toBeEnabled()
}

export async function fromMenu(page: Page, opener: Locator, item: string): Promise<{ name: string; bytes: Buffer }> {
  // A menu that is still fading out holds the same items.
  await expect(page.locator('.n-dropdown-menu')).toHaveCount(0)
  await opener.click()
  // Wait for the menu's enter transition to end: a click on an item still scaling in can be lost.
  await expect(page.locator('.n-dropdown-menu')).toHaveCount(1)
  await expect(page.locator('.n-dropdown-menu[class*="enter"]')).toHaveCount(0)
  const download = page.waitForEvent('download', { timeout: 45_000 })
  await page.getByTestId(item).click()
  const d = await download
  const path = await d.path()
  return { name: d.suggestedFilename(), bytes: await readFile(path) }
}

export const chartMenu = (page: Page, panel: string) => page.getByTestId(panel).getByTestId('export-menu')
export const allMenu = (page: Page) => page.getByTestId('export-all')

/** Decodes a PNG in the page and counts pixels that are neither white nor transparent. */
export async function pngStats(page: Page, bytes: Buffer) {
  return page.evaluate(async (b64) => {
    const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' })
    const bmp = await createImageBitmap(blob)
    const canvas = new OffscreenCanvas(bmp.width, bmp.height)
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(bmp, 0, 0)
    const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data
    let inked = 0
    const colours = new Set<number>()
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]
      if (a > 0 && !(r > 250 && g > 250 && b > 250)) {
        inked++
        colours.add((r << 16) | (g << 8) | b)
      }
    }
    return { width: bmp.width, height: bmp.height, inked, colours: colours.size, topLeftAlpha: data[3]! }
  }, bytes.toString('base64'))
}

export async function svgText(page: Page, bytes: Buffer) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent ?? '' }
  }, bytes.toString('utf8'))
}
