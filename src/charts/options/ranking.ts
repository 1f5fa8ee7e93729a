import type { RankingItem, RankingModel } from '@/domain/dashboard'
import { sideOf } from '@/domain/compare'
import { isPartialCoverage } from '@/domain/figures'
import { rankingScale } from '@/domain/encodings'
import { axisNumber, escapeHtml, formatValue } from '@/domain/format'
import type { BarSeriesOption } from 'echarts/charts'
import { ariaOf, type BuildContext, type ChartOption } from './types'

export interface RankingLabels {
  reference: string
  noData: string
  /** Tooltip line for a rank and its change, e.g. 第2位（较上年上升1位）; the change counts only regions ranked in both years. */
  rankLine: (rank: number, previousRank: number, rankInBoth: number) => string
  /** 高于平均 / 低于平均 / 与平均持平 (or against the parent's own level): 1 above, -1 below, 0 level. */
  side?: (side: number) => string
  description?: string
  /** Axis name of a dot plot, which says the axis does not start at zero. */
  dotAxis?: string
  /** Notes on how a region's figure was made (coverage, derivation, a published source). */
  notes?: (item: RankingItem) => string[]
  /** Short mark after a bar built from part of its region, e.g. 数据覆盖 8/9. */
  coverageMark?: (item: RankingItem) => string
  /** Why a region has no number. */
  withoutValue?: (item: RankingItem) => string
}

/** Rows shown at once before the list scrolls (the all-district view ranks 95). */
export const RANKING_WINDOW = 20

/**
 * Peers ranked best first, the selected one highlighted, with the average (or parent level) marked.
 * Bars start at zero; where they would all look alike (rates a few points apart) the values are
 * dots on a focused axis that says so, and the reference line stays on it either way.
 */
export function buildRankingOption(model: RankingModel, ctx: BuildContext, labels: RankingLabels): ChartOption {
  const { indicator: ind, locale, palette } = ctx
  const fmt = (v: number) => formatValue(v, ind, locale, ctx.unitLabel)
  const items = model.items
  const ref = model.reference.value
  const fs = ctx.fontScale ?? 1
  const long = items.length > RANKING_WINDOW + 5
  const marked = !!labels.coverageMark && items.some((it) => isPartialCoverage(it.figure))
  // Above or below as printed: a bar that shows the reference's own figure is level with it.
  const side = (v: number) => sideOf(v, ref, ind)
  const scale = rankingScale(
    items.map((it) => it.value),
    ref,
  )
  const dot = scale.kind === 'dot'
  const colorOf = (it: RankingItem) =>
    it.adcode === model.highlight ? palette.highlight : !Number.isNaN(ref) && side(it.value) >= 0 ? palette.above : palette.below
  const valueLabel = {
    show: true,
    position: 'right' as const,
    color: palette.subtle,
    fontSize: 11 * fs,
    formatter: (p: unknown) => {
      const it = items[(p as { dataIndex: number }).dataIndex]
      const v = (p as { value: unknown }).value
      if (typeof v !== 'number') return labels.noData
      const text = formatValue(v, ind, locale, '').trim()
      return it && isPartialCoverage(it.figure) && labels.coverageMark ? `${text} · ${labels.coverageMark(it)}` : text
    },
  }
  const markLine: BarSeriesOption['markLine'] = Number.isNaN(ref)
    ? undefined
    : {
        symbol: 'none',
        silent: true,
        lineStyle: { color: palette.reference, type: 'dashed' },
        label: { formatter: `${labels.reference} ${fmt(ref)}`, color: palette.reference, position: 'start' },
        data: [{ xAxis: ref }],
      }
  const data = items.map((it) => ({ value: Number.isNaN(it.value) ? '-' : it.value, itemStyle: { color: colorOf(it) } }))
  return {
    aria: ariaOf(ctx, labels.description),
    // Room on the right for the value label, and for a coverage mark after it when a bar has one.
    grid: { left: 8, right: (long ? 80 : 64) + (marked ? 84 * fs : 0), top: 22, bottom: dot ? 8 + 22 * fs : 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    ...(long
      ? {
          dataZoom: [
            { type: 'inside', yAxisIndex: 0, startValue: 0, endValue: RANKING_WINDOW - 1, zoomLock: true, zoomOnMouseWheel: false, moveOnMouseWheel: true },
            { type: 'slider', yAxisIndex: 0, right: 4, width: 14, startValue: 0, endValue: RANKING_WINDOW - 1, zoomLock: true, showDetail: false, brushSelect: false },
          ],
        }
      : {}),
    tooltip: {
      className: 'chart-tooltip',
      trigger: 'item',
      formatter: (p) => {
        const it = items[(p as { dataIndex: number }).dataIndex]
        if (!it) return ''
        const v = Number.isNaN(it.value) ? (labels.withoutValue?.(it) ?? labels.noData) : fmt(it.value)
        const lines = [`<b>${escapeHtml(ctx.nameOf(it.adcode))}</b>`, escapeHtml(v)]
        for (const n of labels.notes?.(it) ?? []) lines.push(escapeHtml(n))
        if (it.rank > 0) lines.push(escapeHtml(labels.rankLine(it.rank, it.previousRank, it.rankInBoth)))
        if (labels.side && !Number.isNaN(it.value) && !Number.isNaN(ref)) lines.push(escapeHtml(labels.side(side(it.value))))
        return lines.join('<br/>')
      },
    },
    xAxis: {
      type: 'value',
      ...(scale.kind === 'dot'
        ? {
            min: scale.min,
            max: scale.max,
            interval: scale.interval,
            name: labels.dotAxis,
            nameLocation: 'middle' as const,
            nameGap: 22 * fs,
            nameTextStyle: { color: palette.subtle, fontSize: 11 * fs },
          }
        : {
            // From zero (or below it for negative values), and far enough to hold the reference.
            min: (v: { min: number }) => Math.min(0, v.min),
            max: (v: { max: number }) => (Number.isNaN(ref) ? v.max : Math.max(v.max, ref)),
          }),
      splitLine: { lineStyle: { color: palette.split } },
      axisLabel: { color: palette.subtle, fontSize: 12 * fs, hideOverlap: true, formatter: (v: number) => axisNumber(v, locale) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((it) => it.adcode),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.axis } },
      // A dot needs a guide to its name; a bar is its own.
      splitLine: { show: dot, lineStyle: { color: palette.split, type: 'dotted' } },
      axisLabel: {
        color: palette.text,
        fontSize: 12 * fs,
        formatter: (code: string) => {
          const it = items.find((x) => x.adcode === code)
          const move = it && it.rankInBoth > 0 && it.previousRank > 0 ? it.previousRank - it.rankInBoth : 0
          const arrow = move > 0 ? ` {up|▲${move}}` : move < 0 ? ` {down|▼${-move}}` : ''
          return `${ctx.nameOf(code)}${arrow}`
        },
        rich: {
          up: { color: palette.above, fontSize: 10 * fs },
          down: { color: palette.below, fontSize: 10 * fs },
        },
      },
    },
    series: [
      dot
        ? {
            type: 'line',
            data,
            lineStyle: { width: 0 },
            emphasis: { lineStyle: { width: 0 } },
            symbol: 'circle',
            symbolSize: 11 * fs,
            showAllSymbol: true,
            label: valueLabel,
            markLine,
          }
        : { type: 'bar', barMaxWidth: 18, data, label: valueLabel, markLine },
    ],
  }
}
