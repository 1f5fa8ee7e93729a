import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildHierarchy, FactIndex } from './aggregate'
import { FactTableBuilder } from './table'
import { testIndicator } from './testing'
import { RegionCatalogue } from './regions'
import type { Region } from './types'
import type { IndicatorCatalogue } from './indicators'
import {
  categoryOverview,
  cumulativeWithinYear,
  kpiCard,
  mapModel,
  peerScore,
  radarModel,
  rankingModel,
  regionTableModel,
  smallMultiplesModel,
  trendModel,
  type DashboardContext,
} from './dashboard'

const text = { zh: 'x', en: 'x' }
const ind = testIndicator
const total = ind('total_workers', '人', { kind: 'sum' })
const stable = ind('stable_workers', '人', { kind: 'sum' })
const rate = ind('worker_stability_rate', '%', { kind: 'ratio', numerator: 'stable_workers', denominator: 'total_workers' })
const relief = ind('relief_amount', '万元', { kind: 'sum' }, { category: 'care', frequencies: ['annual', 'monthly'] })
const petitions = ind('petitions_handled', '件', { kind: 'sum' }, { higherIsBetter: false })
const indicators: IndicatorCatalogue = {
  categories: [
    { id: 'rights', name: text },
    { id: 'care', name: text },
  ],
  indicators: [total, stable, rate, relief, petitions],
  byId: new Map([total, stable, rate, relief, petitions].map((i) => [i.id, i])),
}

const region = (adcode: string, parent: string | null, level: Region['level']): Region => ({
  adcode,
  name: adcode,
  shortName: adcode,
  nameEn: adcode,
  parent,
  level,
  aliases: [],
})
// 320000 ─┬─ 320100 ─┬─ 320101
//         │          └─ 320102
//         └─ 320200 ─┬─ 320201
//                    ├─ 320202
//                    └─ 320203
const regions = new RegionCatalogue([
  region('320000', null, 'province'),
  region('320100', '320000', 'city'),
  region('320101', '320100', 'district'),
  region('320102', '320100', 'district'),
  region('320200', '320000', 'city'),
  region('320201', '320200', 'district'),
  region('320202', '320200', 'district'),
  region('320203', '320200', 'district'),
])
const districts = ['320101', '320102', '320201', '320202', '320203']

type Row = [string, string, string, number | null]
function context(rows: Row[]): DashboardContext {
  const b = new FactTableBuilder()
  for (const [r, p, i, v] of rows) b.add(r, p, i, v, 'test')
  return { index: new FactIndex(b.build(), buildHierarchy(regions.all)), regions, indicators }
}

// Workers and stable workers per district, two years; 320203 has no 2023 data.
const workers: Row[] = []
const w2022 = [100, 200, 300, 400, 500]
const s2022 = [90, 160, 270, 300, 450]
const w2023 = [100, 200, 300, 400, NaN]
const s2023 = [95, 150, 285, 320, NaN]
districts.forEach((d, k) => {
  // Districts report their counts and their rate, as the sample data does.
  workers.push([d, '2022', 'total_workers', w2022[k]!], [d, '2022', 'stable_workers', s2022[k]!])
  workers.push([d, '2022', 'worker_stability_rate', (s2022[k]! / w2022[k]!) * 100])
  if (Number.isNaN(w2023[k]!)) return
  workers.push([d, '2023', 'total_workers', w2023[k]!], [d, '2023', 'stable_workers', s2023[k]!])
  workers.push([d, '2023', 'worker_stability_rate', (s2023[k]! / w2023[k]!) * 100])
})
const months: Row[] = []
for (const y of ['2022', '2023'])
  for (let m = 1; m <= 12; m++) months.push(['320101', `${y}-${String(m).padStart(2, '0')}`, 'relief_amount', m])
months.push(['320101', '2022', 'relief_amount', 78], ['320101', '2023', 'relief_amount', 78])

const ctx = context([...workers, ...months])
const sel = (scope: string, period = '2023') => ({ scope, period, indicator: rate.id })

describe('kpiCard', () => {
  it('gives 同比 of a rate in percentage points and the rank and its change among siblings', () => {
    const card = kpiCard(ctx, rate, sel('320101'))
    expect(card.value).toBeCloseTo(95)
    expect(card.yoy?.change).toEqual({ kind: 'points', value: 5 })
    expect(card.yoy?.likeForLike).toBe(false)
    // 2023: 320101 95% vs 320102 75% → 1st; 2022: 90% vs 80% → 1st.
    expect([card.rank, card.rankedPeers, card.previousRank, card.rankInBoth]).toEqual([1, 2, 1, 1])
    expect(card.spark.periods).toEqual(['2022', '2023'])
  })
  it('rolls a city rate up as a ratio of sums and leaves a missing district out, not as zero', () => {
    const card = kpiCard(ctx, rate, sel('320200'))
    expect(card.value).toBeCloseTo(((285 + 320) / (300 + 400)) * 100)
    expect(card.coverage).toEqual({ reported: 2, expected: 3 })
  })
  it('gives 环比 of the latest month for a monthly indicator', () => {
    const card = kpiCard(ctx, relief, sel('320101'))
    expect(card.latestMonth?.period).toBe('2023-12')
    expect(card.latestMonth?.mom?.change).toEqual({ kind: 'percent', value: expect.closeTo((12 / 11 - 1) * 100, 9) })
    expect(kpiCard(ctx, rate, sel('320101')).latestMonth).toBeNull()
  })
  it('reads the month of a strongly seasonal flow against the same month a year earlier', () => {
    // The fixture's months climb from 1 in January to 12 in December every year: a strong season.
    const card = kpiCard(ctx, relief, sel('320101'))
    expect(card.latestMonth?.seasonal).toBe(true)
    expect(card.latestMonth?.yoy?.change).toEqual({ kind: 'percent', value: 0 })
    // 2022 has no earlier complete year to learn the season from.
    expect(kpiCard(ctx, relief, { ...sel('320101'), period: '2022' }).latestMonth?.seasonal).toBe(false)
  })
})

describe('mapModel', () => {
  it('draws a city’s districts with the same scale in every year and keeps no data as NaN', () => {
    const m2023 = mapModel(ctx, rate, sel('320201'))
    const m2022 = mapModel(ctx, rate, sel('320201', '2022'))
    expect(m2023.mapAdcode).toBe('320200')
    expect(m2023.highlight).toBe('320201')
    expect([m2023.min, m2023.max]).toEqual([m2022.min, m2022.max])
    expect(m2023.items.find((i) => i.adcode === '320203')!.value).toBeNaN()
    expect(m2023.scale).toBe('continuous')
  })
  it('draws every district of the province on the all-district view, ranked together', () => {
    const m = mapModel(ctx, rate, sel('320000'), 'district')
    expect(m.geoKey).toBe('320000-districts')
    expect(m.items.map((i) => i.adcode)).toEqual(districts)
    expect(m.items.map((i) => i.rank)).toEqual([1, 4, 1, 3, 0])
    expect(mapModel(ctx, rate, sel('320000')).geoKey).toBe('320000')
  })
  it('grades counts in whole-number classes from the lowest value to the highest', () => {
    const m = mapModel(ctx, { ...total, decimals: 0 }, { ...sel('320000'), indicator: total.id })
    expect(m.scale).toBe('piecewise')
    expect(m.classStep).toBe(1)
    expect(m.classes[0]!.lo).toBe(m.min)
    expect(m.classes.at(-1)!.hi).toBe(m.max)
    for (const c of m.classes) expect(Number.isInteger(c.lo) && Number.isInteger(c.hi)).toBe(true)
    expect(mapModel(ctx, rate, sel('320000')).classes).toEqual([])
  })
})

describe('trendModel', () => {
  it('draws the scope and the comparison set, capped at eight lines', () => {
    const m = trendModel(ctx, rate, sel('320101'), { compare: ['320102', '320201', '320101', 'nowhere'] })
    expect(m.series.map((s) => s.key)).toEqual(['320101', '320102', '320201'])
    expect(m.reference?.parent).toBe('320100')
    const many = trendModel(ctx, rate, sel('320101'), { compare: Array.from({ length: 20 }, (_, k) => districts[k % 5]!) })
    expect(many.series.length).toBeLessThanOrEqual(8)
  })
  it('accumulates months within each year for the year-to-date view', () => {
    const m = trendModel(ctx, relief, sel('320101'), { mode: 'ytd' })
    const s = m.series[0]!.values
    expect(s[m.periods.indexOf('2022-12')]).toBe(78)
    expect(s[m.periods.indexOf('2023-01')]).toBe(1)
  })
  it('draws one line per year over January–December for the seasonal view', () => {
    const m = trendModel(ctx, relief, sel('320101'), { mode: 'seasonal' })
    expect(m.periods).toHaveLength(12)
    expect(m.series.map((s) => s.key)).toEqual(['2022', '2023'])
    expect(m.reference).toBeNull()
  })
  it('falls back to annual for an annual-only indicator and honours a range', () => {
    const m = trendModel(ctx, rate, sel('320101'), { mode: 'monthly', from: '2023' })
    expect(m.mode).toBe('annual')
    expect(m.periods).toEqual(['2023'])
  })
})

describe('cumulativeWithinYear', () => {
  it('restarts each year and never turns a missing month into zero', () => {
    expect(cumulativeWithinYear(['2023-01', '2023-02', '2023-03', '2024-01'], [1, NaN, 2, 5])).toEqual([1, NaN, NaN, 5])
  })
  it('ends each complete year at the year’s sum and never decreases for non-negative values', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }), (vals) => {
        const periods = vals.map((_, k) => `2023-${String(k + 1).padStart(2, '0')}`)
        const c = cumulativeWithinYear(periods, vals)
        expect(c[11]).toBe(vals.reduce((a, b) => a + b, 0))
        for (let k = 1; k < 12; k++) expect(c[k]!).toBeGreaterThanOrEqual(c[k - 1]!)
      }),
    )
  })
})

describe('rankingModel', () => {
  it('ranks best first, no data last, with last year’s position among the regions ranked in both years', () => {
    const m = rankingModel(ctx, rate, sel('320200'))
    expect(m.items.map((i) => i.adcode)).toEqual(['320201', '320202', '320203'])
    // 320203 (no 2023 data) does not count: among 320201 and 320202, last year's order was 1, 2.
    expect(m.items.map((i) => i.previousRank)).toEqual([1, 2, 0])
    expect(m.items.map((i) => i.rankInBoth)).toEqual([1, 2, 0])
    expect(m.reference.kind).toBe('parentValue')
  })
  it('ranks lower-is-better indicators lowest first', () => {
    const c = context([
      ['320101', '2023', 'petitions_handled', 5],
      ['320102', '2023', 'petitions_handled', 2],
    ])
    expect(rankingModel(c, petitions, sel('320100')).items.map((i) => i.adcode)).toEqual(['320102', '320101'])
  })
})

describe('peerScore', () => {
  it('stays within 0–100, best gets 100, and lower-is-better turns it round', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), (vals) => {
        const scores = vals.map((v) => peerScore(v, vals, true))
        for (const s of scores) expect(s).toBeGreaterThanOrEqual(0)
        for (const s of scores) expect(s).toBeLessThanOrEqual(100)
        const best = vals.indexOf(Math.max(...vals))
        if (new Set(vals).size > 1) expect(scores[best]).toBe(100)
        vals.forEach((v, k) => expect(peerScore(v, vals, false)).toBeCloseTo(new Set(vals).size > 1 ? 100 - scores[k]! : 50))
      }),
    )
  })
  it('is NaN for no data', () => {
    expect(peerScore(NaN, [1, 2], true)).toBeNaN()
  })
})

describe('radar, table, small multiples and category overview', () => {
  it('normalises a region’s profile against its siblings; the province has none', () => {
    const r = radarModel(ctx, sel('320201'), [rate.id, total.id])!
    expect(r.parent).toBe('320200')
    expect(r.axes[0]!.score).toBe(100)
    expect(radarModel(ctx, sel('320000'), [rate.id])).toBeNull()
  })
  it('builds regions × indicators with ranks and scores', () => {
    const t = regionTableModel(ctx, sel('320200'), [rate.id, total.id])
    expect(t.rows.map((r) => r.adcode)).toEqual(['320201', '320202', '320203'])
    expect(t.rows[2]!.cells[0]!.score).toBeNaN()
    expect(t.rows[0]!.cells[0]!.rank).toBe(1)
  })
  it('shares one y range across small multiples', () => {
    const m = smallMultiplesModel(ctx, rate, sel('320200'))
    expect(m.panels).toHaveLength(3)
    expect(m.min).toBeCloseTo(75)
    expect(m.max).toBeCloseTo(95)
  })
  it('ends the small multiples and the trend at a report period', () => {
    const all = smallMultiplesModel(ctx, rate, sel('320200'))
    const first = all.periods[0]!
    const cut = smallMultiplesModel(ctx, rate, sel('320200'), 'city', first)
    expect(all.periods.length).toBeGreaterThan(1)
    expect(cut.periods).toEqual([first])
    expect(cut.panels.every((p) => p.values.length === 1)).toBe(true)
    const trend = trendModel(ctx, rate, sel('320101'), { to: first })
    expect(trend.periods.every((p) => p <= first)).toBe(true)
  })
  it('gives each category its headline cards', () => {
    const o = categoryOverview(ctx, sel('320101'))
    expect(o.map((c) => c.category)).toEqual(['rights', 'care'])
    expect(o[0]!.cards.map((c) => c.indicator.id)).toEqual(['worker_stability_rate'])
  })
})
