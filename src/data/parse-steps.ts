/**
 * The steps every reader ends with, apart from how it reads its rows: the request's format told
 * from its bytes, the region catalogue, a grid into a table (buildTable), a file that failed, and
 * the review of the whole table (plausibility.ts). Both parse-common.ts and the readers loaded on
 * demand (parse-general.ts, parse-workbook.ts) import them from here.
 */
import { RegionCatalogue } from '@/domain/regions'
import { emptyTable } from '@/domain/table'
import { REPLACEMENT_CHAR, type Decoded, type Encoding } from './decode'
import { headOf, MAX_WHOLE_FILE_BYTES, sizeOf, wholeOf } from './byte-source'
import { buildTable, explainOnlyTotals, IndicatorLookup, MAX_LISTED_PROBLEMS, type ImportOptions, type LoadProblem } from './facts'
import { reviewFacts } from './plausibility'
import type { Grid } from './grid'
import { sniffBytes } from './sniff'
import { formatOf, type Catalogues, type FileFormat, type ParsedFile, type ParseRequest } from './parse-types'

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
    MAX_LISTED_PROBLEMS,
  )
  if (found.count === 0) return out
  const report = out.report
  report.problems = [...report.problems, ...found.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).slice(0, MAX_LISTED_PROBLEMS)
  report.problemCount += found.count
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

