/**
 * A long (tidy) CSV's bytes → validated columnar table, without decoding the whole file or building
 * row objects. It gives the same result as `parseFile` (papaparse → grid → `buildTable`): the same
 * table, report (problems with their rows, columns and texts), column matches and unmatched regions.
 * fast-facts.spec.ts checks this on random files.
 *
 *   - region, period, indicator and source text is decoded and resolved once per distinct byte
 *     string of its column, not once per row;
 *   - values that are plain decimals are read straight from the bytes, the rest by `parseCell`;
 *   - repeated (region, indicator, period) triples are found by a packed integer key in an
 *     open-addressing table, not by a Map of joined strings;
 *   - columns are written straight into typed arrays, and the totals check reads them back.
 *
 * Files it does not read the same way return null, and the caller parses them the general way:
 * wide tables, import options (mappings, a fixed period), malformed quotes, mixed line endings,
 * U+FFFD in the text, a header without data, an empty file.
 */
import type { FactTable } from '@/domain/table'
import type { Indicator } from '@/domain/types'
import { normaliseRegionText, type RegionCatalogue } from '@/domain/regions'
import { placeRow, type RowPlace, type RowPlaceText } from '@/domain/rowPlace'
import { normalisePeriod } from '@/domain/periods'
import { decodeBytes, REPLACEMENT_CHAR, utf16WithoutBom, type Encoding } from './decode'
import { headOf, MAX_WHOLE_FILE_BYTES, piecesOf, sizeOf, wholeOf, type FileBytes } from './byte-source'
import { detectDelimiter, type Delimiter } from './delimiter'
import {
  explainOnlyTotals,
  fieldOfHeader,
  MAX_LISTED_PROBLEMS,
  normaliseHeader,
  placeProblems,
  unmatchedOf,
  type ColumnMatch,
  type Field,
  type IndicatorLookup,
  type LoadProblem,
  type PlaceHeaders,
  type RegionMatch,
} from './facts'
import { columnLetter } from './grid'
import { guessLinebreak, type Linebreak } from './linebreak'
import { ByteInterner, CsvTokenizer, readNumber } from './fast-csv'
import type { ParsedFile } from './parse-common'
import { parseCell } from './values'

export interface FastCsvInput {
  file: string
  /** The whole file, or a Blob the worker reads piece by piece. */
  bytes: FileBytes
  /** Forced encoding and delimiter, as in ParseRequest. */
  encoding?: Encoding
  delimiter?: Delimiter
  defaultSource: string
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
  const headers = headerTexts(tok)
  const col = new Map<Field, number>()
  let repeated = false
  headers.forEach((h, i) => {
    const f = fieldOfHeader(h)
    if (f && col.has(f)) repeated = true
    if (f && !col.has(f)) col.set(f, i)
  })
  // Two columns for one field are reported by the general path.
  if (repeated) return null
  if (!(col.has('region') || col.has('regionCode')) || !col.has('indicator') || !col.has('value') || !col.has('period')) return null
  const built = readLongRows(tok, input, headers, headerRow, col, regions, indicators)
  if (built !== null && 'tooManyRows' in built) return built
  if (tok.irregular) return tok.irregular === 'notUtf8' ? 'notUtf8' : null
  if (built === null) return null
  if (tok.newline !== '' && dialect.linebreak !== tok.newline) return null
  return explainOnlyTotals({ ...built, format: 'csv' as const, encoding, delimiter: dialect.delimiter, customIndicators: [], bytes: sizeOf(input.bytes) })
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
function headerTexts(tok: CsvTokenizer): string[] {
  const cells = Array.from({ length: tok.count }, (_, f) => tok.text(f))
  const out = cells.map((c, i) => (c.trim() === '' ? `(${columnLetter(i)})` : c.trim()))
  while (out.length > 0 && cells[out.length - 1]!.trim() === '') out.pop()
  return out
}

function unguard(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text
}

/** A row's place (code, name, city and province as one) and its problems, worked out once per combination. */
interface PlaceHit {
  place: RowPlace
  text: RowPlaceText
  /** Catalogue position of the placed region, -1 when unplaced. */
  position: number
  problems: LoadProblem[]
}

interface TotalRow {
  row: number
  column: string
  /** Canonical period number and indicator of the total. */
  period: number
  indicator: Indicator
  value: number
}

type LongResult = Pick<ParsedFile, 'table' | 'report' | 'shape' | 'columns' | 'unmatchedRegions' | 'factRows' | 'valueColumn'>

function readLongRows(
  tok: CsvTokenizer,
  input: FastCsvInput,
  headers: readonly string[],
  headerRow: number,
  col: ReadonlyMap<Field, number>,
  regions: RegionCatalogue,
  indicators: IndicatorLookup,
): LongResult | TooManyRows | null {
  const { file } = input
  const maxRows = input.maxRows ?? Infinity
  const width = headers.length
  const gridProblems: LoadProblem[] = []
  let gridRejected = 0
  const problems: LoadProblem[] = []
  let problemCount = 0
  const report = (p: LoadProblem) => {
    problemCount++
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p)
  }
  const header = (f: Field) => {
    const i = col.get(f)
    return (i === undefined ? undefined : headers[i]) ?? f
  }
  const at = (f: Field) => col.get(f) ?? -1
  const cCode = at('regionCode')
  const cName = at('region')
  const cParent = at('parent')
  const cProvince = at('province')
  const cPeriod = at('period')
  const cInd = at('indicator')
  const cValue = at('value')
  const cSource = at('source')
  const valueHeader = header('value')
  const indicatorHeader = header('indicator')
  const periodHeader = header('period')

  // Each column's distinct byte strings and their trimmed text (index: id + 1; 0 = no column).
  const codeIds = new ByteInterner()
  const nameIds = new ByteInterner()
  const parentIds = new ByteInterner()
  const provinceIds = new ByteInterner()
  const periodIds = new ByteInterner()
  const indIds = new ByteInterner()
  const sourceIds = new ByteInterner()
  const idOf = (interner: ByteInterner, c: number) => (c < 0 ? -1 : interner.field(tok, c))
  const texts = (interner: ByteInterner) => {
    const cache: string[] = ['']
    return (id: number) => (cache[id + 1] ??= interner.text(id).trim())
  }
  const codeText = texts(codeIds)
  const nameText = texts(nameIds)
  const parentText = texts(parentIds)
  const provinceText = texts(provinceIds)
  const periodText = texts(periodIds)
  const indText = texts(indIds)
  const sourceText = texts(sourceIds)
  const parentTotal: (boolean | undefined)[] = []
  const names: ({ text: string; total: boolean } | undefined)[] = []
  const placeHeaders: PlaceHeaders = {
    code: cCode < 0 ? '' : header('regionCode'),
    name: header('region'),
    city: cParent < 0 ? '' : header('parent'),
    province: cProvince < 0 ? '' : header('province'),
  }
  /** Per (city, province) pair its number; per pair number the places by name and code. */
  const contextNumber = new Map<number, number>()
  const placesIn: Map<number, PlaceHit>[] = []
  const placeOf = (codeId: number, nameId: number, parentId: number, provinceId: number): PlaceHit => {
    const pair = (parentId + 1) * 4294967296 + (provinceId + 1)
    let c = contextNumber.get(pair)
    if (c === undefined) contextNumber.set(pair, (c = placesIn.push(new Map()) - 1))
    const byKey = placesIn[c]!
    const key = (nameId + 1) * 4294967296 + (codeId + 1)
    let hit = byKey.get(key)
    if (!hit) {
      const text: RowPlaceText = { code: codeText(codeId), name: nameText(nameId), city: parentText(parentId), province: provinceText(provinceId) }
      const place = placeRow(regions, text)
      // Problems are made with row 0 and given each row's number when reported.
      hit = { place, text, position: place.ok ? (regions.index(place.region.adcode) ?? -1) : -1, problems: placeProblems(file, 0, place, text, placeHeaders, regions) }
      byKey.set(key, hit)
    }
    return hit
  }
  const unmatched = new Map<string, RegionMatch>()

  // Periods: per period id its canonical number (-1 = not a period).
  const periodNumber: number[] = []
  const canonicalPeriods: string[] = []
  const canonicalNumber = new Map<string, number>()
  const periodOf = (id: number): number => {
    let p = periodNumber[id + 1]
    if (p === undefined) {
      const canonical = normalisePeriod(periodText(id))
      p = -1
      if (canonical !== null) {
        p = canonicalNumber.get(canonical) ?? canonicalPeriods.length
        if (p === canonicalPeriods.length) {
          canonicalPeriods.push(canonical)
          canonicalNumber.set(canonical, p)
        }
      }
      periodNumber[id + 1] = p
    }
    return p
  }

  // Indicator labels, as buildTable's labelOf: one ColumnMatch per normalised label, in order of first use.
  const columns = new Map<string, ColumnMatch>()
  const labelOfId: (ColumnMatch | undefined)[] = []
  /** Per label id: its indicator's dense number, -1 when unmatched. */
  const indicatorOfId: number[] = []
  const indicatorList: Indicator[] = []
  const indicatorNumber = new Map<Indicator, number>()
  const labelOf = (id: number): ColumnMatch => {
    let m = labelOfId[id + 1]
    if (m === undefined) {
      const label = indText(id)
      const key = normaliseHeader(label)
      m = columns.get(key)
      if (!m) {
        const hit = indicators.match(label)
        m = hit.indicator
          ? { label, column: indicatorHeader, indicator: hit.indicator.id, via: hit.via, count: 0, ignored: false }
          : { label, column: indicatorHeader, indicator: null, via: null, count: 0, ignored: false, ...(hit.unitConflict ? { unitConflict: hit.unitConflict.id } : {}) }
        columns.set(key, m)
      }
      labelOfId[id + 1] = m
      const ind = m.indicator ? indicators.byId.get(m.indicator) : undefined
      let n = -1
      if (ind) {
        n = indicatorNumber.get(ind) ?? indicatorList.length
        if (n === indicatorList.length) {
          indicatorList.push(ind)
          indicatorNumber.set(ind, n)
        }
      }
      indicatorOfId[id + 1] = n
    }
    return m
  }

  // The table being built; dictionaries in order of first accepted use, as FactTableBuilder has them.
  let cap = Math.max(1024, Math.min(sizeOf(input.bytes) >> 5, maxRows))
  let cRegion = new Uint32Array(cap)
  let cPeriodCol = new Uint32Array(cap)
  let cIndicator = new Uint32Array(cap)
  let cSourceCol = new Uint32Array(cap)
  let cValueCol = new Float64Array(cap)
  /** Canonical period number of each accepted fact, for the totals check. */
  let cCanonical = new Uint32Array(cap)
  let n = 0
  const tableRegion = new Int32Array(regions.size).fill(-1)
  const tableRegions: string[] = []
  const tablePeriod: number[] = []
  const tablePeriods: string[] = []
  const tableIndicator: number[] = []
  const tableIndicators: string[] = []
  const tableSourceOfText = new Map<string, number>()
  const tableSourceOfId: number[] = []
  const tableSources: string[] = []

  /** First row and value of each (region, indicator, period). */
  const nRegions = regions.size
  const seen = new FactKeys(nRegions * Math.max(1, indicators.byId.size), cap)
  let factRow = new Int32Array(cap)
  const totals: TotalRow[] = []
  let rowsRead = 0
  let totalRows = 0
  let rowsAccepted = 0
  let rejected = 0

  while (tok.next()) {
    if (tok.isBlank()) continue
    const rowNo = tok.record
    // Structure first, as grid.ts does: a row with a different number of cells is rejected.
    let cells = tok.count
    if (cells !== width) {
      while (cells > width && tok.text(cells - 1).trim() === '') cells--
      if (cells !== width) {
        gridRejected++
        gridProblems.push({ code: 'raggedRow', file, row: rowNo, text: String(cells), detail: String(width) })
        continue
      }
    }
    rowsRead++

    // Region: by code, else by name (within the row's city and province, if given).
    const codeId = cCode < 0 ? -1 : codeIds.field(tok, cCode)
    const nameId = cName < 0 ? -1 : nameIds.field(tok, cName)
    const nameInfo = (names[nameId + 1] ??= { text: nameText(nameId), total: regions.isTotalLabel(nameText(nameId)) })
    const name = nameInfo.text
    let isTotal = nameInfo.total
    const parentId = idOf(parentIds, cParent)
    if (!isTotal && !name && !codeText(codeId)) isTotal = parentTotal[parentId + 1] ??= regions.isTotalLabel(parentText(parentId))
    const periodId = cPeriod < 0 ? -1 : periodIds.field(tok, cPeriod)
    if (isTotal) {
      totalRows++
      const p = periodOf(periodId)
      if (p < 0) {
        report({ code: 'badPeriod', file, row: rowNo, column: periodHeader, text: periodText(periodId) })
        continue
      }
      const indId = idOf(indIds, cInd)
      labelOf(indId)
      const iNum = indicatorOfId[indId + 1]!
      const ind = iNum >= 0 ? indicatorList[iNum]! : undefined
      if (ind && ind.aggregation.kind === 'sum') {
        const cell = parseCell(tok.text(cValue).trim(), ind.unit)
        if (cell.ok && cell.value !== null) totals.push({ row: rowNo, column: valueHeader, period: p, indicator: ind, value: cell.value })
      }
      continue
    }

    const hit = placeOf(codeId, nameId, parentId, idOf(provinceIds, cProvince))
    for (const p of hit.problems) report({ ...p, row: rowNo })
    if (!hit.place.ok) {
      const match = unmatchedOf(hit.place, hit.text, placeHeaders, rowNo)
      if (match) {
        const key = normaliseRegionText(match.text)
        const u = unmatched.get(key)
        if (u) u.count++
        else unmatched.set(key, match)
      }
      rejected++
      continue
    }
    const region = hit.place.region

    const pNum = periodNumber[periodId + 1] ?? periodOf(periodId)
    if (pNum < 0) {
      report({ code: 'badPeriod', file, row: rowNo, column: periodHeader, text: periodText(periodId) })
      rejected++
      continue
    }

    const indId = cInd < 0 ? -1 : indIds.field(tok, cInd)
    const m = labelOfId[indId + 1] ?? labelOf(indId)
    m.count++
    const iNum = indicatorOfId[indId + 1]!
    if (iNum < 0) {
      report({ code: 'unknownIndicator', file, row: rowNo, column: indicatorHeader, text: indText(indId) })
      rejected++
      continue
    }
    const ind = indicatorList[iNum]!

    // Value: plain decimals from the bytes, anything else as parseCell reads it.
    let value: number
    let valueText: string | undefined
    const vs = tok.starts[cValue]!
    const ve = tok.ends[cValue]!
    if (ve === vs) value = NaN
    else {
      value = tok.escaped[cValue] ? NaN : readNumber(tok.bytes, vs, ve)
      if (Number.isNaN(value)) {
        valueText = tok.text(cValue).trim()
        const cell = parseCell(valueText, ind.unit)
        if (!cell.ok) {
          report({ code: cell.reason === 'unit' ? 'unitMismatch' : 'badValue', file, row: rowNo, column: valueHeader, text: valueText, ...(cell.reason === 'unit' ? { detail: ind.unit } : {}) })
          rejected++
          continue
        }
        value = cell.value ?? NaN
      }
    }

    const regionPos = hit.position
    const first = seen.putIfAbsent(pNum, regionPos + nRegions * iNum, n)
    if (first >= 0) {
      const before = cValueCol[first]!
      const same = Number.isNaN(before) ? Number.isNaN(value) : !Number.isNaN(value) && (before === value || Math.abs(before - value) < 1e-9)
      report({ code: same ? 'repeatedRow' : 'duplicate', file, row: rowNo, column: valueHeader, text: valueText ?? tok.text(cValue).trim(), detail: String(factRow[first]) })
      if (same) rowsAccepted++
      else rejected++
      continue
    }
    if (n >= maxRows) return { tooManyRows: maxRows }
    if (n === cap) {
      cap = Math.min(cap * 2, maxRows)
      cRegion = extend(cRegion, new Uint32Array(cap))
      cPeriodCol = extend(cPeriodCol, new Uint32Array(cap))
      cIndicator = extend(cIndicator, new Uint32Array(cap))
      cSourceCol = extend(cSourceCol, new Uint32Array(cap))
      cValueCol = extend(cValueCol, new Float64Array(cap))
      cCanonical = extend(cCanonical, new Uint32Array(cap))
      factRow = extend(factRow, new Int32Array(cap))
    }
    let rc = tableRegion[regionPos]!
    if (rc < 0) {
      rc = tableRegion[regionPos] = tableRegions.length
      tableRegions.push(region.adcode)
    }
    let pc = tablePeriod[pNum]
    if (pc === undefined) {
      pc = tablePeriod[pNum] = tablePeriods.length
      tablePeriods.push(canonicalPeriods[pNum]!)
    }
    let ic = tableIndicator[iNum]
    if (ic === undefined) {
      ic = tableIndicator[iNum] = tableIndicators.length
      tableIndicators.push(ind.id)
    }
    const sourceId = idOf(sourceIds, cSource)
    let sc = tableSourceOfId[sourceId + 1]
    if (sc === undefined) {
      const text = unguard(sourceText(sourceId)) || input.defaultSource
      sc = tableSourceOfText.get(text)
      if (sc === undefined) {
        sc = tableSources.length
        tableSources.push(text)
        tableSourceOfText.set(text, sc)
      }
      tableSourceOfId[sourceId + 1] = sc
    }
    cRegion[n] = rc
    cPeriodCol[n] = pc
    cIndicator[n] = ic
    cSourceCol[n] = sc
    cValueCol[n] = value
    cCanonical[n] = pNum
    factRow[n] = rowNo
    n++
    rowsAccepted++
  }
  if (tok.irregular) return null
  if (rowsRead === 0 && gridRejected === 0) return null // header only: the general path reports it

  const table: FactTable = {
    length: n,
    region: cRegion.slice(0, n),
    period: cPeriodCol.slice(0, n),
    indicator: cIndicator.slice(0, n),
    source: cSourceCol.slice(0, n),
    value: cValueCol.slice(0, n),
    regions: tableRegions,
    periods: tablePeriods,
    indicators: tableIndicators,
    sources: tableSources,
  }
  if (totals.length > 0) {
    for (const p of checkTotals(file, totals, table, cCanonical, regions)) report(p)
  }
  // Structural problems first, then all in row order (as parseFile merges them).
  const merged = [...gridProblems, ...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  return {
    table,
    report: {
      file,
      rowsRead: rowsRead + gridRejected,
      rowsAccepted,
      totalRows,
      rowsRejected: rejected + gridRejected,
      problems: merged,
      problemCount: problemCount + gridProblems.length,
    },
    shape: 'long',
    columns: [...columns.values()],
    unmatchedRegions: [...unmatched.values()],
    factRows: factRow.slice(0, n),
    valueColumn: valueHeader,
  }
}

/**
 * buildTable's totals check over the typed columns: each total is compared with the sum of the
 * accepted facts of its period and indicator at the level most facts are at, summed in file order.
 */
function checkTotals(
  file: string,
  totals: readonly TotalRow[],
  table: FactTable,
  canonical: Uint32Array,
  regions: RegionCatalogue,
): LoadProblem[] {
  const levelOfCode = table.regions.map((a) => regions.level(a) ?? '')
  const perRegion = new Uint32Array(table.regions.length)
  for (let i = 0; i < table.length; i++) perRegion[table.region[i]!]!++
  // Facts per level, levels in order of first appearance (ties go to the earlier one).
  const levels = new Map<string, number>()
  const firstFact = new Int32Array(table.regions.length).fill(-1)
  for (let i = table.length - 1; i >= 0; i--) firstFact[table.region[i]!] = i
  const order = [...levelOfCode.keys()].filter((c) => perRegion[c]! > 0).sort((a, b) => firstFact[a]! - firstFact[b]!)
  for (const c of order) levels.set(levelOfCode[c]!, (levels.get(levelOfCode[c]!) ?? 0) + perRegion[c]!)
  const level = [...levels.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  const indicatorNumber = new Map(table.indicators.map((id, c) => [id, c]))
  const nInd = table.indicators.length
  let nPeriods = 0
  for (const t of totals) nPeriods = Math.max(nPeriods, t.period + 1)
  // Sums only for the (period, indicator) pairs some total asks about; NaN until a value arrives.
  const wanted = new Uint8Array(nPeriods * nInd)
  const sums = new Float64Array(nPeriods * nInd).fill(NaN)
  for (const t of totals) {
    const ic = indicatorNumber.get(t.indicator.id)
    if (ic !== undefined) wanted[t.period * nInd + ic] = 1
  }
  const atLevel = Uint8Array.from(levelOfCode, (l) => (l === level ? 1 : 0))
  for (let i = 0; i < table.length; i++) {
    const v = table.value[i]!
    const p = canonical[i]!
    if (p >= nPeriods || Number.isNaN(v) || !atLevel[table.region[i]!]) continue
    const key = p * nInd + table.indicator[i]!
    if (wanted[key]) sums[key] = (Number.isNaN(sums[key]!) ? 0 : sums[key]!) + v
  }
  const out: LoadProblem[] = []
  for (const t of totals) {
    const ic = indicatorNumber.get(t.indicator.id)
    const sum = ic === undefined ? NaN : sums[t.period * nInd + ic]!
    if (Number.isNaN(sum)) continue
    const tolerance = 0.5 * 10 ** -t.indicator.decimals + 1e-9 * Math.abs(sum)
    if (Math.abs(sum - t.value) > tolerance) {
      out.push({ code: 'totalMismatch', file, row: t.row, column: t.column, text: String(t.value), detail: String(Number(sum.toFixed(6))) })
    }
  }
  return out
}

function extend<T extends Uint32Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from)
  return to
}

/**
 * Fact index of each (period, region × indicator) pair, to find repeated facts without building a
 * string per row. Each period gets a dense block when blocks are small (the usual catalogue: a
 * hundred regions × a few dozen indicators), otherwise the pairs share one open-addressing table.
 */
export class FactKeys {
  private readonly blocks: (Int32Array | undefined)[] = []
  private readonly hashed: PackedKeyMap | null

  constructor(
    /** Number of distinct region × indicator values. */
    private readonly blockSize: number,
    expected: number,
  ) {
    this.hashed = blockSize > 1 << 16 ? new PackedKeyMap(expected) : null
  }

  /** Stores `fact` under (period, pair) unless present; returns the earlier fact, or -1. */
  putIfAbsent(period: number, pair: number, fact: number): number {
    if (this.hashed) return this.hashed.putIfAbsent(pair + this.blockSize * period, fact)
    const block = (this.blocks[period] ??= new Int32Array(this.blockSize))
    const before = block[pair]!
    if (before > 0) return before - 1
    block[pair] = fact + 1
    return -1
  }
}

/** Integer keys below 2^53 → non-negative integers, by open addressing (linear probing). */
export class PackedKeyMap {
  private keys: Float64Array
  /** Value + 1; 0 marks an empty slot. */
  private values: Int32Array
  private size = 0

  /** Sized for about `expected` keys without growing. */
  constructor(expected = 2048) {
    let slots = 1 << 12
    while (slots < expected * 2) slots *= 2
    this.keys = new Float64Array(slots)
    this.values = new Int32Array(slots)
  }

  /** Stores `value` under `key` unless present; returns the earlier value, or -1. */
  putIfAbsent(key: number, value: number): number {
    const mask = this.keys.length - 1
    for (let s = hashKey(key) & mask; ; s = (s + 1) & mask) {
      const v = this.values[s]!
      if (v === 0) {
        this.keys[s] = key
        this.values[s] = value + 1
        if (++this.size * 2 > this.keys.length) this.grow()
        return -1
      }
      if (this.keys[s] === key) return v - 1
    }
  }

  private grow(): void {
    const { keys, values } = this
    this.keys = new Float64Array(keys.length * 2)
    this.values = new Int32Array(keys.length * 2)
    const mask = this.keys.length - 1
    for (let i = 0; i < keys.length; i++) {
      if (values[i] === 0) continue
      let s = hashKey(keys[i]!) & mask
      while (this.values[s] !== 0) s = (s + 1) & mask
      this.keys[s] = keys[i]!
      this.values[s] = values[i]!
    }
  }
}

function hashKey(key: number): number {
  const lo = key >>> 0
  const hi = (key / 4294967296) >>> 0
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
