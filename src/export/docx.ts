/**
 * A short Word brief (docx, loaded on first use): headline sentences, each chart as an image with
 * its notes, and a table. Plain paragraphs, inline images and a fixed-width table open the same in
 * Word and WPS.
 */
import type { Locale } from '@/domain/format'
import { footnoteText, REPORT_FONTS } from './layout'
import { renderPng } from './image'
import type { ChartExportSpec, DataTable, ImageOptions } from './types'

export interface BriefText {
  title: string
  subtitle: string
  date: string
  headlinesHeading: string
  chartsHeading: string
  tableHeading: string
  headlines: string[]
}

/** Text width of an A4 page with 2.54 cm margins, in twips (1/1440 in) and in 96-dpi pixels. */
const TEXT_WIDTH_TWIPS = 9026
const TEXT_WIDTH_PX = 600
const FONT = REPORT_FONTS.split(',')[0]!.replace(/['"]/g, '').trim()

export function tableCellText(v: DataTable['rows'][number][number], locale: Locale, decimals: number | null = null): string {
  if (v === null || v === undefined) return ''
  if (typeof v !== 'number') return v
  if (!Number.isFinite(v)) return '—'
  const digits = decimals === null ? { maximumFractionDigits: 6 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals }
  return new Intl.NumberFormat(locale, digits).format(v)
}

export async function briefBlob(
  specs: readonly ChartExportSpec[],
  table: DataTable,
  text: BriefText,
  image: (spec: ChartExportSpec) => ImageOptions,
  locale: Locale,
): Promise<Blob> {
  const d = await import('docx')
  const run = (t: string, o: { bold?: boolean; size?: number; color?: string } = {}) =>
    new d.TextRun({ text: t, bold: o.bold, size: o.size, color: o.color, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } })
  const para = (t: string, o: { bold?: boolean; size?: number; color?: string; spacingAfter?: number; keepNext?: boolean } = {}) =>
    new d.Paragraph({ children: [run(t, o)], spacing: { after: o.spacingAfter ?? 120 }, keepNext: o.keepNext })
  const heading = (t: string, level: (typeof d.HeadingLevel)[keyof typeof d.HeadingLevel]) =>
    new d.Paragraph({ heading: level, keepNext: true, keepLines: true, children: [run(t, { bold: true })], spacing: { before: 240, after: 120 } })

  const children: (InstanceType<typeof d.Paragraph> | InstanceType<typeof d.Table>)[] = [
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, alignment: d.AlignmentType.CENTER, children: [run(text.title, { bold: true, size: 36 })], spacing: { after: 120 } }),
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [run(text.subtitle, { color: '646A73' })], spacing: { after: 60 } }),
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [run(text.date, { color: '8F959E', size: 18 })], spacing: { after: 240 } }),
    heading(text.headlinesHeading, d.HeadingLevel.HEADING_1),
    ...text.headlines.map((h) => new d.Paragraph({ children: [run(h)], bullet: { level: 0 }, spacing: { after: 80 } })),
    heading(text.chartsHeading, d.HeadingLevel.HEADING_1),
  ]

  for (const spec of specs) {
    if (spec.kind === 'table') {
      // The region × indicator table stays a table an editor can work with, its notes under it.
      const data = spec.table()
      children.push(
        heading(spec.title, d.HeadingLevel.HEADING_2),
        para(spec.filters.join(' · '), { size: 20, color: '646A73', keepNext: true }),
        briefTable(d, data, data.printColumns ?? data.header.map((_, i) => i), locale, run),
        ...footnoteText(spec).split('\n').map((line) => para(line, { size: 18, color: '646A73', spacingAfter: 0 })),
        para('', { spacingAfter: 120 }),
      )
      continue
    }
    // The heading carries the title; filters, unit and notes are drawn in the image.
    const opts = { ...image(spec), omitTitle: true }
    const png = new Uint8Array(await (await renderPng(spec, opts)).arrayBuffer())
    children.push(
      heading(spec.title, d.HeadingLevel.HEADING_2),
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [
          new d.ImageRun({
            type: 'png',
            data: png,
            transformation: { width: TEXT_WIDTH_PX, height: Math.round((TEXT_WIDTH_PX * opts.height) / opts.width) },
            altText: { name: spec.title, title: spec.title, description: spec.title },
          }),
        ],
      }),
    )
  }

  const columns = table.printColumns ?? table.header.map((_, i) => i)
  if (columns.length > 0) children.push(
      heading(text.tableHeading, d.HeadingLevel.HEADING_1),
      para(table.name, { size: 20, color: '646A73', keepNext: true }),
      briefTable(d, table, columns, locale, run),
    )
  const doc = new d.Document({
    creator: text.title,
    title: text.title,
    styles: {
      default: {
        // The language picks the CJK glyph variant (zh-CN, not ja-JP) and the spelling dictionary.
        document: { run: { font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, size: 22, language: { value: locale === 'zh-CN' ? 'zh-CN' : 'en-GB', eastAsia: 'zh-CN' } } },
        // Sober, black headings as in an official report, not Word's blue.
        title: { run: { color: '000000', bold: true, size: 36 } },
        heading1: { run: { color: '000000', bold: true, size: 32 }, paragraph: { keepNext: true, spacing: { before: 240, after: 120 } } },
        heading2: { run: { color: '000000', bold: true, size: 28 }, paragraph: { keepNext: true, spacing: { before: 200, after: 100 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children,
      },
    ],
  })
  return d.Packer.toBlob(doc)
}

type Docx = typeof import('docx')

/** Column widths follow the longest text in each column (headers wrap in two); numbers are right-aligned. */
function briefTable(d: Docx, table: DataTable, columns: number[], locale: Locale, run: (t: string, o?: { bold?: boolean; size?: number }) => InstanceType<Docx['TextRun']>) {
  const texts = [table.header, ...table.rows.map((r) => r.map((v, c) => tableCellText(v, locale, table.decimals?.[c] ?? null)))].map((r) => columns.map((c) => String(r[c] ?? '')))
  const width = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
  // A cell's text stays on one line (南京市 is never broken letter by letter), a header may take
  // two, and a long note wraps rather than squeezing the other columns.
  const weights = columns.map((_, k) =>
    Math.min(30, Math.max(6, Math.ceil(width(texts[0]![k]!) / 2), ...texts.slice(1).map((r) => width(r[k]!) + 2))),
  )
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH_TWIPS))
  const numeric = columns.map((c) => table.rows.some((r) => typeof r[c] === 'number'))
  const cell = (t: string, k: number, header: boolean) =>
    new d.TableCell({
      width: { size: widths[k]!, type: d.WidthType.DXA },
      shading: header ? { type: d.ShadingType.CLEAR, fill: 'F2F3F5', color: 'auto' } : undefined,
      margins: { left: 80, right: 80 },
      children: [new d.Paragraph({ alignment: numeric[k] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: [run(t, { bold: header, size: 20 })] })],
    })
  return new d.Table({
    width: { size: TEXT_WIDTH_TWIPS, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: texts.map((r, i) => new d.TableRow({ ...(i === 0 ? { tableHeader: true } : {}), cantSplit: true, children: r.map((t, k) => cell(t, k, i === 0)) })),
  })
}
