/**
 * Checks the bundled sample (data/sample-annual.csv, data/sample-monthly.json) against the indicator
 * catalogue and against the rules the sample promises: rates computed from counts, monthly relief
 * adding up to the annual figure, published rows marked with their source, explicit blanks, and
 * byte-identical regeneration.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  CSV_HEADER,
  DISTRICTS,
  PUBLISHED,
  YEARS,
  generateSample,
} from '../../scripts/sample/generate'
import { dependenciesOf, loadIndicatorCatalogue } from './indicators'
import { SAMPLE_SOURCE } from './types'

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data')
const read = (name: string): string => readFileSync(resolve(DATA_DIR, name), 'utf8')

const csvText = read('sample-annual.csv')
const monthlyText = read('sample-monthly.json')
const catalogueJson: unknown = JSON.parse(read('indicators.json'))
const catalogue = loadIndicatorCatalogue(catalogueJson)

interface Row {
  regionCode: string
  region: string
  year: number
  indicator: string
  value: number | null
  source: string
}

const lines = csvText.split('\n')
const header = lines[0]
const rows: Row[] = lines
  .slice(1)
  .filter((l) => l !== '')
  .map((l) => {
    const f = l.split(',')
    if (f.length !== 6) throw new Error(`expected 6 fields: ${l}`)
    const [regionCode = '', region = '', period = '', indicator = '', value = '', source = ''] = f
    return { regionCode, region, year: Number(period), indicator, value: value === '' ? null : Number(value), source }
  })

const key = (regionCode: string, year: number, indicator: string) => `${regionCode}|${year}|${indicator}`
const byCell = new Map(rows.map((r) => [key(r.regionCode, r.year, r.indicator), r]))
const valueOf = (regionCode: string, year: number, indicator: string): number | null => {
  const r = byCell.get(key(regionCode, year, indicator))
  if (!r) throw new Error(`no row for ${key(regionCode, year, indicator)}`)
  return r.value
}
const round1 = (x: number) => Math.round(x * 10) / 10

interface MonthlyFile {
  meta: { synthetic: boolean; description: { zh: string; en: string } }
  facts: Array<{ region_code: string; region: string; period: string; indicator: string; value: number; source: string }>
}
const monthly = JSON.parse(monthlyText) as MonthlyFile

describe('data/indicators.json', () => {
  it('loads through the catalogue loader with 23 indicators in the 5 categories', () => {
    expect(catalogue.indicators).toHaveLength(23)
    expect(catalogue.categories.map((c) => c.id)).toEqual(['rights', 'honours', 'skills', 'care', 'services'])
  })

  it('has ratio and weighted rules that refer to existing summed indicators', () => {
    const withDeps = catalogue.indicators.filter((i) => dependenciesOf(i).length > 0)
    expect(withDeps.map((i) => i.id).sort()).toEqual(['skill_upgrade_rate', 'wage_growth', 'worker_stability_rate'])
    for (const ind of withDeps)
      for (const dep of dependenciesOf(ind)) expect(catalogue.byId.get(dep)?.aggregation.kind, `${ind.id} → ${dep}`).toBe('sum')
  })

  it('gives each indicator a bilingual definition and 2–4 aliases, none shared between indicators', () => {
    const owner = new Map<string, string>()
    for (const ind of catalogue.indicators) {
      expect(ind.definition.zh.length, ind.id).toBeGreaterThan(10)
      expect(ind.definition.en.length, ind.id).toBeGreaterThan(10)
      expect(ind.aliases.length, ind.id).toBeGreaterThanOrEqual(2)
      expect(ind.aliases.length, ind.id).toBeLessThanOrEqual(4)
      expect(ind.decimals, ind.id).toBe(ind.unit === '%' || ind.unit === '万元' ? 1 : 0)
      for (const name of [ind.name.zh, ...ind.aliases]) {
        expect(owner.get(name) ?? ind.id, `"${name}" used by ${owner.get(name)} and ${ind.id}`).toBe(ind.id)
        owner.set(name, ind.id)
      }
    }
  })
})

describe('data/sample-annual.csv', () => {
  it('is UTF-8 without BOM, LF line ends, with the expected header', () => {
    expect(csvText.charCodeAt(0)).not.toBe(0xfeff)
    expect(csvText).not.toContain('\r')
    expect(csvText.endsWith('\n')).toBe(true)
    expect(header).toBe(CSV_HEADER)
    expect(header).toBe('region_code,region,period,indicator,value,source')
  })

  it('has one row per division × year × indicator', () => {
    expect(rows).toHaveLength(95 * YEARS.length * 23)
    expect(byCell.size).toBe(rows.length)
    expect(new Set(rows.map((r) => r.regionCode)).size).toBe(95)
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set(YEARS))
    const names = new Map(DISTRICTS.map((d) => [d.adcode, d.name]))
    for (const r of rows) expect(r.region).toBe(names.get(r.regionCode))
  })

  it('uses exactly the indicators of the catalogue', () => {
    const inCsv = new Set(rows.map((r) => r.indicator))
    const inCatalogue = new Set(catalogue.indicators.map((i) => i.id))
    expect([...inCsv].sort()).toEqual([...inCatalogue].sort())
  })

  it('writes values with the indicator’s decimals, never negative', () => {
    for (const r of rows) {
      if (r.value === null) continue
      const ind = catalogue.byId.get(r.indicator)
      expect(ind).toBeDefined()
      expect(Number.isFinite(r.value)).toBe(true)
      expect(r.value).toBeGreaterThanOrEqual(0)
      if (ind?.decimals === 0) expect(Number.isInteger(r.value), `${r.regionCode} ${r.year} ${r.indicator}`).toBe(true)
    }
  })

  it('computes district rates from the counts: round(100 · numerator ÷ denominator, 1)', () => {
    let checked = 0
    for (const ind of catalogue.indicators) {
      const rule = ind.aggregation
      if (rule.kind !== 'ratio') continue
      for (const d of DISTRICTS)
        for (const y of YEARS) {
          const num = valueOf(d.adcode, y, rule.numerator)
          const den = valueOf(d.adcode, y, rule.denominator)
          const rate = valueOf(d.adcode, y, ind.id)
          if (num === null || den === null) {
            expect(rate, `${d.adcode} ${y} ${ind.id} without its counts`).toBeNull()
            continue
          }
          expect(rate).not.toBeNull()
          expect(Math.abs((rate ?? NaN) - Math.round((1000 * num) / den) / 10)).toBeLessThan(1e-9)
          checked++
        }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('keeps stable and skilled workers within total workers, and rates in their bands', () => {
    for (const d of DISTRICTS)
      for (const y of YEARS) {
        const total = valueOf(d.adcode, y, 'total_workers')
        expect(total).not.toBeNull()
        for (const part of ['stable_workers', 'skilled_upgraded_workers']) {
          const v = valueOf(d.adcode, y, part)
          if (v !== null) expect(v).toBeLessThanOrEqual(total ?? 0)
        }
        const stability = valueOf(d.adcode, y, 'worker_stability_rate')
        if (stability !== null) expect(stability >= 85 && stability <= 95).toBe(true)
        const upgrade = valueOf(d.adcode, y, 'skill_upgrade_rate')
        if (upgrade !== null) expect(upgrade >= 55 && upgrade <= 80).toBe(true)
        const wage = valueOf(d.adcode, y, 'wage_growth')
        if (wage !== null) expect(wage >= 3 && wage <= 8).toBe(true)
      }
  })

  it('carries the published 锡山区 figures with their source; every other row is 示例数据', () => {
    expect(PUBLISHED).toHaveLength(17)
    const published = new Set<string>()
    for (const p of PUBLISHED) {
      const r = byCell.get(key(p.regionCode, p.year, p.indicator))
      expect(r, `${p.indicator} ${p.year}`).toBeDefined()
      expect(r?.value).toBe(p.value)
      expect(r?.source).toBe(p.source)
      published.add(key(p.regionCode, p.year, p.indicator))
    }
    expect(byCell.get(key('320205', 2023, 'relief_amount'))?.value).toBe(36)
    expect(byCell.get(key('320205', 2023, 'mutual_insurance_enrolled'))?.source).toBe('江苏工人报《主席论坛》2023')
    expect(byCell.get(key('320205', 2022, 'mutual_insurance_enrolled'))).toMatchObject({
      value: 14270,
      source: '江苏工人报《主席论坛》2023（据“较上年增加约6000人”推算）',
    })
    const others = rows.filter((r) => !published.has(key(r.regionCode, r.year, r.indicator)))
    expect(others).toHaveLength(rows.length - 17)
    for (const r of others) expect(r.source).toBe(SAMPLE_SOURCE)
  })

  it('has a few explicit blanks (rows kept, value empty), never in a published cell', () => {
    const blank = rows.filter((r) => r.value === null)
    expect(blank.length).toBeGreaterThan(0)
    expect(blank.length / rows.length).toBeLessThan(0.02)
    const published = new Set(PUBLISHED.map((p) => key(p.regionCode, p.year, p.indicator)))
    for (const r of blank) {
      expect(published.has(key(r.regionCode, r.year, r.indicator))).toBe(false)
      expect(r.indicator).not.toBe('total_workers')
      expect(r.indicator).not.toBe('relief_amount')
    }
  })
})

describe('data/sample-monthly.json', () => {
  it('is marked synthetic and holds relief_amount for every division and month 2019-01 … 2024-12', () => {
    expect(monthly.meta.synthetic).toBe(true)
    expect(monthly.meta.description.zh).not.toBe('')
    expect(monthly.meta.description.en).not.toBe('')
    expect(monthly.facts).toHaveLength(95 * YEARS.length * 12)
    const seen = new Set<string>()
    for (const f of monthly.facts) {
      expect(f.indicator).toBe('relief_amount')
      expect(f.source).toBe(SAMPLE_SOURCE)
      expect(f.period).toMatch(/^20(19|2[0-4])-(0[1-9]|1[0-2])$/)
      expect(f.value).toBeGreaterThanOrEqual(0)
      expect(Math.abs(f.value * 10 - Math.round(f.value * 10))).toBeLessThan(1e-9)
      seen.add(`${f.region_code}|${f.period}`)
    }
    expect(seen.size).toBe(monthly.facts.length)
  })

  it('adds up, for every division and year, to the annual relief_amount of the CSV', () => {
    const sums = new Map<string, number>()
    for (const f of monthly.facts) {
      const k = key(f.region_code, Number(f.period.slice(0, 4)), 'relief_amount')
      sums.set(k, (sums.get(k) ?? 0) + f.value)
    }
    expect(sums.size).toBe(95 * YEARS.length)
    for (const [k, sum] of sums) {
      const annual = byCell.get(k)?.value
      expect(annual, k).not.toBeNull()
      expect(Math.abs(round1(sum) - (annual ?? NaN)), k).toBeLessThan(1e-9)
    }
    expect(round1(sums.get(key('320205', 2023, 'relief_amount')) ?? 0)).toBe(36)
  })

  it('peaks around the Spring Festival and in summer', () => {
    const byMonth = Array.from({ length: 12 }, () => 0)
    for (const f of monthly.facts) {
      const m = Number(f.period.slice(5)) - 1
      byMonth[m] = (byMonth[m] ?? 0) + f.value
    }
    const [jan = 0, feb = 0, , apr = 0, , , jul = 0, , , oct = 0, , dec = 0] = byMonth
    expect(jan).toBeGreaterThan(3 * apr)
    expect(feb).toBeGreaterThan(apr)
    expect(dec).toBeGreaterThan(2 * oct)
    expect(jul).toBeGreaterThan(1.5 * oct)
  })
})

describe('scripts/sample/generate.ts', () => {
  it('is deterministic and matches the files in data/ byte for byte', () => {
    const a = generateSample()
    const b = generateSample()
    expect(a.csv).toBe(b.csv)
    expect(a.monthlyJson).toBe(b.monthlyJson)
    expect(a.csv).toBe(csvText)
    expect(a.monthlyJson).toBe(monthlyText)
  })
})
