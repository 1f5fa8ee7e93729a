import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption } from 'echarts/charts'
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components'
import type { Locale } from '@/domain/format'
import type { Indicator } from '@/domain/types'
import type { ChartPalette } from '../theme'

/** The option type of every chart: only the registered series and components. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>

/** What every option builder needs besides its model. Labels arrive already translated. */
export interface BuildContext {
  indicator: Indicator
  locale: Locale
  palette: ChartPalette
  /** Display name of a region in the current language. */
  nameOf: (adcode: string) => string
  /** Unit label in the current language. */
  unitLabel: string
}
