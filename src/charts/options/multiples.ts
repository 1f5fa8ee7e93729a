import type { SmallMultiplesModel } from '@/domain/dashboard'
import { niceStep } from '@/domain/encodings'
import { axisNumber, escapeHtml, formatValue } from '@/domain/format'
import { ariaOf, type BuildContext, type ChartOption } from './types'

export interface MultiplesLabels {
  noData: string
  description?: string
}

/** Panels per row for a given width in pixels. */
export function multiplesColumns(width: number): number {
  return width < 480 ? 2 : width < 900 ? 3 : 5
}

/**
 * One small line chart per region, all on one y scale, in a grid of `columns` panels per row. The
 * scale's round ticks are labelled down the first column, the first and last years along each panel.
 */
export function buildMultiplesOption(model: SmallMultiplesModel, ctx: BuildContext, labels: MultiplesLabels, columns: number): ChartOption {
  const { indicator: ind, locale, palette } = ctx
  const fs = ctx.fontScale ?? 1
  const n = model.panels.length
  const rows = Math.max(1, Math.ceil(n / columns))
  const w = 100 / columns
  const h = 100 / rows
  const fmt = (v: number) => formatValue(v, ind, locale, ctx.unitLabel)
  const pad = (model.max - model.min) * 0.08
  const step = niceStep((model.max - model.min + 2 * pad) / 2)
  const yMin = Math.floor((model.min - pad) / step) * step
  const yMax = Math.ceil((model.max + pad) / step) * step
  const last = model.periods.length - 1
  const tick = { color: palette.subtle, fontSize: 10 * fs }
  return {
    aria: ariaOf(ctx, labels.description),
    tooltip: {
      className: 'chart-tooltip',
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params]
        const p = list[0] as { seriesName?: string; axisValueLabel?: string; value?: unknown } | undefined
        if (!p) return ''
        const v = typeof p.value === 'number' ? fmt(p.value) : labels.noData
        return `<b>${escapeHtml(String(p.seriesName))}</b><br/>${escapeHtml(String(p.axisValueLabel))}: ${escapeHtml(v)}`
      },
    },
    title: model.panels.map((p, k) => ({
      text: ctx.nameOf(p.adcode),
      // Over its plot, clear of the shared axis labels on the left of the first column.
      left: `${(k % columns) * w + 6}%`,
      top: `${Math.floor(k / columns) * h}%`,
      textStyle: {
        fontSize: 12 * fs,
        fontWeight: p.adcode === model.highlight ? 700 : 500,
        color: p.adcode === model.highlight ? palette.primary : palette.text,
      },
    })),
    grid: model.panels.map((_, k) => ({
      left: `${(k % columns) * w + 6}%`,
      // In proportion to the row: the title above, the years below, at any number of rows.
      top: `${Math.floor(k / columns) * h + h * 0.24}%`,
      width: `${w - 8}%`,
      height: `${h * 0.52}%`,
    })),
    xAxis: model.panels.map((_, k) => ({
      type: 'category',
      gridIndex: k,
      data: model.periods,
      axisLabel: { ...tick, interval: (i: number) => i === 0 || i === last, hideOverlap: true },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.axis } },
    })),
    yAxis: model.panels.map((_, k) => ({
      type: 'value',
      gridIndex: k,
      min: yMin,
      max: yMax,
      interval: step,
      axisLabel: { ...tick, show: k % columns === 0, formatter: (v: number) => axisNumber(v, locale) },
      splitLine: { show: false },
    })),
    series: model.panels.map((p, k) => ({
      type: 'line',
      name: ctx.nameOf(p.adcode),
      xAxisIndex: k,
      yAxisIndex: k,
      data: p.values.map((v) => (Number.isNaN(v) ? null : v)),
      showSymbol: false,
      color: p.adcode === model.highlight ? palette.highlight : palette.primary,
      lineStyle: { width: 2 },
      // A filled area reads as an amount: only on an axis from zero.
      ...(yMin === 0 ? { areaStyle: { opacity: 0.12 } } : {}),
    })),
  }
}
