/** The SVG renderer's own module, loaded on demand; typed like `SVGRenderer` from the barrel. */
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  import type { SVGRenderer } from 'echarts/renderers'
  export const install: typeof SVGRenderer
}
