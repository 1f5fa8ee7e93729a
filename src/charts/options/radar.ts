import type { RadarModel } from '@/domain/dashboard'
import { escapeHtml, formatNumber, formatValue } from '@/domain/format'
import { ariaOf, type BuildContext, type ChartOption } from './types'

export interface RadarLabels {
  /** The region's name and the peers' label (各区县平均). */
  region: string
  peers: string
  indicatorName: (id: string) => string
  unitLabel: (id: string) => string
  score: string
  noData: string
  description?: string
}

/** A region's profile, each axis 0–100 against its peers (100 = best among them), with the peers' average. */
export function buildRadarOption(model: RadarModel, ctx: BuildContext, labels: RadarLabels): ChartOption {
  const { palette, locale } = ctx
  const fs = ctx.fontScale ?? 1
  const axes = model.axes
  const score = (v: number) => (Number.isNaN(v) ? '-' : Math.round(v * 10) / 10)
  return {
    aria: ariaOf(ctx, labels.description),
    legend: { top: 0, left: 0, textStyle: { color: palette.subtle, fontSize: 12 * fs } },
    tooltip: {
      className: 'chart-tooltip',
      trigger: 'item',
      formatter: (p) => {
        const own = (p as { seriesIndex?: number; dataIndex?: number }).dataIndex === 0
        const lines = [`<b>${escapeHtml(own ? labels.region : labels.peers)}</b>`]
        for (const a of axes) {
          const s = own ? a.score : a.peerMean
          const value = own ? ` · ${formatValue(a.value, a.indicator, locale, labels.unitLabel(a.indicator.id))}` : ''
          const text = Number.isNaN(s) ? labels.noData : `${labels.score} ${formatNumber(s, 0, locale)}${value}`
          lines.push(`${escapeHtml(labels.indicatorName(a.indicator.id))}: ${escapeHtml(text)}`)
        }
        return lines.join('<br/>')
      },
    },
    radar: {
      // Room below for the bottom axis's name and above for the legend and the top one, at any height.
      center: ['50%', '55%'],
      radius: '64%',
      indicator: axes.map((a) => ({ name: labels.indicatorName(a.indicator.id), min: 0, max: 100 })),
      axisName: { color: palette.subtle, fontSize: 11 * fs },
      splitLine: { lineStyle: { color: palette.split } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: palette.split } },
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: labels.region,
            value: axes.map((a) => score(a.score)),
            itemStyle: { color: palette.primary },
            areaStyle: { opacity: 0.2 },
          },
          {
            name: labels.peers,
            value: axes.map((a) => score(a.peerMean)),
            itemStyle: { color: palette.reference },
            lineStyle: { type: 'dashed' },
          },
        ],
      },
    ],
  }
}
