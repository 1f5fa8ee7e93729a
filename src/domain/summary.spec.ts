// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { extremes } from './summary'

describe('extremes', () => {
  it('finds the highest and the lowest region, skipping those without data', () => {
    const items = [
      { adcode: 'a', value: 90.4 },
      { adcode: 'b', value: Number.NaN },
      { adcode: 'c', value: 92.5 },
      { adcode: 'd', value: 91 },
    ]
    expect(extremes(items)).toEqual({ highest: items[2], lowest: items[0] })
  })

  it('keeps the first of tied regions and is null without data', () => {
    const items = [
      { adcode: 'a', value: 5 },
      { adcode: 'b', value: 5 },
    ]
    expect(extremes(items)?.highest.adcode).toBe('a')
    expect(extremes(items)?.lowest.adcode).toBe('a')
    expect(extremes([{ adcode: 'x', value: Number.NaN }])).toBeNull()
    expect(extremes([])).toBeNull()
  })
})
