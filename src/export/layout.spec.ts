import { describe, expect, it } from 'vitest'
import { palettes } from '@/charts/theme'
import type { ChartOption } from '@/charts/options/types'
import '@/charts/setup'
import { registerMap } from 'echarts/core'
import { lineCount, mapAspect, reportFrame, reportOption, textWidth, watermarkTiles } from './layout'

const texts = {
  title: '无锡市各区县职工稳定率排名（2023年）',
  filters: ['2023年', '无锡市', '各区县'],
  unit: '单位：%',
  definition: '口径：稳定就业职工占职工总数的比例。',
  source: '数据来源：示例数据（合成）',
  asOf: '数据截至 2023年12月31日',
}
const image = { width: 1000, height: 600, scale: 2, background: 'white' as const, watermark: '' }

const bars: ChartOption = {
  tooltip: { trigger: 'item' },
  grid: { left: 8, right: 64, top: 22, bottom: 8 },
  dataZoom: [{ type: 'inside' }],
  xAxis: { type: 'value' },
  yAxis: { type: 'category', data: ['a'] },
  series: [{ type: 'bar', data: [1] }],
}

describe('text measure', () => {
  it('counts CJK as square and Latin as about half', () => {
    expect(textWidth('职工', 10)).toBe(20)
    expect(textWidth('ab', 10)).toBeCloseTo(11.6)
    expect(lineCount('职'.repeat(30), 10, 100)).toBe(3)
    expect(lineCount('a\nb', 10, 100)).toBe(2)
  })
})

describe('reportOption', () => {
  it('puts title, filters, unit and the footnote around the plot, light and white', () => {
    const o = reportOption(bars, texts, palettes.light, image)
    const titles = o.title as { text: string; subtext?: string }[]
    expect(titles[0]).toMatchObject({ text: texts.title, subtext: '2023年 · 无锡市 · 各区县' })
    expect(titles[1]!.text).toBe('单位：%')
    expect(titles[2]!.text).toBe('口径：稳定就业职工占职工总数的比例。\n数据来源：示例数据（合成）　数据截至 2023年12月31日')
    expect(o.backgroundColor).toBe('#ffffff')
    expect(o.animation).toBe(false)
    expect(o.tooltip).toBeUndefined()
    expect(o.dataZoom).toBeUndefined()
    const frame = reportFrame(texts, image)
    expect(o.grid).toMatchObject({ top: frame.top + 22, bottom: frame.bottom + 8 })
    expect(o.yAxis).toMatchObject({ type: 'category', axisLabel: { interval: 0 } })
  })

  it('puts the as-of date on its own line rather than splitting it', () => {
    const o = reportOption(bars, { ...texts, source: `数据来源：${'江苏工人报'.repeat(14)}` }, palettes.light, image)
    expect((o.title as { text: string }[])[2]!.text.split('\n').at(-1)).toBe('数据截至 2023年12月31日')
  })

  it('grows the footer when the definition wraps, and can leave the title to a slide', () => {
    const long = { ...texts, definition: '口径：'.padEnd(400, '职') }
    expect(reportFrame(long, image).bottom).toBeGreaterThan(reportFrame(texts, image).bottom)
    expect(reportFrame(texts, { ...image, omitTitle: true }).top).toBeLessThan(reportFrame(texts, image).top)
    const o = reportOption(bars, texts, palettes.light, { ...image, omitTitle: true })
    expect((o.title as { text: string }[])[0]!.text).toBe('')
  })

  it('fits a map between header and footer without stretching it, and adds the watermark on request', () => {
    // A 4° × 1° outline: drawn 3:1 wide with ECharts' default aspect scale of 0.75.
    registerMap('wide-test', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 1], [0, 1], [0, 0]]] } }],
    } as Parameters<typeof registerMap>[1])
    expect(mapAspect('wide-test', 0.75)).toBeCloseTo(3, 9)
    const map: ChartOption = { visualMap: { type: 'continuous', left: 8, bottom: 8 }, series: [{ type: 'map', map: 'wide-test', layoutCenter: ['50%', '48%'], layoutSize: '92%' }] }
    const o = reportOption(map, texts, palettes.light, { ...image, background: 'transparent', watermark: '内部资料' })
    const series = (o.series as Record<string, unknown>[])[0]!
    expect(series.top).toBeUndefined()
    expect(series.bottom).toBeUndefined()
    const [cx, cy] = series.layoutCenter as [number, number]
    const size = series.layoutSize as number
    // Width = size, height = size ÷ 3: the whole outline lies inside the image, below the header.
    expect(cx - size / 2).toBeGreaterThanOrEqual(0)
    expect(cx + size / 2).toBeLessThanOrEqual(image.width)
    expect(cy - size / 6).toBeGreaterThan(40)
    expect(cy + size / 6).toBeLessThan(image.height)
    expect(o.backgroundColor).toBe('transparent')
    const elements = (o.graphic as { elements: { style: { text: string } }[] }).elements
    expect(elements.length).toBeGreaterThan(3)
    expect(elements[0]!.style.text).toBe('内部资料')
  })
})

describe('watermarkTiles', () => {
  it('keeps every rotated tile wholly inside the image, whatever its shape', () => {
    for (const [w, h] of [
      [720, 500],
      [720, 1800],
      [960, 540],
      [300, 200],
    ] as const) {
      const { tiles, half } = watermarkTiles('内部资料', w, h)
      expect(tiles.length).toBeGreaterThanOrEqual(6)
      for (const t of tiles) {
        expect(t.x - half.w).toBeGreaterThanOrEqual(0)
        expect(t.x + half.w).toBeLessThanOrEqual(w)
        expect(t.y - half.h).toBeGreaterThanOrEqual(0)
        expect(t.y + half.h).toBeLessThanOrEqual(h)
      }
    }
  })
})
