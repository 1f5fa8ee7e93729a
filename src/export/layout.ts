/**
 * A chart's option re-laid-out for a report: title and active filters above, unit at the top
 * right, definition, source and as-of date below, optional watermark. Pure: the same option feeds
 * the canvas (PNG) and SVG renderers.
 */
import { getMap } from 'echarts/core'
import type { GraphicComponentOption } from 'echarts/components'
import type { ChartPalette } from '@/charts/theme'
import type { ChartExportSpec, ExportOption, ImageOptions, KeyItem } from './types'

export type ReportOption = ExportOption
type GraphicElements = NonNullable<Extract<GraphicComponentOption, { elements?: unknown }>['elements']>

import { keyElements, keyHeight } from './key'
import { lineCount, REPORT_FONTS, textWidth } from './text'

export { lineCount, REPORT_FONTS, textWidth } from './text'

const PAD = 24
const TITLE_SIZE = 20
const SUBTITLE_SIZE = 13
const NOTE_SIZE = 11
const NOTE_LINE = 16

export interface ReportFrame {
  /** Space taken above and below the plot, in layout pixels. */
  top: number
  bottom: number
  /** Where the key starts, under the filters. */
  keyTop: number
}

type Texts = Pick<ChartExportSpec, 'title' | 'filters' | 'unit' | 'definition' | 'source' | 'asOf' | 'key'> & { coverage?: string }

/**
 * Coverage of figures built from part of their region first (a reader must not miss it), then the
 * definition, then source and as-of date; the date gets its own line rather than being split.
 */
export function footnoteText(spec: Texts, width = Infinity): string {
  const together = `${spec.source}　${spec.asOf}`
  const tail = lineCount(together, NOTE_SIZE, width) > 1 ? [spec.source, spec.asOf] : [together]
  return [spec.coverage ?? '', spec.definition, ...tail].filter((s) => s.trim()).join('\n')
}

export function reportFrame(spec: Texts, opts: Pick<ImageOptions, 'width' | 'omitTitle'>, key: readonly KeyItem[] = []): ReportFrame {
  const inner = opts.width - 2 * PAD
  const titleLines = opts.omitTitle ? 0 : lineCount(spec.title, TITLE_SIZE, inner)
  const keyTop = PAD + titleLines * (TITLE_SIZE + 6) + SUBTITLE_SIZE + 10 + 8
  const top = keyTop + keyHeight(key, inner) + 6
  const bottom = PAD + lineCount(footnoteText(spec, inner), NOTE_SIZE, inner) * NOTE_LINE + 8
  return { top, bottom, keyTop }
}

function without<T extends object, K extends keyof T>(o: T, keys: K[]): Omit<T, K> {
  const copy = { ...o }
  for (const k of keys) delete copy[k]
  return copy
}

function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' ? v : fallback
}

function one<T>(v: T | T[] | undefined): T | undefined {
  return Array.isArray(v) ? v[0] : v
}

const WATERMARK_ANGLE = Math.PI / 9

/**
 * Centres and size of the watermark's tiles, each tile (rotated) wholly inside the image: three
 * across, rows staggered, as many rows as the height takes.
 */
export function watermarkTiles(text: string, width: number, height: number): { size: number; tiles: { x: number; y: number }[]; half: { w: number; h: number } } {
  const cos = Math.cos(WATERMARK_ANGLE)
  const sin = Math.sin(WATERMARK_ANGLE)
  const halfOf = (size: number) => {
    const w = textWidth(text, size)
    return { w: (w * cos + size * sin) / 2, h: (w * sin + size * cos) / 2 }
  }
  // A tile takes at most a third of the width.
  let size = Math.max(16, Math.round(width / 24))
  while (size > 6 && (halfOf(size).w * 2 > width / 3 || halfOf(size).h * 2 > height / 2)) size--
  const half = halfOf(size)
  const cols = 3
  const rows = Math.max(2, Math.round((height / width) * 3))
  // A margin of 2 px keeps rounding from pushing a tile's edge out.
  const spanX = Math.max(0, width - 2 * half.w - 4)
  const spanY = Math.max(0, height - 2 * half.h - 4)
  const tiles: { x: number; y: number }[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const shift = r % 2 ? 0.25 : 0
      tiles.push({ x: 2 + half.w + (Math.min(cols - 1, c + shift) / (cols - 1)) * spanX, y: 2 + half.h + (rows > 1 ? r / (rows - 1) : 0.5) * spanY })
    }
  }
  return { size, tiles, half }
}

function watermarkElements(text: string, width: number, height: number): GraphicElements {
  const { size, tiles } = watermarkTiles(text, width, height)
  return tiles.map(({ x, y }) => ({
    type: 'text' as const,
    x,
    y,
    rotation: WATERMARK_ANGLE,
    silent: true,
    z: 100,
    style: { text, fontSize: size, fill: 'rgba(31,35,41,0.10)', align: 'center' as const, verticalAlign: 'middle' as const, fontFamily: REPORT_FONTS },
  }))
}

/** The report option for a chart option drawn in `palette` (always the light one for exports). */
export function reportOption(base: ExportOption, spec: Texts, palette: ChartPalette, opts: ImageOptions): ReportOption {
  const key = spec.key?.(palette) ?? []
  const frame = reportFrame(spec, opts, key)
  const inner = opts.width - 2 * PAD
  // A report shows every row and period: no tooltips, no zoom window.
  const rest = without(base, ['tooltip', 'dataZoom'])
  const option: ReportOption = {
    ...rest,
    animation: false,
    backgroundColor: opts.background === 'white' ? '#ffffff' : 'transparent',
    textStyle: { fontFamily: REPORT_FONTS },
    title: [
      {
        text: opts.omitTitle ? '' : spec.title,
        subtext: spec.filters.join(' · '),
        left: PAD,
        top: PAD - 4,
        itemGap: 8,
        textStyle: { fontSize: TITLE_SIZE, fontWeight: 'bold', color: palette.text, width: inner, overflow: 'break', lineHeight: TITLE_SIZE + 6, fontFamily: REPORT_FONTS },
        subtextStyle: { fontSize: SUBTITLE_SIZE, color: palette.subtle, fontFamily: REPORT_FONTS },
      },
      {
        text: spec.unit,
        right: PAD,
        top: frame.top - 20,
        textStyle: { fontSize: 12, fontWeight: 'normal', color: palette.subtle, fontFamily: REPORT_FONTS },
      },
      {
        text: footnoteText(spec, inner),
        left: PAD,
        bottom: PAD - 6,
        textStyle: { fontSize: NOTE_SIZE, fontWeight: 'normal', color: palette.subtle, width: inner, overflow: 'break', lineHeight: NOTE_LINE, fontFamily: REPORT_FONTS },
      },
    ],
  }

  const plotHeight = Math.max(1, opts.height - frame.top - frame.bottom)
  const grids = Array.isArray(base.grid) ? base.grid : []
  const grid = one(base.grid)
  if (grids.length > 1) {
    // Small multiples: panels placed in percentages of the chart, moved into the plot box.
    option.grid = grids.map((g) => ({
      ...g,
      left: boxed(g.left, PAD, inner),
      top: boxed(g.top, frame.top, plotHeight),
      width: boxed(g.width, 0, inner),
      height: boxed(g.height, 0, plotHeight),
    }))
    const titles = Array.isArray(base.title) ? base.title : base.title ? [base.title] : []
    option.title = [...(option.title as object[]), ...titles.map((tt) => ({ ...tt, left: boxed(tt.left, PAD, inner), top: boxed(tt.top, frame.top, plotHeight) }))]
  } else if (grid) {
    option.grid = {
      ...grid,
      top: frame.top + num(grid.top),
      bottom: frame.bottom + num(grid.bottom),
      left: PAD + num(grid.left),
      right: PAD + num(grid.right),
    }
  }
  // A ranking's report height gives every bar room for its label, so none is left out.
  const yAxis = one(base.yAxis)
  if (yAxis && yAxis.type === 'category') option.yAxis = { ...yAxis, axisLabel: { ...yAxis.axisLabel, interval: 0 } }
  const legend = one(base.legend)
  // Every entry shown: a report cannot page through a scrolling legend.
  if (legend) option.legend = { ...legend, type: 'plain', top: frame.top, left: PAD + num(legend.left) }
  const radar = one(base.radar)
  if (radar) {
    // Below the legend, with room around for the axis names.
    const top = frame.top + (legend ? 28 : 0)
    const h = Math.max(1, opts.height - top - frame.bottom)
    option.radar = { ...radar, center: [opts.width / 2, top + h / 2], radius: Math.max(10, Math.min(inner * 0.32, h / 2 - 28)) }
  }
  const visualMap = one(base.visualMap)
  if (visualMap) option.visualMap = { ...visualMap, left: PAD, bottom: frame.bottom + 4 }
  const series = Array.isArray(base.series) ? base.series : base.series ? [base.series] : []
  option.series = series.map((s) => {
    if (s.type !== 'map') return s
    // Fit the map into the box between the header and the colour scale at its bottom left. A centre
    // and a size keep the outline's proportions; a left/right/top/bottom box would stretch it.
    const top = frame.top + 4
    const boxH = Math.max(1, opts.height - top - frame.bottom - (visualMap ? 44 : 8))
    const boxW = Math.max(1, inner)
    const aspect = mapAspect(String(s.map ?? ''), typeof s.aspectScale === 'number' ? s.aspectScale : 0.75)
    const size = aspect >= 1 ? Math.min(boxW, boxH * aspect) : Math.min(boxH, boxW / aspect)
    return { ...s, layoutCenter: [PAD + boxW / 2, top + boxH / 2], layoutSize: size }
  })
  const elements: GraphicElements = [...keyElements(key, { x: PAD, y: frame.keyTop }, inner, palette), ...fittedDrawing(base, { x: PAD, y: frame.top, width: inner, height: plotHeight })]
  if (opts.watermark.trim()) elements.push(...watermarkElements(opts.watermark.trim(), opts.width, opts.height))
  option.graphic = elements.length > 0 ? { elements } : undefined
  return option
}

/** A position given in percent of the chart (or pixels), as pixels inside a box starting at `start`. */
function boxed(v: unknown, start: number, length: number): number {
  if (typeof v === 'number') return start + v
  const pct = typeof v === 'string' ? /^(-?[\d.]+)%$/.exec(v) : null
  return pct ? start + (Number(pct[1]) / 100) * length : start
}

/** A drawing of graphic elements (the table), scaled to fit the plot box and centred across it. */
function fittedDrawing(base: ExportOption, box: { x: number; y: number; width: number; height: number }): GraphicElements {
  const graphic = one(base.graphic as GraphicComponentOption | GraphicComponentOption[] | undefined)
  const list = (graphic && 'elements' in graphic ? graphic.elements : undefined) ?? []
  return (Array.isArray(list) ? list : [list]).map((el) => {
    const size = (el as { info?: { width?: number; height?: number } }).info
    if (!size?.width || !size.height) return el
    const scale = Math.min(box.width / size.width, box.height / size.height)
    return { ...el, x: box.x + (box.width - size.width * scale) / 2, y: box.y, scaleX: scale, scaleY: scale }
  })
}

/** Width ÷ height of a registered map as ECharts draws it (latitude stretched by 1 ÷ aspectScale). */
export function mapAspect(name: string, aspectScale: number): number {
  const geo = (getMap(name) as { geoJSON?: { features?: { geometry?: { coordinates?: unknown } }[] } } | null)?.geoJSON
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      minX = Math.min(minX, c[0])
      maxX = Math.max(maxX, c[0])
      minY = Math.min(minY, c[1])
      maxY = Math.max(maxY, c[1])
      return
    }
    for (const x of c) visit(x)
  }
  for (const f of geo?.features ?? []) visit(f.geometry?.coordinates)
  if (!(maxX > minX && maxY > minY)) return 1
  return ((maxX - minX) / (maxY - minY)) * aspectScale
}
