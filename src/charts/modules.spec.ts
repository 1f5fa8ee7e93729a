import { describe, expect, it } from 'vitest'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import './setup'
import { ensureModules, modulesOf, pipelineRevision, pipelineRevisionFor } from './modules'
import { buildMapOption } from './options/map'
import { buildMultiplesOption } from './options/multiples'
import { buildRankingOption } from './options/ranking'
import { buildTrendOption } from './options/trend'
import type { BuildContext, ChartOption } from './options/types'
import { palettes } from './theme'
import { reportOption } from '@/export/layout'
import { figureFixture } from '@/domain/testing'
import { figureFixture as fig } from '@/domain/testing'
import type { Indicator } from '@/domain/types'
import type { MapModel, TrendModel } from '@/domain/dashboard'

use([SVGRenderer])

const count: Indicator = {
  id: 'cases',
  name: { zh: '法律援助案件', en: 'Cases' },
  unit: '件',
  category: 'rights',
  definition: { zh: '', en: '' },
  decimals: 0,
  higherIsBetter: true,
  aggregation: { kind: 'sum' },
  frequencies: ['annual', 'monthly'],
  aliases: [],
}
const rate: Indicator = { ...count, id: 'rate', unit: '%', decimals: 1, aggregation: { kind: 'ratio', numerator: 'a', denominator: 'b' } }
const ctx = (indicator: Indicator): BuildContext => ({ indicator, locale: 'zh-CN', palette: palettes.light, nameOf: (a) => a, unitLabel: '', decal: false })

const trend = (periods: string[]): ChartOption => {
  const model: TrendModel = {
    mode: periods.length > 12 ? 'monthly' : 'annual',
    frequency: periods.length > 12 ? 'monthly' : 'annual',
    periods,
    series: [{ key: 'A', kind: 'region', values: periods.map((_, k) => k), figures: periods.map((_, k) => fig(k)) }],
    values: periods.map((_, k) => k),
    reference: null,
    benchmark: null,
    sources: [],
  }
  return buildTrendOption(model, ctx(rate), { seriesName: (k) => k, reference: null, benchmark: null, noData: '-' })
}
const ranking = (n: number): ChartOption => {
  const items = Array.from({ length: n }, (_, k) => ({ adcode: `D${k}`, value: n - k, figure: fig(n - k), rank: k + 1, previousRank: 0, rankInBoth: 0, yoy: null }))
  const model = { parent: 'P', level: 'district' as const, items, reference: { kind: 'peerMean' as const, value: 1 }, highlight: null, coverage: { reported: n, expected: n }, sources: [] }
  return buildRankingOption(model, ctx(rate), {
    reference: '',
    noData: '-',
    rankLine: () => '',
  })
}
const map = (indicator: Indicator, scale: MapModel['scale']): ChartOption => {
  const model: MapModel = {
    mapAdcode: 'P',
    geoKey: 'P',
    level: 'city',
    items: [
      { adcode: 'A', value: 10, figure: fig(10), rank: 2, yoy: null },
      { adcode: 'B', value: 40, figure: fig(40), rank: 1, yoy: null },
    ],
    highlight: null,
    min: 10,
    max: 40,
    scale,
    classes:
      scale === 'piecewise'
        ? [
            { lo: 10, hi: 19 },
            { lo: 20, hi: 40 },
          ]
        : [],
    classStep: 1,
    coverage: { reported: 2, expected: 2 },
    sources: [],
  }
  return buildMapOption(model, 'm', ctx(indicator), { noData: '', rank: () => '', yoy: '', high: '', low: '', change: () => '' })
}
const months = Array.from({ length: 36 }, (_, k) => `${2021 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`)

describe('modulesOf', () => {
  it('finds nothing optional in the first view’s default charts', () => {
    expect(modulesOf(trend(['2021', '2022', '2023']))).toEqual([])
    expect(modulesOf(ranking(13))).toEqual([])
    expect(modulesOf(map(rate, 'continuous'))).toEqual([])
  })

  it('asks for the zoom window of a monthly trend and of all 95 districts', () => {
    expect(modulesOf(trend(months)).sort()).toEqual(['dataZoomInside', 'dataZoomSlider'])
    expect(modulesOf(ranking(95)).sort()).toEqual(['dataZoomInside', 'dataZoomSlider'])
  })

  it('asks for the graded legend of a count and for the titles of small multiples and reports', () => {
    expect(modulesOf(map(count, 'piecewise'))).toEqual(['visualMapPiecewise'])
    const multiples = buildMultiplesOption({ periods: ['2023'], panels: [{ adcode: 'A', values: [1], figures: [figureFixture(1)] }], min: 1, max: 1, highlight: null, sources: [] }, ctx(rate), { noData: '-' }, 2)
    expect(modulesOf(multiples)).toEqual(['title'])
    const texts = { title: 't', filters: [], unit: '', definition: '', source: '', asOf: '' }
    // A report leaves the zoom window out: it shows every period.
    const report = reportOption(trend(months), texts, palettes.light, { width: 800, height: 500, scale: 1, background: 'white', watermark: '' })
    expect(modulesOf(report)).toEqual(['title'])
  })

  it('defaults types the way ECharts does', () => {
    expect(modulesOf({ dataZoom: {} })).toEqual(['dataZoomSlider'])
    expect(modulesOf({ visualMap: { pieces: [{ min: 0, max: 1 }] } })).toEqual(['visualMapPiecewise'])
    expect(modulesOf({ visualMap: { splitNumber: 5 } })).toEqual(['visualMapPiecewise'])
    expect(modulesOf({ visualMap: { splitNumber: 5, calculable: true } })).toEqual([])
    expect(modulesOf({ visualMap: [{ min: 0, max: 1 }] })).toEqual([])
    expect(modulesOf({ title: [] })).toEqual([])
  })
})

const zoomed: ChartOption = {
  animation: false,
  grid: { left: 0, right: 0, top: 0, bottom: 40 },
  xAxis: { type: 'category', data: months },
  yAxis: { type: 'value' },
  dataZoom: [{ type: 'slider', startValue: 0, endValue: 11 }],
  series: [{ type: 'line', data: months.map((_, k) => k) }],
}
const chart = () => init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 })

describe('ensureModules', () => {
  it('is null when nothing is missing, so the common case stays synchronous', () => {
    expect(ensureModules(trend(['2022', '2023']))).toBeNull()
  })

  it('registers a missing module before ECharts is given the option', async () => {
    const graded = map(count, 'piecewise')
    const legendOnly = { visualMap: graded.visualMap }
    expect(() => chart().setOption(legendOnly)).toThrow(/piecewise is used but not imported/)
    await ensureModules(graded)
    expect(ensureModules(graded)).toBeNull()
    const c = chart()
    c.setOption(legendOnly)
    expect(c.renderToSVGString()).toContain('40')
    c.dispose()
  })

  it('counts a zoom window as a pipeline step: a chart made before it was registered cannot draw it', async () => {
    const before = chart()
    const made = pipelineRevision()
    expect(ensureModules(zoomed)).not.toBeNull()
    await ensureModules(zoomed)
    expect(pipelineRevisionFor(zoomed)).toBeGreaterThan(made)
    // Its pipeline lacks the zoom's data filter, which the slider relies on.
    expect(() => before.setOption(zoomed)).toThrow()
    const after = chart()
    after.setOption(zoomed)
    // The window ends at the twelfth month: the last band of the plot, not a third of the way along.
    expect(after.convertToPixel({ xAxisIndex: 0 }, months[11]!)).toBeGreaterThan(360)
    before.dispose()
    after.dispose()
    // Other modules leave the pipeline as it is.
    expect(pipelineRevisionFor(map(count, 'piecewise'))).toBe(0)
  })
})
