import { describe, expect, it } from 'vitest'
import { palettes } from '../theme'
import { buildMapOption } from './map'
import { buildRankingOption } from './ranking'
import { buildTrendOption } from './trend'
import { buildRadarOption } from './radar'
import { buildMultiplesOption } from './multiples'
import { sparklinePath } from './sparkline'
import type { BuildContext } from './types'
import type { Indicator } from '@/domain/types'
import { figureFixture } from '@/domain/testing'
import type { MapModel, RadarModel, RankingModel, SmallMultiplesModel, TrendModel } from '@/domain/dashboard'
import { figureFixture as fig } from '@/domain/testing'
import type { ChangeDetail } from '@/domain/likeforlike'
import { formatChange } from '@/domain/format'

const change = (value: number): ChangeDetail => ({
  change: { kind: 'points', value },
  plain: { kind: 'points', value },
  likeForLike: false,
  missingNow: [],
  missingBefore: [],
  current: NaN,
  previous: NaN,
})

const rate: Indicator = {
  id: 'rate',
  name: { zh: '职工稳定率', en: 'Rate' },
  unit: '%',
  category: 'rights',
  definition: { zh: '', en: '' },
  decimals: 1,
  higherIsBetter: true,
  benchmark: { value: 91.6, label: { zh: '承德县 2022', en: 'Chengde 2022' }, level: 'district' },
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
  decal: false,
})

type Formatter = (p: unknown) => string
type Series = { data: { name?: string; value: unknown; itemStyle?: { borderColor?: string; color?: string } }[] }

describe('buildMapOption', () => {
  const model: MapModel = {
    mapAdcode: 'P',
    geoKey: 'P',
    level: 'city',
    items: [
      { adcode: 'A', value: 90, figure: fig(90, 8, 9), rank: 2, yoy: change(1.2) },
      { adcode: 'X', value: 95, figure: fig(95), rank: 1, yoy: null },
      { adcode: 'N', value: NaN, figure: fig(NaN), rank: 0, yoy: null },
    ],
    highlight: 'A',
    min: 88,
    max: 96,
    scale: 'continuous',
    classes: [],
    classStep: 0.1,
    coverage: { reported: 9, expected: 11 },
    sources: [],
  }
  const labels = {
    noData: '无数据',
    rank: (r: number, n: number) => `第${r}/${n}位`,
    yoy: '同比',
    high: '高',
    low: '低',
    change: (it: MapModel['items'][number]) => formatChange(it.yoy?.change ?? null, 'zh-CN'),
    notes: (it: MapModel['items'][number]) => (it.figure.coverage.reported < it.figure.coverage.expected ? [`数据覆盖 ${it.figure.coverage.reported}/${it.figure.coverage.expected}`] : []),
  }

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
    // No data is hatched as well as greyed, so it never reads as the low end of the scale.
    expect((series.data[2]!.itemStyle as { decal?: unknown }).decal).toBeTruthy()
    expect(opt.aria).toMatchObject({ enabled: true })
  })

  it('shows value, unit, rank and 同比 in points in the tooltip', () => {
    const opt = buildMapOption(model, 'region-P', ctx(), labels)
    const html = ((opt.tooltip as { formatter: Formatter }).formatter)({ name: 'A' })
    expect(html).toContain('90.0%')
    expect(html).toContain('第2/2位')
    expect(html).toContain('同比 +1.2个百分点')
    expect(html).toContain('数据覆盖 8/9')
  })

  it('lists only the classes a drawn region falls in, each keeping the shade of its place', () => {
    const classes = [
      { lo: 88, hi: 89.9 },
      { lo: 90, hi: 94.9 },
      { lo: 95, hi: 95 },
    ]
    const graded = buildMapOption({ ...model, scale: 'piecewise', classes }, 'm', ctx(), labels)
    const vm = graded.visualMap as { type: string; pieces: { gte: number; lt: number; label: string; color: string }[] }
    expect(vm.type).toBe('piecewise')
    expect(vm.pieces.map((p) => p.label)).toEqual(['90.0–94.9%', '95.0%'])
    const scale = palettes.light.scale
    expect(vm.pieces.map((p) => p.color)).toEqual([scale[Math.round((scale.length - 1) / 2)], scale.at(-1)])
    // A value printed as 95.0 falls in the last class, one printed as 94.9 in the one before.
    expect(vm.pieces[1]!.gte).toBeLessThanOrEqual(94.96)
    expect(vm.pieces[0]!.lt).toBeGreaterThan(94.94)
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
    mode: 'annual',
    frequency: 'annual',
    periods: ['2022', '2023', '2024'],
    series: [
      { key: 'J', kind: 'region', values: [90, NaN, 91], figures: [fig(90), fig(NaN), fig(91)] },
      { key: 'K', kind: 'region', values: [88, 89, 90], figures: [fig(88, 3, 4), fig(89), fig(90)] },
    ],
    values: [90, NaN, 91],
    reference: { parent: 'P', kind: 'parentValue', values: [89, 89.5, 90] },
    benchmark: rate.benchmark!,
    sources: [],
  }
  const names = (key: string) => ({ J: '江都区', K: '邗江区' })[key] ?? key
  it('leaves gaps for missing years and adds the compared regions, the reference and the benchmark', () => {
    const opt = buildTrendOption(model, ctx(), { seriesName: names, reference: '扬州市整体', benchmark: '参照', noData: '无数据' })
    const series = opt.series as (Series & { name: string; markLine?: { data: { yAxis: number }[] } })[]
    expect(series.map((s) => s.name)).toEqual(['江都区', '邗江区', '扬州市整体'])
    expect(series[0]!.data).toEqual([90, null, 91])
    expect(series[0]!.markLine?.data[0]?.yAxis).toBe(91.6)
    // A point built from part of its region is drawn hollow.
    expect(series[1]!.data[0]).toMatchObject({ value: 88, symbol: 'emptyCircle' })
  })
  it('draws no benchmark where the model says it does not compare', () => {
    const opt = buildTrendOption({ ...model, benchmark: null }, ctx(), { seriesName: names, reference: null, benchmark: '参照', noData: '-' })
    expect((opt.series as { markLine?: unknown }[])[0]!.markLine).toBeUndefined()
  })
  it('names seasonal lines by year and months by the given labels, without the benchmark', () => {
    const seasonal: TrendModel = {
      mode: 'seasonal',
      frequency: 'monthly',
      periods: ['01', '02'],
      series: [{ key: '2023', kind: 'year', values: [5, 6], figures: [fig(5), fig(6)] }],
      values: [5, 6],
      reference: null,
      benchmark: null,
      sources: [],
    }
    const opt = buildTrendOption(seasonal, ctx(), { seriesName: (k) => `${k}年`, reference: null, benchmark: '参照', noData: '-', monthName: (m) => `${Number(m)}月` })
    const series = opt.series as (Series & { name: string; markLine?: unknown })[]
    expect(series.map((s) => s.name)).toEqual(['2023年'])
    expect(series[0]!.markLine).toBeUndefined()
    expect((opt.xAxis as { axisLabel: { formatter: (m: string) => string } }).axisLabel.formatter('02')).toBe('2月')
  })
  it('keeps the benchmark inside the axis range', () => {
    const opt = buildTrendOption(model, ctx(), { seriesName: names, reference: null, benchmark: 'b', noData: '-' })
    const y = opt.yAxis as { min: (r: { min: number; max: number }) => number; max: (r: { min: number; max: number }) => number }
    expect(y.max({ min: 89, max: 91 })).toBeGreaterThanOrEqual(91.6)
    expect(y.min({ min: 89, max: 91 })).toBeLessThanOrEqual(89)
  })
})

describe('buildRankingOption', () => {
  const model: RankingModel = {
    parent: 'P',
    level: 'district',
    items: [
      { adcode: 'A', value: 95, figure: fig(95), rank: 1, previousRank: 3, rankInBoth: 1, yoy: null },
      { adcode: 'B', value: 80, figure: fig(80), rank: 2, previousRank: 1, rankInBoth: 2, yoy: null },
      { adcode: 'N', value: NaN, figure: fig(NaN), rank: 0, previousRank: 0, rankInBoth: 0, yoy: null },
    ],
    reference: { kind: 'parentValue', value: 90 },
    highlight: 'B',
    coverage: { reported: 2, expected: 3 },
    sources: [],
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

describe('buildRankingOption scale', () => {
  const itemsOf = (values: number[]) =>
    values.map((v, k) => ({ adcode: `R${k}`, value: v, figure: fig(v), rank: k + 1, previousRank: 0, rankInBoth: 0, yoy: null }))
  const modelOf = (values: number[], ref: number): RankingModel => ({
    parent: 'P',
    level: 'city',
    items: itemsOf(values),
    reference: { kind: 'parentValue', value: ref },
    highlight: null,
    coverage: { reported: values.length, expected: values.length },
    sources: [],
  })
  const labels = { reference: '整体', noData: '-', rankLine: () => '', dotAxis: '点图：数值轴未从零开始' }
  type Axis = { min: unknown; max: unknown; name?: string }
  it('draws widely spread values as bars from zero, with room for the reference', () => {
    const opt = buildRankingOption(modelOf([2500, 1200, 300], 4000), ctx(), labels)
    expect((opt.series as { type: string }[])[0]!.type).toBe('bar')
    const x = opt.xAxis as Axis
    expect((x.min as (v: { min: number }) => number)({ min: 300 })).toBe(0)
    expect((x.max as (v: { max: number }) => number)({ max: 2500 })).toBe(4000)
    expect(x.name).toBeUndefined()
  })
  it('draws rates a few points apart as labelled dots on an axis that holds the reference', () => {
    const opt = buildRankingOption(modelOf([92.5, 91.2, 90.4], 89.6), ctx(), labels)
    expect((opt.series as { type: string }[])[0]!.type).toBe('line')
    const x = opt.xAxis as Axis
    expect(x.name).toBe('点图：数值轴未从零开始')
    expect(x.min as number).toBeGreaterThan(0)
    expect(x.min as number).toBeLessThanOrEqual(89.6)
    expect(x.max as number).toBeGreaterThanOrEqual(92.5)
  })
})

describe('buildRankingOption with many regions', () => {
  it('scrolls through 95 districts twenty at a time', () => {
    const items = Array.from({ length: 95 }, (_, k) => ({ adcode: `D${k}`, value: 95 - k, figure: fig(95 - k), rank: k + 1, previousRank: 0, rankInBoth: 0, yoy: null }))
    const model: RankingModel = { parent: 'P', level: 'district', items, reference: { kind: 'peerMean', value: 50 }, highlight: null, coverage: { reported: 95, expected: 95 }, sources: [] }
    const opt = buildRankingOption(model, ctx(), {
      reference: '平均',
      noData: '-',
      rankLine: () => '',
      side: (side) => (side > 0 ? '高于平均' : side < 0 ? '低于平均' : '与平均持平'),
    })
    const zoom = opt.dataZoom as { endValue: number }[]
    expect(zoom[0]!.endValue).toBe(19)
    const html = ((opt.tooltip as { formatter: Formatter }).formatter)({ dataIndex: 90 })
    expect(html).toContain('低于平均')
    // D45 shows 50.0%, the same as the average: level with it, not above.
    expect(((opt.tooltip as { formatter: Formatter }).formatter)({ dataIndex: 45 })).toContain('与平均持平')
  })
})

describe('buildRadarOption', () => {
  it('puts each indicator on a 0–100 axis with the peers’ average', () => {
    const model: RadarModel = {
      adcode: 'A',
      parent: 'P',
      axes: [
        { indicator: rate, value: 92, score: 100, peerMean: 50, figure: figureFixture(92) },
        { indicator: { ...rate, id: 'other' }, value: NaN, score: NaN, peerMean: 40, figure: figureFixture(NaN) },
      ],
      sources: [],
    }
    const opt = buildRadarOption(model, ctx(), {
      region: hostile,
      peers: '平均',
      indicatorName: (id) => id,
      unitLabel: () => '%',
      score: '得分',
      noData: '无数据',
    })
    const s = (opt.series as { data: { value: unknown[] }[] }[])[0]!
    expect(s.data[0]!.value).toEqual([100, '-'])
    expect(s.data[1]!.value).toEqual([50, 40])
    const html = ((opt.tooltip as { formatter: Formatter }).formatter)({ dataIndex: 0 })
    expect(html).not.toContain('<img')
    expect(html).toContain('无数据')
  })
})

describe('buildMultiplesOption', () => {
  it('draws one panel per region on one shared scale', () => {
    const model: SmallMultiplesModel = {
      periods: ['2022', '2023'],
      panels: [
        { adcode: 'A', values: [1, 2], figures: [figureFixture(1), figureFixture(2)] },
        { adcode: 'B', values: [NaN, 4], figures: [figureFixture(NaN), figureFixture(4)] },
        { adcode: 'C', values: [3, 3], figures: [figureFixture(3), figureFixture(3)] },
      ],
      min: 1,
      max: 4,
      highlight: 'B',
      sources: [],
    }
    const opt = buildMultiplesOption(model, ctx(), { noData: '-' }, 2)
    const y = opt.yAxis as { min: number; max: number }[]
    expect(y).toHaveLength(3)
    expect(new Set(y.map((a) => `${a.min}|${a.max}`)).size).toBe(1)
    expect((opt.series as Series[])[1]!.data).toEqual([null, 4])
  })

  it('gives every panel a plot of a fair share of its row, below its title and above the next row, at any number of rows', () => {
    for (const [n, columns] of [[3, 2], [13, 5], [13, 3], [13, 2], [95, 5]] as const) {
      const model: SmallMultiplesModel = {
        periods: ['2022', '2023'],
        panels: Array.from({ length: n }, (_, k) => ({ adcode: `P${k}`, values: [k, k + 1], figures: [figureFixture(k), figureFixture(k + 1)] })),
        min: 0,
        max: n,
        highlight: null,
        sources: [],
      }
      const opt = buildMultiplesOption(model, ctx(), { noData: '-' }, columns)
      const rows = Math.ceil(n / columns)
      const pct = (v: unknown) => Number(String(v).replace('%', ''))
      const titles = (opt.title as { top: string; left: string }[]).map((t) => pct(t.top))
      const titleLeft = (opt.title as { left: string }[]).map((t) => pct(t.left))
      ;(opt.grid as { top: string; height: string; left: string }[]).forEach((g, k) => {
        const row = Math.floor(k / columns)
        const top = pct(g.top)
        const height = pct(g.height)
        // The title starts over its plot, never over the shared axis labels left of it.
        expect(titleLeft[k]).toBeGreaterThanOrEqual(pct(g.left))
        expect(height, `${n} panels, ${columns} a row`).toBeGreaterThanOrEqual((100 / rows) * 0.5)
        expect(top).toBeGreaterThan(titles[k]!)
        expect(top + height).toBeLessThan((row + 1) * (100 / rows))
      })
    }
  })
})

describe('sparklinePath', () => {
  it('breaks the line at a missing value instead of dropping to zero', () => {
    const d = sparklinePath([1, NaN, 3, 2], 100, 20)
    expect(d.match(/M/g)).toHaveLength(2)
    expect(sparklinePath([NaN], 10, 10)).toBe('')
  })
})
