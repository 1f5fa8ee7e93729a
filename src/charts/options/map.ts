import type { MapModel } from '@/domain/dashboard'
import { escapeHtml, formatValue } from '@/domain/format'
import type { BuildContext, ChartOption } from './types'

export interface MapLabels {
  noData: string
  rank: (rank: number, total: number) => string
  high: string
  low: string
}

/** Choropleth of the children of `model.mapAdcode`; features are matched by adcode. */
export function buildMapOption(model: MapModel, mapName: string, ctx: BuildContext, labels: MapLabels): ChartOption {
  const { indicator: ind, locale, palette } = ctx
  const fmt = (v: number) => formatValue(v, ind, locale, ctx.unitLabel)
  const ranked = model.items.filter((it) => it.rank > 0).length
  const byCode = new Map(model.items.map((it) => [it.adcode, it]))
  const colors = ind.higherIsBetter ? palette.scale : [...palette.scale].reverse()
  const span = model.max - model.min
  return {
    tooltip: {
      className: 'chart-tooltip',
      trigger: 'item',
      formatter: (p) => {
        const item = byCode.get(String((p as { name?: string }).name))
        if (!item) return ''
        const lines = [
          `<b>${escapeHtml(ctx.nameOf(item.adcode))}</b>`,
          escapeHtml(Number.isNaN(item.value) ? labels.noData : fmt(item.value)),
        ]
        if (item.rank > 0) lines.push(escapeHtml(labels.rank(item.rank, ranked)))
        return lines.join('<br/>')
      },
    },
    visualMap: {
      type: 'continuous',
      min: model.min,
      // A flat scale (one region, or equal values) still needs a non-empty range.
      max: span > 0 ? model.max : model.min + 1,
      left: 8,
      bottom: 8,
      orient: 'horizontal',
      itemWidth: 10,
      itemHeight: 100,
      calculable: false,
      realtime: false,
      text: [`${labels.high} ${fmt(model.max)}`, `${fmt(model.min)} ${labels.low}`],
      textStyle: { color: palette.subtle, fontSize: 11 },
      inRange: { color: colors },
      formatter: (v) => fmt(Number(v)),
    },
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'adcode',
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '48%'],
        layoutSize: '92%',
        itemStyle: { areaColor: palette.noData, borderColor: palette.border, borderWidth: 0.8 },
        emphasis: {
          label: { show: true, color: palette.text },
          itemStyle: { areaColor: palette.highlight },
        },
        label: {
          show: true,
          fontSize: 11,
          color: palette.text,
          textBorderColor: palette.labelHalo,
          textBorderWidth: 2,
          formatter: (p) => ctx.nameOf(String((p as { name?: string }).name)),
        },
        data: model.items.map((it) => ({
          name: it.adcode,
          value: Number.isNaN(it.value) ? '-' : it.value,
          ...(it.adcode === model.highlight
            ? { itemStyle: { borderColor: palette.highlight, borderWidth: 3 } }
            : {}),
        })),
      },
    ],
  }
}
