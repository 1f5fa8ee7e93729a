/**
 * What an export needs to know about one chart, independent of Vue: how to draw it in the light
 * theme, the words that go around it in a report, and the data behind it.
 */
import type { ComposeOption } from 'echarts/core'
import type { GraphicComponentOption } from 'echarts/components'
import type { ChartPalette } from '@/charts/theme'
import type { ChartOption } from '@/charts/options/types'
import type { CsvCell } from './csv'

export type ChartKind = 'map' | 'trend' | 'ranking' | 'radar' | 'table' | 'multiples'

/** A chart's option, or a drawing made of graphic elements (the region × indicator table). */
export type ExportOption = ChartOption & ComposeOption<GraphicComponentOption>

/** A table of the data behind a chart: one header row, then rows of text and numbers. */
export interface DataTable {
  /** Section name, e.g. the caption of a brief's table. */
  name: string
  /** Parts of a spreadsheet's sheet name, `<subject>_<kind>_<period>` (职工稳定率_地图_2023). */
  sheet?: { subject: string; kind: string; period: string }
  header: string[]
  rows: CsvCell[][]
  /** Decimals to print per column (null: as is), e.g. 91.0 rather than 91. */
  decimals?: (number | null)[]
  /** Columns worth printing in a brief's table (all when absent). */
  printColumns?: number[]
}

/** An entry of a chart's key, drawn inside exported images: a colour, a line, or a mark explained. */
export type KeyItem =
  | { kind: 'swatch'; color: string; text: string }
  | { kind: 'line'; color: string; dashed: boolean; text: string }
  | { kind: 'text'; text: string }

export interface ChartExportSpec {
  kind: ChartKind
  /** The chart's option drawn with a palette; null while it cannot be drawn (e.g. map not loaded). */
  option: (palette: ChartPalette) => ExportOption | null
  title: string
  /** Active filters, e.g. ['2023年', '无锡市', '各区县']. */
  filters: string[]
  /** e.g. 单位：% */
  unit: string
  /** e.g. 口径：…… */
  definition: string
  /** e.g. 数据来源：…… (the sources of the rows drawn) */
  source: string
  /** Figures built from part of their region, e.g. 无锡市数据覆盖 8/9 个县（市、区）; '' when none. */
  coverage: string
  /** e.g. 数据截至 2023年12月31日 */
  asOf: string
  /** Parts of the file name: `<indicator>_<scope>_<period>`. */
  fileName: { indicator: string; scope: string; period: string }
  table: () => DataTable
  /** What the chart's colours, marks and lines mean, in the palette it is drawn with (absent: no key). */
  key?: (palette: ChartPalette) => KeyItem[]
  /** Layout height a report needs to show every row legibly (long rankings), in CSS pixels. */
  minReportHeight?: number
  /** Size of the chart's panel on screen, in CSS pixels. */
  screenSize: () => { width: number; height: number }
}

export type Background = 'white' | 'transparent'

export interface ImageOptions {
  /** Layout size in CSS pixels; the image is width × scale by height × scale pixels. */
  width: number
  height: number
  scale: number
  background: Background
  /** Watermark text; empty for none. */
  watermark: string
  /** Resolution a PNG declares (its pHYs chunk); 96 when absent. */
  dpi?: number
  /** Leave the title out (slides carry their own). */
  omitTitle?: boolean
}
