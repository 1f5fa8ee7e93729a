import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildHierarchy, FactIndex } from './aggregate'
import { FactTableBuilder } from './table'
import { testIndicator } from './testing'
import { RegionCatalogue } from './regions'
import type { Region } from './types'
import type { IndicatorCatalogue } from './indicators'
import { mapFrame, type DashboardContext } from './dashboard'
import { hasPerWorkers, perWorkersIndicator, perWorkersMap, PER_WORKERS } from './perWorkers'

const total = testIndicator('total_workers', '人', { kind: 'sum' }, { decimals: 0 })
const medals = testIndicator('may_day_medals', '人', { kind: 'sum' }, { decimals: 0 })
const relief = testIndicator('relief_amount', '万元', { kind: 'sum' })
const rate = testIndicator('rate', '%', { kind: 'ratio', numerator: 'may_day_medals', denominator: 'total_workers' })
const all = [total, medals, relief, rate]
const catalogue: IndicatorCatalogue = {
  categories: [{ id: 'rights', name: { zh: 'x', en: 'x' } }],
  indicators: all,
  byId: new Map(all.map((i) => [i.id, i])),
  workforce: 'total_workers',
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
const districts = ['320101', '320102', '320201', '320202', '320203'] as const
const sel = { scope: '320000', period: '2023', indicator: 'may_day_medals' }

/** Districts' counts and workforces (null = not reported). */
function context(counts: readonly (number | null)[], workers: readonly (number | null)[]): DashboardContext {
  const b = new FactTableBuilder()
  districts.forEach((d, k) => {
    if (counts[k] !== null) b.add(d, '2023', 'may_day_medals', counts[k]!, 'test')
    if (workers[k] !== null) b.add(d, '2023', 'total_workers', workers[k]!, 'test')
  })
  return { index: new FactIndex(b.build(), buildHierarchy(regions.all)), regions, indicators: catalogue }
}

describe('counts per 10,000 workers', () => {
  it('is offered for counts of people and things when the catalogue names a workforce, not for money, rates or the workforce', () => {
    expect(hasPerWorkers(catalogue, medals)).toBe(true)
    expect(hasPerWorkers(catalogue, relief)).toBe(false)
    expect(hasPerWorkers(catalogue, rate)).toBe(false)
    expect(hasPerWorkers(catalogue, total)).toBe(false)
    expect(hasPerWorkers({ ...catalogue, workforce: undefined }, medals)).toBe(false)
  })

  it('is a ratio of sums over the districts with both, never a mean of district rates', () => {
    // 320200: 3 + 1 medals over 10,000 + 30,000 workers = 1.0 per 10,000 (the mean of 3.0 and 0.33 would be 1.67);
    // 320203 has medals but no workforce, so it is left out of its city and says so.
    const ctx = context([2, 6, 3, 1, 9], [20_000, 40_000, 10_000, 30_000, null])
    const model = perWorkersMap(ctx, medals, 'total_workers', sel, mapFrame(regions, '320000', 'city'))
    const city = (a: string) => model.items.find((it) => it.adcode === a)!
    expect(city('320100').value).toBeCloseTo(((2 + 6) / 60_000) * PER_WORKERS, 10)
    expect(city('320200').value).toBeCloseTo(1, 10)
    expect(city('320100').figure.coverage).toEqual({ reported: 2, expected: 2 })
    expect(city('320200').figure.coverage).toEqual({ reported: 2, expected: 3 })
    expect(model.coverage).toEqual({ reported: 4, expected: 5 })
    expect(model.indicator.decimals).toBe(1)

    const byDistrict = perWorkersMap(ctx, medals, 'total_workers', sel, mapFrame(regions, '320200', 'city'))
    const lone = byDistrict.items.find((it) => it.adcode === '320203')!
    expect(Number.isNaN(lone.value)).toBe(true)
    expect(lone.lacksWorkers).toBe(true)
    expect(byDistrict.items.filter((it) => it.lacksWorkers).map((it) => it.adcode)).toEqual(['320203'])
  })

  it('may exceed one per worker (a count of 人次 is no share of the workforce)', () => {
    const ctx = context([5, 5, 5, 5, 5], [2, 2, 2, 2, 2])
    const model = perWorkersMap(ctx, medals, 'total_workers', sel, mapFrame(regions, '320000', 'city'))
    expect(model.items.map((it) => it.value)).toEqual([25_000, 25_000])
  })

  it('of every city equals Σcount ÷ Σworkers × 10,000 over its districts with both (property)', () => {
    const cell = fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null })
    const workforce = fc.option(fc.integer({ min: 1, max: 900_000 }), { nil: null })
    fc.assert(
      fc.property(fc.array(cell, { minLength: 5, maxLength: 5 }), fc.array(workforce, { minLength: 5, maxLength: 5 }), (counts, workers) => {
        const ctx = context(counts, workers)
        const model = perWorkersMap(ctx, medals, 'total_workers', sel, mapFrame(regions, '320000', 'city'))
        for (const [city, members] of [
          ['320100', [0, 1]],
          ['320200', [2, 3, 4]],
        ] as const) {
          const both = members.filter((k) => counts[k] !== null && workers[k] !== null)
          const item = model.items.find((it) => it.adcode === city)!
          expect(item.figure.coverage.reported).toBe(both.length === 0 ? 0 : both.length)
          if (both.length === 0) {
            expect(Number.isNaN(item.value)).toBe(true)
            continue
          }
          const sumCount = both.reduce((s: number, k) => s + counts[k]!, 0)
          const sumWorkers = both.reduce((s: number, k) => s + workers[k]!, 0)
          expect(item.value).toBeCloseTo((sumCount / sumWorkers) * PER_WORKERS, 6)
        }
      }),
    )
  })

  it('is drawn as a graded map with its own classes', () => {
    const ctx = context([2, 6, 3, 1, 9], [20_000, 40_000, 10_000, 30_000, 50_000])
    const model = perWorkersMap(ctx, medals, 'total_workers', sel, mapFrame(regions, '320000', 'district'))
    expect(model.scale).toBe('piecewise')
    expect(model.classStep).toBeCloseTo(0.1, 10)
    expect(model.min).toBeCloseTo(0.333, 2)
    expect(model.max).toBeCloseTo(3, 10)
    expect(perWorkersIndicator(medals, 'total_workers').aggregation).toEqual({
      kind: 'ratio',
      numerator: 'may_day_medals',
      denominator: 'total_workers',
      per: PER_WORKERS,
    })
  })
})
