/**
 * CSV text → grid, by papaparse: the fallback for what the columnar reader (fast-facts.ts) does
 * not read — quotes that do not close or stray text after a closing quote, line endings mixed in
 * one file, text with U+FFFD, a second BOM, a file without the columns of a table — so this
 * module loads only when a file needs it.
 */
import Papa from 'papaparse'
import { decimalPoint, detectDelimiter, type Delimiter } from './delimiter'
import { gridFromRecords, type Grid, type Progress } from './grid'
import { unifyRowEnds } from './linebreak'

export function gridFromCsv(file: string, rawText: string, delimiter?: Delimiter, onProgress?: Progress): Grid {
  // One row-end convention, so a file pasted together from two sources still reads row by row;
  // line breaks inside quoted cells stay as written.
  const text = unifyRowEnds(rawText) ?? rawText
  const d = delimiter ?? detectDelimiter(text)
  const records: string[][] = []
  const quoteErrors: number[] = []
  let lastReport = 0
  Papa.parse<string[]>(text, {
    delimiter: d,
    skipEmptyLines: false,
    step: (res) => {
      records.push(res.data)
      if (res.errors.some((e) => e.type === 'Quotes')) quoteErrors.push(records.length)
      if (onProgress && records.length - lastReport >= 5000) {
        lastReport = records.length
        onProgress(res.meta.cursor / Math.max(1, text.length))
      }
    },
  })
  if (d === ';') {
    for (const r of records) for (let i = 0; i < r.length; i++) r[i] = decimalPoint(r[i]!)
  }
  const grid = gridFromRecords(file, records)
  grid.delimiter = d
  if (quoteErrors.length > 0) {
    const bad = new Set(quoteErrors)
    // A quote that never closes swallows the rest of the file into one cell: that row is unusable.
    const keep = grid.rowNumbers.map((n) => !bad.has(n))
    grid.rows = grid.rows.filter((_, i) => keep[i])
    grid.rowNumbers = grid.rowNumbers.filter((_, i) => keep[i])
    for (const row of quoteErrors) {
      grid.rejected++
      grid.problems.push({ code: 'unbalancedQuotes', file, row })
    }
  }
  return grid
}
