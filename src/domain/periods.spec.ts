import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  comparePeriods,
  frequencyOf,
  normalisePeriod,
  parsePeriod,
  previousPeriod,
  sameTimeLastYear,
} from './periods'

describe('periods', () => {
  it.each([
    ['2023', '2023'],
    ['2023年', '2023'],
    ['2023年度', '2023'],
    ['２０２３', '2023'],
    ['2023-06', '2023-06'],
    ['2023/6', '2023-06'],
    ['2023.6', '2023-06'],
    ['202306', '2023-06'],
    ['2023年6月', '2023-06'],
    ['2023年12月', '2023-12'],
    ['2023Q2', '2023-Q2'],
    ['2023-q2', '2023-Q2'],
    ['2023年第二季度', '2023-Q2'],
    ['2023年四季度', '2023-Q4'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalisePeriod(input)).toBe(expected)
  })

  it.each(['', '23', '2023-13', '202313', '2023年0月', 'Q2', 'abc', '1800'])('rejects %s', (input) => {
    expect(normalisePeriod(input)).toBeNull()
  })

  it('gives 同比 and 环比 neighbours', () => {
    expect(sameTimeLastYear('2023')).toBe('2022')
    expect(sameTimeLastYear('2023-06')).toBe('2022-06')
    expect(sameTimeLastYear('2023-Q1')).toBe('2022-Q1')
    expect(previousPeriod('2023-06')).toBe('2023-05')
    expect(previousPeriod('2023-01')).toBe('2022-12')
    expect(previousPeriod('2023-Q1')).toBe('2022-Q4')
    expect(previousPeriod('2023')).toBe('2022')
    expect(previousPeriod('bad')).toBeNull()
  })

  it('knows the frequency of a code', () => {
    expect(frequencyOf('2023')).toBe('annual')
    expect(frequencyOf('2023-02')).toBe('monthly')
    expect(frequencyOf('x')).toBeNull()
  })

  it('orders any two valid periods chronologically and round-trips codes', () => {
    const month = fc.record({ y: fc.integer({ min: 2000, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) })
    fc.assert(
      fc.property(month, month, (a, b) => {
        const ca = `${a.y}-${String(a.m).padStart(2, '0')}`
        const cb = `${b.y}-${String(b.m).padStart(2, '0')}`
        expect(Math.sign(comparePeriods(ca, cb))).toBe(Math.sign(a.y * 12 + a.m - (b.y * 12 + b.m)))
        expect(parsePeriod(ca)).toEqual({ kind: 'month', year: a.y, sub: a.m })
        expect(normalisePeriod(`${a.y}年${a.m}月`)).toBe(ca)
      }),
    )
  })
})
