/**
 * A chart's key drawn inside an exported image, under its filters: colour swatches, reference
 * lines and marks with what they mean, wrapped to the image's width. Pure.
 */
import type { GraphicComponentOption } from 'echarts/components'
import type { ChartPalette } from '@/charts/theme'
import { REPORT_FONTS, textWidth } from './text'
import type { KeyItem } from './types'

type Elements = NonNullable<Extract<GraphicComponentOption, { elements?: unknown }>['elements']>

const FONT = 12
export const KEY_LINE = 20
const GAP = 18
const SYMBOL = { swatch: 12, line: 22, text: 0 } as const

function itemWidth(item: KeyItem): number {
  const symbol = SYMBOL[item.kind]
  return symbol + (symbol ? 6 : 0) + textWidth(item.text, FONT)
}

/** Each item's row and its x from the left of the key. */
export function keyLayout(items: readonly KeyItem[], width: number): { item: KeyItem; row: number; x: number }[] {
  let row = 0
  let x = 0
  return items.map((item) => {
    const w = itemWidth(item)
    if (x > 0 && x + w > width) {
      row++
      x = 0
    }
    const placed = { item, row, x }
    x += w + GAP
    return placed
  })
}

export function keyHeight(items: readonly KeyItem[], width: number): number {
  if (items.length === 0) return 0
  return (Math.max(...keyLayout(items, width).map((p) => p.row)) + 1) * KEY_LINE + 4
}

export function keyElements(items: readonly KeyItem[], origin: { x: number; y: number }, width: number, palette: ChartPalette): Elements {
  return keyLayout(items, width).flatMap(({ item, row, x }) => {
    const left = origin.x + x
    const mid = origin.y + row * KEY_LINE + KEY_LINE / 2
    const symbol: Elements =
      item.kind === 'swatch'
        ? [{ type: 'rect', silent: true, shape: { x: left, y: mid - 6, width: 12, height: 12, r: 2 }, style: { fill: item.color } }]
        : item.kind === 'line'
          ? [{ type: 'line', silent: true, shape: { x1: left, y1: mid, x2: left + 22, y2: mid }, style: { stroke: item.color, lineWidth: 1.5, lineDash: item.dashed ? [4, 3] : false } }]
          : []
    const textX = left + SYMBOL[item.kind] + (SYMBOL[item.kind] ? 6 : 0)
    return [
      ...symbol,
      {
        type: 'text',
        silent: true,
        x: textX,
        y: mid,
        style: { text: item.text, fontSize: FONT, fill: palette.text, verticalAlign: 'middle', fontFamily: REPORT_FONTS },
      },
    ]
  })
}

export { rankingKey, type RankingKeyLabels } from './key-items'
