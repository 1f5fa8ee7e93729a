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

/** A header as two parts: the name, and its unit in brackets on a line of its own (职工稳定率 / （%）). */
export function headerLines(text: string): [string, string] {
  const at = Math.max(text.lastIndexOf('（'), text.lastIndexOf(' ('))
  return at > 0 && /[)）]$/.test(text) ? [text.slice(0, at), text.slice(at).trim()] : [text, '']
}

/** Width of a text on one line at the table's 10 pt, in twips: 200 a CJK character, about 115 a Latin letter or digit. */
const lineTwips = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 200 : 115), 0)
/** Width of a header's name set in two lines, broken between characters (or words). */
const twoLineTwips = (text: string) => {
  const words = /[\u2e80-\uffff]/.test(text) ? [...text] : text.split(/(?<= )/)
  let best = lineTwips(text)
  for (let k = 1; k < words.length; k++) best = Math.min(best, Math.max(lineTwips(words.slice(0, k).join('')), lineTwips(words.slice(k).join(''))))
  return best
}
/** The cell's margins (80 twips a side) and a little to spare. */
const CELL_PAD_TWIPS = 240
/** Narrowest a column of notes is made before the others are squeezed. */
const MIN_NOTE_TWIPS = 1800

/**
 * Column widths of the brief's table, in twips, summing to `total`. Every cell's text stays on one
 * line (连云港市 is never broken), a header's name may take two lines above its unit; a column of
 * text other than the first (notes) wraps and takes what is left. When even that does not fit, all
 * columns give in proportion.
 */
export function briefColumnWidths(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[], total: number): number[] {
  const need = header.map((h, k) => {
    const [name, unit] = headerLines(h)
    return Math.max(twoLineTwips(name), lineTwips(unit), ...rows.map((r) => lineTwips(r[k] ?? ''))) + CELL_PAD_TWIPS
  })
  const notes = header.map((_, k) => k > 0 && !numeric[k])
  const fixed = need.map((n, k) => (notes[k] ? MIN_NOTE_TWIPS : n))
  // The notes share what is left, up to what their longest line needs; then all scale to the page
  // (up to fill it, or down in proportion when even the narrowest layout does not fit).
  const wish = need.map((n, k) => (notes[k] ? Math.max(0, n - MIN_NOTE_TWIPS) : 0))
  const wished = wish.reduce((a, b) => a + b, 0)
  const give = Math.max(0, Math.min(total - fixed.reduce((a, b) => a + b, 0), wished))
  const grown = fixed.map((w, k) => w + (wished > 0 ? (give * wish[k]!) / wished : 0))
  const scale = total / grown.reduce((a, b) => a + b, 0)
  const widths = grown.map((w) => w * scale)
  const out = widths.map((w) => Math.floor(w))
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0)
  return out
}

/** Column widths from briefColumnWidths; numbers are right-aligned, headers show their unit on a line of its own. */
function briefTable(d: Docx, table: DataTable, columns: number[], locale: Locale, run: (t: string, o?: { bold?: boolean; size?: number }) => InstanceType<Docx['TextRun']>) {
  const texts = [table.header, ...table.rows.map((r) => r.map((v, c) => tableCellText(v, locale, table.decimals?.[c] ?? null)))].map((r) => columns.map((c) => String(r[c] ?? '')))
  const numeric = columns.map((c) => table.rows.some((r) => typeof r[c] === 'number'))
  const widths = briefColumnWidths(texts[0]!, texts.slice(1), numeric, TEXT_WIDTH_TWIPS)
  const lines = (t: string, header: boolean) => {
    if (!header) return [run(t, { size: 20 })]
    const [name, unit] = headerLines(t)
    return unit ? [run(name, { bold: true, size: 20 }), new d.TextRun({ text: unit, bold: true, size: 20, break: 1, font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT } })] : [run(t, { bold: true, size: 20 })]
  }
  const cell = (t: string, k: number, header: boolean) =>
    new d.TableCell({
      width: { size: widths[k]!, type: d.WidthType.DXA },
      shading: header ? { type: d.ShadingType.CLEAR, fill: 'F2F3F5', color: 'auto' } : undefined,
      margins: { left: 80, right: 80 },
      children: [new d.Paragraph({ alignment: numeric[k] ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT, children: lines(t, header) })],
    })
  return new d.Table({
    width: { size: TEXT_WIDTH_TWIPS, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: texts.map((r, i) => new d.TableRow({ ...(i === 0 ? { tableHeader: true } : {}), cantSplit: true, children: r.map((t, k) => cell(t, k, i === 0)) })),
  })
}
