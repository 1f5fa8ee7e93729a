import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildHierarchy, FactIndex, groupRows, rememberRowGroups } from './aggregate'
import { FactTableBuilder } from './table'
import { testIndex, testIndicator, TREE, TREE_LEAVES } from './testing'
import type { Indicator } from './types'

const ind = (id: string, unit: Indicator['unit'], aggregation: Indicator['aggregation']) => testIndicator(id, unit, aggregation)
const total = ind('total', '人', { kind: 'sum' })
const stable = ind('stable', '人', { kind: 'sum' })
const rate = ind('rate', '%', { kind: 'ratio', numerator: 'stable', denominator: 'total' })
const wage = ind('wage', '%', { kind: 'weighted_mean', weight: 'total' })
const score = ind('score', '%', { kind: 'mean' })
const byId = new Map([total, stable, rate, wage, score].map((i) => [i.id, i]))

const regions = TREE
const leaves = TREE_LEAVES
const h = buildHierarchy(regions)
const at = (code: string) => h.indexOf.get(code)!

type Row = [string, string, string, number | null]
const index = (rows: Row[]): FactIndex => testIndex(rows)

describe('buildHierarchy', () => {
  it('orders children before parents and counts leaves', () => {
    const pos = (c: string) => [...h.bottomUp].indexOf(at(c))
    expect(pos('D11')).toBeLessThan(pos('C1'))
    expect(pos('C1')).toBeLessThan(pos('P'))
    expect(h.leafCount[at('P')]).toBe(5)
    expect(h.leafCount[at('C2')]).toBe(3)
  })
  it('rejects a cycle', () => {
    expect(() => buildHierarchy([{ adcode: 'A', parent: 'B' }, { adcode: 'B', parent: 'A' }])).toThrow(/cycle/)
  })
})

describe('roll-up rules', () => {
  it('sums counts and leaves a region with no data as no data', () => {
    const x = index([
      ['D11', '2023', 'total', 100],
      ['D12', '2023', 'total', 50],
      ['D21', '2023', 'total', null],
    ])
    const s = x.slice(total, '2023', byId)
    expect(s.value[at('C1')]).toBe(150)
    expect(s.value[at('C2')]).toBeNaN()
    expect(s.value[at('P')]).toBe(150)
    expect(s.coverage[at('P')]).toBe(2)
  })

  it('rolls a rate up as Σnumerator ÷ Σdenominator, not as the mean of rates', () => {
    const x = index([
      ['D11', '2023', 'total', 1000],
      ['D11', '2023', 'stable', 900],
      ['D11', '2023', 'rate', 90],
      ['D12', '2023', 'total', 100],
      ['D12', '2023', 'stable', 50],
      ['D12', '2023', 'rate', 50],
    ])
    const s = x.slice(rate, '2023', byId)
    expect(s.value[at('D12')]).toBe(50)
    expect(s.reported[at('D12')]).toBe(1)
    expect(s.value[at('C1')]).toBeCloseTo((950 / 1100) * 100, 10)
    expect(s.value[at('C1')]).not.toBeCloseTo(70, 3)
    expect(s.reported[at('C1')]).toBe(0)
  })

  it('leaves out of a ratio a child that lacks its numerator or denominator', () => {
    const x = index([
      ['D21', '2023', 'total', 200],
      ['D21', '2023', 'stable', 180],
      ['D22', '2023', 'total', 300],
      ['D23', '2023', 'stable', 10],
    ])
    expect(x.slice(rate, '2023', byId).value[at('C2')]).toBeCloseTo(90, 10)
    expect(x.slice(rate, '2023', byId).coverage[at('C2')]).toBe(1)
  })

  it('weights a weighted mean by its weight indicator', () => {
    const x = index([
      ['D11', '2023', 'wage', 4],
      ['D11', '2023', 'total', 300],
      ['D12', '2023', 'wage', 8],
      ['D12', '2023', 'total', 100],
      ['D21', '2023', 'wage', 100],
    ])
    const s = x.slice(wage, '2023', byId)
    expect(s.value[at('C1')]).toBeCloseTo(5, 10)
    // D21 has no weight: it cannot count, so C2 has no data rather than a guess.
    expect(s.value[at('C2')]).toBeNaN()
    expect(s.value[at('P')]).toBeCloseTo(5, 10)
  })

  it('takes a plain mean of the children for a mean rule', () => {
    const x = index([
      ['D21', '2023', 'score', 1],
      ['D22', '2023', 'score', 2],
      ['D23', '2023', 'score', null],
    ])
    expect(x.slice(score, '2023', byId).value[at('C2')]).toBe(1.5)
  })

  it('prefers a figure reported for a city over the roll-up of its districts', () => {
    const x = index([
      ['D11', '2023', 'total', 100],
      ['C1', '2023', 'total', 999],
    ])
    const s = x.slice(total, '2023', byId)
    expect(s.value[at('C1')]).toBe(999)
    expect(s.reported[at('C1')]).toBe(1)
    expect(s.value[at('P')]).toBe(999)
  })

  it('lists the periods an indicator has data for', () => {
    const x = index([
      ['D11', '2024', 'total', 1],
      ['D11', '2022', 'total', 1],
      ['D11', '2023', 'stable', 1],
    ])
    expect(x.periodsOf('total')).toEqual(['2022', '2024'])
    expect(x.periodsOf('nothing')).toEqual([])
  })

  it('counts rows whose region is outside the hierarchy', () => {
    expect(index([['ZZ', '2023', 'total', 1]]).unplaced).toBe(1)
  })
})

describe('roll-up properties', () => {
  const count = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null, freq: 5 })
  const leafData = fc.array(fc.tuple(count, count), { minLength: leaves.length, maxLength: leaves.length })

  function rowsOf(data: [number | null, number | null][]): Row[] {
    return data.flatMap(([t, s], k): Row[] => {
      const r = leaves[k]!
      const st = t === null || s === null ? s : Math.min(s, t)
      return [
        [r, '2023', 'total', t],
        [r, '2023', 'stable', st],
      ]
    })
  }

  it('a sum roll-up equals the total of the leaves that have data', () => {
    fc.assert(
      fc.property(leafData, (data) => {
        const s = index(rowsOf(data)).slice(total, '2023', byId)
        const present = data.map(([t]) => t).filter((t): t is number => t !== null)
        if (present.length === 0) expect(s.value[at('P')]).toBeNaN()
        else expect(s.value[at('P')]).toBe(present.reduce((x, y) => x + y, 0))
      }),
    )
  })

  it('a ratio roll-up equals Σnumerator ÷ Σdenominator over leaves with both', () => {
    fc.assert(
      fc.property(leafData, (data) => {
        const rows = rowsOf(data)
        const s = index(rows).slice(rate, '2023', byId)
        let n = 0
        let d = 0
        for (let k = 0; k < leaves.length; k++) {
          const t = rows[2 * k]![3]
          const st = rows[2 * k + 1]![3]
          if (t !== null && st !== null && t > 0) {
            n += st
            d += t
          }
        }
        if (d === 0) expect(s.value[at('P')]).toBeNaN()
        else expect(s.value[at('P')]).toBeCloseTo((n / d) * 100, 9)
      }),
    )
  })

  it('results do not depend on row order', () => {
    fc.assert(
      fc.property(leafData, fc.infiniteStream(fc.nat()), (data, noise) => {
        const rows = rowsOf(data)
        const shuffled = rows
          .map((r) => ({ r, k: noise.next().value as number }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.r)
        for (const i of [total, rate]) {
          const a = index(rows).slice(i, '2023', byId).value
          const b = index(shuffled).slice(i, '2023', byId).value
          expect(Array.from(b).map((v) => (Number.isNaN(v) ? 'NaN' : v.toFixed(9)))).toEqual(
            Array.from(a).map((v) => (Number.isNaN(v) ? 'NaN' : v.toFixed(9))),
          )
        }
      }),
    )
  })

  it('a missing value is not zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (t1, t2) => {
        const withMissing = index([
          ['D21', '2023', 'score', t1],
          ['D22', '2023', 'score', t2],
          ['D23', '2023', 'score', null],
        ]).slice(score, '2023', byId)
        const withZero = index([
          ['D21', '2023', 'score', t1],
          ['D22', '2023', 'score', t2],
          ['D23', '2023', 'score', 0],
        ]).slice(score, '2023', byId)
        expect(withMissing.value[at('C2')]).toBeCloseTo((t1 + t2) / 2, 9)
        expect(withZero.value[at('C2')]).toBeCloseTo((t1 + t2) / 3, 9)
        expect(withMissing.coverage[at('C2')]).toBe(2)
      }),
    )
  })
})

describe('groupRows', () => {
  const row = fc.tuple(
    fc.constantFrom(...regions.map((r) => r.adcode), 'ZZ'),
    fc.constantFrom('2021', '2022', '2023'),
    fc.constantFrom('total', 'stable', 'score'),
    fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
  )

  it('puts every row in the bucket of its indicator and period, in table order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const b = new FactTableBuilder()
        for (const [r, p, i, v] of rows) b.add(r, p, i, v, 'test')
        const t = b.build()
        const { offsets, rows: grouped } = groupRows(t)
        const nP = t.periods.length
        expect(offsets.length).toBe(t.indicators.length * nP + 1)
        expect([...grouped].sort((x, y) => x - y)).toEqual([...t.region.keys()])
        for (let bucket = 0; bucket + 1 < offsets.length; bucket++) {
          const members = [...grouped.subarray(offsets[bucket]!, offsets[bucket + 1]!)]
          const expected = [...t.region.keys()].filter((i) => t.indicator[i]! * nP + t.period[i]! === bucket)
          expect(members).toEqual(expected)
        }
      }),
    )
  })

  it('an index given a grouping built elsewhere gives the same slices, and ignores one of another table', () => {
    const b = new FactTableBuilder()
    for (const [r, v] of [['D11', 3], ['D12', 4], ['D21', 5], ['ZZ', 6]] as const) b.add(r, '2023', 'total', v, 'test')
    const t = b.build()
    const own = new FactIndex(t, h)
    const handed = new FactIndex(t, h, groupRows(t))
    const wrong = new FactIndex(t, h, { offsets: new Uint32Array(2), rows: new Uint32Array(1) })
    for (const i of [handed, wrong]) expect([...i.slice(total, '2023', byId).value]).toEqual([...own.slice(total, '2023', byId).value])
    expect(own.slice(total, '2023', byId).value[at('P')]).toBe(12)
    expect(handed.unplaced).toBe(1)
  })

  it('an index takes up the grouping remembered for its table', () => {
    const b = new FactTableBuilder()
    b.add('D11', '2022', 'total', 1, 'test')
    b.add('D11', '2023', 'total', 2, 'test')
    const t = b.build()
    // Buckets swapped on purpose: the index can only show 1 for 2023 if it read this grouping.
    rememberRowGroups(t, { offsets: Uint32Array.of(0, 1, 2), rows: Uint32Array.of(1, 0) })
    expect(new FactIndex(t, h).slice(total, '2023', byId).value[at('D11')]).toBe(1)
    expect(new FactIndex(t, h, groupRows(t)).slice(total, '2023', byId).value[at('D11')]).toBe(2)
  })
})

describe('the slice cache', () => {
  it('keeps the slices in use when full, letting go the one used longest ago', () => {
    const ind = testIndicator('cases', '件', { kind: 'sum' })
    const byId = new Map([[ind.id, ind]])
    const index = testIndex([['D11', '2023', 'cases', 1]])
    const periods = Array.from({ length: 5000 }, (_, k) => `p${k}`)
    const kept = index.slice(ind, periods[0]!, byId)
    const second = index.slice(ind, periods[1]!, byId)
    // Fill the cache far past its size, asking for the first slice again and again as a screen does.
    for (const [k, p] of periods.entries()) {
      if (k < 2) continue
      index.slice(ind, p, byId)
      expect(index.slice(ind, periods[0]!, byId)).toBe(kept)
    }
    // The second, never asked for again, was let go and is made anew, with the same figures.
    const again = index.slice(ind, periods[1]!, byId)
    expect(again).not.toBe(second)
    expect(Array.from(again.value)).toEqual(Array.from(second.value))
  })
})
