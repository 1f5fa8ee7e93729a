/**
 * The top of a sheet as text, for the header-row picker: enough rows to see a title, notes and the
 * header, and enough columns to recognise them. A merged range shows its text once, at its start.
 */
import type { SheetPreview } from './report'
import { cellText, MergeIndex, sheetWidth, type Sheet } from './sheet'

export const PREVIEW_ROWS = 14
export const PREVIEW_COLUMNS = 8
const MAX_TEXT = 24

export function sheetPreview(sheet: Sheet, header: { top: number; rows: number }): SheetPreview {
  const merges = new MergeIndex(sheet.merges)
  const width = Math.min(sheetWidth(sheet), PREVIEW_COLUMNS)
  const last = Math.max(PREVIEW_ROWS, header.top + header.rows + 3)
  const rows: string[][] = []
  for (let r = 0; r < Math.min(sheet.rows.length, last); r++) {
    const row: string[] = []
    for (let c = 0; c < width; c++) {
      const m = merges.at(r, c)
      const text = m && (m.top !== r || m.left !== c) ? '' : cellText(sheet.rows[r]?.[c])
      row.push(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text)
    }
    rows.push(row)
  }
  return { sheet: sheet.name, rows, first: 1, header }
}
