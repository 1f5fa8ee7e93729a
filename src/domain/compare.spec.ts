import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { changeBetween, changeTone, competitionRanks, isFlat, meanOfPresent, roundTo, sideOf } from './compare'
import { formatChange } from './format'

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
    expect(changeBetween(91.2, 90.4, { unit: '%', decimals: 1 })).toEqual({ kind: 'points', value: expect.closeTo(0.8, 9) })
  })
  it('gives a relative change for a count', () => {
    expect(changeBetween(20270, 14270, { unit: '人', decimals: 0 })).toEqual({ kind: 'percent', value: expect.closeTo(42.046, 2) })
  })
  it('has no change when either side is missing or the base is zero', () => {
    expect(changeBetween(NaN, 1, { unit: '人', decimals: 0 })).toBeNull()
    expect(changeBetween(1, NaN, { unit: '%', decimals: 1 })).toBeNull()
    expect(changeBetween(5, 0, { unit: '件', decimals: 0 })).toBeNull()
  })
})

describe('rounding agreement', () => {
  const shown = (v: number, d: number) => v.toFixed(d)

  it('a rate change is the difference of the two values as printed (90.8961 → 91.2497 is +0.3 points, not +0.4)', () => {
    expect(changeBetween(91.2497, 90.8961, { unit: '%', decimals: 1 })).toEqual({ kind: 'points', value: 0.3 })
  })

  it('property: a printed change equals what a reader works out from the printed values', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 2 }), (a, b, d) => {
        const c = changeBetween(a, b, { unit: '%', decimals: d })!
        const byHand = Number(shown(a, d)) - Number(shown(b, d))
        expect(c.value).toBeCloseTo(byHand, 9)
        // The sign a sentence uses agrees with the printed values.
        if (Number(shown(a, d)) === Number(shown(b, d))) expect(isFlat(c)).toBe(true)
        else expect(Math.sign(c.value)).toBe(Math.sign(byHand))
      }),
    )
  })

  it('property: a count change is computed from the printed counts', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }), (a, b) => {
        const c = changeBetween(a, b, { unit: '人', decimals: 0 })
        const pa = Number(shown(a, 0))
        const pb = Number(shown(b, 0))
        if (pb === 0) expect(c).toBeNull()
        else expect(c!.value).toBeCloseTo(((pa - pb) / pb) * 100, 9)
      }),
    )
  })

  it('values that print the same are on the same side of a reference and share a rank', () => {
    const ind = { decimals: 1, higherIsBetter: true }
    expect(sideOf(90.94, 90.86, ind)).toBe(0)
    expect(sideOf(90.96, 90.86, ind)).toBe(1)
    expect(sideOf(90.7, 90.86, ind)).toBe(-1)
    expect(Array.from(competitionRanks([90.94, 90.86, 91.5], true, 1))).toEqual([2, 2, 1])
  })

  it('a change that prints as ±0.0 is flat', () => {
    expect(formatChange({ kind: 'points', value: 0.04 }, 'zh-CN')).toBe('±0.0个百分点')
    expect(isFlat({ kind: 'points', value: 0.04 })).toBe(true)
    expect(isFlat({ kind: 'percent', value: -0.06 })).toBe(false)
    expect(roundTo(NaN, 1)).toBeNaN()
  })
})

describe('meanOfPresent', () => {
  it('ignores missing values', () => {
    expect(meanOfPresent([1, NaN, 3])).toBe(2)
    expect(meanOfPresent([NaN])).toBeNaN()
  })
})

describe('changeTone', () => {
  it('reads a change that prints as zero as neither good nor bad, whichever its sign', () => {
    const rate = { unit: '%' as const, decimals: 1 }
    for (const [now, before] of [
      [91.6, 91.6],
      [91.64, 91.56],
      [91.56, 91.64],
    ] as const)
      expect(changeTone(changeBetween(now, before, rate), true)).toBe('flat')
    expect(formatChange(changeBetween(91.64, 91.56, rate), 'zh-CN')).toBe('±0.0个百分点')
    // A count 0.04% up or down prints as ±0.0%.
    expect(changeTone({ kind: 'percent', value: 0.04 }, true)).toBe('flat')
    expect(changeTone({ kind: 'percent', value: -0.049 }, false)).toBe('flat')
  })
  it('reads a printed rise as good when higher is better, and as bad when lower is', () => {
    expect(changeTone({ kind: 'points', value: 0.1 }, true)).toBe('good')
    expect(changeTone({ kind: 'points', value: 0.1 }, false)).toBe('bad')
    expect(changeTone({ kind: 'percent', value: -0.06 }, true)).toBe('bad')
    expect(changeTone(null, true)).toBe('flat')
  })
})
