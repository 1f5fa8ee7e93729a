import { describe, expect, it } from 'vitest'
import { checkCanvasSize, MAX_SIDE, pixelSize, resolveSize } from './size'

const custom = { preset: 'custom' as const, width: 800, height: 500, scale: 2 }

describe('resolveSize', () => {
  it('report is 16.5 cm wide at 300 dpi with the screen proportions, slide is 1920 × 1080 at 96 dpi', () => {
    const report = resolveSize({ ...custom, preset: 'report' }, { width: 600, height: 300 })
    expect(pixelSize(report)).toEqual({ width: 1949, height: 975 })
    expect(report.dpi).toBe(300)
    expect((pixelSize(report).width / report.dpi!) * 2.54).toBeCloseTo(16.5, 1)
    expect(resolveSize({ ...custom, preset: 'slide' }, { width: 600, height: 300 }).dpi).toBe(96)
    expect(pixelSize(resolveSize({ ...custom, preset: 'slide' }, { width: 600, height: 300 }))).toEqual({ width: 1920, height: 1080 })
  })

  it('lets a long ranking grow taller than the screen proportions, within the limits', () => {
    const choice = { ...custom, preset: 'report' as const }
    expect(resolveSize(choice, { width: 600, height: 300 }, 1, 2500).height).toBe(2500)
    const tallest = resolveSize(choice, { width: 600, height: 300 }, 1, 100000)
    expect(checkCanvasSize(tallest.width, tallest.height, tallest.scale)).toBeNull()
    expect(pixelSize(tallest).height).toBeGreaterThan(16000)
    expect(resolveSize({ ...custom, preset: 'slide' }, { width: 600, height: 300 }, 1, 2500).height).toBe(540)
  })

  it('keeps very tall or flat panels within readable proportions', () => {
    expect(resolveSize({ ...custom, preset: 'report' }, { width: 100, height: 1000 }).height).toBe(1008)
    expect(resolveSize({ ...custom, preset: 'report' }, { width: 1000, height: 10 }).height).toBe(360)
  })

  it('screen uses the panel size and the display pixel ratio; custom is taken as given', () => {
    expect(resolveSize({ ...custom, preset: 'screen' }, { width: 640.4, height: 380.6 }, 2)).toEqual({ width: 640, height: 381, scale: 2, dpi: 192 })
    expect(resolveSize(custom, { width: 1, height: 1 })).toEqual({ width: 800, height: 500, scale: 2, dpi: 192 })
  })
})

describe('checkCanvasSize', () => {
  it('accepts up to 16384 px a side and 64 megapixels', () => {
    expect(checkCanvasSize(MAX_SIDE, 100, 1)).toBeNull()
    expect(checkCanvasSize(8000, 8000, 1)).toBeNull()
  })

  it('refuses a side over 16384 px after scaling', () => {
    expect(checkCanvasSize(8193, 100, 2)).toEqual({ kind: 'side', width: 16386, height: 200 })
  })

  it('refuses more than 64 megapixels', () => {
    expect(checkCanvasSize(10000, 7000, 1)).toEqual({ kind: 'area', width: 10000, height: 7000, megapixels: 70 })
  })

  it('refuses empty or non-numeric sizes', () => {
    expect(checkCanvasSize(0, 100, 1)).toEqual({ kind: 'invalid' })
    expect(checkCanvasSize(100, Number.NaN, 1)).toEqual({ kind: 'invalid' })
    expect(checkCanvasSize(100, 100, -1)).toEqual({ kind: 'invalid' })
  })
})
