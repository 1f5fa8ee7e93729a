/**
 * A fact table and its load reports as one binary file, which the page reads with typed-array views
 * over the fetched bytes: only a small JSON header is parsed, never the rows. The bundled sample ships this way
 * (public/sample/sample-table.bin, written by scripts/gen-sample-table.ts), shaped ahead of time by
 * the same loader that reads the user's files.
 *
 * Layout, little-endian (as on every platform browsers run on):
 *
 *   0        4 bytes            "UDFT"
 *   4        uint32             H, the header's byte length
 *   8        H bytes            header, UTF-8 JSON { version, length, regions, periods, indicators,
 *                               sources, reports }, padded with spaces so the columns start 8-byte aligned
 *   8 + H    length × float64   value (NaN = no data)
 *   then     length × uint32    region, period, indicator, source: codes into the header's dictionaries
 *
 * One file rather than a header and a binary side by side, so the two can never come from different
 * builds (a cache holding one of them, a half-finished upload).
 */
import type { FactTable } from '@/domain/table'
import type { LoadReport } from './facts'

export interface TableFile {
  table: FactTable
  reports: LoadReport[]
}

export const TABLE_FILE_VERSION = 1

interface Header {
  version: number
  length: number
  regions: string[]
  periods: string[]
  indicators: string[]
  sources: string[]
  reports: LoadReport[]
}

const MAGIC = [0x55, 0x44, 0x46, 0x54] // "UDFT"
const PREAMBLE = 8
/** One float64 value and four uint32 codes. */
const ROW_BYTES = 8 + 4 * 4
const CODE_COLUMNS = ['region', 'period', 'indicator', 'source'] as const
const DICTIONARY_OF = { region: 'regions', period: 'periods', indicator: 'indicators', source: 'sources' } as const
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

function requireLittleEndian(): void {
  if (!LITTLE_ENDIAN) throw new Error('table files are little-endian and this platform is not')
}

export function encodeTableFile(table: FactTable, reports: readonly LoadReport[]): Uint8Array {
  requireLittleEndian()
  const n = table.length
  const header: Header = {
    version: TABLE_FILE_VERSION,
    length: n,
    regions: [...table.regions],
    periods: [...table.periods],
    indicators: [...table.indicators],
    sources: [...table.sources],
    reports: [...reports],
  }
  const json = new TextEncoder().encode(JSON.stringify(header))
  const headerLength = json.length + ((8 - (json.length % 8)) % 8)
  const out = new Uint8Array(PREAMBLE + headerLength + n * ROW_BYTES)
  out.set(MAGIC, 0)
  new DataView(out.buffer).setUint32(4, headerLength, true)
  out.set(json, PREAMBLE)
  out.fill(0x20, PREAMBLE + json.length, PREAMBLE + headerLength)
  let at = PREAMBLE + headerLength
  for (const column of [table.value, ...CODE_COLUMNS.map((c) => table[c])]) {
    const part = column.subarray(0, n)
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at)
    at += part.byteLength
  }
  return out
}

/**
 * The table and reports of a table file. The table's columns are views over `bytes`, not copies.
 * Throws an Error naming `file` and what is wrong when the bytes are not a complete table file.
 */
export function decodeTableFile(bytes: ArrayBuffer, file: string): TableFile {
  requireLittleEndian()
  const size = bytes.byteLength
  const start = new Uint8Array(bytes, 0, Math.min(size, PREAMBLE))
  if (size < PREAMBLE || MAGIC.some((b, i) => start[i] !== b))
    throw new Error(`${file} is not a table file (${size} bytes starting "${printable(start)}"); the server may be sending another file in its place`)
  const headerLength = new DataView(bytes).getUint32(4, true)
  const columnsAt = PREAMBLE + headerLength
  if (columnsAt > size) throw new Error(`${file} is truncated: ${size} bytes, but its header alone takes ${columnsAt}`)
  let header: unknown
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes, PREAMBLE, headerLength)))
  } catch (e) {
    throw new Error(`${file} has an unreadable header: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (isRecord(header) && header.version !== TABLE_FILE_VERSION)
    throw new Error(`${file} is in table format ${String(header.version)}, and this dashboard reads format ${TABLE_FILE_VERSION}`)
  if (!isHeader(header) || columnsAt % 8 !== 0) throw new Error(`${file} has a header that does not describe a table`)
  const n = header.length
  const expected = columnsAt + n * ROW_BYTES
  if (size !== expected)
    throw new Error(`${file} is ${size} bytes, but its header describes ${expected} (${n} rows): ${size < expected ? 'the file is truncated' : 'the columns do not match the header'}`)
  const codes = (k: number) => new Uint32Array(bytes, columnsAt + n * 8 + k * n * 4, n)
  const table: FactTable = {
    length: n,
    value: new Float64Array(bytes, columnsAt, n),
    region: codes(0),
    period: codes(1),
    indicator: codes(2),
    source: codes(3),
    regions: header.regions,
    periods: header.periods,
    indicators: header.indicators,
    sources: header.sources,
  }
  // A code past its dictionary would show as a region or indicator named "undefined".
  for (const c of CODE_COLUMNS) {
    const column = table[c]
    const entries = table[DICTIONARY_OF[c]].length
    for (let i = 0; i < n; i++)
      if (column[i]! >= entries) throw new Error(`${file}: row ${i + 1} has ${c} code ${column[i]}, but the header lists ${entries} ${DICTIONARY_OF[c]}`)
  }
  return { table, reports: header.reports }
}

function printable(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('')
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string')
}

const COUNTS = ['rowsRead', 'rowsAccepted', 'totalRows', 'rowsRejected', 'problemCount'] as const

function isReport(v: unknown): v is LoadReport {
  return (
    isRecord(v) &&
    typeof v.file === 'string' &&
    COUNTS.every((k) => Number.isInteger(v[k])) &&
    Array.isArray(v.problems) &&
    v.problems.every((p) => isRecord(p) && typeof p.code === 'string' && typeof p.file === 'string')
  )
}

function isHeader(v: unknown): v is Header {
  return (
    isRecord(v) &&
    Number.isInteger(v.length) &&
    (v.length as number) >= 0 &&
    isStrings(v.regions) &&
    isStrings(v.periods) &&
    isStrings(v.indicators) &&
    isStrings(v.sources) &&
    Array.isArray(v.reports) &&
    v.reports.every(isReport)
  )
}
