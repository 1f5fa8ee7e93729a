/**
 * Screenshots of the dashboard in both languages, both themes, on a desktop and a phone.
 * Usage: npx tsx scripts/screenshots.ts [baseURL] [outDir] [hash query, e.g. "region=320200"]
 */
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config'

const base = process.argv[2] ?? 'http://127.0.0.1:5173/'
const out = process.argv[3] ?? 'docs/screenshots'
const extra = process.argv[4] ?? ''
mkdirSync(out, { recursive: true })

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
const devices = {
  desktop: { viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
}
for (const [device, opts] of Object.entries(devices)) {
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const ctx = await browser.newContext({ ...opts, colorScheme: theme })
      const page = await ctx.newPage()
      const q = [lang === 'en' ? 'lang=en' : '', extra].filter(Boolean).join('&')
      await page.goto(`${base}#/${q ? `?${q}` : ''}`)
      await page.locator('[data-test="map-panel"] canvas').first().waitFor()
      await page.waitForTimeout(1200)
      const file = `${out}/${device}-${lang}-${theme}${extra ? '-' + extra.replace(/[^a-z0-9]+/gi, '_') : ''}.png`
      await page.screenshot({ path: file, fullPage: true })
      console.log(file)
      await ctx.close()
    }
  }
}
await browser.close()
