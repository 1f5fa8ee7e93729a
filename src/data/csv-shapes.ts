/**
 * The shape stage of the CSV reader: rows of tokens → facts in the table being built, for both
 * shapes buildTable reads —
 *   long  one fact per row: region, period, indicator, value (+ region_code, city, source);
 *   wide  one row per region (and period), one column per indicator.
 * Region, period and label texts are resolved once per distinct text (csv-rows.ts), a user's
 * mapping with them; values that are plain decimals are read straight from the bytes, the rest by
 * `parseCell`; the totals check runs over the finished columns (totals.ts).
 */
import type { Indicator } from '@/domain/types'
import type { CsvTokenizer } from './fast-csv'
import { readNumber } from './fast-csv'
import { ColumnTexts, RowResolver, type PlacedRegion } from './csv-rows'
import { FactSink, type FactKey } from './fact-sink'
import { markConflicts, settleColumn } from './column-units'
import { checkTotals, type TotalRow } from './totals'
import type { BuiltTable, ColumnMatch, LoadProblem } from './facts'
import { scaledCell } from './units'
import { parseCell } from './values'

/** What both shapes share while reading one file. */
export interface Reading {
  tok: CsvTokenizer
  rows: RowResolver
  sink: FactSink
  width: number
  headerRow: number
  defaultSource: string
  source: ColumnTexts
  /** Per source text id, its code in the table's dictionary once a fact has used it. */
  sourceCodes: (number | undefined)[]
  /** Rows read, accepted, totals, rejected; rows of the wrong width. */
  counts: { read: number; accepted: number; totals: number; rejected: number; ragged: number }
  raggedProblems: LoadProblem[]
  totals: TotalRow[]
  /** The text of the last value read from text (undefined when read from the bytes). */
  text: string | undefined
  /** Why the last value read was refused. */
  unit: boolean
}

/** The table grew past its limit. */
export const FULL = Symbol('full')

/** The next data row's number (blank rows skipped, rows of the wrong width reported); 0 at the end. */
function nextRow(r: Reading): number {
  const { tok } = r
  while (tok.next()) {
    if (tok.isBlank()) continue
    let cells = tok.count
    // Trailing empty cells do not make a row ragged, as in grid.ts.
    while (cells > r.width && tok.text(cells - 1).trim() === '') cells--
    if (cells === r.width) {
      r.counts.read++
      return tok.record
    }
    r.counts.ragged++
    r.raggedProblems.push({ code: 'raggedRow', file: r.rows.ctx.file, row: tok.record, text: String(cells), detail: String(r.width) })
  }
  return 0
}

/** Cell `c` as parseCell reads it in `unit` (NaN = no data), or null when it is no value. */
function valueAt(r: Reading, c: number, unit: Indicator['unit'] | undefined, scale = 1): number | null {
  const { tok } = r
  r.text = undefined
  const start = tok.starts[c]!
  const end = tok.ends[c]!
  if (end === start) return NaN
  if (scale === 1 && !tok.escaped[c]) {
    const v = readNumber(tok.bytes, start, end)
    if (!Number.isNaN(v)) return v
  }
  const text = (r.text = r.rows.ctx.fix(tok.text(c)).trim())
  const cell = scale === 1 ? parseCell(text, unit) : scaledCell(parseCell(text), scale)
  if (cell.ok) return cell.value ?? NaN
  r.unit = cell.reason === 'unit'
  return null
}

function cellText(r: Reading, c: number): string {
  return r.text ?? r.rows.ctx.fix(r.tok.text(c)).trim()
}

function refuseValue(r: Reading, rowNo: number, column: string, c: number, ind: Indicator): void {
  r.rows.problems.add({ code: r.unit ? 'unitMismatch' : 'badValue', file: r.rows.ctx.file, row: rowNo, column, text: cellText(r, c), ...(r.unit ? { detail: ind.unit } : {}) })
}

function unguard(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text
}

/**
 * Adds a fact unless the table has it: 1 when added, 0 for a repeat of the same value (the row
 * still counts as read into the table), -1 for a different value (a duplicate), FULL past the limit.
 */
function addFact(r: Reading, key: FactKey, value: number, rowNo: number, column: string, c: number, sourceId: number): number | typeof FULL {
  const first = r.sink.earlier(key)
  if (first >= 0) {
    const before = r.sink.value[first]!
    const same = Number.isNaN(before) ? Number.isNaN(value) : !Number.isNaN(value) && (before === value || Math.abs(before - value) < 1e-9)
    r.rows.problems.add({ code: same ? 'repeatedRow' : 'duplicate', file: r.rows.ctx.file, row: rowNo, column, text: cellText(r, c), detail: String(r.sink.factRow[first]) })
    return same ? 0 : -1
  }
  const source = (r.sourceCodes[sourceId + 1] ??= r.sink.sourceCode(unguard(r.source.text(sourceId)) || r.defaultSource))
  return r.sink.add(key, value, source, rowNo) ? 1 : FULL
}

/** A total row's figure for the totals check, when its indicator adds up. */
function noteTotal(r: Reading, rowNo: number, period: number, ind: Indicator | undefined, column: string, c: number, scale?: number): void {
  if (!ind || ind.aggregation.kind !== 'sum') return
  const v = valueAt(r, c, scale === undefined || scale === 1 ? ind.unit : undefined, scale)
  if (v !== null && !Number.isNaN(v)) r.totals.push({ row: rowNo, column, period, indicator: ind, value: v })
}

function setPlace(key: FactKey, place: PlacedRegion, period: number, rows: RowResolver): void {
  key.regionPos = place.position
  key.adcode = place.region.adcode
  key.period = period
  key.canonical = rows.canonicalPeriods[period]!
}

function keyOf(): FactKey {
  return { regionPos: 0, adcode: '', period: 0, canonical: '', indicator: 0, indicatorId: '' }
}

/** Reads a long table's rows; FULL when the table passed its limit. */
export function readLong(r: Reading, cInd: number, cValue: number): typeof FULL | undefined {
  const { tok, rows } = r
  const { ctx } = rows
  const indicatorHeader = ctx.header('indicator')
  const valueHeader = ctx.header('value')
  const labels = new ColumnTexts(cInd, ctx.fix)
  // Per label id: its match, and its indicator's dense number (-1 when unmatched or left out).
  const matchOf: (ColumnMatch | undefined)[] = []
  const numberOf: number[] = []
  const label = (id: number): ColumnMatch => {
    let m = matchOf[id + 1]
    if (m === undefined) {
      m = matchOf[id + 1] = rows.label(labels.text(id), indicatorHeader)
      const ind = m.indicator && !m.ignored ? ctx.indicators.byId.get(m.indicator) : undefined
      numberOf[id + 1] = ind ? rows.indicatorNumberOf(ind) : -1
    }
    return m
  }
  const key = keyOf()
  for (let rowNo = nextRow(r); rowNo > 0; rowNo = nextRow(r)) {
    const total = rows.isTotalRow(tok)
    const periodId = rows.period.id(tok)
    if (total) {
      r.counts.totals++
      const p = rows.periodOf(periodId, rowNo)
      if (p < 0) continue
      const id = labels.id(tok)
      label(id)
      const n = numberOf[id + 1]!
      noteTotal(r, rowNo, p, n >= 0 ? rows.indicatorList[n] : undefined, valueHeader, cValue)
      continue
    }
    const place = rows.region(tok, rowNo)
    const p = place ? rows.periodOf(periodId, rowNo) : -1
    if (!place || p < 0) {
      r.counts.rejected++
      continue
    }
    const id = labels.id(tok)
    label(id).count++
    const n = numberOf[id + 1]!
    if (n < 0) {
      rows.problems.add({ code: 'unknownIndicator', file: ctx.file, row: rowNo, column: indicatorHeader, text: labels.text(id) })
      r.counts.rejected++
      continue
    }
    const ind = rows.indicatorList[n]!
    const value = valueAt(r, cValue, ind.unit)
    if (value === null) {
      refuseValue(r, rowNo, valueHeader, cValue, ind)
      r.counts.rejected++
      continue
    }
    setPlace(key, place, p, rows)
    key.indicator = n
    key.indicatorId = ind.id
    const added = addFact(r, key, value, rowNo, valueHeader, cValue, r.source.id(tok))
    if (added === FULL) return FULL
    if (added >= 0) r.counts.accepted++
    else r.counts.rejected++
  }
  return undefined
}

/** A wide table's columns: each header's match, settled for its unit, with conflicts reported. */
function wideColumns(r: Reading, headers: readonly string[], columns: readonly number[]): ColumnMatch[] {
  const { rows } = r
  const byId = rows.ctx.indicators.byId
  const wide = columns.map((i) => settleColumn(rows.label(headers[i]!, headers[i]!), byId, undefined, false, rows.isMapped(headers[i]!)))
  for (const [later, first] of markConflicts(wide))
    rows.problems.add({ code: 'columnConflict', file: rows.ctx.file, row: r.headerRow, column: later.label, text: later.label, detail: first.label })
  return wide
}

/** True when cell `c` of the current row is blank. */
function blankCell(tok: CsvTokenizer, c: number): boolean {
  for (let i = tok.starts[c]!; i < tok.ends[c]!; i++) {
    const b = tok.bytes[i]!
    if (b >= 0x80) return tok.text(c).trim() === ''
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false
  }
  return true
}

/** Reads a wide table's rows, one fact per indicator column; FULL when the table passed its limit. */
export function readWide(r: Reading, headers: readonly string[], columns: readonly number[]): typeof FULL | undefined {
  const { tok, rows } = r
  const byId = rows.ctx.indicators.byId
  const wide = wideColumns(r, headers, columns)
  const totalInd = wide.map((m) => (m.indicator && !m.ignored ? byId.get(m.indicator) : undefined))
  const readInd = wide.map((m, j) => (m.conflict === undefined ? totalInd[j] : undefined))
  const numbers = readInd.map((ind) => (ind ? rows.indicatorNumberOf(ind) : -1))
  const key = keyOf()
  for (let rowNo = nextRow(r); rowNo > 0; rowNo = nextRow(r)) {
    const total = rows.isTotalRow(tok)
    const periodId = rows.period.id(tok)
    if (total) {
      r.counts.totals++
      const p = rows.periodOf(periodId, rowNo)
      if (p >= 0) columns.forEach((c, j) => noteTotal(r, rowNo, p, totalInd[j], wide[j]!.label, c, wide[j]!.scale))
      continue
    }
    const place = rows.region(tok, rowNo)
    const p = place ? rows.periodOf(periodId, rowNo) : -1
    if (!place || p < 0) {
      r.counts.rejected++
      continue
    }
    const sourceId = r.source.id(tok)
    setPlace(key, place, p, rows)
    let facts = 0
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j]!
      const m = wide[j]!
      const ind = readInd[j]
      if (!ind) {
        if (!blankCell(tok, c)) m.count++
        continue
      }
      const value = valueAt(r, c, m.scale === undefined ? ind.unit : undefined, m.scale)
      // Read from the bytes, or refused: the cell holds something; else its text says.
      if (r.text === undefined ? !Number.isNaN(value ?? 0) : r.text !== '') m.count++
      if (value === null) {
        refuseValue(r, rowNo, m.label, c, ind)
        continue
      }
      key.indicator = numbers[j]!
      key.indicatorId = ind.id
      const added = addFact(r, key, value, rowNo, m.label, c, sourceId)
      if (added === FULL) return FULL
      if (added >= 0) facts++
    }
    if (facts > 0) r.counts.accepted++
    else r.counts.rejected++
  }
  for (const m of wide) if (!m.indicator && !m.ignored && !m.role) rows.problems.add({ code: 'unmatchedColumn', file: rows.ctx.file, row: r.headerRow, column: m.label, text: m.label })
  return undefined
}

/** The table and its report once every row is read: totals checked, problems in row order. */
export function finishReading(r: Reading, shape: 'long' | 'wide'): BuiltTable {
  const { rows, sink, counts } = r
  const table = sink.table()
  for (const p of checkTotals(rows.ctx.file, r.totals, table, sink.canonical, rows.ctx.regions)) rows.problems.add(p)
  // Structural problems first, then all in row order (as the grid path merges them).
  const problems = [...r.raggedProblems, ...rows.problems.list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
  return {
    table,
    report: {
      file: rows.ctx.file,
      rowsRead: counts.read + counts.ragged,
      rowsAccepted: counts.accepted,
      totalRows: counts.totals,
      rowsRejected: counts.rejected + counts.ragged,
      problems,
      problemCount: rows.problems.count + r.raggedProblems.length,
    },
    shape,
    columns: [...rows.columns.values()],
    unmatchedRegions: [...rows.unmatched.values()],
    factRows: sink.factRow.subarray(0, table.length),
    ...(shape === 'long' ? { valueColumn: rows.ctx.header('value') } : {}),
  }
}
