/**
 * ECharts modules are registered here, once: only what the first view's charts draw is bundled
 * with it. What an option needs only sometimes (the zoom window of a long trend or ranking, the
 * graded legend of a count, titles) is registered when an option first asks for it (modules.ts).
 * The radar is drawn only by its panel, which loads below the fold, so it registers its own modules
 * in setup-radar.ts and they stay out of the first view too.
 */
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { BarChart, LineChart, MapChart } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendScrollComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components'
import { LabelLayout } from 'echarts/features'

use([
  CanvasRenderer,
  BarChart,
  LineChart,
  MapChart,
  AriaComponent,
  GridComponent,
  // The trend's legend scrolls; the scrolling legend brings the plain one (the radar's) with it.
  LegendScrollComponent,
  MarkLineComponent,
  TooltipComponent,
  // Rates (the default indicator) are drawn on a continuous scale; counts load the piecewise one.
  VisualMapContinuousComponent,
  // The map's labels give way to each other (hideOverlap).
  LabelLayout,
])
