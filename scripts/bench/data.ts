/**
 * Deterministic bench data: a province's full history as one tidy CSV of exactly 1,000,000 rows,
 * and the same facts pivoted wide (one column per indicator).
 *
 * Shape (1990 onwards, until the row count is reached):
 *   every district (95) × every indicator (23) × (annual + 12 months)   28,405 rows a year
 *   + imported detail: each city's own annual figures for 6 indicators        78 rows a year
 * Ratios are consistent with their counts (稳定率 = 稳定就业职工 ÷ 职工总数). A small, fixed share of
 * rows carries what real imports carry: blank and "-" values, "1,234" (quoted) thousands, totals
 * rows (合计), unknown indicators and repeated rows, so validation is exercised, not skipped.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '../../src/domain/indicators'
import { loadRegionCatalogue } from '../../src/domain/regions'
import { FactTableBuilder, type FactTable } from '../../src/domain/table'

export const ROWS = 1_000_000
export const FIRST_YEAR = 1990
export const SEED = 20260601

export const indicators = loadIndicatorCatalogue(indicatorsJson)
export const regions = loadRegionCatalogue(regionsJson)
const districts = regions.all.filter((r) => r.level === 'district')
const cities = regions.all.filter((r) => r.level === 'city')
const CITY_INDICATORS = ['total_workers', 'stable_workers', 'collective_contracts', 'may_day_medals', 'relief_amount', 'legal_aid_cases']

/** mulberry32: small, fast, reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface BenchFact {
  code: string
  name: string
  period: string
  indicator: string
  /** Text as written in the file. */
  value: string
}

/** One indicator's figure for a district of `workers` workers (`scale` 1/12 for a month), as text. */
function valueText(id: string, workers: number, stable: number, skilled: number, r: number, scale: number): string {
  if (id === 'total_workers') return String(workers)
  if (id === 'stable_workers') return String(stable)
  if (id === 'worker_stability_rate') return ((stable / workers) * 100).toFixed(1)
  if (id === 'skilled_upgraded_workers') return String(skilled)
  if (id === 'skill_upgrade_rate') return ((skilled / workers) * 100).toFixed(1)
  if (id === 'wage_growth') return (2 + r * 8).toFixed(1)
  if (id === 'relief_amount' || id === 'model_worker_funds') return (r * 500 * scale * 10).toFixed(2)
  return String(Math.floor(r * workers * 0.002 * scale))
}

/** Calls `emit` for each fact in file order, exactly `rows` times. */
export function generateFacts(rows: number, emit: (f: BenchFact) => void): void {
  const rand = rng(SEED)
  const ids = indicators.indicators.map((i) => i.id)
  const size = new Map(districts.map((d) => [d.adcode, 20_000 + Math.floor(rand() * 400_000)]))
  let n = 0
  const put = (f: BenchFact) => {
    if (n < rows) emit(f)
    n++
  }
  for (let year = FIRST_YEAR; n < rows; year++) {
    for (let month = 0; month <= 12 && n < rows; month++) {
      const period = month === 0 ? String(year) : `${year}-${String(month).padStart(2, '0')}`
      const scale = month === 0 ? 1 : 1 / 12
      for (const d of districts) {
        const workers = Math.round(size.get(d.adcode)! * (1 + (year - FIRST_YEAR) * 0.01) * (0.97 + rand() * 0.06))
        const stable = Math.round(workers * (0.82 + rand() * 0.15))
        const skilled = Math.round(workers * (0.1 + rand() * 0.3))
        for (const id of ids) {
          let value = valueText(id, workers, stable, skilled, rand(), scale)
          // What real imports carry, at fixed small rates.
          const dirt = rand()
          if (dirt < 0.002) value = ''
          else if (dirt < 0.003) value = '-'
          else if (dirt < 0.004 && Number(value) >= 1000 && !value.includes('.'))
            value = `"${Number(value).toLocaleString('en-US')}"`
          put({ code: d.adcode, name: d.name, period, indicator: id, value })
          if (dirt > 0.9999) put({ code: d.adcode, name: d.name, period, indicator: id, value }) // repeated row
        }
        if (rand() < 0.001) put({ code: '', name: '合计', period, indicator: 'total_workers', value: '0' })
        if (rand() < 0.0005) put({ code: d.adcode, name: d.name, period, indicator: 'unknown_metric', value: '1' })
      }
      if (month === 0) {
        for (const c of cities) {
          for (const id of CITY_INDICATORS) put({ code: c.adcode, name: c.name, period, indicator: id, value: String(Math.floor(rand() * 1e6)) })
        }
      }
    }
  }
}

/** Buffered appends to a file descriptor. */
function writer(path: string) {
  const fd = openSync(path, 'w')
  let parts: string[] = []
  let size = 0
  const flush = () => {
    writeSync(fd, parts.join(''))
    parts = []
    size = 0
  }
  return {
    write(s: string) {
      parts.push(s)
      size += s.length
      if (size > 1 << 20) flush()
    },
    close() {
      flush()
      closeSync(fd)
    },
  }
}

export interface BenchFiles {
  tidy: string
  wide: string
  wideRows: number
  /** The tidy file with one indicator under a label of the office's own, which needs a mapping. */
  mapped: string
}

/** The label the mapped file gives total_workers, and the mapping the import is told. */
export const MAPPED_LABEL = '本单位职工人数'
export const MAPPING: [string, string][] = [[MAPPED_LABEL, 'total_workers']]

/** A tidy file of `rows` rows (the first `rows` facts of the same history), written once. */
export function ensureTidy(dir: string, rows: number): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `tidy-${rows}.csv`)
  if (existsSync(path) && statSync(path).size > 0) return path
  const t = writer(path)
  t.write('region_code,region,period,indicator,value\r\n')
  generateFacts(rows, (f) => t.write(`${f.code},${f.name},${f.period},${f.indicator},${f.value}\r\n`))
  t.close()
  return path
}

/** Writes both files into `dir` unless they are already there (they are deterministic). */
export function ensureBenchData(dir: string): BenchFiles {
  mkdirSync(dir, { recursive: true })
  const tidy = join(dir, `tidy-${ROWS}.csv`)
  const wide = join(dir, `wide-${ROWS}.csv`)
  const ids = indicators.indicators.map((i) => i.id)
  if (!existsSync(tidy) || !existsSync(wide) || statSync(tidy).size === 0) {
    const t = writer(tidy)
    t.write('region_code,region,period,indicator,value\r\n')
    // The wide file holds the same facts, one row per (region, period).
    const w = writer(wide)
    w.write(`region_code,region,period,${ids.join(',')}\r\n`)
    let key = ''
    let cells = new Map<string, string>()
    const flushWide = () => {
      if (key === '') return
      const [code, name, period] = key.split('\u0000')
      w.write(`${code},${name},${period},${ids.map((id) => cells.get(id) ?? '').join(',')}\r\n`)
      cells = new Map()
    }
    generateFacts(ROWS, (f) => {
      t.write(`${f.code},${f.name},${f.period},${f.indicator},${f.value}\r\n`)
      if (f.code === '' || f.indicator === 'unknown_metric') return
      const k = `${f.code}\u0000${f.name}\u0000${f.period}`
      if (k !== key) {
        flushWide()
        key = k
      }
      cells.set(f.indicator, f.value)
    })
    flushWide()
    t.close()
    w.close()
  }
  const mapped = join(dir, `mapped-${ROWS}.csv`)
  if (!existsSync(mapped)) writeFileSync(mapped, readFileSync(tidy, 'utf8').replaceAll(',total_workers,', `,${MAPPED_LABEL},`))
  return { tidy, wide, wideRows: countLines(wide) - 1, mapped }
}

/** The first year of the national history. */
export const NATIONAL_FIRST_YEAR = 2015

/**
 * A national history of exactly `rows` rows, written once: every county-level unit of the national
 * catalogue (public/regions/china.json, 2,872) × every indicator × (annual + 12 months) from 2015,
 * `region_code,period,indicator,value`, plain values (10,000,000 rows end in 2026, before today).
 */
export function ensureNational(dir: string, rows: number): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `national-${rows}.csv`)
  if (existsSync(path) && statSync(path).size > 0) return path
  const china = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/regions/china.json'), 'utf8')) as { regions: [string, string, string, string, number, number][] }
  const counties = china.regions.filter((r) => r[5] === 2).map((r) => r[0])
  const rand = rng(SEED)
  const ids = indicators.indicators.map((i) => i.id)
  const size = counties.map(() => 20_000 + Math.floor(rand() * 400_000))
  const t = writer(path)
  t.write('region_code,period,indicator,value\r\n')
  let n = 0
  for (let year = NATIONAL_FIRST_YEAR; n < rows; year++) {
    for (let month = 0; month <= 12 && n < rows; month++) {
      const period = month === 0 ? String(year) : `${year}-${String(month).padStart(2, '0')}`
      const scale = month === 0 ? 1 : 1 / 12
      counties.forEach((code, k) => {
        const workers = Math.round(size[k]! * (1 + (year - NATIONAL_FIRST_YEAR) * 0.01) * (0.97 + rand() * 0.06))
        const stable = Math.round(workers * (0.82 + rand() * 0.15))
        const skilled = Math.round(workers * (0.1 + rand() * 0.3))
        for (const id of ids) if (n++ < rows) t.write(`${code},${period},${id},${valueText(id, workers, stable, skilled, rand(), scale)}\r\n`)
      })
    }
  }
  t.close()
  return path
}

function countLines(path: string): number {
  const buf = readFileSync(path)
  let n = 0
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++
  return n
}

/** Township-level units (街道/乡镇) per district in the detailed scenario; Jiangsu has about 1,250. */
export const TOWNSHIPS_PER_DISTRICT = 13

/**
 * The detailed scenario, built in memory: synthetic townships (codes 9xxxxx, clearly not GB/T 2260)
 * under each of the 95 districts, every township × every indicator × every year from 1990, a
 * million facts in all, with ratios consistent with their counts.
 */
export function townshipScenario(rows = ROWS): { regions: { adcode: string; parent: string | null }[]; table: FactTable } {
  const rand = rng(SEED + 1)
  const out: { adcode: string; parent: string | null }[] = regions.all.map((r) => ({ adcode: r.adcode, parent: r.parent }))
  const towns: string[] = []
  for (const d of districts) {
    for (let k = 0; k < TOWNSHIPS_PER_DISTRICT; k++) {
      const adcode = String(900000 + towns.length + 1)
      towns.push(adcode)
      out.push({ adcode, parent: d.adcode })
    }
  }
  const ids = indicators.indicators.map((i) => i.id)
  const b = new FactTableBuilder(rows)
  for (let year = FIRST_YEAR; b.length < rows; year++) {
    for (const t of towns) {
      const workers = 2_000 + Math.floor(rand() * 30_000)
      const stable = Math.round(workers * (0.82 + rand() * 0.15))
      const skilled = Math.round(workers * (0.1 + rand() * 0.3))
      for (const id of ids) {
        if (b.length >= rows) break
        let v: number
        if (id === 'total_workers') v = workers
        else if (id === 'stable_workers') v = stable
        else if (id === 'worker_stability_rate') v = Math.round((stable / workers) * 1000) / 10
        else if (id === 'skilled_upgraded_workers') v = skilled
        else if (id === 'skill_upgrade_rate') v = Math.round((skilled / workers) * 1000) / 10
        else if (id === 'wage_growth') v = Math.round((2 + rand() * 8) * 10) / 10
        else v = Math.floor(rand() * workers * 0.002)
        b.add(t, String(year), id, v, 'bench')
      }
    }
  }
  return { regions: out, table: b.build() }
}
