/**
 * The items of a chart's key, as a chart panel names them; key.ts lays them out in an exported
 * image. Kept apart so a panel can name its key without loading the layout code.
 */
import type { ChartPalette } from '@/charts/theme'
import type { KeyItem } from './types'

export interface RankingKeyLabels {
  above: string
  below: string
  /** The highlighted region's label; absent when none is. */
  highlight?: string
  /** What ▲▼ mean; absent when no bar carries one. */
  move?: string
  /** The reference line with its value, e.g. 江苏省整体 91.2%; absent when there is none. */
  reference?: string
}

/** A ranking's key: bar colours against the reference, the highlight, ▲▼ and the reference line. */
export function rankingKey(palette: ChartPalette, labels: RankingKeyLabels): KeyItem[] {
  return [
    { kind: 'swatch', color: palette.above, text: labels.above },
    { kind: 'swatch', color: palette.below, text: labels.below },
    ...(labels.highlight ? [{ kind: 'swatch' as const, color: palette.highlight, text: labels.highlight }] : []),
    ...(labels.reference ? [{ kind: 'line' as const, color: palette.reference, dashed: true, text: labels.reference }] : []),
    ...(labels.move ? [{ kind: 'text' as const, text: `▲▼ ${labels.move}` }] : []),
  ]
}
