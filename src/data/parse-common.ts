/**
 * One file's bytes → a validated table and a report. Runs inside the loader worker (and directly
 * in tests and scripts); it has no DOM dependency.
 *
 *   bytes ─ size check ─ decode (BOM, strict UTF-8, else GB18030) ─ CSV / JSON / xlsx → grid
 *         ─ header and region matching, values, periods ─ table + report
 *
 * This module holds what every load needs and what reads the bundled samples: the size checks,
 * JSON, and plain tidy CSV by the fast path (fast-facts.ts), which reads a file piece by piece and
 * so has no size limit but the number of facts the machine can hold. Other CSV files and workbooks go the
 * general way (parse-general.ts: papaparse, the Excel reader), which `parseFileAsync` loads only
 * when a file needs it, so the worker starts without them.
 */
import type { Indicator, Region } from '@/domain/types'
import { RegionCatalogue } from '@/domain/regions'
import { emptyTable } from '@/domain/table'
import { decodeBytes, REPLACEMENT_CHAR, type Decoded, type Encoding } from './decode'
import { headOf, MAX_WHOLE_FILE_BYTES, sizeOf, wholeOf, type FileBytes } from './byte-source'
import type { Delimiter } from './delimiter'
import { buildTable, explainOnlyTotals, IndicatorLookup, MAX_LISTED_PROBLEMS, type BuiltTable, type ImportOptions, type LoadProblem } from './facts'
import { reviewFacts } from './plausibility'
import { gridFromJson, type Grid, type Progress } from './grid'
import { parseCsvFast } from './fast-facts'
import { sniffBytes } from './sniff'
import type { WorkbookInfo } from './workbook/report'
import type { DotMonth } from './workbook/period-dots'

export type FileFormat = 'csv' | 'json' | 'xlsx'

export interface ParseRequest {
  file: string
  /** The file: its bytes, or (in the loader worker) the Blob, which the tidy-CSV path reads in pieces. */
  bytes: FileBytes
  format?: FileFormat
  encoding?: Encoding
  delimiter?: Delimiter
  /** Sheet of a workbook; the first when absent. */
  sheet?: string
  /** Choices made in a workbook's preview. */
  workbook?: WorkbookChoices
  /** Source label for rows that carry none. */
  defaultSource: string
  options?: ImportOptions
  /** Skip the fast tidy-CSV path (used to compare the two paths; the result is the same). */
  generalPath?: boolean
  /** Most facts one file may give; by default what the device's memory holds (`maxRowsHere`). */
  maxRows?: number
}

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

export interface WorkbookChoices {
  /** Sheets to read; by default the data sheets as workbook/sheets.ts picks them. */
  sheets?: string[]
  /** Header rows placed by the user: first row as the sheet numbers it, and how many rows. */
  header?: { top: number; rows: number }
  /** How a period number such as 2023.1 reads. */
  dots?: DotMonth
}

export interface Catalogues {
  regions: readonly Region[]
  indicators: readonly Indicator[]
  /**
   * URL of the national catalogue. When given, the worker loads it first, so that a place outside
   * `regions` named in a parent column (北京市 beside 通州区) is told apart from text that is no place.
   */
  world?: string
}

let world: { url: string; catalogue: Promise<RegionCatalogue | undefined> } | undefined

/** The national catalogue behind `c.world`, fetched once; undefined when there is none or it fails. */
export function worldOf(c: Catalogues): Promise<RegionCatalogue | undefined> {
  if (!c.world) return Promise.resolve(undefined)
  if (world?.url !== c.world) {
    const url = c.world
    const catalogue = Promise.all([fetch(url), import('@/domain/national')])
      .then(async ([res, mod]) => (res.ok ? new RegionCatalogue(mod.nationalRegions(await res.json())) : undefined))
      .catch(() => undefined)
    world = { url, catalogue }
  }
  return world.catalogue
}

export interface ParsedFile extends BuiltTable {
  format: FileFormat
  /** Absent for xlsx, which is not text. */
  encoding?: Encoding
  delimiter?: Delimiter
  sheets?: string[]
  sheet?: string
  /** Indicators defined in the file itself (JSON "indicators"). */
  customIndicators: Indicator[]
  bytes: number
  /** Workbooks: the sheets, how each was read, and the first rows for placing the header. */
  workbook?: WorkbookInfo
  /** The files put together in this result, when there are several. */
  files?: string[]
}

export function formatOf(file: string): FileFormat {
  if (/\.json$/i.test(file)) return 'json'
  if (/\.xlsx$/i.test(file)) return 'xlsx'
  return 'csv'
}

/**
 * The request with its format told from its leading bytes (sniff.ts) when not given, and the note
 * or failure to report when the name said something else.
 */
export function withFormat(req: ParseRequest): { req: ParseRequest; note?: LoadProblem; fatal?: Omit<LoadProblem, 'file'> } {
  if (req.format) return { req }
  const named = formatOf(req.file)
  const head = headOf(req.bytes, 65536)
  // A zip names its parts at its end as well: read whole when it can be read at all.
  const isZip = head[0] === 0x50 && head[1] === 0x4b && sizeOf(req.bytes) <= MAX_WHOLE_FILE_BYTES
  const sniffed = sniffBytes(isZip ? wholeOf(req.bytes) : head)
  if (sniffed === 'xls') return { req: { ...req, format: 'xlsx' }, fatal: { code: 'legacyWorkbook' } }
  if (sniffed === 'zip') return { req: { ...req, format: named }, fatal: { code: 'typeMismatch', text: named, detail: 'zip' } }
  const format: FileFormat = sniffed === 'xlsx' ? 'xlsx' : sniffed === 'json' ? 'json' : named === 'json' ? 'json' : 'csv'
  const note: LoadProblem | undefined = format !== named ? { code: 'typeMismatch', file: req.file, text: named, detail: format } : undefined
  return { req: { ...req, format }, ...(note ? { note } : {}) }
}

/** A note that comes before everything else the file's report says. */
export function withNote(parsed: ParsedFile, note: LoadProblem | undefined): ParsedFile {
  if (!note) return parsed
  parsed.report.problems.unshift(note)
  parsed.report.problemCount++
  return parsed
}

let cached: { key: Catalogues; regions: RegionCatalogue } | undefined

/** The region catalogue of a request's catalogues, built once while the same catalogues come in. */
export function regionLookup(c: Catalogues, national?: RegionCatalogue): RegionCatalogue {
  if (cached?.key !== c) {
    const regions = new RegionCatalogue(c.regions)
    regions.world = national
    regions.home = regions.all.find((r) => r.parent === null)?.adcode
    cached = { key: c, regions }
  }
  return cached.regions
}

/** A file read into a grid, or the one problem that stopped it. */
export type Prepared = { grid: Grid; encoding?: Encoding } | { fatal: Omit<LoadProblem, 'file'>; encoding?: Encoding }

export function failed(req: ParseRequest, format: FileFormat, p: Omit<LoadProblem, 'file'>, encoding?: Encoding): ParsedFile {
  return {
    format,
    ...(encoding ? { encoding } : {}),
    table: emptyTable(),
    report: { file: req.file, rowsRead: 0, rowsAccepted: 0, totalRows: 0, rowsRejected: 0, problems: [{ file: req.file, ...p }], problemCount: 1 },
    shape: null,
    columns: [],
    unmatchedRegions: [],
    customIndicators: [],
    bytes: sizeOf(req.bytes),
  }
}

/** Grid → validated table, with the grid's structural problems merged into the report. */
export function finish(req: ParseRequest, format: FileFormat, prepared: Prepared, catalogues: Catalogues): ParsedFile {
  const { encoding } = prepared
  if ('fatal' in prepared) return failed(req, format, prepared.fatal, encoding)
  const { grid } = prepared
  const sheets = grid.sheets ? { sheets: grid.sheets, sheet: grid.sheet! } : {}
  if (grid.headers.length === 0) return { ...failed(req, format, { code: 'emptyFile' }, encoding), ...sheets }
  if (grid.rows.length === 0 && grid.rejected === 0) return { ...failed(req, format, { code: 'headerOnly', row: grid.headerRow || 1 }, encoding), ...sheets }
  const customIndicators = (grid.customIndicators ?? []).filter((c) => !catalogues.indicators.some((i) => i.id === c.id))
  const indicators = new IndicatorLookup([...catalogues.indicators, ...customIndicators])
  const options: ImportOptions = grid.regionAliases
    ? { ...req.options, regionMap: [...grid.regionAliases, ...(req.options?.regionMap ?? [])] }
    : (req.options ?? {})
  const built = buildTable(
    {
      file: req.file,
      headers: grid.headers,
      rows: grid.rows,
      rowNumbers: grid.rowNumbers,
      headerRow: grid.headerRow,
      defaultSource: req.defaultSource,
      ...(grid.unitNotes ? { unitNotes: grid.unitNotes } : {}),
      ...(grid.hiddenColumns ? { hiddenColumns: grid.hiddenColumns } : {}),
    },
    regionLookup(catalogues),
    indicators,
    grid.periodHint && !options.period ? { ...options, period: grid.periodHint } : options,
  )
  // Structural problems come first and their rows count as read and rejected.
  const report = built.report
  report.rowsRead += grid.rejected
  report.rowsRejected += grid.rejected
  report.problems = [...grid.problems, ...report.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  report.problemCount += grid.problems.length
  return {
    ...built,
    format,
    ...(encoding ? { encoding } : {}),
    ...(grid.delimiter ? { delimiter: grid.delimiter } : {}),
    ...sheets,
    customIndicators,
    bytes: sizeOf(req.bytes),
  }
}

/** A file too large to be read whole, refused with its size and the limit. */
function tooLarge(req: ParseRequest, format: FileFormat): ParsedFile | undefined {
  const size = sizeOf(req.bytes)
  if (size <= MAX_WHOLE_FILE_BYTES) return undefined
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  return failed(req, format, { code: 'tooLarge', text: mb(size), detail: mb(MAX_WHOLE_FILE_BYTES) })
}

/**
 * The file's result when this module can read it: JSON, a plain tidy CSV, or a file refused for
 * its size. Null when the general path has to: a workbook, or a CSV the fast path leaves to it.
 */
export function parseCommon(req: ParseRequest, catalogues: Catalogues): ParsedFile | null {
  const format = req.format ?? formatOf(req.file)
  if (format === 'xlsx') return tooLarge(req, format) ?? null
  if (format === 'json') return tooLarge(req, format) ?? review(finish(req, format, prepareJson(req), catalogues), req, catalogues)
  return parseCsvCommon(req, catalogues) ?? tooLarge(req, format) ?? null
}

/** A plain tidy CSV by the fast path, or null for the general one. */
function parseCsvCommon(req: ParseRequest, catalogues: Catalogues): ParsedFile | null {
  // A plain tidy CSV takes the fast path (bytes straight into typed columns); anything it does not
  // handle — wide tables, user mappings, broken quotes, mixed line ends — comes back null and goes
  // the general way, which gives the same table and the same report.
  const o = req.options
  if (req.generalPath || o?.indicatorMap?.length || o?.regionMap?.length || o?.period || semicolonSeparated(req)) return null
  const maxRows = req.maxRows ?? maxRowsHere()
  const fast = parseCsvFast(
    { file: req.file, bytes: req.bytes, encoding: req.encoding, delimiter: req.delimiter, defaultSource: req.defaultSource, maxRows },
    regionLookup(catalogues),
    new IndicatorLookup(catalogues.indicators),
  )
  if (fast && 'tooManyRows' in fast) return failed(req, 'csv', { code: 'tooManyRows', text: String(fast.tooManyRows), detail: (sizeOf(req.bytes) / 1048576).toFixed(1) })
  return fast ? review(fast, req, catalogues) : null
}

/**
 * The last step of every path: the ×100 the user chose for a column of fractions, then the checks
 * that look at the whole table (plausibility.ts), merged into the report in row order.
 */
export function review(parsed: ParsedFile, req: ParseRequest, catalogues: Catalogues): ParsedFile {
  const { factRows, valueColumn, ...out } = explainOnlyTotals(parsed)
  if (!factRows || out.table.length === 0) return out
  const table = out.table
  for (const [id, factor] of req.options?.scale ?? []) {
    const code = table.indicators.indexOf(id)
    if (code < 0 || !Number.isFinite(factor)) continue
    const values = table.value as Float64Array
    for (let i = 0; i < table.length; i++) if (table.indicator[i] === code) values[i] = Number((values[i]! * factor).toPrecision(15))
  }
  const byId = new Map([...catalogues.indicators, ...out.customIndicators].map((i) => [i.id, i]))
  const matchOf = (id: string) => out.columns.find((c) => c.indicator === id && !c.ignored)
  const found = reviewFacts(
    out.report.file,
    table,
    {
      rows: factRows,
      columnOf: (id) => valueColumn ?? matchOf(id)?.column ?? id,
      labelOf: (id) => matchOf(id)?.label ?? byId.get(id)?.name.zh ?? id,
    },
    byId,
    regionLookup(catalogues),
    new Date(),
  )
  if (found.length === 0) return out
  const report = out.report
  report.problems = [...report.problems, ...found].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).slice(0, MAX_LISTED_PROBLEMS)
  report.problemCount += found.length
  return out
}

/**
 * What decoding found: lines of a UTF-8 file with stray bytes, bytes that fit neither UTF-8 nor
 * GB18030, or bytes the encoding the user chose cannot read (then another one is likely right).
 */
export function decodingProblems(req: ParseRequest, decoded: Decoded): LoadProblem[] {
  const { text, encoding } = decoded
  if (decoded.unsure) return [{ code: 'unknownEncoding', file: req.file }]
  if (decoded.badLines) return decoded.badLines.map((b) => ({ code: 'badBytes', file: req.file, row: b.line, text: b.bytes, detail: encoding }))
  const bad = text.indexOf(REPLACEMENT_CHAR)
  if (bad < 0) return []
  // The first line with bytes the chosen encoding could not read.
  const row = text.slice(0, bad).split(/\r\n|\n|\r/).length
  return [{ code: 'undecodable', file: req.file, row, detail: encoding }]
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

/**
 * Semicolon-separated files (European Excel) may write decimals with a comma, which only the general
 * path reads. Delimiters are ASCII bytes that GBK never uses inside a character, so counting bytes of
 * the first line works for every encoding the fast path takes.
 */
function semicolonSeparated(req: ParseRequest): boolean {
  if (req.delimiter) return req.delimiter === ';'
  const bytes = headOf(req.bytes, 65536)
  let semi = 0
  let other = 0
  for (const b of bytes) {
    if (b === 0x0a || b === 0x0d) break
    if (b === 0x3b) semi++
    else if (b === 0x2c || b === 0x09) other++
  }
  return semi > other
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
