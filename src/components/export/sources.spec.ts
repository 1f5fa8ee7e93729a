import { describe, expect, it } from 'vitest'
import { periodEnd } from './sources'

describe('periodEnd', () => {
  it('is the last day of a year, quarter or month', () => {
    expect(periodEnd('2023')).toEqual({ year: 2023, month: 12, day: 31 })
    expect(periodEnd('2024-02')).toEqual({ year: 2024, month: 2, day: 29 })
    expect(periodEnd('2023-Q2')).toEqual({ year: 2023, month: 6, day: 30 })
    expect(periodEnd('latest')).toBeNull()
  })
})
