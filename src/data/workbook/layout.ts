/**
 * A sheet's layout: where its header is, what each column is called, which rows hold data and
 * which are skipped (titles, notes, unit notes, blank separators, a header repeated on a new page).
 *
 * The header is the block of text rows right above the first data row: one row, or two or three
 * when merged cells show them as one heading (a group heading over its sub-columns, or a cell
 * merged down through the block). Each column's label joins its parts top to bottom, e.g.
 * `帮扶 / 金额（万元）`. The user can move the header in the preview (`HeaderChoice`).
 */
import { normalisePeriod } from '@/domain/periods'
import { fieldOfHeader } from '../facts'
import { classifyRow, isNoteText, unitNoteOf, unitOnly, withoutUnitNote, type RowInfo } from './rows'
import { columnLetter } from '../grid'
import { cellText, MergeIndex, sheetWidth, shownCell, type Sheet } from './sheet'

/** Header rows as the user placed them: first row (0-based) and how many rows. */
export interface HeaderChoice {
  top: number
  rows: number
}

export const MAX_HEADER_ROWS = 3
/** How far down a header is looked for. */
const SEARCH_ROWS = 60

export type SkipKind = 'blank' | 'title' | 'note' | 'unit' | 'repeatedHeader'

export interface LayoutColumn {
  /** 0-based column in the sheet. */
  index: number
  label: string
  /** Unit named by a note over this column (单位：万元), applied where the column's indicator has such a unit. */
  unitNote?: string
  hidden: boolean
}

export interface Layout {
  header: HeaderChoice
  /** True when found by looking, false when the user placed it. */
  detected: boolean
  columns: LayoutColumn[]
  /** 0-based rows that hold data, visible rows first, then hidden ones. */
  dataRows: number[]
  /** Rows left out, and why (rows above the header count as titles or notes). */
  skipped: { row: number; kind: SkipKind }[]
  /** Columns that are not data and are left out (序号, 备注), by label. */
  leftOut: { index: number; label: string }[]
  /** A period named in the title or notes (2023年扬州市… → 2023), for a table without a period column. */
  periodHint?: string
}

/** Columns that number or annotate rows rather than hold figures. */
const NOT_DATA = /^(?:序号|编号|行次|no\.?|备注|说明)$/i

export function sheetLayout(sheet: Sheet, choice?: HeaderChoice): Layout {
  const merges = new MergeIndex(sheet.merges)
  const width = sheetWidth(sheet)
  const rowCount = sheet.rows.length
  const info: RowInfo[] = []
  for (let r = 0; r < rowCount; r++) info.push(classifyRow(sheet, merges, r, width))
  const header = choice ? clampChoice(choice, rowCount) : findHeader(info, merges, width)
  const columns = headerColumns(sheet, merges, header, width)
  const skipped: Layout['skipped'] = []
  let periodHint: string | undefined
  let tableUnit: string | undefined
  for (let r = 0; r < header.top; r++) {
    const row = info[r]!
    for (const t of row.texts) {
      periodHint ??= periodIn(t)
      tableUnit ??= unitNoteOf(t)
    }
    skipped.push({ row: r, kind: skipKindAbove(row) })
  }
  const headerKey = columns.map((c) => cellText(shownCell(sheet, merges, header.top + header.rows - 1, c.index))).join('\u0001')
  const visible: number[] = []
  const hidden: number[] = []
  let notesStarted = false
  for (let r = header.top + header.rows; r < rowCount; r++) {
    const row = info[r]!
    if (row.kind === 'blank') {
      skipped.push({ row: r, kind: 'blank' })
      continue
    }
    if (row.kind === 'unit' || row.kind === 'note' || (notesStarted && row.kind === 'single')) {
      notesStarted = true
      for (const t of row.texts) tableUnit ??= unitNoteOf(t)
      skipped.push({ row: r, kind: row.kind === 'unit' ? 'unit' : 'note' })
      continue
    }
    if (columns.map((c) => cellText(shownCell(sheet, merges, r, c.index))).join('\u0001') === headerKey) {
      skipped.push({ row: r, kind: 'repeatedHeader' })
      continue
    }
    ;(sheet.hiddenRows.has(r) ? hidden : visible).push(r)
  }
  if (tableUnit) for (const c of columns) c.unitNote ??= tableUnit
  const leftOut = columns.filter((c) => NOT_DATA.test(c.label))
  return {
    header,
    detected: !choice,
    columns: columns.filter((c) => !NOT_DATA.test(c.label)),
    dataRows: [...visible, ...hidden],
    skipped: skipped.sort((a, b) => a.row - b.row),
    leftOut: leftOut.map((c) => ({ index: c.index, label: c.label })),
    ...(periodHint ? { periodHint } : {}),
  }
}

function clampChoice(choice: HeaderChoice, rowCount: number): HeaderChoice {
  const top = Math.max(0, Math.min(Math.floor(choice.top), Math.max(0, rowCount - 1)))
  const rows = Math.max(1, Math.min(Math.floor(choice.rows), MAX_HEADER_ROWS, rowCount - top))
  return { top, rows }
}

function skipKindAbove(row: RowInfo): SkipKind {
  if (row.kind === 'blank') return 'blank'
  if (row.kind === 'note') return 'note'
  if (row.kind === 'unit') return 'unit'
  return 'title'
}

/**
 * The header: the text rows right above the first data row that has one. A row above the last
 * header row belongs to the header only when merged cells tie it to the rows below.
 */
function findHeader(info: readonly RowInfo[], merges: MergeIndex, width: number): HeaderChoice {
  const end = Math.min(info.length, SEARCH_ROWS)
  for (let d = 1; d < end; d++) {
    if (info[d]!.kind !== 'data' || info[d - 1]!.kind !== 'header') continue
    let top = d - 1
    while (top > 0 && d - top < MAX_HEADER_ROWS && (tiedAbove(info, merges, top, width) || unitsRow(info[top]!))) top--
    return { top, rows: d - top }
  }
  // No data row under a header row: the first row with two or more cells, as a plain table has.
  const first = info.findIndex((r) => r.texts.length >= 2)
  return { top: Math.max(0, first), rows: 1 }
}

/** A row of units under the header: （万元） | （人） | (%). */
function unitsRow(row: RowInfo): boolean {
  return row.texts.length > 0 && row.texts.every((t) => unitOnly(t) !== undefined)
}

/** Row `r - 1` is part of the header whose next row is `r`: merged cells join them. */
function tiedAbove(info: readonly RowInfo[], merges: MergeIndex, r: number, width: number): boolean {
  const above = info[r - 1]!
  if (above.kind !== 'header' && above.kind !== 'single') return false
  if (info[r]!.fromAbove && reachesFrom(merges, r, r - 1, width)) return true
  // A heading over sub-columns: a range in the row above spanning columns the row below labels.
  // A lone text across the top is a title, not a heading.
  if (above.texts.length < 2 || !above.spans) return false
  for (let c = 0; c < width; c++) {
    const m = merges.at(r - 1, c)
    if (m && m.top === r - 1 && m.left === c && m.right > m.left && m.right < width && m.bottom === r - 1) {
      // A title merged across the whole width is no heading of sub-columns.
      if (m.left === 0 && m.right >= width - 1) continue
      return true
    }
  }
  return false
}

function reachesFrom(merges: MergeIndex, r: number, from: number, width: number): boolean {
  for (let c = 0; c < width; c++) {
    const m = merges.at(r, c)
    if (m && m.top <= from && m.bottom >= r) return true
  }
  return false
}

function headerColumns(sheet: Sheet, merges: MergeIndex, header: HeaderChoice, width: number): LayoutColumn[] {
  const out: LayoutColumn[] = []
  const bottom = header.top + header.rows - 1
  for (let c = 0; c < width; c++) {
    const parts: string[] = []
    let unitNote: string | undefined
    let unit: string | undefined
    for (let r = header.top; r <= bottom; r++) {
      let text = cellText(shownCell(sheet, merges, r, c))
      // A blank upper header cell continues the heading on its left (centred across, not merged).
      if (text === '' && r < bottom && c > 0) text = leftHeading(sheet, merges, r, c)
      if (text === '') continue
      const note = unitNoteOf(text)
      if (note) {
        unitNote = note
        text = withoutUnitNote(text)
      }
      const only = unitOnly(text)
      if (only) {
        unit = only
        continue
      }
      if (text !== '' && parts.at(-1) !== text) parts.push(text)
    }
    const anyData = parts.length > 0 || columnHasData(sheet, c, bottom + 1)
    if (!anyData) continue
    out.push({
      index: c,
      label: labelOf(parts, unit, c),
      ...(unitNote ? { unitNote } : {}),
      hidden: sheet.hiddenColumns.has(c),
    })
  }
  return out
}

/** The nearest heading to the left in the same row, when nothing below it starts a new one. */
function leftHeading(sheet: Sheet, merges: MergeIndex, r: number, c: number): string {
  for (let k = c - 1; k >= 0; k--) {
    const t = cellText(shownCell(sheet, merges, r, k))
    if (t !== '') return t
  }
  return ''
}

function columnHasData(sheet: Sheet, c: number, from: number): boolean {
  for (let r = from; r < sheet.rows.length; r++) if (cellText(sheet.rows[r]?.[c]) !== '') return true
  return false
}

/**
 * `帮扶 / 金额（万元）`; a part that is a field's own header (地区, 年份) stands alone, so a heading
 * over it does not hide it. A blank header is named after its column letter.
 */
function labelOf(parts: string[], unit: string | undefined, c: number): string {
  const field = [...parts].reverse().find((p) => fieldOfHeader(p))
  if (field) return field
  const base = parts.length > 0 ? parts.join(' / ') : `(${columnLetter(c)})`
  return unit ? `${base}（${unit}）` : base
}

/** A period a title or note names: 2023年… → 2023, 2023年10月 → 2023-10; a range (1—10月) names none. */
export function periodIn(text: string): string | undefined {
  const s = text.normalize('NFKC').replace(/\s+/g, '')
  if (isNoteText(s) && !/^(?:统计期|报告期)/.test(s)) return undefined
  const month = /(?<![\d\-—~至到])(\d{4})年(\d{1,2})月(?![\d\-—~至到份])/.exec(s) ?? /(?<![\d\-—~至到])(\d{4})年(\d{1,2})月份/.exec(s)
  if (month) return normalisePeriod(`${month[1]}-${month[2]}`) ?? undefined
  if (/(\d{4})年\d{1,2}[-—~至到]/.test(s) || /\d{1,2}[-—~至到]\d{1,2}月/.test(s)) return undefined
  const year = /(?<![\d\-—~至到])(\d{4})年(?:度)?(?![\d\-—~至到])/.exec(s)
  return year ? (normalisePeriod(year[1]!) ?? undefined) : undefined
}
