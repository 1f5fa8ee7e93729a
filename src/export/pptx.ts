/**
 * A 16:9 deck (pptxgenjs, loaded on first use): a title slide, then one chart per slide with its
 * title; the definition, source and filters go in the speaker notes.
 */
import { REPORT_FONTS } from './layout'
import { renderPng } from './image'
import type { ChartExportSpec, ImageOptions } from './types'

export interface DeckText {
  title: string
  subtitle: string
  /** e.g. 导出于 2026年11月24日 */
  date: string
  /** e.g. 筛选条件：{filters} */
  filtersNote: (filters: string) => string
}

/** Layout of a chart slide in inches (the 16:9 layout is 10 × 5.625). */
const CHART_BOX = { x: 0.4, y: 0.95, w: 9.2, h: 4.5 }
const FONT = REPORT_FONTS.split(',')[0]!.replace(/['"]/g, '').trim()

async function base64Png(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return `image/png;base64,${btoa(s)}`
}

/** Image options for a chart on a slide: sized to the slide's chart box, title left to the slide. */
export function slideImageOptions(base: Pick<ImageOptions, 'background' | 'watermark'>): ImageOptions {
  return { width: 920, height: Math.round((920 * CHART_BOX.h) / CHART_BOX.w), scale: 2, omitTitle: true, ...base }
}

export function speakerNotes(spec: ChartExportSpec, text: DeckText): string {
  return [spec.coverage, spec.definition, spec.source, spec.asOf, text.filtersNote(spec.filters.join(' · ')), spec.unit].filter((s) => s).join('\n')
}

export async function deckBlob(specs: readonly ChartExportSpec[], text: DeckText, image: Pick<ImageOptions, 'background' | 'watermark'>): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs')
  const pres = new PptxGenJS()
  pres.layout = 'LAYOUT_16x9'
  pres.title = text.title
  pres.theme = { headFontFace: FONT, bodyFontFace: FONT }

  const cover = pres.addSlide()
  cover.background = { color: 'FFFFFF' }
  cover.addShape('rect', { x: 0, y: 0, w: 0.18, h: 5.625, fill: { color: 'C0392B' }, line: { color: 'C0392B' } })
  cover.addText(text.title, { x: 0.7, y: 1.7, w: 8.6, h: 1.0, fontFace: FONT, fontSize: 32, bold: true, color: '1F2329' })
  cover.addText(text.subtitle, { x: 0.7, y: 2.75, w: 8.6, h: 0.6, fontFace: FONT, fontSize: 18, color: '646A73' })
  cover.addText(text.date, { x: 0.7, y: 4.6, w: 8.6, h: 0.4, fontFace: FONT, fontSize: 12, color: '8F959E' })

  const opts = slideImageOptions(image)
  for (const spec of specs) {
    const slide = pres.addSlide()
    slide.background = { color: 'FFFFFF' }
    slide.addText(spec.title, { x: 0.4, y: 0.25, w: 9.2, h: 0.6, fontFace: FONT, fontSize: 22, bold: true, color: '1F2329', fit: 'shrink' })
    const png = await renderPng(spec, opts)
    slide.addImage({ data: await base64Png(png), ...CHART_BOX, altText: spec.title })
    slide.addNotes(speakerNotes(spec, text))
  }
  const out = await pres.write({ outputType: 'blob' })
  return out instanceof Blob ? out : new Blob([out as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' })
}
