import { describe, expect, it } from 'vitest'
import { palettes } from '../theme'
import { buildMapOption } from './map'
import { buildRankingOption } from './ranking'
import { buildTrendOption } from './trend'
import type { BuildContext } from './types'
import type { Indicator } from '@/domain/types'
import type { MapModel, RankingModel, TrendModel } from '@/domain/dashboard'

const rate: Indicator = {
  id: 'rate',
  name: { zh: '职工稳定率', en: 'Rate' },
  unit: '%',
  category: 'rights',
  definition: { zh: '', en: '' },
  decimals: 1,
  higherIsBetter: true,
  benchmark: { value: 91.6, label: { zh: '承德县 2022', en: 'Chengde 2022' } },
  aggregation: { kind: 'ratio', numerator: 'a', denominator: 'b' },
  frequencies: ['annual'],
  aliases: [],
}
const hostile = '<img src=x onerror=alert(1)>'
const ctx = (ind: Indicator = rate): BuildContext => ({
  indicator: ind,
  locale: 'zh-CN',
  palette: palettes.light,
  nameOf: (a) => (a === 'X' ? hostile : `区${a}`),
  unitLabel: '%',
})

type Formatter = (p: unknown) => string
type Series = { data: { name?: string; value: unknown; itemStyle?: { borderColor?: string; color?: string } }[] }

describe('buildMapOption', () => {
  const model: MapModel = {
    mapAdcode: 'P',
    items: [
      { adcode: 'A', value: 90, rank: 2 },
      { adcode: 'X', value: 95, rank: 1 },
      { adcode: 'N', value: NaN, rank: 0 },
    ],
    highlight: 'A',
    min: 88,
    max: 96,
  }
  const labels = { noData: '无数据', rank: (r: number, n: number) => `第${r}/${n}位`, high: '高', low: '低' }

  it('matches features by adcode and draws no data as no data, not zero', () => {
    const opt = buildMapOption(model, 'region-P', ctx(), labels)
    const series = (opt.series as (Series & { nameProperty: string })[])[0]!
    expect(series.nameProperty).toBe('adcode')
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ['A', 90],
      ['X', 95],
      ['N', '-'],
    ])
    expect(series.data[0]!.itemStyle?.borderColor).toBe(palettes.light.highlight)
  })

  it('escapes region names in the tooltip', () => {
    const opt = buildMapOption(model, 'region-P', ctx(), labels)
    const html = ((opt.tooltip as { formatter: Formatter }).formatter)({ name: 'X' })
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('第1/2位')
    expect(((opt.tooltip as { formatter: Formatter }).formatter)({ name: 'N' })).toContain('无数据')
  })

  it('reverses the colour scale when lower is better', () => {
    const up = buildMapOption(model, 'm', ctx(), labels).visualMap as { inRange: { color: string[] } }
    const down = buildMapOption(model, 'm', ctx({ ...rate, higherIsBetter: false }), labels).visualMap as { inRange: { color: string[] } }
    expect(down.inRange.color).toEqual([...up.inRange.color].reverse())
  })
})

describe('buildTrendOption', () => {
  const model: TrendModel = {
    frequency: 'annual',
    periods: ['2022', '2023', '2024'],
    values: [90, NaN, 91],
    reference: { parent: 'P', kind: 'parentValue', values: [89, 89.5, 90] },
  }
  it('leaves gaps for missing years and adds the reference and benchmark', () => {
    const opt = buildTrendOption(model, ctx(), { scopeName: '江都区', reference: '扬州市整体', benchmark: '参照', noData: '无数据' })
    const series = opt.series as (Series & { name: string; markLine?: { data: { yAxis: number }[] } })[]
    expect(series.map((s) => s.name)).toEqual(['江都区', '扬州市整体'])
    expect(series[0]!.data).toEqual([90, null, 91])
    expect(series[0]!.markLine?.data[0]?.yAxis).toBe(91.6)
  })
  it('keeps the benchmark inside the axis range', () => {
    const opt = buildTrendOption(model, ctx(), { scopeName: 'a', reference: null, benchmark: 'b', noData: '-' })
    const y = opt.yAxis as { min: (r: { min: number; max: number }) => number; max: (r: { min: number; max: number }) => number }
    expect(y.max({ min: 89, max: 91 })).toBeGreaterThanOrEqual(91.6)
    expect(y.min({ min: 89, max: 91 })).toBeLessThanOrEqual(89)
  })
})

describe('buildRankingOption', () => {
  const model: RankingModel = {
    parent: 'P',
    items: [
      { adcode: 'A', value: 95, rank: 1, previousRank: 3 },
      { adcode: 'B', value: 80, rank: 2, previousRank: 1 },
      { adcode: 'N', value: NaN, rank: 0, previousRank: 0 },
    ],
    reference: { kind: 'parentValue', value: 90 },
    highlight: 'B',
  }
  it('colours above and below the reference and highlights the selection', () => {
    const opt = buildRankingOption(model, ctx(), { reference: '整体', noData: '无数据', rankLine: () => '' })
    const s = (opt.series as (Series & { markLine: { data: { xAxis: number }[] } })[])[0]!
    expect(s.data.map((d) => d.itemStyle?.color)).toEqual([palettes.light.above, palettes.light.highlight, palettes.light.below])
    expect(s.data[2]!.value).toBe('-')
    expect(s.markLine.data[0]!.xAxis).toBe(90)
  })
  it('marks how each position moved since last year', () => {
    const opt = buildRankingOption(model, ctx(), { reference: '', noData: '', rankLine: () => '' })
    const fmt = (opt.yAxis as { axisLabel: { formatter: (c: string) => string } }).axisLabel.formatter
    expect(fmt('A')).toBe('区A {up|▲2}')
    expect(fmt('B')).toBe('区B {down|▼1}')
    expect(fmt('N')).toBe('区N')
  })
})
