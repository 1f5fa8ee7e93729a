/**
 * The ECharts modules registered on demand (modules.ts), in one chunk. Each by its own module
 * path: the `echarts/components` barrel is in the first view already, so it would split nothing off.
 */
export { install as dataZoomInside } from 'echarts/lib/component/dataZoom/installDataZoomInside.js'
export { install as dataZoomSlider } from 'echarts/lib/component/dataZoom/installDataZoomSlider.js'
export { install as visualMapPiecewise } from 'echarts/lib/component/visualMap/installVisualMapPiecewise.js'
export { install as title } from 'echarts/lib/component/title/install.js'
