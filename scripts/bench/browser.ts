/**
 * The dashboard's production build in Chromium, driven by Playwright, at a million rows:
 *
 *   import → paint   the app opened with ?data=<the tidy CSV, served from the same origin>; from
 *                    navigation start to the last chart frame after the data notice shows, the page
 *                    then staying quiet (no canvas drawing) for a second
 *   long tasks       Long Tasks API entries on the main thread over the same span
 *   filter change    50 changes of region, indicator or period through the URL (as a link or the
 *                    filter bar does), each from the change to the charts' last frame (ECharts'
 *                    update animation included) and to their first frame; on every other change,
 *                    the floor: the same final options applied to bare ECharts instances
 *
 *   node --import tsx/esm scripts/bench/browser.ts <tidy.csv>   (run.ts runs it after building
 *   .bench/dist; it serves that folder on port 4194 with vite preview)
 *
 * Prints one JSON line with the rows for docs/PERFORMANCE.md.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config'
import { quantile } from './stats'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DIST = join(ROOT, '.bench/dist')
// 4194 unless taken; BENCH_PORT chooses another.
const PORT = Number(process.env.BENCH_PORT ?? 4194)
const csv = process.argv[2]
if (!csv || !existsSync(join(DIST, 'index.html'))) throw new Error('usage: browser.ts <tidy.csv>, after building .bench/dist')

mkdirSync(join(DIST, 'bench-data'), { recursive: true })
copyFileSync(csv, join(DIST, 'bench-data/tidy.csv'))

/**
 * Runs in the page before the app: dates canvas drawing (one mark per frame) and collects long
 * tasks. Plain JavaScript text, so that nothing the TypeScript loader adds ends up in the page.
 */
const INSTRUMENT = `(() => {
  const draws = []
  const bench = { lastDraw: 0, draws, longTasks: [], firstDrawAfter: (t) => draws.find((d) => d > t) ?? 0 }
  window.__bench = bench
  const proto = CanvasRenderingContext2D.prototype
  let frameMark = -1
  for (const name of ['clearRect', 'fillRect', 'fill', 'stroke', 'drawImage', 'fillText']) {
    const original = proto[name]
    proto[name] = function (...a) {
      const now = performance.now()
      bench.lastDraw = now
      if (now - frameMark > 4) {
        frameMark = now
        draws.push(now)
      }
      return original.apply(this, a)
    }
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
})()`

/** ECharts' own setOption (not the option manager's), as the minifier writes it. */
const SET_OPTION = /(\.prototype\.setOption=function\(\w,\w,\w\)\{)(if\(!this\[)/

/**
 * The floor for one change: the app's charts' final options (getOption) applied, replacing, to bare
 * ECharts instances of the same size outside the app. Returns the time the options were applied.
 */
const APPLY_TO_BARE = `(() => {
  const w = window
  w.__bare ??= []
  const app = [...(w.__benchCharts ?? [])].filter((c) => !w.__bare.includes(c) && !c.isDisposed() && c.getDom().isConnected)
  const options = app.map((c) => c.getOption())
  while (w.__bare.length < app.length) {
    const i = w.__bare.length
    const dom = app[i].getDom()
    const div = document.createElement('div')
    div.style.cssText = 'position:absolute;left:0;top:0;z-index:-1;width:' + dom.clientWidth + 'px;height:' + dom.clientHeight + 'px'
    document.body.appendChild(div)
    w.__bare.push(new app[i].constructor(div, null, { renderer: 'canvas' }))
  }
  const t = performance.now()
  options.forEach((o, i) => w.__bare[i].setOption(o, true))
  return { t, charts: app.length }
})()`

async function main() {
  const taken = await fetch(`http://127.0.0.1:${PORT}/`).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`port ${PORT} is in use by another server; set BENCH_PORT to a free port`)
  const server = spawn('npx', ['vite', 'preview', '--outDir', '.bench/dist', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'pipe', detached: true })
  let serverLog = ''
  server.stdout.on('data', (d: Buffer) => (serverLog += d.toString()))
  server.stderr.on('data', (d: Buffer) => (serverLog += d.toString()))
  server.on('exit', (code) => {
    if (code) console.error(`vite preview exited with ${code}: ${serverLog.trim()}`)
  })
  const base = `http://127.0.0.1:${PORT}/`
  try {
    for (let k = 0; k < 100; k++) {
      try {
        if ((await fetch(base)).ok) break
      } catch {
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const version = `Chromium ${browser.version()}`
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
    await page.addInitScript({ content: INSTRUMENT })
    // The floor needs the app's chart instances: the ECharts class in the bundle is patched to note
    // each instance that receives an option. Nothing else in the bundle changes.
    let patched = false
    await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
      const response = await route.fetch()
      const body = await response.text()
      const next = body.replace(SET_OPTION, '$1(window.__benchCharts||(window.__benchCharts=new Set)).add(this);$2')
      if (next !== body) patched = true
      await route.fulfill({ response, body: next })
    })

    // Import → paint.
    await page.goto(`${base}?data=bench-data/tidy.csv#/`)
    await page.locator('[data-test="data-notice"]').waitFor({ timeout: 120_000 })
    const noticeAt = await page.evaluate(() => performance.now())
    await page.waitForFunction(() => {
      const b = (window as unknown as { __bench: { lastDraw: number } }).__bench
      return performance.now() - b.lastDraw > 1000
    }, undefined, { timeout: 60_000, polling: 100 })
    const imported = await page.evaluate((after) => {
      const b = (window as unknown as { __bench: { lastDraw: number; longTasks: { start: number; duration: number }[] } }).__bench
      const canvases = document.querySelectorAll('canvas').length
      return { paintedAt: b.lastDraw, after, canvases, longTasks: b.longTasks.slice() }
    }, noticeAt)
    const maxTask = Math.max(0, ...imported.longTasks.map((t) => t.duration))
    const over50 = imported.longTasks.filter((t) => t.duration > 50)

    // Filter changes through the URL, as the filter bar and links change it.
    const regions = ['320100', '320200', '320300', '320400', '320500', '320600', '320700', '320800', '320900', '321000', '321100', '321200', '321300', '320102', '321012']
    const indicators = ['collective_contracts', 'worker_stability_rate', 'may_day_medals', 'skill_upgrade_rate', 'relief_amount', 'mutual_insurance_enrolled', 'legal_aid_cases']
    const years = Array.from({ length: 20 }, (_, k) => String(2004 + k))
    let sel = { region: '320000', indicator: 'worker_stability_rate', period: '2024' }
    const settled: number[] = []
    const first: number[] = []
    const floorSettled: number[] = []
    const floorFirst: number[] = []
    let floorCharts = 0
    for (let k = 0; k < 50; k++) {
      if (k % 3 === 0) sel = { ...sel, region: regions[(k * 7) % regions.length]! }
      else if (k % 3 === 1) sel = { ...sel, period: years[(k * 11) % years.length]! }
      else sel = { ...sel, indicator: indicators[(k * 5) % indicators.length]! }
      const query = new URLSearchParams(sel).toString()
      const t0 = await page.evaluate((q) => {
        const t = performance.now()
        location.hash = `#/?${q}`
        return t
      }, query)
      await page.waitForFunction(
        (t) => {
          const b = (window as unknown as { __bench: { lastDraw: number } }).__bench
          return b.lastDraw > t && performance.now() - b.lastDraw > 250
        },
        t0,
        { timeout: 30_000, polling: 50 },
      )
      const r = await page.evaluate((t) => {
        const b = (window as unknown as { __bench: { lastDraw: number; firstDrawAfter: (t: number) => number } }).__bench
        return { last: b.lastDraw - t, first: b.firstDrawAfter(t) - t }
      }, t0)
      settled.push(r.last)
      first.push(r.first)
      // The floor on every other change keeps the run short; each one waits for two animations.
      if (patched && k % 2 === 0) {
        const bare = (await page.evaluate(APPLY_TO_BARE)) as { t: number; charts: number }
        await page.waitForFunction(
          (t) => {
            const b = (window as unknown as { __bench: { lastDraw: number } }).__bench
            return b.lastDraw > t && performance.now() - b.lastDraw > 250
          },
          bare.t,
          { timeout: 30_000, polling: 50 },
        )
        const f = await page.evaluate((t) => {
          const b = (window as unknown as { __bench: { lastDraw: number; firstDrawAfter: (t: number) => number } }).__bench
          return { last: b.lastDraw - t, first: b.firstDrawAfter(t) - t }
        }, bare.t)
        floorSettled.push(f.last)
        floorFirst.push(f.first)
        floorCharts = bare.charts
      }
    }
    await browser.close()

    const ms = (n: number) => `${n.toFixed(0)} ms`
    const rows = [
      {
        measure: `Chromium, production build: ?data= link to a 1,000,000-row CSV → all charts painted (${imported.canvases} canvases)`,
        ours: ms(imported.paintedAt),
        reference: `data notice shown at ${ms(imported.after)}`,
        ratio: '—',
        target: '—',
        met: null,
      },
      {
        measure: 'Chromium: longest main-thread task during the import (Long Tasks API)',
        ours: ms(maxTask),
        reference: `${over50.length} task${over50.length === 1 ? '' : 's'} over 50 ms`,
        ratio: '—',
        target: 'no task > 50 ms',
        met: over50.length === 0,
      },
      {
        measure: 'Chromium: filter change → all charts repainted, last frame (ECharts update animation included), 50 changes',
        ours: `p50 ${ms(quantile(settled, 0.5))}, p95 ${ms(quantile(settled, 0.95))}`,
        reference: floorSettled.length ? `floor (same options on ${floorCharts} bare ECharts, ${floorSettled.length} changes) p50 ${ms(quantile(floorSettled, 0.5))}, p95 ${ms(quantile(floorSettled, 0.95))}` : 'floor not measured',
        ratio: floorSettled.length ? `${(quantile(settled, 0.5) / quantile(floorSettled, 0.5)).toFixed(2)} (p50), ${(quantile(settled, 0.95) / quantile(floorSettled, 0.95)).toFixed(2)} (p95)` : '—',
        target: 'app ÷ floor ≤ 1.3',
        met: floorSettled.length ? quantile(settled, 0.5) / quantile(floorSettled, 0.5) <= 1.3 && quantile(settled, 0.95) / quantile(floorSettled, 0.95) <= 1.3 : null,
      },
      {
        measure: 'Chromium: filter change → first chart frame, 50 changes',
        ours: `p50 ${ms(quantile(first, 0.5))}, p95 ${ms(quantile(first, 0.95))}`,
        reference: floorFirst.length ? `floor p50 ${ms(quantile(floorFirst, 0.5))}, p95 ${ms(quantile(floorFirst, 0.95))}` : 'floor not measured',
        ratio: floorFirst.length ? `${(quantile(first, 0.5) / quantile(floorFirst, 0.5)).toFixed(2)} (p50), ${(quantile(first, 0.95) / quantile(floorFirst, 0.95)).toFixed(2)} (p95)` : '—',
        target: 'app ÷ floor ≤ 1.3',
        met: floorFirst.length ? quantile(first, 0.5) / quantile(floorFirst, 0.5) <= 1.3 : null,
      },
    ]
    const notes = [
      ...(patched ? [] : ['The floor was not measured: the ECharts class was not found in the built bundle (scripts/bench/browser.ts, SET_OPTION).']),
      `Long tasks during the import: ${over50.length === 0 ? 'none over 50 ms' : over50.map((t) => `${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)} ms`).slice(0, 6).join(', ')}.`,
    ]
    console.log(JSON.stringify({ rows, notes, version }))
  } finally {
    try {
      if (server.pid) process.kill(-server.pid)
    } catch {
      // Already gone.
    }
  }
}

await main()
