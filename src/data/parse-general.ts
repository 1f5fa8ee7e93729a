/**
 * The fallback readers: CSV that the columnar reader leaves alone (broken quotes, mixed line ends;
 * see fast-facts.ts) through papaparse into a grid, and workbooks through the Excel reader, both
 * ending in buildTable. The loader worker loads this module only when a file needs it.
 */
import { decodeBytes } from './decode'
import { wholeOf } from './byte-source'
import type { Progress } from './grid'
import { gridFromCsv } from './csv-grid'
import { parseWorkbook } from './parse-workbook'
import { decodingProblems, finish, review, type Prepared } from './parse-steps'
import { formatOf, type Catalogues, type ParsedFile, type ParseRequest } from './parse-types'

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
