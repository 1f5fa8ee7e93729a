/**
 * The region × indicator table drawn as an image: header, one row per region, cells shaded by the
 * region's standing among its peers (as on screen), coverage marks under partial figures. Pure: a
 * graphic-only option that the report layout places between its header and notes.
 */
import type { GraphicComponentOption } from 'echarts/components'
import type { ChartPalette } from '@/charts/theme'
import { lineCount, REPORT_FONTS } from './layout'
import type { ExportOption } from './types'

type Elements = NonNullable<Extract<GraphicComponentOption, { elements?: unknown }>['elements']>

export interface TableImageCell {
  text: string
  /** 0–1, the darker the better placed among peers; NaN for no shading. */
  shade: number
  /** e.g. 数据覆盖 8/9 under the number; '' for none. */
  mark: string
}

export interface TableImageModel {
  header: string[]
  rows: { label: string; cells: TableImageCell[] }[]
  /** A line under the table: what the shading means. */
  key: string
  description?: string
}

/** Natural width of the drawing; the report scales it to its plot box. */
export const TABLE_IMAGE_WIDTH = 672
const FONT = 12
const HEAD_LINE = 16
const ROW = 24
const MARKED_ROW = 36
const LABEL_WIDTH = 132

function columnWidths(columns: number): number[] {
  const rest = (TABLE_IMAGE_WIDTH - LABEL_WIDTH) / Math.max(1, columns)
  return [LABEL_WIDTH, ...Array.from({ length: columns }, () => rest)]
}

function headerHeight(header: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...header.map((h, k) => lineCount(h, FONT, (widths[k] ?? LABEL_WIDTH) - 12)))
  return lines * HEAD_LINE + 12
}

/** Height of the drawing in its natural size, key line included. */
export function tableImageHeight(model: Pick<TableImageModel, 'header' | 'rows'>): number {
  const widths = columnWidths(model.header.length - 1)
  const rows = model.rows.reduce((h, r) => h + (r.cells.some((c) => c.mark) ? MARKED_ROW : ROW), 0)
  return headerHeight(model.header, widths) + rows + 8 + HEAD_LINE
}

export function buildTableImage(model: TableImageModel, palette: ChartPalette): ExportOption {
  const widths = columnWidths(model.header.length - 1)
  const lefts = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b, 0))
  const text = (x: number, y: number, t: string, o: { align?: 'left' | 'right' | 'center'; bold?: boolean; size?: number; color?: string; width?: number } = {}) => ({
    type: 'text' as const,
    x,
    y,
    silent: true,
    style: {
      text: t,
      fontSize: o.size ?? FONT,
      fontWeight: o.bold ? ('bold' as const) : ('normal' as const),
      fill: o.color ?? palette.text,
      align: o.align ?? 'left',
      verticalAlign: 'middle' as const,
      fontFamily: REPORT_FONTS,
      ...(o.width ? { width: o.width, overflow: 'break' as const, lineHeight: HEAD_LINE } : {}),
    },
  })
  const elements: Elements = []
  const headH = headerHeight(model.header, widths)
  elements.push({ type: 'rect', shape: { x: 0, y: 0, width: TABLE_IMAGE_WIDTH, height: headH }, style: { fill: '#f2f3f5' }, silent: true })
  model.header.forEach((h, k) => {
    const numeric = k > 0
    const x = numeric ? lefts[k]! + widths[k]! - 6 : 6
    elements.push(text(x, headH / 2, h, { bold: true, align: numeric ? 'right' : 'left', width: widths[k]! - 12 }))
  })
  let y = headH
  for (const row of model.rows) {
    const h = row.cells.some((c) => c.mark) ? MARKED_ROW : ROW
    row.cells.forEach((c, k) => {
      const col = k + 1
      if (!Number.isNaN(c.shade) && c.shade > 0)
        elements.push({
          type: 'rect',
          shape: { x: lefts[col]! + 2, y: y + 2, width: widths[col]! - 4, height: h - 4, r: 3 },
          style: { fill: palette.primary, opacity: Math.min(1, c.shade) * 0.4 },
          silent: true,
        })
      const right = lefts[col]! + widths[col]! - 8
      elements.push(text(right, c.mark ? y + 12 : y + h / 2, c.text, { align: 'right' }))
      if (c.mark) elements.push(text(right, y + 26, c.mark, { align: 'right', size: 10, color: '#b26a00' }))
    })
    elements.push(text(6, y + h / 2, row.label))
    elements.push({ type: 'line', shape: { x1: 0, y1: y + h, x2: TABLE_IMAGE_WIDTH, y2: y + h }, style: { stroke: palette.split, lineWidth: 1 }, silent: true })
    y += h
  }
  elements.push(text(0, y + 8 + HEAD_LINE / 2, model.key, { size: 11, color: palette.subtle }))
  return {
    ...(model.description ? { aria: { enabled: true, label: { description: model.description } } } : {}),
    // The natural size, for the report to scale the drawing into its plot box.
    graphic: { elements: [{ type: 'group', id: 'table', info: { width: TABLE_IMAGE_WIDTH, height: y + 8 + HEAD_LINE }, children: elements }] },
  }
}
