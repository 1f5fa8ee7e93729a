import { describe, expect, it } from 'vitest'
import { buildHierarchy, FactIndex } from './aggregate'
import { FactTableBuilder } from './table'
import { testIndicator } from './testing'
import { RegionCatalogue } from './regions'
import type { IndicatorCatalogue } from './indicators'
import type { DashboardContext } from './dashboard'
import { defaultPeriod, isFuturePeriod, landingView, periodChoices, smallestCommonRegion } from './landing'
import type { Region } from './types'

const text = { zh: 'x', en: 'x' }
const ind = testIndicator
const total = ind('total_workers', '人', { kind: 'sum' })
const stable = ind('stable_workers', '人', { kind: 'sum' })
const rate = ind('worker_stability_rate', '%', { kind: 'ratio', numerator: 'stable_workers', denominator: 'total_workers' })
const relief = ind('relief_amount', '万元', { kind: 'sum' }, { frequencies: ['annual', 'monthly'] })
const medals = ind('may_day_medals', '人', { kind: 'sum' })
const list = [total, stable, rate, relief, medals]
const indicators: IndicatorCatalogue = { categories: [{ id: 'rights', name: text }], indicators: list, byId: new Map(list.map((i) => [i.id, i])) }

const region = (adcode: string, parent: string | null, level: Region['level']): Region => ({ adcode, name: adcode, shortName: adcode, nameEn: adcode, parent, level, aliases: [] })
const regions = new RegionCatalogue([
  region('320000', null, 'province'),
  region('321000', '320000', 'city'),
  region('321012', '321000', 'district'),
  region('321081', '321000', 'district'),
  region('320200', '320000', 'city'),
  region('320205', '320200', 'district'),
])

type Row = [string, string, string, number]
function context(rows: Row[]): DashboardContext {
  const b = new FactTableBuilder()
  for (const [r, p, i, v] of rows) b.add(r, p, i, v, 'file.csv')
  return { index: new FactIndex(b.build(), buildHierarchy(regions.all)), regions, indicators }
}
const today = new Date(2026, 11, 2)

describe('default period', () => {
  it('is the latest year up to today: a typo dated 2032 never becomes the default', () => {
    const ctx = context([
      ['321012', '2024', 'may_day_medals', 3],
      ['321012', '2032', 'may_day_medals', 4],
    ])
    expect(periodChoices(ctx, 'may_day_medals').years).toEqual(['2024', '2032'])
    expect(defaultPeriod(ctx, medals, today)).toBe('2024')
    expect(isFuturePeriod('2032', today)).toBe(true)
    expect(isFuturePeriod('2026-12', today)).toBe(false)
    expect(isFuturePeriod('2027-01', today)).toBe(true)
  })

  it('is the latest month when monthly data makes only part of a year', () => {
    // The documented example: one month of relief for 仪征市.
    const ctx = context([['321081', '2023-06', 'relief_amount', 12.5]])
    expect(periodChoices(ctx, 'relief_amount')).toEqual({ years: ['2023'], months: ['2023-06'] })
    expect(defaultPeriod(ctx, relief, today)).toBe('2023-06')
  })

  it('is the year when all twelve months are there', () => {
    const ctx = context(Array.from({ length: 12 }, (_, k): Row => ['321081', `2023-${String(k + 1).padStart(2, '0')}`, 'relief_amount', 1]))
    expect(defaultPeriod(ctx, relief, today)).toBe('2023')
  })
})

describe('landing on imported data', () => {
  it('opens on the smallest region that holds every row', () => {
    expect(smallestCommonRegion(context([['321012', '2023', 'may_day_medals', 1], ['321081', '2023', 'may_day_medals', 2]]))).toBe('321000')
    expect(smallestCommonRegion(context([['321012', '2023', 'may_day_medals', 1], ['320205', '2023', 'may_day_medals', 2]]))).toBe('320000')
    expect(smallestCommonRegion(context([['321012', '2023', 'may_day_medals', 1]]))).toBe('321012')
    expect(smallestCommonRegion(context([]))).toBeNull()
  })

  it('keeps the chosen indicator where it has a figure, else picks one that has', () => {
    const counts = context([
      ['321012', '2023', 'total_workers', 100],
      ['321012', '2023', 'stable_workers', 90],
      ['321081', '2023', 'total_workers', 50],
      ['321081', '2023', 'stable_workers', 45],
    ])
    // A counts-only file: the rate is worked out from the counts, so it stays.
    expect(landingView(counts, 'worker_stability_rate', [], today)).toEqual({ scope: '321000', indicator: 'worker_stability_rate' })
    const medalsOnly = context([['321012', '2023', 'may_day_medals', 3]])
    expect(landingView(medalsOnly, 'worker_stability_rate', ['collective_contracts', 'may_day_medals'], today)).toEqual({
      scope: '321012',
      indicator: 'may_day_medals',
    })
  })
})
