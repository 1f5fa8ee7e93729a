/**
 * A delimited file's bytes → validated columnar table: the one reader for CSV, in stages a reader
 * can name —
 *   bytes   UTF-8 read in pieces as they are (byte-source.ts); another encoding decoded first;
 *   tokens  CsvTokenizer (fast-csv.ts): byte ranges of each row's fields, no row objects;
 *   columns each column's distinct texts interned and resolved once (csv-rows.ts);
 *   shape   long or wide, a user's mappings and fixed period applied per distinct label (csv-shapes.ts);
 *   table   typed columns (fact-sink.ts), the totals check over them (totals.ts).
 * It gives what buildTable gives for the same rows (fast-facts.spec.ts checks it on random long,
 * wide and semicolon files with mappings): the same table, problems with their rows, columns and
 * texts, column matches and unmatched regions.
 *
 * What it does not read comes back null and goes to papaparse (csv-grid.ts): quotes that do not
 * close or text after a closing quote, line endings mixed in one file, U+FFFD in the text or a
 * second BOM, two columns for one field, a file without a table's columns (reported as missing),
 * an empty file or a header without data.
 */
import type { RegionCatalogue } from '@/domain/regions'
import { normalisePeriod } from '@/domain/periods'
import { decodeBytes, REPLACEMENT_CHAR, utf16WithoutBom, type Encoding } from './decode'
import { headOf, MAX_WHOLE_FILE_BYTES, piecesOf, sizeOf, wholeOf, type FileBytes } from './byte-source'
import { decimalPoint, detectDelimiter, type Delimiter } from './delimiter'
import { explainOnlyTotals, fieldName, fieldOf, fieldOfHeader, type BuiltTable, type Field, type ImportOptions, type IndicatorLookup } from './facts'
import { columnLetter } from './grid'
import { guessLinebreak, type Linebreak } from './linebreak'
import { CsvTokenizer } from './fast-csv'
import { ColumnTexts, RowResolver } from './csv-rows'
import { FactSink } from './fact-sink'
import { finishReading, FULL, readLong, readWide, type Reading } from './csv-shapes'
import type { ParsedFile } from './parse-types'

export { FactKeys, PackedKeyMap } from './fact-sink'

export interface FastCsvInput {
  file: string
  /** The whole file, or a Blob the worker reads piece by piece. */
  bytes: FileBytes
  /** Forced encoding and delimiter, as in ParseRequest. */
  encoding?: Encoding
  delimiter?: Delimiter
  defaultSource: string
  /** The user's mappings and fixed period. */
  options?: ImportOptions
  /** Most facts the table may hold; past it the file is refused (`tooManyRows`). */
  maxRows?: number
  /** Size of the pieces read (tests cut records at every place with tiny ones). */
  piece?: number
}

/** A file with more facts than the table may hold: the limit it passed. */
export interface TooManyRows {
  tooManyRows: number
}

/** Bytes read ahead for the delimiter and line ending (4 bytes per character at most, 64 K characters). */
const DIALECT_BYTES = 4 * 64 * 1024 + 3

/**
 * The file's result as `parseFile` gives it, or null when it should be parsed the general way.
 * A UTF-8 file is read in pieces straight from its bytes; another encoding is decoded whole first.
 */
export function parseCsvFast(input: FastCsvInput, regions: RegionCatalogue, indicators: IndicatorLookup): ParsedFile | TooManyRows | null {
  const head = headOf(input.bytes, DIALECT_BYTES)
  const forced = input.encoding
  const utf8Bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
  const utf16Bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || utf16WithoutBom(head) !== null
  const lookups = { regions, indicators }
  if ((forced === undefined && !utf16Bom) || forced === 'utf-8') {
    // UTF-8 (or not yet known): read the bytes as they are, checking them on the way.
    const start = utf8Bom ? 3 : 0
    const more = piecesOf(input.bytes, start, input.piece)
    const direct = fromBytes(input, { head: head.subarray(start), first: more() ?? new Uint8Array(0), more, validate: true }, 'utf-8', lookups)
    if (direct !== 'notUtf8') return direct
  }
  // Another encoding: decode as the general path does, then re-encode as UTF-8 bytes.
  if (sizeOf(input.bytes) > MAX_WHOLE_FILE_BYTES) return null
  const { text, encoding } = decodeBytes(wholeOf(input.bytes), forced)
  if (text.includes(REPLACEMENT_CHAR)) return null
  const utf8 = new TextEncoder().encode(text)
  const result = fromBytes(input, { head: utf8, first: utf8, validate: false, text }, encoding, lookups)
  return result === 'notUtf8' ? null : result
}

/** Where fromBytes reads: the leading bytes, the first piece and the rest, and the decoded text if any. */
interface Pieces {
  head: Uint8Array
  first: Uint8Array
  more?: () => Uint8Array | null
  validate: boolean
  text?: string
}

interface Lookups {
  regions: RegionCatalogue
  indicators: IndicatorLookup
}

function fromBytes(input: FastCsvInput, at: Pieces, encoding: Encoding, { regions, indicators }: Lookups): ParsedFile | TooManyRows | null | 'notUtf8' {
  const { head } = at
  // papaparse strips one more BOM from the text; leave such files to it.
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return null
  const dialect = dialectOf(head, input.delimiter, at.text)
  const tok = new CsvTokenizer(at.first, dialect.delimiter.charCodeAt(0), at.validate, 0, at.more)
  let found = false
  while (!found && tok.next()) found = !tok.isBlank()
  if (!found) return tok.irregular === 'notUtf8' ? 'notUtf8' : null
  const headerRow = tok.record
  const fix = dialect.delimiter === ';' ? decimalPoint : (s: string) => s
  const headers = headerTexts(tok, fix)
  const built = readTable(tok, input, headers, headerRow, fix, { regions, indicators }, lineBytes(head))
  if (built === FULL) return { tooManyRows: input.maxRows ?? Infinity }
  if (tok.irregular) return tok.irregular === 'notUtf8' ? 'notUtf8' : null
  if (built === null) return null
  if (tok.newline !== '' && dialect.linebreak !== tok.newline) return null
  return explainOnlyTotals({ ...built, format: 'csv' as const, encoding, delimiter: dialect.delimiter, customIndicators: [], bytes: sizeOf(input.bytes) })
}

/**
 * The shape of the table from its header, then its rows read into the table; null when the file
 * is left to the general path (two columns for one field, no table shape, no period).
 */
function readTable(
  tok: CsvTokenizer,
  input: FastCsvInput,
  headers: string[],
  headerRow: number,
  fix: (s: string) => string,
  { regions, indicators }: Lookups,
  bytesPerLine: number,
): BuiltTable | typeof FULL | null {
  const options = input.options ?? {}
  const col = new Map<Field, number>()
  for (const [i, h] of headers.entries()) {
    const f = fieldOf(h, options)
    if (f && col.has(f)) return null
    if (f) col.set(f, i)
  }
  const hasRegion = col.has('region') || col.has('regionCode')
  const long = hasRegion && col.has('indicator') && col.has('value')
  const wide = hasRegion && !long ? headers.flatMap((h, i) => (fieldOfHeader(h) ? [] : [i])) : []
  if (!long && wide.length === 0) return null
  if (!col.has('period') && !(options.period && normalisePeriod(options.period))) return null
  const at = (f: Field) => col.get(f) ?? -1
  const header = (f: Field) => headers[at(f)] ?? fieldName(f)
  const rows = new RowResolver({ file: input.file, regions, indicators, options, header, wide: !long, fix }, at)
  const maxRows = input.maxRows ?? Infinity
  // The table sized for the facts the file likely holds (a line each, or a line's indicator
  // columns), so that it rarely grows; at most one fact per two bytes.
  const size = sizeOf(input.bytes)
  const expected = Math.min(size / 2, Math.ceil((size / bytesPerLine) * (long ? 1 : wide.length) * 1.05))
  const r: Reading = {
    tok,
    rows,
    sink: new FactSink(regions.size, indicators.byId.size, expected, maxRows),
    width: headers.length,
    headerRow,
    defaultSource: input.defaultSource,
    source: new ColumnTexts(at('source'), fix),
    sourceCodes: [],
    counts: { read: 0, accepted: 0, totals: 0, rejected: 0, ragged: 0 },
    raggedProblems: [],
    totals: [],
    text: undefined,
    unit: false,
  }
  const stopped = long ? readLong(r, at('indicator'), at('value')) : readWide(r, headers, wide)
  if (stopped === FULL) return FULL
  if (tok.irregular) return null
  if (r.counts.read === 0 && r.counts.ragged === 0) return null // header only: the general path reports it
  return finishReading(r, long ? 'long' : 'wide')
}

/** Mean bytes per line of the file's first bytes, to size its table before the rows are read. */
function lineBytes(head: Uint8Array): number {
  const part = head.subarray(0, DIALECT_BYTES)
  let lines = 0
  for (let i = 0; i < part.length; i++) if (part[i] === 10) lines++
  return lines > 1 ? part.length / lines : 32
}

/**
 * The delimiter as `detectDelimiter` picks it (from the first 64 K characters), and the line ending
 * papaparse will assume, asked of a prefix of the file.
 */
function dialectOf(head: Uint8Array, forced: Delimiter | undefined, text?: string): { delimiter: Delimiter; linebreak: Linebreak } {
  // 4 bytes per character at most, so this prefix holds the characters detectDelimiter reads.
  const prefix = text ?? new TextDecoder('utf-8').decode(head.subarray(0, 4 * 64 * 1024))
  const delimiter = forced ?? detectDelimiter(prefix)
  return { delimiter, linebreak: guessLinebreak(prefix.slice(0, 64 * 1024)) }
}

/** Header cells as grid.ts names them: trimmed, a blank one after its column letter, none trailing. */
function headerTexts(tok: CsvTokenizer, fix: (s: string) => string): string[] {
  const cells = Array.from({ length: tok.count }, (_, f) => fix(tok.text(f)))
  const out = cells.map((c, i) => (c.trim() === '' ? `(${columnLetter(i)})` : c.trim()))
  while (out.length > 0 && cells[out.length - 1]!.trim() === '') out.pop()
  return out
}

