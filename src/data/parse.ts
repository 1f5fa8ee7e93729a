/**
 * One file's bytes → a validated table and a report. Runs inside the loader worker (and directly
 * in tests and scripts); it has no DOM dependency.
 */
import Papa from 'papaparse'
import type { Indicator, Region } from '@/domain/types'
import { RegionCatalogue } from '@/domain/regions'
import { emptyTable } from '@/domain/table'
import { decodeBytes, type Encoding } from './decode'
import { buildTidyTable, IndicatorLookup, type BuiltTable, type LoadProblem } from './facts'

export type FileFormat = 'csv' | 'json'

export interface ParseRequest {
  file: string
  bytes: ArrayBuffer
  format?: FileFormat
  encoding?: Encoding
  /** Source label for rows that carry none. */
  defaultSource: string
}

export interface Catalogues {
  regions: readonly Region[]
  indicators: readonly Indicator[]
}

export interface ParsedFile extends BuiltTable {
  format: FileFormat
  encoding: Encoding
  delimiter?: string
}

export function formatOf(file: string): FileFormat {
  return /\.json$/i.test(file) ? 'json' : 'csv'
}

let cached: { key: Catalogues; regions: RegionCatalogue; indicators: IndicatorLookup } | undefined

function lookups(c: Catalogues) {
  if (cached?.key !== c) cached = { key: c, regions: new RegionCatalogue(c.regions), indicators: new IndicatorLookup(c.indicators) }
  return cached
}

export function parseFile(req: ParseRequest, catalogues: Catalogues): ParsedFile {
  const { regions, indicators } = lookups(catalogues)
  const format = req.format ?? formatOf(req.file)
  const { text, encoding } = decodeBytes(new Uint8Array(req.bytes), req.encoding)
  const fatal = (p: Omit<LoadProblem, 'file'>): ParsedFile => ({
    format,
    encoding,
    table: emptyTable(),
    report: { file: req.file, rowsRead: 0, rowsAccepted: 0, totalRows: 0, rowsRejected: 0, problems: [{ file: req.file, ...p }], problemCount: 1 },
  })
  if (text.trim() === '') return fatal({ code: 'emptyFile' })

  if (format === 'json') {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (e) {
      return fatal({ code: 'badJson', detail: e instanceof Error ? e.message : String(e) })
    }
    const rows = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.facts) ? json.facts : undefined
    if (!rows) return fatal({ code: 'badJson', detail: 'expected [ {…}, … ] or { "facts": [ … ] }' })
    const headers = [...new Set(rows.flatMap((r: unknown) => (isRecord(r) ? Object.keys(r) : [])))]
    const cells = rows.map((r: unknown) => (isRecord(r) ? headers.map((h) => (Object.hasOwn(r, h) ? r[h] : undefined)) : []))
    // JSON rows are numbered from 1 (the first object), as a reader counts them.
    const built = buildTidyTable({ file: req.file, headers, rows: cells, firstRow: 1, defaultSource: req.defaultSource }, regions, indicators)
    return { format, encoding, ...built }
  }

  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] })
  const [headers, ...rows] = parsed.data
  if (!headers) return fatal({ code: 'emptyFile' })
  const built = buildTidyTable({ file: req.file, headers, rows, firstRow: 2, defaultSource: req.defaultSource }, regions, indicators)
  for (const err of parsed.errors) {
    built.report.problemCount++
    if (built.report.problems.length < 200)
      built.report.problems.push({ code: 'parseError', file: req.file, ...(err.row !== undefined ? { row: err.row + 1 } : {}), detail: err.message })
  }
  return { format, encoding, delimiter: parsed.meta.delimiter, ...built }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
