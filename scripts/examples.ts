/**
 * The export examples in docs/examples, made by the built app's own export menus (江苏省 · 2023年 ·
 * 职工稳定率, sample data): report PNGs of the map, trend and ranking, the ranking's SVG, the deck,
 * the Word brief, and the data as CSV and XLSX. With LibreOffice and pdftoppm on the PATH, the
 * brief's and the deck's pages are rendered to PNG beside them (60 dpi) for a look without Office.
 * Usage: npx tsx scripts/examples.ts [baseURL] [outDir]
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config'

const base = process.argv[2] ?? 'http://127.0.0.1:5173/'
const out = process.argv[3] ?? 'docs/examples'
mkdirSync(out, { recursive: true })

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, colorScheme: 'light' })
const page = await ctx.newPage()
page.on('pageerror', (e) => console.error(e.message))
await page.goto(`${base}#/?period=2023`)
await page.locator('[data-test="map-panel"] canvas').first().waitFor()
await page.locator('[data-test="export-all"]:not([disabled])').waitFor()

/** Opens a menu, picks an item and saves the download as `name`. */
async function save(page: Page, opener: string, item: string, name: string) {
  await page.locator('.n-dropdown-menu').waitFor({ state: 'detached' })
  await page.locator(opener).scrollIntoViewIfNeeded()
  await page.locator(opener).click()
  await page.locator('.n-dropdown-menu').waitFor()
  await page.waitForTimeout(300)
  const download = page.waitForEvent('download', { timeout: 90_000 })
  await page.locator(`[data-test="${item}"]`).click()
  await (await download).saveAs(join(out, name))
  console.log(join(out, name))
}

const menu = (panel: string) => `[data-test="${panel}"] [data-test="export-menu"]`
await save(page, menu('map-panel'), 'export-png', 'chart-map.png')
await save(page, menu('trend-panel'), 'export-png', 'chart-trend.png')
await save(page, menu('ranking-panel'), 'export-png', 'chart-ranking.png')
await save(page, menu('ranking-panel'), 'export-svg', 'chart-ranking.svg')
await save(page, '[data-test="export-all"]', 'export-all-pptx', 'slides.pptx')
await save(page, '[data-test="export-all"]', 'export-all-docx', 'brief.docx')
await save(page, '[data-test="export-all"]', 'export-all-viewCsv', 'data.csv')
await save(page, '[data-test="export-all"]', 'export-all-viewXlsx', 'data.xlsx')
await browser.close()

/** Renders an Office file's pages to `<stem>-page-N.png` beside it. */
function pages(file: string, stem: string) {
  const work = mkdtempSync(join(tmpdir(), 'examples-'))
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, join(out, file)], { stdio: 'ignore' })
  const pdf = join(work, file.replace(/\.\w+$/, '.pdf'))
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(work, 'page')])
  for (const f of readdirSync(work).filter((n) => /^page-\d+\.png$/.test(n))) {
    const n = Number(/(\d+)/.exec(f)![1])
    const target = join(out, `${stem}-page-${n}.png`)
    try {
      renameSync(join(work, f), target)
    } catch {
      copyFileSync(join(work, f), target)
    }
    console.log(target)
  }
}
try {
  pages('brief.docx', 'brief')
  pages('slides.pptx', 'slides')
} catch (e) {
  console.error(`LibreOffice or pdftoppm could not render the pages: ${e instanceof Error ? e.message : String(e)}`)
}
