/**
 * npm run bench: ingest, memory, aggregation, browser and bundle figures at a million rows, as
 * ratios taken in one run, printed and written to docs/PERFORMANCE.md.
 *
 *   npm run bench                   everything (about 3–4 minutes on 2 cores)
 *   npm run bench -- --no-browser   without the Chromium part and the production build
 *
 * Data is generated deterministically into .bench/ (gitignored) on the first run and reused.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import Papa from 'papaparse'
import { IndicatorLookup } from '../../src/data/facts'
import { parseCsvFast } from '../../src/data/fast-facts'
import { readCsvColumns } from '../../src/data/fast-csv'
import { parseFile } from '../../src/data/parse'
import type { FactTable } from '../../src/domain/table'
import { benchAggregation, selectionsFor, type AggregationResult } from './aggregate'
import { bundleShares } from './bundle'
import { ensureBenchData, FIRST_YEAR, indicators, regions, ROWS, townshipScenario } from './data'
import { collectGarbage, fmt, median, timed } from './stats'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const BENCH_DIR = join(ROOT, '.bench')
const started = performance.now()
const loadAtStart = loadavg()[0]!
const args = process.argv.slice(2)
const withBrowser = !args.includes('--no-browser')

interface Row {
  measure: string
  ours: string
  reference: string
  ratio: string
  target: string
  met: boolean | null
}
const rows: Row[] = []
const notes: string[] = []
const log = (s: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`)
const rate = (n: number, ms: number) => `${fmt(n / ms / 1000, 2)} M rows/s`
const mb = (n: number) => `${fmt(n / 1024 / 1024, 1)} MB`

// ── Data ────────────────────────────────────────────────────────────────────────────────────────
log('generating data (once) …')
const files = ensureBenchData(BENCH_DIR)
const tidyBytes = new Uint8Array(readFileSync(files.tidy))
const wideBytes = new Uint8Array(readFileSync(files.wide))
log(`tidy ${mb(tidyBytes.length)}, ${ROWS} rows; wide ${mb(wideBytes.length)}, ${files.wideRows} rows`)

// ── Ingest ──────────────────────────────────────────────────────────────────────────────────────
// The app's own path for a plain tidy CSV: the fast path, then the checks over the whole table.
const tidyBuffer = tidyBytes.buffer.slice(tidyBytes.byteOffset, tidyBytes.byteOffset + tidyBytes.byteLength) as ArrayBuffer
const ours = () => parseFile({ file: 'tidy.csv', bytes: tidyBuffer, defaultSource: 'bench' }, { regions: regions.all, indicators: indicators.indicators })
/** What a developer would write: decode the file, papaparse with headers and typed values. */
const papa = (bytes: Uint8Array) => Papa.parse(new TextDecoder().decode(bytes), { header: true, dynamicTyping: true }).data.length
log('ingest: our loader vs papaparse, interleaved, 3 runs each …')
ours()
papa(tidyBytes)
const oursMs: number[] = []
const papaMs: number[] = []
let table: FactTable | undefined
for (let k = 0; k < 3; k++) {
  collectGarbage()
  papaMs.push(timed(() => papa(tidyBytes)).ms)
  collectGarbage()
  const r = timed(ours)
  oursMs.push(r.ms)
  table = r.result?.table
}
if (!table || !parseCsvFast({ file: 'tidy.csv', bytes: tidyBytes, defaultSource: 'bench' }, regions, new IndicatorLookup(indicators.indicators)))
  throw new Error('the fast path declined the bench file')
const oursIngest = median(oursMs)
const papaIngest = median(papaMs)
rows.push({
  measure: `Ingest, tidy CSV (${mb(tidyBytes.length)}, ${ROWS.toLocaleString('en')} rows): decode + parse + validate + columnar table`,
  ours: `${fmt(oursIngest, 0)} ms (${rate(ROWS, oursIngest)})`,
  reference: `papaparse header+dynamicTyping ${fmt(papaIngest, 0)} ms (${rate(ROWS, papaIngest)})`,
  ratio: `${fmt(papaIngest / oursIngest, 2)}× faster`,
  target: '≥ 2.0×',
  met: papaIngest / oursIngest >= 2,
})

log('ingest: the general path (papaparse → grid → buildTable), once, and its result compared …')
collectGarbage()
const general = timed(() => parseFile({ file: 'tidy.csv', bytes: tidyBytes.slice().buffer as ArrayBuffer, defaultSource: 'bench', generalPath: true }, { regions: regions.all, indicators: indicators.indicators }))
const same = isDeepStrictEqual(ours(), general.result)
rows.push({
  measure: 'Ingest, same file, general path (papaparse → grid → validation; wide tables and mapped files take it)',
  ours: `${fmt(general.ms, 0)} ms (${rate(ROWS, general.ms)})`,
  reference: `papaparse ${fmt(papaIngest, 0)} ms`,
  ratio: `${fmt(papaIngest / general.ms, 2)}×`,
  target: 'reference',
  met: null,
})
notes.push(`The fast path's result (table, report, column matches, unmatched regions) ${same ? 'is identical to' : 'DIFFERS from'} the general path's on the bench file.`)
notes.push(`Report on the bench file: ${general.result.report.rowsAccepted.toLocaleString('en')} rows accepted, ${general.result.report.totalRows} totals rows, ${general.result.report.rowsRejected} rejected, ${general.result.report.problemCount} problems (duplicates, repeated rows, unknown indicators, totals that do not add up).`)

log('ingest: wide file, typed columns vs papaparse …')
const wideOurs: number[] = []
const widePapa: number[] = []
for (let k = 0; k < 3; k++) {
  widePapa.push(timed(() => papa(wideBytes)).ms)
  wideOurs.push(timed(() => readCsvColumns(wideBytes)).ms)
}
const cells = files.wideRows * (indicators.indicators.length + 3)
rows.push({
  measure: `Ingest, wide CSV (${mb(wideBytes.length)}, ${files.wideRows.toLocaleString('en')} rows × ${indicators.indicators.length + 3} columns) → typed columns`,
  ours: `${fmt(median(wideOurs), 0)} ms (${fmt(cells / median(wideOurs) / 1000, 1)} M cells/s)`,
  reference: `papaparse ${fmt(median(widePapa), 0)} ms`,
  ratio: `${fmt(median(widePapa) / median(wideOurs), 2)}× faster`,
  target: '—',
  met: null,
})

// ── Memory ──────────────────────────────────────────────────────────────────────────────────────
log('memory: table and papaparse rows, each in a process of its own …')
const memory = (mode: string) => {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx/esm', join(ROOT, 'scripts/bench/memory.ts'), files.tidy, mode], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').at(-1)!) as { retained: number; csvBytes: number }
}
const memTable = memory('table')
const memPapa = memory('papaparse')
rows.push({
  measure: 'Memory retained by the loaded table ÷ CSV bytes',
  ours: `${mb(memTable.retained)} = ${fmt(memTable.retained / memTable.csvBytes, 2)}×`,
  reference: `papaparse row objects ${mb(memPapa.retained)} = ${fmt(memPapa.retained / memPapa.csvBytes, 2)}×`,
  ratio: `${fmt(memTable.retained / memTable.csvBytes, 2)}×`,
  target: '≤ 3×',
  met: memTable.retained / memTable.csvBytes <= 3,
})

// ── Aggregation ─────────────────────────────────────────────────────────────────────────────────
const aggregateIndicators = indicators.indicators.filter((i) => i.aggregation.kind === 'sum' || i.aggregation.kind === 'ratio')
const years = Array.from({ length: 34 }, (_, k) => String(FIRST_YEAR + 1 + k))
const months = years.flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`))
const cityAndDistrictScopes = ['320000', ...regions.all.filter((r) => r.level === 'city').map((r) => r.adcode), '320102', '321012', '320506', '320982'].filter((a) => regions.has(a))
const results: AggregationResult[] = []
log('aggregation: districts × indicators × months × years (the tidy file) …')
results.push(
  benchAggregation(
    {
      name: 'province → 13 cities → 95 districts; 23 indicators, monthly + annual, 1990–2025',
      table,
      regions: regions.all,
      indicators,
      selections: selectionsFor(cityAndDistrictScopes, years, months, aggregateIndicators),
    },
    10,
  ),
)
log('aggregation: townships (1,235 synthetic 街道/乡镇 under the districts) × indicators × years …')
const towns = townshipScenario()
results.push(
  benchAggregation(
    {
      name: `province → cities → districts → 1,235 townships; 23 indicators, annual, 1990–2025`,
      table: towns.table,
      regions: towns.regions,
      indicators,
      selections: selectionsFor(cityAndDistrictScopes, years, [], aggregateIndicators),
    },
    10,
  ),
)
for (const r of results) {
  rows.push({
    measure: `Filter change vs Arquero — ${r.scenario} (${r.rows.toLocaleString('en')} rows, ${r.regions} regions)`,
    ours: `p50 ${fmt(r.oursP50, 2)} ms, p95 ${fmt(r.oursP95, 2)} ms (${r.changes} cold changes)`,
    reference: `Arquero p50 ${fmt(r.arqueroP50, 0)} ms (${r.arqueroChanges} changes; ${r.mismatches} differing numbers)`,
    ratio: `${fmt(r.arqueroP50 / r.oursP50, 0)}× faster`,
    target: '≥ 5×',
    met: r.arqueroP50 / r.oursP50 >= 5 && r.mismatches === 0,
  })
  rows.push({
    measure: `Filter change vs one pass over a Float64Array of ${r.rows.toLocaleString('en')} — same scenario`,
    ours: `p50 ${fmt(r.oursP50, 2)} ms`,
    reference: `sum pass p50 ${fmt(r.floorP50, 2)} ms`,
    ratio: `${fmt(r.oursP50 / r.floorP50, 2)}× the floor`,
    target: '≤ 3×',
    met: r.oursP50 / r.floorP50 <= 3,
  })
  notes.push(`Index build (once per load, not per change) for "${r.scenario}": ${fmt(r.indexBuildMs, 0)} ms.`)
}

// ── Browser and bundle ──────────────────────────────────────────────────────────────────────────
let chromium = ''
if (withBrowser) {
  log('production build into .bench/dist …')
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', '.bench/dist', '--emptyOutDir'], { cwd: ROOT, encoding: 'utf8' })
  if (build.status !== 0) {
    notes.push(`The production build failed, so the bundle and Chromium figures are missing: ${(build.stderr || build.stdout).trim().split('\n').slice(0, 3).join(' ')}`)
  } else {
    const bundle = spawnSync(process.execPath, [join(ROOT, 'scripts/check-bundle.mjs'), '.bench/dist', '--json'], { cwd: ROOT, encoding: 'utf8' })
    const b = JSON.parse(bundle.stdout.trim().split('\n')[0]!) as { gzip: number; budget: number; target: number; chunks: { file: string; gzip: number; via: string }[] }
    rows.push({
      measure: `Bundle: JS the first dashboard view loads (gzip -9; ${b.chunks.length} chunk${b.chunks.length > 1 ? 's' : ''}, workers included, import() chunks not)`,
      ours: `${fmt(b.gzip / 1024, 1)} KB`,
      reference: `target ${fmt(b.target / 1024, 0)} KB (CI fails above ${fmt(b.budget / 1024, 0)} KB)`,
      ratio: `${fmt((100 * b.gzip) / b.target, 0)}% of target`,
      target: `≤ ${fmt(b.target / 1024, 0)} KB`,
      met: b.gzip <= b.target,
    })
    const mapped = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', '--sourcemap', '--outDir', '.bench/dist-map', '--emptyOutDir'], { cwd: ROOT, encoding: 'utf8' })
    const shares = mapped.status === 0 ? bundleShares(join(ROOT, '.bench/dist-map')) : []
    const composition = shares.map((x) => `${x.group} ${fmt(x.gzip / 1024, 0)} KB`).join(', ')
    notes.push(
      `What the first view's ${fmt(b.gzip / 1024, 1)} KB are made of (gzip shared out by source map): ${composition || 'not measured (the source-mapped build failed)'}. ` +
        'Loaded only on use, outside that figure: the import dialog and dataset manager, the loader worker with papaparse and the Excel reader (the bundled sample arrives pre-shaped), the radar, region table and small multiples (when scrolled near), ECharts\' zoom, graded legend and titles, the dark theme of the controls, the English messages, the saved-views panel, and every exporter.',
    )
    if (b.gzip > b.target)
      notes.push(
        `Bundle over the target by ${fmt((b.gzip - b.target) / 1024, 1)} KB (largest first-view chunks: ${b.chunks.sort((x, y) => y.gzip - x.gzip).slice(0, 4).map((c) => `${c.file} ${fmt(c.gzip / 1024, 0)} KB`).join(', ')}). ECharts alone (core, zrender, the canvas renderer, map, line and bar charts, tooltip, axes, legend, continuous visual map, mark lines, aria) is about two thirds of the target; with Vue and vue-i18n the rest is spent before Naive UI's selects, dropdowns and buttons on the filter bar. Closing the gap means fewer kinds of control on the first view or a lighter chart core, not more lazy loading.`,
      )
    log('Chromium: import to paint, filter changes, long tasks …')
    const browser = spawnSync(process.execPath, ['--import', 'tsx/esm', join(ROOT, 'scripts/bench/browser.ts'), files.tidy], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      encoding: 'utf8',
      timeout: 210_000,
    })
    const line = browser.stdout.trim().split('\n').find((l) => l.startsWith('{'))
    if (browser.status === 0 && line) {
      const r = JSON.parse(line) as { rows: Row[]; notes: string[]; version: string }
      rows.push(...r.rows)
      notes.push(...r.notes)
      notes.push(
        'The Chromium figures are the app as built from the tree: the file goes to the loader worker as a Blob (the page never holds its bytes), which reads it, takes the fast path for this plain tidy CSV and also groups the rows for the index; the dataset is saved with its columns as one Blob.',
      )
      if (r.rows.some((x) => x.target === 'no task > 50 ms' && x.met === false))
        notes.push(
          "Why the long tasks: Chrome's main thread still does three big things in single tasks. When the 1,000,000-row table arrives (24 MB of columns and 4 MB of row groups, transferred), V8 collects garbage and the preview dialog mounts (its summary, mapping, region and problem tables); after the confirm, the dashboard re-renders its cards, overview and controls for the new data in one pass (the charts then update one per task); and, with the ?data= link, the first-view bundle is compiled and the dashboard mounted at start-up. Splitting those needs the preview and the dashboard's non-chart panels to render in slices, which they do not yet.",
        )
      if (r.rows.some((x) => x.measure.startsWith('Chromium: filter change →') && x.met === false))
        notes.push(
          "Why the repaint ratios miss: after a change the app re-renders its non-chart panels (cards with sparklines, the category overview, the filter bar's selects, the chips), builds each chart's model from the index and only then hands ECharts the option, each chart in a task of its own; the floor hands three ready options to bare instances in one go. The aggregation itself is about 1 ms (see the rows above), so the gap is Vue and Naive UI rendering and the task boundaries, not the data. ECharts' update animation (about a second, the same on both sides) dominates the last-frame figures.",
        )
      chromium = r.version
    } else notes.push(`The Chromium part did not complete: ${(browser.stderr || browser.stdout || String(browser.error)).trim().split('\n').slice(-3).join(' ')}`)
  }
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────────
const seconds = (performance.now() - started) / 1000
const load = `load average ${fmt(loadAtStart, 1)} at the start, ${fmt(loadavg()[0]!, 1)} at the end`
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(totalmem() / 1024 ** 3, 0)} GB; Node ${process.version}${chromium ? `; ${chromium}` : ''}; ${load}`
const table_ = [
  '| Measure | Ours | Reference | Ratio | Target | Met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.measure} | ${r.ours} | ${r.reference} | ${r.ratio} | ${r.target} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`),
].join('\n')
const results_ = [
  `Machine: ${machine}.`,
  `Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${fmt(seconds, 0)} s. Reproduce: \`npm run bench\` (data is generated into .bench/ on first use).`,
  '',
  table_,
  '',
  ...notes.map((n) => `- ${n}`),
].join('\n')
console.log(`\n${results_}\n`)

const docPath = join(ROOT, 'docs/PERFORMANCE.md')
const METHOD = readFileSync(join(ROOT, 'scripts/bench/method.md'), 'utf8')
writeFileSync(docPath, `# Performance\n\n<!-- Written by \`npm run bench\` (scripts/bench/run.ts); edit scripts/bench/method.md for the text below the results. -->\n\n## Latest results\n\n${results_}\n\n${METHOD.trim()}\n`)
log(`wrote ${docPath}`)
