import { describe, expect, it } from 'vitest'
import { stageScale } from './useStageScale'
import { nextIndex } from './useCarousel'

describe('big-screen helpers', () => {
  it('fits 1920 × 1080 into the window whatever its shape', () => {
    expect(stageScale(1920, 1080)).toBe(1)
    expect(stageScale(3840, 2160)).toBe(2)
    expect(stageScale(1920, 1200)).toBe(1)
    expect(stageScale(1280, 1080)).toBeCloseTo(2 / 3)
  })
  it('cycles through the saved views and wraps round', () => {
    expect([0, 1, 2].map((i) => nextIndex(i, 3))).toEqual([1, 2, 0])
    expect(nextIndex(-1, 3)).toBe(0)
    expect(nextIndex(0, 0)).toBe(-1)
  })
})
