/**
 * The interaction rows of the Chromium bench: what a filter change costs on the main thread and how
 * soon every chart shows it, against bare ECharts given the same options; and the scripts the first
 * view fetches. browser.ts runs these after its import; this file also runs alone, on any data the
 * page opens with:
 *
 *   node --import tsx/esm scripts/bench/repaint.ts <distDir> [port] [?data=…]
 *
 * (it serves <distDir> with vite preview, the ECharts class patched as below, and prints one JSON
 * line of rows).
 */
import { spawn } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { quantile, type Row } from './stats'

/**
 * Runs in the page before the app: dates canvas drawing (one mark per frame, overall and per chart)
 * and collects long tasks. Plain JavaScript text, so that nothing the TypeScript loader adds ends
 * up in the page.
 */
export const INSTRUMENT = `(() => {
  const draws = []
  // Per chart (its ECharts root element): the start of each frame it drew.
  const byChart = new Map()
  const bench = {
    lastDraw: 0,
    draws,
    byChart,
    longTasks: [],
    firstDrawAfter: (t) => draws.find((d) => d > t) ?? 0,
    // Rendering frames between the first and the last chart's first drawing after t.
    frameSpreadAfter: (t, bare) => {
      const frames = []
      for (const [root, times] of byChart) {
        if (!root.isConnected || root.hasAttribute('data-bench-bare') !== bare) continue
        const f = times.find((d) => d > t)
        if (f) frames.push(bench.frameOf.get(f))
      }
      return frames.length ? Math.max(...frames) - Math.min(...frames) : 0
    },
    // First frame after t of each chart that drew since, bare instances or the app's.
    chartFirstsAfter: (t, bare) => {
      const out = []
      for (const [root, frames] of byChart) {
        if (!root.isConnected || root.hasAttribute('data-bench-bare') !== bare) continue
        const f = frames.find((d) => d > t)
        if (f) out.push(f)
      }
      return out
    },
  }
  window.__bench = bench
  // Rendering frames, counted: which frame each chart first drew in after a change.
  bench.frame = 0
  const tick = () => {
    bench.frame++
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  bench.frameOf = new Map()
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
      const canvas = this.canvas
      if (canvas && canvas.isConnected) {
        const root = canvas.__benchRoot ?? (canvas.__benchRoot = canvas.closest('[_echarts_instance_], [data-bench-bare]'))
        if (root) {
          let frames = byChart.get(root)
          if (!frames) byChart.set(root, (frames = []))
          if (!frames.length || now - frames[frames.length - 1] > 4) {
            frames.push(now)
            bench.frameOf.set(now, bench.frame)
          }
        }
      }
      return original.apply(this, a)
    }
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  // When the user chose a file and confirmed the preview, as the page saw it.
  document.addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file') bench.fileChosenAt = performance.now()
  }, true)
  document.addEventListener('click', (e) => {
    if (e.target && e.target.closest && e.target.closest('[data-test="import-confirm"]')) bench.confirmedAt = performance.now()
  }, true)
})()`

/** ECharts' own setOption (not the option manager's), as the minifier writes it. */
const SET_OPTION = /(\.prototype\.setOption=function\(\w,\w,\w\)\{)(if\(!this\[)/

/**
 * The floor needs the app's chart instances: the ECharts class in the bundle is patched to note
 * each instance that receives an option, and to turn animation off on the app's side too, so both
 * sides are timed to the same finished frame. Nothing else in the bundle changes. Resolves to
 * whether the class was found (once a chunk has been served).
 */
export async function patchECharts(page: Page): Promise<() => boolean> {
  let patched = false
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    const response = await route.fetch()
    const body = await response.text()
    const next = body.replace(SET_OPTION, '$1(window.__benchCharts||(window.__benchCharts=new Set)).add(this);if(arguments[0]&&typeof arguments[0]==="object")arguments[0].animation=false;$2')
    if (next !== body) patched = true
    await route.fulfill({ response, body: next })
  })
  return () => patched
}

/**
 * The floor for one change: the app's charts' final options (getOption) applied, replacing, to bare
 * ECharts instances of the same size outside the app. Returns the time the options were applied.
 */
const APPLY_TO_BARE = `(() => {
  const w = window
  w.__bare ??= []
  const app = [...(w.__benchCharts ?? [])].filter((c) => !w.__bare.includes(c) && !c.isDisposed() && c.getDom().isConnected)
  const options = app.map((c) => Object.assign(c.getOption(), { animation: false }))
  while (w.__bare.length < app.length) {
    const i = w.__bare.length
    const dom = app[i].getDom()
    const div = document.createElement('div')
    div.setAttribute('data-bench-bare', '')
    div.style.cssText = 'position:absolute;left:0;top:0;z-index:-1;width:' + dom.clientWidth + 'px;height:' + dom.clientHeight + 'px'
    document.body.appendChild(div)
    w.__bare.push(new app[i].constructor(div, null, { renderer: 'canvas' }))
  }
  const t = performance.now()
  options.forEach((o, i) => w.__bare[i].setOption(o, true))
  return { t, charts: app.length }
})()`

type BenchWindow = {
  __bench: {
    lastDraw: number
    longTasks: { start: number; duration: number }[]
    chartFirstsAfter: (t: number, bare: boolean) => number[]
    frameSpreadAfter: (t: number, bare: boolean) => number
  }
}

/** Waits until the page has drawn after `after` and then drawn nothing for `ms`; with `orNone`, also ends when it drew nothing at all for that long. */
export function quietFor(page: Page, ms: number, after = 0, orNone = 0) {
  return page.waitForFunction(
    ([quiet, t, none]) => {
      const b = (window as unknown as BenchWindow).__bench
      if (none && b.lastDraw <= t) return performance.now() - t > none
      return b.lastDraw > t && performance.now() - b.lastDraw > quiet
    },
    [ms, after, orNone] as const,
    { timeout: 120_000, polling: 50 },
  )
}


/**
 * `changes` filter changes through the URL (as the filter bar and links change it), each timed
 * from the change to the first new frame of the first chart and of every chart; on every other
 * change the floor. Long tasks that start after each change are collected.
 */
export async function filterChanges(page: Page, patched: () => boolean, changes = 50): Promise<{ rows: Row[]; notes: string[] }> {
  const regions = ['320100', '320200', '320300', '320400', '320500', '320600', '320700', '320800', '320900', '321000', '321100', '321200', '321300', '320102', '321012']
  const indicators = ['collective_contracts', 'worker_stability_rate', 'may_day_medals', 'skill_upgrade_rate', 'relief_amount', 'mutual_insurance_enrolled', 'legal_aid_cases']
  const years = Array.from({ length: 20 }, (_, k) => String(2004 + k))
  let sel = { region: '320000', indicator: 'worker_stability_rate', period: '2024' }
  const app = { first: [] as number[], all: [] as number[], spread: [] as number[] }
  const floor = { first: [] as number[], all: [] as number[] }
  const changeTasks: { duration: number; kind: string }[] = []
  let floorCharts = 0
  let unchanged = 0
  let appCharts = 0
  const timesAfter = (t: number, bare: boolean) =>
    page.evaluate(
      ([t, bare]) => {
        const b = (window as unknown as BenchWindow).__bench
        const firsts = b.chartFirstsAfter(t, bare)
        return { first: Math.min(...firsts) - t, all: Math.max(...firsts) - t, charts: firsts.length, frames: b.frameSpreadAfter(t, bare) }
      },
      [t, bare] as const,
    )
  for (let k = 0; k < changes; k++) {
    const kind = (['region', 'year', 'indicator'] as const)[k % 3]!
    if (kind === 'region') sel = { ...sel, region: regions[(k * 7) % regions.length]! }
    else if (kind === 'year') sel = { ...sel, period: years[(k * 11) % years.length]! }
    else sel = { ...sel, indicator: indicators[(k * 5) % indicators.length]! }
    const query = new URLSearchParams(sel).toString()
    const t0 = await page.evaluate((q) => {
      const t = performance.now()
      location.hash = `#/?${q}`
      return t
    }, query)
    // A change that leaves every chart's inputs as they were (a year the indicator has no data
    // for falls back to the same one) repaints nothing.
    await quietFor(page, 250, t0, 2000)
    // Settle: anything deferred past the charts (idle work) is part of the change too.
    await page.waitForTimeout(300)
    for (const d of await page.evaluate((t) => (window as unknown as BenchWindow).__bench.longTasks.filter((x) => x.start >= t).map((x) => x.duration), t0))
      changeTasks.push({ duration: d, kind })
    const r = await timesAfter(t0, false)
    if (r.charts === 0) {
      unchanged++
      continue
    }
    app.first.push(r.first)
    app.all.push(r.all)
    app.spread.push(r.frames)
    appCharts = Math.max(appCharts, r.charts)
    // The floor on every other change keeps the run short.
    if (patched() && k % 2 === 0) {
      const bare = (await page.evaluate(APPLY_TO_BARE)) as { t: number; charts: number }
      await quietFor(page, 250, bare.t)
      const f = await timesAfter(bare.t, true)
      floor.first.push(f.first)
      floor.all.push(f.all)
      floorCharts = bare.charts
      // The bare charts' own long task is not the app's.
      await page.waitForTimeout(100)
      await page.evaluate(() => ((window as unknown as BenchWindow).__bench.longTasks.length = 0))
    }
  }
  const ms = (n: number) => `${n.toFixed(0)} ms`
  const p = (xs: number[]) => `p50 ${ms(quantile(xs, 0.5))}, p95 ${ms(quantile(xs, 0.95))}`
  const versus = (ours: number[], ref: number[]) => {
    if (!ref.length) return { ratio: '—', met: null }
    const r50 = quantile(ours, 0.5) / quantile(ref, 0.5)
    const r95 = quantile(ours, 0.95) / quantile(ref, 0.95)
    return { ratio: `${r50.toFixed(2)} (p50), ${r95.toFixed(2)} (p95)`, met: r50 <= 1.3 && r95 <= 1.3 }
  }
  const floorRef = (xs: number[]) => (xs.length ? `floor (same options on ${floorCharts} bare ECharts, ${xs.length} changes) ${p(xs)}` : 'floor not measured')
  const over = changeTasks.filter((x) => x.duration > 50)
  const byKind = ['region', 'year', 'indicator'].map((kind) => `${kind} ${over.filter((x) => x.kind === kind).length}`).join(', ')
  const rows: Row[] = [
    {
      measure: `Chromium: filter change → every chart repainted (the last chart's first new frame; ${appCharts} charts; animation off on both sides), ${changes} changes`,
      ours: p(app.all),
      reference: floorRef(floor.all),
      ...versus(app.all, floor.all),
      target: 'app ÷ floor ≤ 1.3',
    },
    {
      measure: `Chromium: filter change → first chart frame (animation off on both sides), ${changes} changes`,
      ours: p(app.first),
      reference: floorRef(floor.first),
      ...versus(app.first, floor.first),
      target: 'app ÷ floor ≤ 1.3',
    },
    {
      measure: `Chromium: filter change → rendering frames between the first and the last chart to show it, ${changes} changes`,
      ours: `max ${Math.max(0, ...app.spread)}, p50 ${quantile(app.spread, 0.5)}`,
      reference: `${app.spread.filter((n) => n > 1).length} changes over one frame apart`,
      ratio: '—',
      target: '≤ 1 frame apart',
      met: Math.max(0, ...app.spread) <= 1,
    },
    {
      measure: `Chromium: filter change → longest main-thread task (Long Tasks API), ${changes} changes`,
      ours: ms(Math.max(0, ...changeTasks.map((x) => x.duration))),
      reference: `${over.length} tasks over 50 ms (${byKind})`,
      ratio: '—',
      target: '0 tasks > 50 ms',
      met: over.length === 0,
    },
  ]
  const notes = unchanged ? [`${unchanged} of the ${changes} changes left every chart as it was (a year the indicator has no data for falls back to the period shown), so nothing repainted; the repaint rows are over the other ${changes - unchanged}.`] : []
  if (!patched()) notes.push('The floor was not measured: the ECharts class was not found in the built bundle (scripts/bench/repaint.ts, SET_OPTION).')
  return { rows, notes }
}

/** The scripts Chromium fetches for the first view, in a fresh context: count, raw and gzip -9 bytes. */
export async function firstViewScripts(browser: Browser, base: string): Promise<{ files: number; raw: number; gzip: number }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const bodies: Promise<Buffer>[] = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(r.url())) bodies.push(r.body())
  })
  await page.goto(`${base}#/`)
  await page.locator('[data-test="map-panel"] canvas').first().waitFor({ timeout: 60_000 })
  await page.waitForTimeout(2000)
  const all = await Promise.all(bodies)
  await context.close()
  return { files: all.length, raw: all.reduce((n, b) => n + b.length, 0), gzip: all.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0) }
}

export function firstViewRow(firstView: { files: number; raw: number; gzip: number }): Row {
  return {
    measure: `Chromium: first-view JS as fetched (${firstView.files} files, gzip -9 of each body)`,
    ours: `${(firstView.gzip / 1024).toFixed(1)} KB`,
    reference: `raw ${(firstView.raw / 1024).toFixed(0)} KB`,
    ratio: `${(firstView.gzip / 1024 / 350).toFixed(2)}× the goal`,
    target: '≤ 350 KB',
    met: firstView.gzip <= 350 * 1024,
  }
}

/** Alone: serve a build, open the dashboard (optionally with ?data=…), time the filter changes and the first view. */
async function standalone(distDir: string, port: number, search: string) {
  const { chromium } = await import('@playwright/test')
  const { CHROMIUM, CHROMIUM_ARGS } = await import('../../playwright.config')
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const server = spawn('npx', ['vite', 'preview', '--outDir', distDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true })
  const base = `http://127.0.0.1:${port}/`
  try {
    for (let k = 0; k < 150; k++) {
      try {
        if ((await fetch(base)).ok) break
      } catch {
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    const firstView = await firstViewScripts(browser, base)
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
    await page.addInitScript({ content: INSTRUMENT })
    const patched = await patchECharts(page)
    await page.goto(`${base}${search}#/`)
    await page.locator('[data-test="map-panel"] canvas').first().waitFor({ timeout: 180_000 })
    if (search) await page.locator('[data-test="data-notice"]').waitFor({ timeout: 180_000 })
    await quietFor(page, 1000)
    const changes = Number(process.env.BENCH_CHANGES ?? 50)
    const r = await filterChanges(page, patched, changes)
    await browser.close()
    console.log(JSON.stringify({ rows: [...r.rows, firstViewRow(firstView)], notes: r.notes }))
  } finally {
    try {
      if (server.pid) process.kill(-server.pid)
    } catch {
      // Already gone.
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [distDir = '.bench/dist', port = '4194', search = ''] = process.argv.slice(2)
  await standalone(distDir, Number(port), search)
}
