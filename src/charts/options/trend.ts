import type { TrendModel } from '@/domain/dashboard'
import { isPartialCoverage } from '@/domain/figures'
import { axisNumber, escapeHtml, formatValue } from '@/domain/format'
import { ariaOf, type BuildContext, type ChartOption } from './types'

export interface TrendLabels {
  /** Name of a line: a region's name, or a year (`2023年`) in the seasonal view. */
  seriesName: (key: string, kind: 'region' | 'year') => string
  reference: string | null
  benchmark: string | null
  noData: string
  /** x-axis label of a month number (01–12) in the seasonal view. */
  monthName?: (month: string) => string
  description?: string
  /** A note on one point (coverage, part of a year), '' for none; such points are drawn hollow. */
  pointNote?: (series: number, index: number) => string
}

const missing = (v: number) => (Number.isNaN(v) ? null : v)

/** The scope (and the regions compared with it) over time, with its parent's reference level and the benchmark. */
export function buildTrendOption(model: TrendModel, ctx: BuildContext, labels: TrendLabels): ChartOption {
  const { indicator: ind, locale, palette } = ctx
  const fs = ctx.fontScale ?? 1
  const fmt = (v: number) => formatValue(v, ind, locale, ctx.unitLabel)
  const monthly = model.frequency === 'monthly'
  // Only where it compares: a count benchmark never stands beside a city's or province's total.
  const bench = model.benchmark ?? undefined
  const seasonal = model.mode === 'seasonal'
  const many = model.periods.length > 24
  const colors = seasonal ? [...palette.series].slice(0, model.series.length).reverse() : palette.series
  return {
    aria: ariaOf(ctx, labels.description),
    grid: { left: 8, right: 24, top: 36 * fs, bottom: many ? 36 : 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, type: 'scroll', textStyle: { color: palette.subtle, fontSize: 12 * fs }, itemWidth: 16 },
    tooltip: {
      className: 'chart-tooltip',
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params]
        const head = escapeHtml(String((list[0] as { axisValueLabel?: string } | undefined)?.axisValueLabel ?? ''))
        const rows = list.map((p) => {
          const v = typeof p.value === 'number' ? fmt(p.value) : labels.noData
          const note = p.seriesIndex !== undefined && p.seriesIndex < model.series.length ? (labels.pointNote?.(p.seriesIndex, p.dataIndex) ?? '') : ''
          return `${p.marker ?? ''}${escapeHtml(String(p.seriesName))}: ${escapeHtml(v)}${note ? `（${escapeHtml(note)}）` : ''}`
        })
        return [head, ...rows].join('<br/>')
      },
    },
    ...(many ? { dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 4, showDetail: false }] } : {}),
    xAxis: {
      type: 'category',
      data: model.periods,
      boundaryGap: !monthly,
      axisLine: { lineStyle: { color: palette.axis } },
      axisLabel: {
        color: palette.subtle,
        fontSize: 12 * fs,
        hideOverlap: true,
        ...(seasonal && labels.monthName ? { formatter: labels.monthName } : {}),
      },
    },
    yAxis: {
      type: 'value',
      scale: ind.unit === '%',
      // Keep the benchmark line inside the plotted range.
      ...(bench ? boundsIncluding(bench.value) : {}),
      splitLine: { lineStyle: { color: palette.split } },
      axisLabel: { color: palette.subtle, fontSize: 12 * fs, formatter: (v: number) => axisNumber(v, locale) },
    },
    series: [
      ...model.series.map((s, k) => ({
        type: 'line' as const,
        name: labels.seriesName(s.key, s.kind),
        // A point built from part of its region is drawn hollow, and the tooltip says why.
        data: s.values.map((v, i) => {
          const f = s.figures[i]
          return f && isPartialCoverage(f) && !Number.isNaN(v) ? { value: v, symbol: 'emptyCircle', symbolSize: 9 } : missing(v)
        }),
        color: colors[k % colors.length],
        showSymbol: !monthly || seasonal,
        symbolSize: 7,
        lineStyle: { width: k === 0 && !seasonal ? 3 : 2 },
        connectNulls: false,
        ...(k === 0 && bench && labels.benchmark
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: palette.benchmark, type: 'dotted' as const, width: 1.5 },
                label: { formatter: labels.benchmark, color: palette.benchmark, position: 'insideEndTop' as const },
                data: [{ yAxis: bench.value }],
              },
            }
          : {}),
      })),
      ...(model.reference && labels.reference
        ? [
            {
              type: 'line' as const,
              name: labels.reference,
              data: model.reference.values.map(missing),
              color: palette.reference,
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
