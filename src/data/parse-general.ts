/**
 * The general path: CSV through papaparse into a grid (any shape — wide tables, user mappings,
 * broken quotes, mixed line ends, semicolons with decimal commas) and workbooks through the Excel
 * reader. The loader worker loads this module only when a file needs it (see parse-common.ts).
 */
import { decodeBytes } from './decode'
import { wholeOf } from './byte-source'
import type { Progress } from './grid'
import { gridFromCsv } from './csv-grid'
import { parseWorkbook } from './parse-workbook'
import { decodingProblems, finish, formatOf, review, type Catalogues, type ParsedFile, type ParseRequest, type Prepared } from './parse-common'

/** A CSV file the general way; size and format are the caller's to check. */
export function parseCsvGeneral(req: ParseRequest, catalogues: Catalogues, onProgress?: Progress): ParsedFile {
  return review(finish(req, 'csv', prepareCsv(req, onProgress), catalogues), req, catalogues)
}

/** A CSV file or a workbook that `parseCommon` left to this path. */
export async function parseGeneral(req: ParseRequest, catalogues: Catalogues, onProgress?: Progress): Promise<ParsedFile> {
  if ((req.format ?? formatOf(req.file)) !== 'xlsx') return parseCsvGeneral(req, catalogues, onProgress)
  return parseWorkbook(req, catalogues)
}

function prepareCsv(req: ParseRequest, onProgress?: Progress): Prepared {
  const decoded = decodeBytes(wholeOf(req.bytes), req.encoding)
  const { text, encoding } = decoded
  if (text.trim() === '') return { fatal: { code: 'emptyFile' }, encoding }
  const grid = gridFromCsv(req.file, text, req.delimiter, onProgress)
  grid.problems.unshift(...decodingProblems(req, decoded))
  return { grid, encoding }
}
