import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { changeBetween, competitionRanks, meanOfPresent } from './compare'

describe('competitionRanks', () => {
  it('ranks highest first when higher is better, sharing ties (1, 2, 2, 4)', () => {
    expect(Array.from(competitionRanks([5, 9, 7, 7], true))).toEqual([4, 1, 2, 2])
  })
  it('ranks lowest first when lower is better', () => {
    expect(Array.from(competitionRanks([5, 9, 7], false))).toEqual([1, 3, 2])
  })
  it('gives no rank to a region with no data', () => {
    expect(Array.from(competitionRanks([NaN, 3, 1], true))).toEqual([0, 1, 2])
  })
  it('ranks are a permutation-invariant ordering', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 30 }), (vals) => {
        const r = competitionRanks(vals, true)
        for (let i = 0; i < vals.length; i++) {
          const better = vals.filter((v) => v > vals[i]!).length
          expect(r[i]).toBe(better + 1)
        }
      }),
    )
  })
})

describe('changeBetween', () => {
  it('gives percentage points for a rate', () => {
    expect(changeBetween(91.2, 90.4, { unit: '%' })).toEqual({ kind: 'points', value: expect.closeTo(0.8, 9) })
  })
  it('gives a relative change for a count', () => {
    expect(changeBetween(20270, 14270, { unit: '人' })).toEqual({ kind: 'percent', value: expect.closeTo(42.046, 2) })
  })
  it('has no change when either side is missing or the base is zero', () => {
    expect(changeBetween(NaN, 1, { unit: '人' })).toBeNull()
    expect(changeBetween(1, NaN, { unit: '%' })).toBeNull()
    expect(changeBetween(5, 0, { unit: '件' })).toBeNull()
  })
})

describe('meanOfPresent', () => {
  it('ignores missing values', () => {
    expect(meanOfPresent([1, NaN, 3])).toBe(2)
    expect(meanOfPresent([NaN])).toBeNaN()
  })
})
