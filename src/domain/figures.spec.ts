import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildHierarchy, figureState, type FactIndex } from './aggregate'
import { testIndex, testIndicator, TREE, TREE_LEAVES, type TestRow } from './testing'
import type { Indicator } from './types'
import { benchmarkApplies, figureOf, isPartialCoverage } from './figures'
import { offendersBehind, sourcesBehind } from './provenance'

const ind = testIndicator
const total = ind('total', '人', { kind: 'sum' })
const stable = ind('stable', '人', { kind: 'sum' })
const rate = ind('rate', '%', { kind: 'ratio', numerator: 'stable', denominator: 'total' })
const wage = ind('wage', '%', { kind: 'weighted_mean', weight: 'total' })
const relief = ind('relief', '万元', { kind: 'sum' }, { frequencies: ['annual', 'monthly'] })
const byId = new Map([total, stable, rate, wage, relief].map((i) => [i.id, i]))

const leaves = TREE_LEAVES
const h = buildHierarchy(TREE)
const at = (code: string) => h.indexOf.get(code)!
type Row = TestRow
const index = (rows: Row[]) => testIndex(rows.map(([r, p, i, v, s]): Row => [r, p, i, v, s ?? 'S0']))
const figure = (x: FactIndex, i: Indicator, region: string, period = '2023') => figureOf(x, byId, i, period, region)
const sourceNames = (x: FactIndex, i: Indicator, region: string, period = '2023') => sourcesBehind(x, i, period, byId, at(region)).map((c) => x.table.sources[c])

describe('coverage', () => {
  it('a roll-up knows how many of its districts are behind it; a reported figure covers them all', () => {
    const x = index([
      ['D11', '2023', 'total', 10],
      ['D21', '2023', 'total', 5],
      ['C1', '2023', 'total', 12],
    ])
    expect(figure(x, total, 'P').coverage).toEqual({ reported: 3, expected: 5 })
    expect(isPartialCoverage(figure(x, total, 'P'))).toBe(true)
    expect(figure(x, total, 'C1').coverage).toEqual({ reported: 2, expected: 2 })
    expect(isPartialCoverage(figure(x, total, 'C1'))).toBe(false)
  })

  it('property: coverage counts exactly the districts with data, whatever the gaps', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(1000), { nil: null }), { minLength: 5, maxLength: 5 }), (vals) => {
        const x = index(leaves.map((d, k): Row => [d, '2023', 'total', vals[k]!]))
        const present = vals.filter((v) => v !== null).length
        const f = figure(x, total, 'P')
        if (present === 0) expect(f.state).toBe('none')
        else {
          expect(f.coverage).toEqual({ reported: present, expected: 5 })
          expect(isPartialCoverage(f)).toBe(present < 5)
        }
      }),
    )
  })
})

describe('derived and unavailable rates', () => {
  it('works out a region’s rate from its own counts when it reported no rate, and marks it derived', () => {
    const x = index([
      ['D11', '2023', 'total', 200],
      ['D11', '2023', 'stable', 150],
      ['D12', '2023', 'total', 100],
      ['D12', '2023', 'stable', 90],
      ['D12', '2023', 'rate', 90],
    ])
    expect(figure(x, rate, 'D11')).toMatchObject({ value: 75, state: 'derived', coverage: { reported: 1, expected: 1 } })
    expect(figure(x, rate, 'D12').state).toBe('reported')
    // The city is rolled up from the same counts, so district and city agree.
    expect(figure(x, rate, 'C1')).toMatchObject({ value: (240 / 300) * 100, state: 'rolledUp' })
  })

  it('a city’s own counts win over its districts’ for its rate', () => {
    const x = index([
      ['C1', '2023', 'total', 1000],
      ['C1', '2023', 'stable', 900],
      ['D11', '2023', 'total', 200],
      ['D11', '2023', 'stable', 100],
    ])
    expect(figure(x, rate, 'C1')).toMatchObject({ value: 90, state: 'derived', coverage: { reported: 2, expected: 2 } })
  })

  it('says a rate cannot be rolled up when the districts gave rates without counts', () => {
    const x = index([
      ['D21', '2023', 'rate', 90],
      ['D22', '2023', 'rate', 80],
    ])
    const f = figure(x, rate, 'C2')
    expect(f.value).toBeNaN()
    expect(f.state).toBe('needsInputs')
    expect(figure(x, rate, 'P').state).toBe('needsInputs')
    expect(figure(x, rate, 'C1').state).toBe('none')
  })

  it('a weighted mean without weights cannot be rolled up either', () => {
    const x = index([['D21', '2023', 'wage', 4]])
    expect(figure(x, wage, 'C2').state).toBe('needsInputs')
  })
})

describe('out-of-range figures', () => {
  it('never shows a rate built from a numerator over its denominator, at any level, and names the rows behind it', () => {
    const x = index([
      ['D11', '2023', 'total', 900],
      ['D11', '2023', 'stable', 1100],
      ['D12', '2023', 'total', 100],
      ['D12', '2023', 'stable', 90],
      ['D21', '2023', 'total', 100],
      ['D21', '2023', 'stable', 90],
    ])
    for (const r of ['D11', 'C1', 'P']) {
      const f = figure(x, rate, r)
      expect(f.value).toBeNaN()
      expect(f.state).toBe('invalid')
    }
    expect(figure(x, rate, 'C2')).toMatchObject({ value: 90, state: 'rolledUp' })
    expect(offendersBehind(x, rate, '2023', byId, at('P'))).toEqual([{ adcode: 'D11', value: (1100 / 900) * 100, numerator: 1100, denominator: 900 }])
  })

  it('never shows a share reported over 100% or below 0', () => {
    const x = index([
      ['D11', '2023', 'rate', 122.2],
      ['D12', '2023', 'rate', -1],
    ])
    expect(figureState(x.slice(rate, '2023', byId), at('D11'))).toBe('invalid')
    expect(figure(x, rate, 'D12').state).toBe('invalid')
    expect(offendersBehind(x, rate, '2023', byId, at('D11'))).toEqual([{ adcode: 'D11', value: 122.2 }])
  })

  it('property: a shown ratio roll-up always lies within 0–100%', () => {
    const count = fc.option(fc.nat(1000), { nil: null })
    fc.assert(
      fc.property(fc.array(fc.tuple(count, count), { minLength: 5, maxLength: 5 }), (data) => {
        const x = index(leaves.flatMap((d, k): Row[] => [[d, '2023', 'total', data[k]![0]], [d, '2023', 'stable', data[k]![1]]]))
        for (const r of ['P', 'C1', 'C2', ...leaves]) {
          const f = figure(x, rate, r)
          if (!Number.isNaN(f.value)) {
            expect(f.value).toBeGreaterThanOrEqual(0)
            expect(f.value).toBeLessThanOrEqual(100)
          }
        }
      }),
    )
  })
})

describe('annual flows built from months', () => {
  const months = (region: string, year: string, n: number, value = 1, source = 'S0'): Row[] =>
    Array.from({ length: n }, (_, k): Row => [region, `${year}-${String(k + 1).padStart(2, '0')}`, 'relief', value, source])

  it('adds up a region’s months into its year, marked partial when fewer than 12', () => {
    const x = index([...months('D11', '2023', 12, 2), ...months('D12', '2023', 6, 1)])
    expect(figure(x, relief, 'D11')).toMatchObject({ value: 24, state: 'reported', months: 12, partial: false })
    expect(figure(x, relief, 'D12')).toMatchObject({ value: 6, months: 6, partial: true })
    expect(figure(x, relief, 'C1')).toMatchObject({ value: 30, state: 'rolledUp', partial: true })
  })

  it('keeps an annual row over the months of the same region', () => {
    const x = index([...months('D11', '2023', 12, 2), ['D11', '2023', 'relief', 30]])
    expect(figure(x, relief, 'D11')).toMatchObject({ value: 30, months: 0 })
  })

  it('never adds up the months of a stock (an annual-only count)', () => {
    const x = index(Array.from({ length: 12 }, (_, k): Row => ['D11', `2023-${String(k + 1).padStart(2, '0')}`, 'total', 100]))
    expect(figure(x, total, 'D11').state).toBe('none')
  })

  it('credits every source of the months behind a year', () => {
    const x = index([...months('D11', '2023', 6, 1, 'A'), ...months('D11', '2023', 12, 1, 'B').slice(6)])
    expect(sourceNames(x, relief, 'D11')).toEqual(['A', 'B'])
  })
})

describe('sources behind a figure', () => {
  it('credits a reported figure with its own row only, a roll-up with the rows it was built from', () => {
    const x = index([
      ['D11', '2023', 'total', 10, 'sample'],
      ['D12', '2023', 'total', 20, 'report'],
      ['C1', '2023', 'total', 31, 'city file'],
      ['D21', '2023', 'total', 5, 'sample'],
    ])
    expect(sourceNames(x, total, 'C1')).toEqual(['city file'])
    expect(sourceNames(x, total, 'P')).toEqual(['sample', 'city file'])
    expect(sourceNames(x, total, 'C2')).toEqual(['sample'])
  })

  it('credits a ratio with the sources of the counts behind it, not of a rate it did not use', () => {
    const x = index([
      ['D11', '2023', 'total', 10, 'A'],
      ['D11', '2023', 'stable', 9, 'B'],
      ['D11', '2023', 'rate', 90, 'R'],
      ['D12', '2023', 'rate', 80, 'R2'],
    ])
    expect(sourceNames(x, rate, 'D11')).toEqual(['R'])
    expect(sourceNames(x, rate, 'C1')).toEqual(['A', 'B'])
  })

  it('property: a sum roll-up credits exactly the sources of the districts with data', () => {
    const leaf = fc.option(fc.tuple(fc.nat(100), fc.constantFrom('S0', 'S1', 'S2')), { nil: null })
    fc.assert(
      fc.property(fc.array(leaf, { minLength: 5, maxLength: 5 }), (data) => {
        const rows = leaves.flatMap((d, k): Row[] => (data[k] ? [[d, '2023', 'total', data[k]![0], data[k]![1]]] : []))
        if (rows.length === 0) return
        const x = index(rows)
        const expected = [...new Set(rows.map((r) => r[4]!))].sort()
        expect(sourceNames(x, total, 'P').sort()).toEqual(expected)
      }),
    )
  })
})

describe('benchmarks', () => {
  const label = { zh: '承德县 2022', en: 'Chengde 2022' }
  it('compares a rate benchmark at any level and a count one only at its own level', () => {
    const r = { unit: '%' as const, benchmark: { value: 91.6, label, level: 'district' as const } }
    const c = { unit: '份' as const, benchmark: { value: 238, label, level: 'district' as const } }
    expect(benchmarkApplies(r, 'province')).toBe(r.benchmark)
    expect(benchmarkApplies(c, 'district')).toBe(c.benchmark)
    expect(benchmarkApplies(c, 'city')).toBeNull()
    expect(benchmarkApplies(c, 'province')).toBeNull()
    expect(benchmarkApplies({ unit: '份' }, 'district')).toBeNull()
  })
})
