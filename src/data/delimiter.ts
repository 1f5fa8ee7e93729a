/**
 * Which character separates the cells of a delimited text file. Excel writes commas ("CSV (逗号分隔)"),
 * tabs ("Unicode 文本", "文本文件(制表符分隔)") or, in some locales, semicolons.
 */
export const DELIMITERS = [',', '\t', ';', '|'] as const
export type Delimiter = (typeof DELIMITERS)[number]

export function isDelimiter(v: unknown): v is Delimiter {
  return typeof v === 'string' && (DELIMITERS as readonly string[]).includes(v)
}

const QUOTED = /"(?:[^"]|"")*"/g
const SAMPLE_LINES = 30

/**
 * Looks at the first lines (quoted text removed, so a comma inside "1,234" does not count) and picks
 * the candidate that splits the header into the most cells and the other lines into the same number
 * of cells as the header. Ties go to the earlier candidate, comma first.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(QUOTED, '""')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, SAMPLE_LINES)
  const [header, ...rest] = lines
  if (header === undefined) return ','
  let best: Delimiter = ','
  let bestScore = -1
  for (const d of DELIMITERS) {
    const inHeader = header.split(d).length - 1
    if (inHeader === 0) continue
    const consistent = rest.filter((l) => l.split(d).length - 1 === inHeader).length
    // Consistency with the header matters most; the number of cells breaks ties.
    const score = (rest.length === 0 ? 1 : consistent / rest.length) * 1000 + Math.min(inHeader, 999)
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

/**
 * `91,6` in a semicolon-separated file is European Excel's 91.6. A comma followed by exactly three
 * digits (`1,234`) stays a thousands separator, as Chinese spreadsheets write it.
 */
const DECIMAL_COMMA = /^\s*[+-]?\d+,(?:\d{1,2}|\d{4,})\s*%?\s*$/

/** A cell of a semicolon-separated file with its decimal comma read as a point. */
export function decimalPoint(cell: string): string {
  return DECIMAL_COMMA.test(cell) ? cell.replace(',', '.') : cell
}
