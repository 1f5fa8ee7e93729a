/**
 * A workbook as the rest of the loader sees it: plain data, no library objects. read.ts fills it
 * from an .xlsx file; everything after that (layout.ts, cells.ts, table.ts) is pure and tested on
 * sheets built by hand.
 *
 * Rows and columns are 0-based here; the sheet's own row numbers (1-based, as Excel shows them) are
 * `row + 1`, and column letters come from `columnLetter`.
 */

/** One cell as it was saved: its value, its number format, and whether a formula made it. */
export interface SheetCell {
  /** Dates are Date (UTC midnight of the day shown); formula cells hold their cached result. */
  value: string | number | boolean | Date | null
  /** The number format, e.g. `0.0%`, `yyyy"年"`, `0.00`; absent for General. */
  format?: string
  /** Set for a formula; `noResult` when the file holds no computed value for it. */
  formula?: string
  noResult?: boolean
  /** An error value such as #DIV/0!. */
  error?: string
}

/** A merged range, inclusive on all sides. */
export interface Merge {
  top: number
  left: number
  bottom: number
  right: number
}

export interface Sheet {
  name: string
  /** Hidden sheets are listed but not chosen by themselves. */
  hidden: boolean
  /** rows[r][c]; a missing cell is blank. Only the master cell of a merge carries a value. */
  rows: (SheetCell | undefined)[][]
  merges: Merge[]
  hiddenRows: ReadonlySet<number>
  hiddenColumns: ReadonlySet<number>
}

export type Workbook = Sheet[]

export function isBlankCell(cell: SheetCell | undefined): boolean {
  if (!cell) return true
  const v = cell.value
  return (v === null || (typeof v === 'string' && v.trim() === '')) && !cell.noResult && !cell.error
}

/** The text a cell shows, for labels and notes (numbers as JavaScript writes them). */
export function cellText(cell: SheetCell | undefined): string {
  if (!cell) return ''
  if (cell.error) return cell.error
  const v = cell.value
  if (v === null) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return String(v).trim()
}

/** Where each merged range starts, by the cells it covers: lets a row ask "is this cell merged from above?". */
export class MergeIndex {
  private readonly byCell = new Map<string, Merge>()
  constructor(merges: readonly Merge[]) {
    for (const m of merges) {
      // A merge over a whole column (thousands of cells) is indexed only where a table could be.
      for (let r = m.top; r <= Math.min(m.bottom, m.top + 5000); r++)
        for (let c = m.left; c <= Math.min(m.right, m.left + 500); c++) this.byCell.set(`${r},${c}`, m)
    }
  }
  at(row: number, col: number): Merge | undefined {
    return this.byCell.get(`${row},${col}`)
  }
  /** The master cell's position of the range covering (row, col), or the cell itself. */
  master(row: number, col: number): [number, number] {
    const m = this.at(row, col)
    return m ? [m.top, m.left] : [row, col]
  }
}

/** The cell shown at (row, col): the master's when the cell lies in a merged range. */
export function shownCell(sheet: Sheet, merges: MergeIndex, row: number, col: number): SheetCell | undefined {
  const [r, c] = merges.master(row, col)
  return sheet.rows[r]?.[c]
}

/** Number of columns in use: the longest row, without trailing blanks. */
export function sheetWidth(sheet: Sheet): number {
  let w = 0
  for (const row of sheet.rows) {
    if (!row) continue
    for (let c = row.length - 1; c >= w; c--) {
      if (!isBlankCell(row[c])) {
        w = c + 1
        break
      }
    }
  }
  for (const m of sheet.merges) if (m.right + 1 > w && !isBlankCell(sheet.rows[m.top]?.[m.left])) w = Math.max(w, m.left + 1)
  return w
}
