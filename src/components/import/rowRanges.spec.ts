import { describe, expect, it } from 'vitest'
import { rowRanges } from './rowRanges'

describe('rowRanges', () => {
  it('joins runs of rows into ranges, in order and once each', () => {
    expect(rowRanges([3, 1, 2, 7, 9, 10, 2], 'zh-CN')).toBe('1—3、7、9—10')
    expect(rowRanges([5], 'en')).toBe('5')
    expect(rowRanges([1, 2, 4], 'en')).toBe('1–2, 4')
  })
})
