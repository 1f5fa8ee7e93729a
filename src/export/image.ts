/**
 * Chart images drawn by an offscreen ECharts instance from the report option: PNG through the
 * canvas renderer, SVG through the SVG renderer (loaded on first use). Always the light palette.
 */
import { init, use } from 'echarts/core'
import { GraphicComponent } from 'echarts/components'
import '@/charts/setup'
import { ensureModules } from '@/charts/modules'
import { palettes } from '@/charts/theme'
import { ExportError } from './errors'
import { reportOption, type ReportOption } from './layout'
import { withResolution } from './png'
import { checkCanvasSize } from './size'
import type { ChartExportSpec, ImageOptions } from './types'

use([GraphicComponent])

/** The report option, once the ECharts modules it needs are registered (its titles, a count's graded legend). */
async function prepare(spec: ChartExportSpec, opts: ImageOptions): Promise<ReportOption> {
  const problem = checkCanvasSize(opts.width, opts.height, opts.scale)
  if (problem) throw new ExportError(problem)
  const base = spec.option(palettes.light)
  if (!base) throw new ExportError({ kind: 'notReady' })
  const option = reportOption(base, spec, palettes.light, opts)
  await ensureModules(option)
  return option
}

function canvasToBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png')
  })
}

export async function renderPng(spec: ChartExportSpec, opts: ImageOptions): Promise<Blob> {
  const option = await prepare(spec, opts)
  // Text is measured with the fonts in use; wait so CJK glyphs are not measured with a fallback.
  if (typeof document !== 'undefined' && document.fonts) await document.fonts.ready
  const host = document.createElement('div')
  const chart = init(host, null, { renderer: 'canvas', width: opts.width, height: opts.height, devicePixelRatio: opts.scale })
  try {
    chart.setOption(option)
    const canvas = chart.renderToCanvas({
      backgroundColor: opts.background === 'white' ? '#ffffff' : 'transparent',
      pixelRatio: opts.scale,
    })
    const png = new Uint8Array(await (await canvasToBlob(canvas)).arrayBuffer())
    return new Blob([withResolution(png, opts.dpi ?? 96) as Uint8Array<ArrayBuffer>], { type: 'image/png' })
  } finally {
    chart.dispose()
  }
}

let svgReady: Promise<void> | null = null

function ensureSvgRenderer(): Promise<void> {
  // The module itself, not the `echarts/renderers` barrel, which the canvas renderer shares with
  // the dashboard: importing the barrel here would pull the SVG renderer into the first load.
  svgReady ??= import('echarts/lib/renderer/installSVGRenderer.js').then(({ install }) => use([install]))
  return svgReady
}

/** SVG text; ECharts escapes every text node, so user text cannot become markup. */
export async function renderSvg(spec: ChartExportSpec, opts: ImageOptions): Promise<string> {
  const option = await prepare(spec, opts)
  await ensureSvgRenderer()
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: opts.width, height: opts.height })
  try {
    chart.setOption(option)
    const svg = chart.renderToSVGString({ useViewBox: true })
    return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`
  } finally {
    chart.dispose()
  }
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' })
}
