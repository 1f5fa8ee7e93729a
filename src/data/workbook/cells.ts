/**
 * A workbook cell → the text or number the table builder reads, by the cell's type, its number
 * format and the column it is in:
 *   - a percent-formatted 0.916 is 91.6 (what the sheet shows);
 *   - a date in a 年份 column is its year, in a month column its month;
 *   - a period typed as 2023.10 that Excel keeps as the number 2023.1 is read with its column
 *     (period-dots.ts), never guessed alone;
 *   - a formula gives its cached value; one without a cached value is blank and reported.
 */
import type { SheetCell } from './sheet'

/** What a column holds, as its header says. */
export type ColumnRole = 'year' | 'month' | 'period' | 'text' | 'value'

const YEAR_HEADER = /^(?:年份|年度|年|year)$/i
const MONTH_HEADER = /^(?:月份|年月|月|month)$/i

export function periodRole(header: string): ColumnRole {
  const h = header.normalize('NFKC').replace(/\s+/g, '')
  if (YEAR_HEADER.test(h)) return 'year'
  if (MONTH_HEADER.test(h)) return 'month'
  return 'period'
}

export function isPercentFormat(format: string | undefined): boolean {
  // The % outside quoted text and escapes, in the positive section.
  return !!format && /%/.test(format.split(';')[0]!.replace(/"[^"]*"|\\./g, ''))
}

/** Decimals a number format shows (0.00 → 2), or undefined for General. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined
  const m = /\.([0#?]+)/.exec(format.split(';')[0]!.replace(/"[^"]*"|\\./g, ''))
  return m ? m[1]!.length : 0
}

/** A date format that shows a year but no month (yyyy"年"), or a month but no day. */
function dateParts(format: string | undefined): 'year' | 'month' | 'day' {
  const f = (format ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase()
  if (/d/.test(f)) return 'day'
  if (/m/.test(f)) return 'month'
  if (/y/.test(f)) return 'year'
  return 'day'
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A date cell in a period column, as a period code. */
export function datePeriod(d: Date, role: ColumnRole, format: string | undefined): string {
  const y = d.getUTCFullYear()
  const ym = `${y}-${pad(d.getUTCMonth() + 1)}`
  if (role === 'year') return String(y)
  if (role === 'month') return ym
  const parts = dateParts(format)
  return parts === 'year' ? String(y) : parts === 'month' ? ym : `${ym}-${pad(d.getUTCDate())}`
}

/** Rounds away binary noise: 0.916 × 100 is 91.60000000000001 in floating point. */
export function tidyNumber(n: number): number {
  return Number(n.toPrecision(12))
}

/** A value cell: percent shown as a percent, a formula by its cached result, a date as text. */
export function valueOf(cell: SheetCell | undefined): string | number | null {
  if (!cell) return null
  if (cell.error) return cell.error
  const v = cell.value
  if (v === null) return null
  if (typeof v === 'number') return isPercentFormat(cell.format) ? tidyNumber(v * 100) : v
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return typeof v === 'boolean' ? String(v) : v
}

/** A text cell (region, code, indicator, source): numbers as written, without exponent. */
export function textOf(cell: SheetCell | undefined): string {
  if (!cell || cell.value === null) return cell?.error ?? ''
  const v = cell.value
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return String(v).trim()
}
