import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildHierarchy, FactIndex } from './aggregate'
import { FactTableBuilder } from './table'
import { testIndicator } from './testing'
import { changeBetween, competitionRanks } from './compare'
import { changeDetail, ranksInBoth } from './likeforlike'
import type { Indicator } from './types'

const ind = (id: string, unit: Indicator['unit'], aggregation: Indicator['aggregation'], decimals = 0) => testIndicator(id, unit, aggregation, { decimals })
const contracts = ind('contracts', '份', { kind: 'sum' })
const total = ind('total', '人', { kind: 'sum' })
const stable = ind('stable', '人', { kind: 'sum' })
const rate = ind('rate', '%', { kind: 'ratio', numerator: 'stable', denominator: 'total' }, 1)
const byId = new Map([contracts, total, stable, rate].map((i) => [i.id, i]))

// W (a city) ─┬─ A … F (six districts); P (province) ─┬─ W, Z ─┬─ Z1, Z2
const regions = [
  { adcode: 'P', parent: null },
  { adcode: 'W', parent: 'P' },
  ...['A', 'B', 'C', 'D', 'E', 'F'].map((d) => ({ adcode: d, parent: 'W' })),
  { adcode: 'Z', parent: 'P' },
  { adcode: 'Z1', parent: 'Z' },
  { adcode: 'Z2', parent: 'Z' },
]
const districts = ['A', 'B', 'C', 'D', 'E', 'F']
const h = buildHierarchy(regions)

type Row = [string, string, string, number | null]
function index(rows: Row[]): FactIndex {
  const b = new FactTableBuilder()
  for (const [r, p, i, v] of rows) b.add(r, p, i, v, 's')
  return new FactIndex(b.build(), h)
}
const detail = (x: FactIndex, i: Indicator, region: string, period = '2024', earlier = '2023') =>
  changeDetail(x, i, byId, h.indexOf.get(region)!, period, earlier)

describe('like-for-like change', () => {
  it('leaves out a district that did not report this year (无锡 2024: −10.4% becomes +3.8%)', () => {
    // 2023: all six districts, 5,702 in all, 783 of them from F; 2024: F did not report.
    const y2023 = [1000, 900, 1200, 800, 1019, 783]
    const y2024 = [1050, 950, 1250, 820, 1037]
    const x = index([
      ...districts.map((d, k): Row => [d, '2023', 'contracts', y2023[k]!]),
      ...districts.slice(0, 5).map((d, k): Row => [d, '2024', 'contracts', y2024[k]!]),
    ])
    const d = detail(x, contracts, 'W')!
    expect(d.plain?.value).toBeCloseTo(((5107 - 5702) / 5702) * 100, 9)
    expect(d.likeForLike).toBe(true)
    expect(d.change?.value).toBeCloseTo(((5107 - 4919) / 4919) * 100, 9)
    expect(d.missingNow).toEqual(['F'])
    expect(d.missingBefore).toEqual([])
    expect([d.current, d.previous]).toEqual([5107, 4919])
  })

  it('finds no change where the districts that reported in both years are flat (镇江 2020: +53.8% becomes 0.0%)', () => {
    const x = index([
      ...districts.slice(0, 4).map((d): Row => [d, '2019', 'contracts', 5]),
      ...districts.map((d): Row => [d, '2020', 'contracts', 5]),
    ])
    const d = detail(x, contracts, 'W', '2020', '2019')!
    expect(d.plain?.value).toBeCloseTo(50, 9)
    expect(d.change?.value).toBe(0)
    expect(d.missingBefore).toEqual(['E', 'F'])
  })

  it('is the plain change when the same regions are behind both figures', () => {
    const x = index([
      ['A', '2023', 'contracts', 10],
      ['A', '2024', 'contracts', 12],
    ])
    const d = detail(x, contracts, 'W')!
    expect(d.likeForLike).toBe(false)
    expect(d.change).toEqual(d.plain)
  })

  it('compares rates on the counts of the districts with both years, in points', () => {
    const x = index([
      ['A', '2023', 'total', 100],
      ['A', '2023', 'stable', 90],
      ['B', '2023', 'total', 100],
      ['B', '2023', 'stable', 50],
      ['A', '2024', 'total', 100],
      ['A', '2024', 'stable', 92],
    ])
    const d = detail(x, rate, 'W')!
    expect(d.plain?.value).toBeCloseTo(92 - 70, 9)
    expect(d.change).toEqual({ kind: 'points', value: 2 })
    expect(d.missingNow).toEqual(['B'])
  })

  it('names a city as a whole when its own figure stands in one year and part of its districts in the other', () => {
    const x = index([
      ['W', '2023', 'contracts', 100],
      ['A', '2024', 'contracts', 60],
      ['Z1', '2023', 'contracts', 10],
      ['Z1', '2024', 'contracts', 11],
      ['Z2', '2023', 'contracts', 10],
      ['Z2', '2024', 'contracts', 11],
    ])
    const d = detail(x, contracts, 'P')!
    expect(d.missingNow).toEqual(['W'])
    expect(d.change?.value).toBeCloseTo(10, 9)
  })

  it('has no change when a figure is missing in either year', () => {
    const x = index([['A', '2024', 'contracts', 1]])
    expect(detail(x, contracts, 'W')).toBeNull()
  })

  it('property: the headline change equals the change over the districts present in both years', () => {
    const value = fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null, freq: 3 })
    const year = fc.array(value, { minLength: 6, maxLength: 6 })
    fc.assert(
      fc.property(year, year, (before, now) => {
        const rows: Row[] = []
        districts.forEach((d, k) => {
          rows.push([d, '2023', 'contracts', before[k]!], [d, '2024', 'contracts', now[k]!])
        })
        const x = index(rows)
        const d = detail(x, contracts, 'W')
        const inBoth = districts.map((_, k) => k).filter((k) => before[k] !== null && now[k] !== null)
        const onlyNow = districts.filter((_, k) => before[k] === null && now[k] !== null)
        const onlyBefore = districts.filter((_, k) => before[k] !== null && now[k] === null)
        if (before.every((v) => v === null) || now.every((v) => v === null)) {
          expect(d).toBeNull()
          return
        }
        expect(d!.missingNow).toEqual(onlyBefore)
        expect(d!.missingBefore).toEqual(onlyNow)
        const sumNow = inBoth.reduce((s, k) => s + now[k]!, 0)
        const sumBefore = inBoth.reduce((s, k) => s + before[k]!, 0)
        if (inBoth.length === 0) expect(d!.change).toBeNull()
        else expect(d!.change).toEqual(changeBetween(sumNow, sumBefore, contracts))
      }),
    )
  })
})

describe('ranksInBoth', () => {
  it('counts only the members ranked in both periods', () => {
    const rank = (v: number[]) => competitionRanks(v, true)
    // C had no figure last year: it neither moves nor pushes A down.
    const r = ranksInBoth([5, 9, 10], [6, 8, NaN], rank)
    expect(r.now).toEqual([2, 1, 0])
    expect(r.then).toEqual([2, 1, 0])
  })
})
