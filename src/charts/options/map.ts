import type { MapItem, MapModel } from '@/domain/dashboard'
import { classOf } from '@/domain/encodings'
import { escapeHtml, formatNumber, formatValue } from '@/domain/format'
import { noDataDecal } from '../theme'
import { ariaOf, type BuildContext, type ChartOption } from './types'

export interface MapLabels {
  noData: string
  rank: (rank: number, total: number) => string
  yoy: string
  high: string
  low: string
  /** Screen-reader summary of the map. */
  description?: string
  /** The change as it reads (like for like where it must be). */
  change: (item: MapItem) => string
  /** Why a region has no number (no data, inputs missing, out of range). */
  withoutValue?: (item: MapItem) => string
  /** Notes on how a region's figure was made: coverage, derivation, part of a year, a published source. */
  notes?: (item: MapItem) => string[]
}

/** Choropleth of `model.items` on the boundary file registered as `mapName`; features are matched by adcode. */
export function buildMapOption(model: MapModel, mapName: string, ctx: BuildContext, labels: MapLabels): ChartOption {
  const { indicator: ind, locale, palette } = ctx
  const fs = ctx.fontScale ?? 1
  const fmt = (v: number) => formatValue(v, ind, locale, ctx.unitLabel)
  const ranked = model.items.filter((it) => it.rank > 0).length
  const byCode = new Map(model.items.map((it) => [it.adcode, it]))
  const colors = ind.higherIsBetter ? palette.scale : [...palette.scale].reverse()
  const span = model.max - model.min
  const many = model.items.length > 30
  const yoyText = (item: MapItem) => `${labels.yoy} ${labels.change(item)}`
  const legendText = { color: palette.subtle, fontSize: 11 * fs }
  const visualMap: ChartOption['visualMap'] =
    model.scale === 'piecewise' && model.classes.length > 1
      ? {
          type: 'piecewise',
          pieces: pieces(model, colors, (lo, hi) =>
            lo === hi ? fmt(lo) : `${formatNumber(lo, ind.decimals, locale)}–${fmt(hi)}`,
          ),
          left: 8,
          bottom: 8,
          itemWidth: 14 * fs,
          itemHeight: 10 * fs,
          textStyle: legendText,
        }
      : {
          type: 'continuous',
          min: model.min,
          // A flat scale (one region, or equal values) still needs a non-empty range.
          max: span > 0 ? model.max : model.min + 1,
          left: 8,
          bottom: 8,
          orient: 'horizontal',
          itemWidth: 10 * fs,
          itemHeight: 100 * fs,
          calculable: false,
          realtime: false,
          text: [`${labels.high} ${fmt(model.max)}`, `${fmt(model.min)} ${labels.low}`],
          textStyle: legendText,
          inRange: { color: colors },
          formatter: (v: unknown) => fmt(Number(v)),
        }
  return {
    aria: ariaOf(ctx, labels.description),
    tooltip: {
      className: 'chart-tooltip',
      trigger: 'item',
      formatter: (p) => {
        const item = byCode.get(String((p as { name?: string }).name))
        if (!item) return ''
        const lines = [
          `<b>${escapeHtml(ctx.nameOf(item.adcode))}</b>`,
          escapeHtml(Number.isNaN(item.value) ? (labels.withoutValue?.(item) ?? labels.noData) : fmt(item.value)),
        ]
        for (const n of labels.notes?.(item) ?? []) lines.push(escapeHtml(n))
        if (item.rank > 0) lines.push(escapeHtml(labels.rank(item.rank, ranked)))
        if (!Number.isNaN(item.value)) lines.push(escapeHtml(yoyText(item)))
        return lines.join('<br/>')
      },
    },
    visualMap,
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: 'adcode',
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '48%'],
        layoutSize: '92%',
        itemStyle: { areaColor: palette.noData, borderColor: palette.border, borderWidth: many ? 0.5 : 0.8 },
        emphasis: {
          label: { show: true, color: palette.text },
          itemStyle: { areaColor: palette.highlight },
        },
        label: {
          show: true,
          fontSize: (many ? 9 : 11) * fs,
          color: palette.text,
          textBorderColor: palette.labelHalo,
          textBorderWidth: 2,
          formatter: (p) => ctx.nameOf(String((p as { name?: string }).name)),
        },
        // With 95 districts some labels must give way; the tooltip still names every region.
        labelLayout: { hideOverlap: true },
        data: model.items.map((it) => {
          const none = Number.isNaN(it.value)
          const highlighted = it.adcode === model.highlight
          return {
            name: it.adcode,
            value: none ? '-' : it.value,
            ...(none || highlighted
              ? {
                  itemStyle: {
                    ...(none ? { areaColor: palette.noData, decal: noDataDecal(palette) } : {}),
                    ...(highlighted ? { borderColor: palette.highlight, borderWidth: 3 } : {}),
                  },
                }
              : {}),
          }
        }),
      },
    ],
  }
}

/**
 * The legend's classes: only those a drawn region falls in, each with the shade of its place among
 * all the classes, so a colour means the same range whichever regions are drawn. A class covers
 * the values printed between its limits (half a step either side).
 */
function pieces(model: MapModel, colors: readonly string[], label: (lo: number, hi: number) => string) {
  const n = model.classes.length
  const used = new Set(model.items.filter((it) => !Number.isNaN(it.value)).map((it) => classOf(model.classes, it.value, model.classStep)))
  const half = model.classStep / 2
  return model.classes.flatMap((c, k) => {
    if (!used.has(k)) return []
    const color = colors[Math.round((k * (colors.length - 1)) / Math.max(1, n - 1))]!
    return [{ gte: c.lo - half, lt: c.hi + half, label: label(c.lo, c.hi), color }]
  })
}
