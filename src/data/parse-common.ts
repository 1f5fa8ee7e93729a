/**
 * One file's bytes → a validated table and a report. Runs inside the loader worker (and directly
 * in tests and scripts); it has no DOM dependency.
 *
 *   bytes ─ size check ─ decode (BOM, strict UTF-8, else GB18030) ─ CSV / JSON / xlsx → grid
 *         ─ header and region matching, values, periods ─ table + report
 *
 * This module holds what every load needs: the size checks, JSON, and every delimited file by the
 * columnar reader (fast-facts.ts), long or wide, with the user's mappings, which reads a UTF-8
 * file piece by piece and so has no size limit but the number of facts the machine can hold.
 * Workbooks, and the few CSV files the columnar reader leaves to papaparse (broken quoting, mixed
 * line endings; see fast-facts.ts), go through parse-general.ts, which `parseFileAsync` loads
 * only when a file needs it, so the worker starts without papaparse or the Excel reader.
 */
import { decodeBytes } from './decode'
import { MAX_WHOLE_FILE_BYTES, sizeOf, wholeOf } from './byte-source'
import { IndicatorLookup } from './facts'
import { gridFromJson, type Grid, type Progress } from './grid'
import { parseCsvFast } from './fast-facts'
import { failed, finish, regionLookup, review, withFormat, withNote, type Prepared } from './parse-steps'
import { formatOf, type Catalogues, type FileFormat, type ParsedFile, type ParseRequest } from './parse-types'

export * from './parse-types'
export { decodingProblems, failed, finish, regionLookup, review, withFormat, withNote, worldOf, type Prepared } from './parse-steps'

/** Facts per GB of device memory: the worker's columns and the page's copy take about 60 bytes each. */
const ROWS_PER_GB = 3_000_000

/**
 * Most facts a file may give on this device: in proportion to its memory as the browser tells it
 * (Chromium rounds it and says 8 at most), 4 GB when it does not tell.
 */
export function maxRowsHere(): number {
  const gb = typeof navigator === 'undefined' ? undefined : (navigator as { deviceMemory?: number }).deviceMemory
  return Math.round((gb ?? 4) * ROWS_PER_GB)
}

/** A file too large to be read whole, refused with its size and the limit. */
function tooLarge(req: ParseRequest, format: FileFormat): ParsedFile | undefined {
  const size = sizeOf(req.bytes)
  if (size <= MAX_WHOLE_FILE_BYTES) return undefined
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  return failed(req, format, { code: 'tooLarge', text: mb(size), detail: mb(MAX_WHOLE_FILE_BYTES) })
}

/**
 * The file's result when this module can read it: JSON, a CSV the columnar reader takes, or a file
 * refused for its size. Null when parse-general.ts has to: a workbook, or a CSV left to papaparse.
 */
export function parseCommon(req: ParseRequest, catalogues: Catalogues): ParsedFile | null {
  const format = req.format ?? formatOf(req.file)
  if (format === 'xlsx') return tooLarge(req, format) ?? null
  if (format === 'json') return tooLarge(req, format) ?? review(finish(req, format, prepareJson(req), catalogues), req, catalogues)
  return parseCsvCommon(req, catalogues) ?? tooLarge(req, format) ?? null
}

/** A CSV file by the columnar reader, or null for papaparse (what the reader does not read, see fast-facts.ts). */
function parseCsvCommon(req: ParseRequest, catalogues: Catalogues): ParsedFile | null {
  if (req.generalPath) return null
  const maxRows = req.maxRows ?? maxRowsHere()
  const { file, bytes, encoding, delimiter, defaultSource, options } = req
  const read = parseCsvFast({ file, bytes, encoding, delimiter, defaultSource, maxRows, ...(options ? { options } : {}) }, regionLookup(catalogues), new IndicatorLookup(catalogues.indicators))
  if (read && 'tooManyRows' in read) return failed(req, 'csv', { code: 'tooManyRows', text: String(read.tooManyRows), detail: (sizeOf(bytes) / 1048576).toFixed(1) })
  return read ? review(read, req, catalogues) : null
}

function prepareJson(req: ParseRequest): Prepared {
  const { text, encoding } = decodeBytes(wholeOf(req.bytes), req.encoding)
  if (text.trim() === '') return { fatal: { code: 'emptyFile' }, encoding }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { fatal: { code: 'badJson', detail: e instanceof Error ? e.message : String(e) }, encoding }
  }
  let grid: Grid | string
  try {
    grid = gridFromJson(req.file, json)
  } catch (e) {
    // Nesting deep enough to exhaust the stack is no data shape we accept.
    if (e instanceof RangeError) return { fatal: { code: 'badJson', detail: e.message }, encoding }
    throw e
  }
  return typeof grid === 'string' ? { fatal: { code: 'badJson', detail: grid }, encoding } : { grid, encoding }
}

/** Any format; the general path (papaparse, the Excel reader) is loaded on first use. */
export async function parseFileAsync(asked: ParseRequest, catalogues: Catalogues, onProgress?: Progress): Promise<ParsedFile> {
  const { req, note, fatal } = withFormat(asked)
  if (fatal) return failed(req, req.format!, fatal)
  const common = parseCommon(req, catalogues)
  if (common) return withNote(common, note)
  const { parseGeneral } = await import('./parse-general')
  return withNote(await parseGeneral(req, catalogues, onProgress), note)
}
