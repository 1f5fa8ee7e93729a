import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption, MapSeriesOption, RadarSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
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
  | RadarSeriesOption
  | AriaComponentOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
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
  /** Patterns on top of colours, for readers who cannot tell the colours apart. */
  decal: boolean
  /** Text size multiplier (1 on a desk, larger on a big screen). */
  fontScale?: number
}

/** Screen-reader description and decal patterns, on every chart. */
export function ariaOf(ctx: Pick<BuildContext, 'decal'>, description?: string): ChartOption['aria'] {
  return {
    enabled: true,
    ...(description ? { label: { description } } : {}),
    decal: { show: ctx.decal },
  }
}
