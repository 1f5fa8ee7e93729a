/** ECharts modules loaded on demand by their own paths (modules.ts); typed like their barrel exports. */
declare module 'echarts/lib/component/dataZoom/installDataZoomInside.js' {
  import type { DataZoomInsideComponent } from 'echarts/components'
  export const install: typeof DataZoomInsideComponent
}
declare module 'echarts/lib/component/dataZoom/installDataZoomSlider.js' {
  import type { DataZoomSliderComponent } from 'echarts/components'
  export const install: typeof DataZoomSliderComponent
}
declare module 'echarts/lib/component/visualMap/installVisualMapPiecewise.js' {
  import type { VisualMapPiecewiseComponent } from 'echarts/components'
  export const install: typeof VisualMapPiecewiseComponent
}
declare module 'echarts/lib/component/title/install.js' {
  import type { TitleComponent } from 'echarts/components'
  export const install: typeof TitleComponent
}
