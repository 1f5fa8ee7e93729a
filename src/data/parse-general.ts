/**
 * The general path: CSV through papaparse into a grid (any shape — wide tables, user mappings,
 * broken quotes, mixed line ends, semicolons with decimal commas) and workbooks through the Excel
 * reader. The loader worker loads this module only when a file needs it (see parse-common.ts).
 */
import { decodeBytes, REPLACEMENT_CHAR } from './decode'
import type { Progress } from './grid'
import { gridFromCsv } from './csv-grid'
import { gridFromXlsx } from './xlsx-grid'
import { finish, formatOf, review, type Catalogues, type ParsedFile, type ParseRequest, type Prepared } from './parse-common'

/** A CSV file the general way; size and format are the caller's to check. */
export function parseCsvGeneral(req: ParseRequest, catalogues: Catalogues, onProgress?: Progress): ParsedFile {
  return review(finish(req, 'csv', prepareCsv(req, onProgress), catalogues), req, catalogues)
}

/** A CSV file or a workbook that `parseCommon` left to this path. */
export async function parseGeneral(req: ParseRequest, catalogues: Catalogues, onProgress?: Progress): Promise<ParsedFile> {
  if ((req.format ?? formatOf(req.file)) !== 'xlsx') return parseCsvGeneral(req, catalogues, onProgress)
  const grid = await gridFromXlsx(req.file, req.bytes, req.sheet)
  return review(finish(req, 'xlsx', typeof grid === 'string' ? { fatal: { code: 'badXlsx', detail: grid } } : { grid }, catalogues), req, catalogues)
}

function prepareCsv(req: ParseRequest, onProgress?: Progress): Prepared {
  const { text, encoding } = decodeBytes(new Uint8Array(req.bytes), req.encoding)
  if (text.trim() === '') return { fatal: { code: 'emptyFile' }, encoding }
  const grid = gridFromCsv(req.file, text, req.delimiter, onProgress)
  const bad = text.indexOf(REPLACEMENT_CHAR)
  if (bad >= 0) {
    // The first line with bytes the encoding could not read: usually the wrong encoding was chosen.
    const row = text.slice(0, bad).split(/\r\n|\n|\r/).length
    grid.problems.unshift({ code: 'undecodable', file: req.file, row, detail: encoding })
  }
  return { grid, encoding }
}
