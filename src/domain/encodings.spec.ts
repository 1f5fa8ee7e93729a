import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { classBreaks, classOf, niceStep, rankingScale } from './encodings'

describe('rankingScale', () => {
  it('draws rates that differ by a few points as dots on a focused axis that holds the reference', () => {
    const s = rankingScale([92.5, 91.8, 90.4, 92.5], 89.9)
    expect(s.kind).toBe('dot')
    if (s.kind !== 'dot') return
    expect(s.min).toBeLessThanOrEqual(89.9)
    expect(s.max).toBeGreaterThanOrEqual(92.5)
    expect(s.min).toBeGreaterThan(0)
  })
  it('draws counts that vary widely as bars from zero', () => {
    expect(rankingScale([1200, 300, 2500, 40], 1010)).toEqual({ kind: 'bar' })
  })
  it('keeps bars for a single region, equal values and values below zero', () => {
    expect(rankingScale([91], 90)).toEqual({ kind: 'bar' })
    expect(rankingScale([5, 5, 5], NaN)).toEqual({ kind: 'bar' })
    expect(rankingScale([-1.2, 3.4, 2], 1)).toEqual({ kind: 'bar' })
  })
  it('brings a reference far from the values into the spread that decides', () => {
    // Values alone are close together, but the average sits far below them.
    expect(rankingScale([95, 96, 97], 40).kind).toBe('bar')
  })
  it('always puts every value and the reference on the dot axis, on whole ticks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 50, max: 100, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.double({ min: 50, max: 100, noNaN: true }),
        (values, ref) => {
          const s = rankingScale(values, ref)
          if (s.kind !== 'dot') return
          for (const v of [...values, ref]) {
            expect(v).toBeGreaterThanOrEqual(s.min)
            expect(v).toBeLessThanOrEqual(s.max)
          }
          expect(Math.abs((s.max - s.min) / s.interval - Math.round((s.max - s.min) / s.interval))).toBeLessThan(1e-6)
        },
      ),
    )
  })
})

describe('niceStep', () => {
  it('rounds to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.42)).toBe(0.5)
    expect(niceStep(1.3)).toBe(2)
    expect(niceStep(70)).toBe(100)
  })
})

describe('classBreaks', () => {
  it('gives each distinct value its own class when there are few', () => {
    expect(classBreaks([10, 10, 11, 10], 5)).toEqual([
      { lo: 10, hi: 10 },
      { lo: 11, hi: 11 },
    ])
    expect(classBreaks([0, 2, 7], 5)).toEqual([
      { lo: 0, hi: 1 },
      { lo: 2, hi: 6 },
      { lo: 7, hi: 7 },
    ])
  })
  it('splits skewed counts by quantiles so the classes hold about as many regions', () => {
    // Eight small cities and five large ones: equal intervals would put 8 in the bottom class.
    const values = [120, 140, 150, 160, 180, 190, 210, 230, 900, 1500, 2600, 4100, 8800]
    const ranges = classBreaks(values, 5)
    const counts = ranges.map((_, k) => values.filter((v) => classOf(ranges, v) === k).length)
    expect(Math.max(...counts)).toBeLessThanOrEqual(4)
    expect(ranges[0]!.lo).toBe(120)
    expect(ranges.at(-1)!.hi).toBe(8800)
  })
  it('uses limits of two significant figures where that keeps the classes apart', () => {
    const ranges = classBreaks([1187, 1302, 1450, 2391, 2408, 2999, 3520, 4123, 5004, 6110], 3)
    for (const r of ranges.slice(1)) expect(String(r.lo)).toMatch(/^\d\d0*$/)
  })
  it('keeps the decimals of the step (万元 to one decimal)', () => {
    const ranges = classBreaks([12.34, 15.01, 18.77, 40.2, 41.05, 90.5, 120.33], 3, 0.1)
    for (const r of ranges) {
      expect(Math.abs(r.lo * 10 - Math.round(r.lo * 10))).toBeLessThan(1e-9)
      expect(Math.abs(r.hi * 10 - Math.round(r.hi * 10))).toBeLessThan(1e-9)
    }
  })

  const counts = fc.array(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 200000 })), { minLength: 1, maxLength: 120 })
  it('puts every value in exactly one class, with no class empty and no gap between classes', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 7 }), (values, classes) => {
        const ranges = classBreaks(values, classes)
        expect(ranges.length).toBeGreaterThan(0)
        expect(ranges.length).toBeLessThanOrEqual(classes)
        for (const v of values) expect(ranges.filter((r) => v >= r.lo && v <= r.hi)).toHaveLength(1)
        for (const r of ranges) expect(values.some((v) => v >= r.lo && v <= r.hi)).toBe(true)
        ranges.forEach((r, k) => {
          expect(r.lo).toBeLessThanOrEqual(r.hi)
          if (k > 0) expect(r.lo).toBe(ranges[k - 1]!.hi + 1)
        })
      }),
    )
  })
  it('has whole-number limits for whole counts', () => {
    fc.assert(
      fc.property(counts, (values) => {
        for (const r of classBreaks(values, 5)) {
          expect(Number.isInteger(r.lo)).toBe(true)
          expect(Number.isInteger(r.hi)).toBe(true)
        }
      }),
    )
  })
})
