/**
 * CSV that Excel on Chinese Windows opens correctly: UTF-8 with a BOM and CRLF line ends, and
 * cells that a spreadsheet would run as formulas neutralised (OWASP CSV injection).
 */
export type CsvCell = string | number | null | undefined

export interface CsvOptions {
  /** Prefix a UTF-8 byte-order mark (default true). */
  bom?: boolean
  /** Line end (default CRLF). */
  eol?: '\r\n' | '\n'
  delimiter?: ',' | '\t' | ';'
}

/** Characters that make a spreadsheet read a cell as a formula, half- and full-width. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/

/**
 * Text that a spreadsheet would evaluate gets a leading apostrophe so it stays text. Numbers are
 * written as numbers, so a real negative number stays a number.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

function quote(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text) || /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text
}

export function csvCell(v: CsvCell, delimiter = ','): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  return quote(neutraliseFormula(v), delimiter)
}

export function toCsv(rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): string {
  const d = opts.delimiter ?? ','
  const eol = opts.eol ?? '\r\n'
  const body = rows
    .map((r) => {
      const line = r.map((c) => csvCell(c, d)).join(d)
      // A one-cell row that is empty would read back as a blank line, i.e. no row at all.
      return line === '' && r.length === 1 ? '""' : line
    })
    .join(eol)
  return `${opts.bom === false ? '' : '\uFEFF'}${body}${eol}`
}
