/**
 * Screenshots of every view: the dashboard in both languages and both themes on a 1920 × 1080
 * desktop and a 390 × 844 phone, the all-district map, a city drill-down, and the big screen at
 * 1920 × 1080 and 3840 × 2160.
 * Usage: npx tsx scripts/screenshots.ts [baseURL] [outDir] [name filter, e.g. "bigscreen"]
 */
import { mkdirSync } from 'node:fs'
import { chromium, type BrowserContextOptions } from '@playwright/test'
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config'

const base = process.argv[2] ?? 'http://127.0.0.1:5173/'
const out = process.argv[3] ?? 'docs/screenshots'
const only = process.argv[4] ?? ''
mkdirSync(out, { recursive: true })

type Theme = 'light' | 'dark'
interface Shot {
  name: string
  route: string
  query: string
  device: BrowserContextOptions
  theme: Theme
  fullPage: boolean
  /** Scrolls this element to the top before a viewport-sized shot. */
  scrollTo?: string
}

const desktop = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 }
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
const shots: Shot[] = []
for (const [device, opts] of Object.entries({ desktop, phone }))
  for (const lang of ['zh-CN', 'en'] as const)
    for (const theme of ['light', 'dark'] as const)
      shots.push({ name: `${device}-${lang}-${theme}`, route: '/', query: lang === 'en' ? 'lang=en' : '', device: opts, theme, fullPage: device === 'desktop' })
shots.push(
  { name: 'desktop-zh-CN-light-districts', route: '/', query: 'level=district&indicator=legal_aid_cases', device: desktop, theme: 'light', fullPage: false, scrollTo: '[data-test="map-panel"]' },
  { name: 'desktop-zh-CN-dark-city', route: '/', query: 'region=320205&compare=320211,320213&indicator=relief_amount&trend=ytd', device: desktop, theme: 'dark', fullPage: true },
  { name: 'phone-zh-CN-light-map', route: '/', query: 'region=320200', device: phone, theme: 'light', fullPage: false, scrollTo: '[data-test="map-panel"]' },
  { name: 'bigscreen-zh-CN-1920', route: '/bigscreen', query: 'region=320200', device: desktop, theme: 'dark', fullPage: false },
  { name: 'bigscreen-en-1920', route: '/bigscreen', query: 'lang=en', device: desktop, theme: 'dark', fullPage: false },
  { name: 'bigscreen-zh-CN-3840', route: '/bigscreen', query: '', device: { viewport: { width: 3840, height: 2160 }, deviceScaleFactor: 1 }, theme: 'dark', fullPage: false },
)

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
for (const s of shots.filter((x) => x.name.includes(only))) {
  const ctx = await browser.newContext({ ...s.device, colorScheme: s.theme })
  // The theme comes from the saved preference when there is one; start each shot from the system's.
  await ctx.addInitScript((theme) => localStorage.setItem('union-dashboard.ui', JSON.stringify({ theme })), s.theme)
  const page = await ctx.newPage()
  page.on('pageerror', (e) => console.error(`${s.name}: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`${s.name}: ${m.text()}`)
  })
  await page.goto(`${base}#${s.route}${s.query ? `?${s.query}` : ''}`)
  await page.locator('[data-test="map-panel"] canvas').first().waitFor()
  if (s.fullPage) {
    // Panels below the fold load as they come near the viewport: pass over the page once so a
    // full-page shot shows them, then go back to the top.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y)
        await new Promise((r) => setTimeout(r, 120))
      }
      window.scrollTo(0, 0)
    })
    await page.locator('.lazy-panel[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined)
  }
  if (s.scrollTo) await page.locator(s.scrollTo).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8))
  await page.waitForTimeout(1500)
  const file = `${out}/${s.name}.png`
  await page.screenshot({ path: file, fullPage: s.fullPage })
  console.log(file)
  await ctx.close()
}
await browser.close()
