import type { TrendModel } from '@/domain/dashboard'
import { axisNumber, escapeHtml, formatValue } from '@/domain/format'
import type { BuildContext, ChartOption } from './types'

export interface TrendLabels {
  scopeName: string
  reference: string | null
  benchmark: string | null
  noData: string
}

const missing = (v: number) => (Number.isNaN(v) ? null : v)

/** The scope's values over time, with its parent's reference level and the benchmark if any. */
export function buildTrendOption(model: TrendModel, ctx: BuildContext, labels: TrendLabels): ChartOption {
  const { indicator: ind, locale, palette } = ctx
  const fmt = (v: number) => formatValue(v, ind, locale, ctx.unitLabel)
  const monthly = model.frequency === 'monthly'
  const bench = ind.benchmark
  return {
    color: [palette.primary, palette.reference],
    grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, textStyle: { color: palette.subtle }, itemWidth: 16 },
    tooltip: {
      className: 'chart-tooltip',
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params]
        const head = escapeHtml(String((list[0] as { axisValue?: string } | undefined)?.axisValue ?? ''))
        const rows = list.map((p) => {
          const v = typeof p.value === 'number' ? fmt(p.value) : labels.noData
          return `${p.marker ?? ''}${escapeHtml(String(p.seriesName))}: ${escapeHtml(v)}`
        })
        return [head, ...rows].join('<br/>')
      },
    },
    xAxis: {
      type: 'category',
      data: model.periods,
      boundaryGap: !monthly,
      axisLine: { lineStyle: { color: palette.axis } },
      axisLabel: { color: palette.subtle, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      scale: ind.unit === '%',
      // Keep the benchmark line inside the plotted range.
      ...(bench ? boundsIncluding(bench.value) : {}),
      splitLine: { lineStyle: { color: palette.split } },
      axisLabel: { color: palette.subtle, formatter: (v: number) => axisNumber(v, locale) },
    },
    series: [
      {
        type: 'line',
        name: labels.scopeName,
        data: model.values.map(missing),
        showSymbol: !monthly,
        symbolSize: 7,
        lineStyle: { width: 2.5 },
        connectNulls: false,
        ...(bench && labels.benchmark
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: palette.benchmark, type: 'dotted', width: 1.5 },
                label: { formatter: labels.benchmark, color: palette.benchmark, position: 'insideEndTop' },
                data: [{ yAxis: bench.value }],
              },
            }
          : {}),
      },
      ...(model.reference && labels.reference
        ? [
            {
              type: 'line' as const,
              name: labels.reference,
              data: model.reference.values.map(missing),
              showSymbol: false,
              lineStyle: { type: 'dashed' as const, width: 1.5 },
              connectNulls: false,
            },
          ]
        : []),
    ],
  }
}

/** Axis bounds that include `v` as well as the data, rounded outwards to a readable step. */
function boundsIncluding(v: number) {
  const step = (lo: number, hi: number) => {
    const span = Math.max(hi - lo, Math.abs(hi) * 1e-6, 1e-9)
    const p = 10 ** Math.floor(Math.log10(span))
    return span / p >= 5 ? p : p / 2
  }
  return {
    min: (r: { min: number; max: number }) => {
      const lo = Math.min(r.min, v)
      const s = step(lo, Math.max(r.max, v))
      return Math.floor(lo / s) * s
    },
    max: (r: { min: number; max: number }) => {
      const hi = Math.max(r.max, v)
      const s = step(Math.min(r.min, v), hi)
      return Math.ceil(hi / s) * s
    },
  }
}
