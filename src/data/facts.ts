/**
 * Parsed rows → validated columnar table. Every row is either accepted, recognised as a total
 * (合计/全市 …), or rejected with a problem that names the file, the row and the column. Nothing is
 * dropped without a trace.
 *
 * Two shapes are read:
 *   long  one fact per row: region, period, indicator, value (+ region_code, city, source);
 *   wide  one row per region (and period), one column per indicator, e.g. 地区 | 年份 | 职工稳定率(%).
 * Wide headers are matched to catalogue indicators by id, name or alias, with a unit in brackets
 * checked against the indicator's unit. Anything unmatched is listed so the user can map it.
 */
import type { Indicator, Region } from '@/domain/types'
import { FactTableBuilder, type FactTable } from '@/domain/table'
import { normalisePeriod } from '@/domain/periods'
import { normaliseRegionText, type RegionCatalogue } from '@/domain/regions'
import { placeRow, type RowPlace, type RowPlaceText } from '@/domain/rowPlace'
import { parseCell } from './values'
import type { ProblemCode } from './problem-codes'
import { scaledCell, splitUnit, unitFactor } from './units'
import { markConflicts, settleColumn } from './column-units'
import { checkTotals } from './totals'

export { WARNING_CODES, type ProblemCode } from './problem-codes'

export interface LoadProblem {
  code: ProblemCode
  file: string
  /** Row as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row?: number
  column?: string
  /** The offending text, shown to the user as plain text. */
  text?: string
  /** More context: candidates of an ambiguous name, the earlier row of a duplicate, … */
  detail?: string
  /** What the value is of, as the file names it (an indicator's label, a region). */
  subject?: string
  /** The other side of a comparison (a denominator, the period before) and its row. */
  other?: string
  otherRow?: number
  /** The indicator a column-wide problem is about (e.g. fractions to multiply by 100). */
  indicator?: string
}

export interface LoadReport {
  file: string
  rowsRead: number
  /** Rows that gave at least one fact. */
  rowsAccepted: number
  /** Rows recognised as totals (合计, 全市 …): kept out of the table, which rolls up by itself. */
  totalRows: number
  /** Rows that gave no fact because of a problem. */
  rowsRejected: number
  /** The first problems in file order (capped), and how many there were in all. */
  problems: LoadProblem[]
  problemCount: number
}

/** Enough to list every problem of any realistic file; beyond it the report says how many more. */
export const MAX_LISTED_PROBLEMS = 10000

export type Field = 'regionCode' | 'region' | 'parent' | 'province' | 'period' | 'indicator' | 'value' | 'source'

/** Header spellings of each tidy column (compared after normalising case, width and spaces). */
const FIELD_HEADERS: Record<Field, string[]> = {
  regionCode: ['region_code', 'adcode', 'code', '行政区划代码', '区划代码', '地区代码', '代码'],
  region: ['region', 'region_name', 'name', '地区', '地区名称', '区县', '县区', '县(市、区)', '县(市,区)', '行政区', '单位', '单位名称', '名称'],
  parent: ['parent', 'city', 'prefecture', '所属市', '设区市', '城市', '市', '地市', '所属地市', '市(州、盟)', '市(州)'],
  province: ['province', 'province_name', '省份', '所属省', '所属省份', '省', '省区', '省(区、市)', '省(自治区、直辖市)', '省级'],
  period: ['period', 'year', 'month', 'date', '期间', '时间', '年份', '年度', '月份', '统计期', '年月'],
  indicator: ['indicator', 'indicator_id', '指标', '指标代码', '指标名称', '指标id'],
  value: ['value', '值', '数值', '数据', '指标值'],
  source: ['source', '来源', '数据来源'],
}

export function normaliseHeader(h: string): string {
  return h.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
}

const HEADER_TO_FIELD = new Map<string, Field>()
for (const [field, names] of Object.entries(FIELD_HEADERS) as [Field, string[]][]) {
  for (const n of names) HEADER_TO_FIELD.set(normaliseHeader(n), field)
}

/** A field as problems name it: its Chinese header (地区, 期间), never the internal name. */
export function fieldName(f: Field): string {
  return FIELD_HEADERS[f].find((h) => /\p{Script=Han}/u.test(h)) ?? f
}

export function fieldOfHeader(header: string): Field | undefined {
  return HEADER_TO_FIELD.get(normaliseHeader(header))
}

/** A header's field: by its name, or by the place role the user gave an unnamed column in the preview. */
export function fieldOf(header: string, options: Pick<ImportOptions, 'indicatorMap'>): Field | undefined {
  const named = fieldOfHeader(header)
  if (named || !options.indicatorMap?.length) return named
  const key = normaliseHeader(header)
  const role = options.indicatorMap.findLast(([k]) => normaliseHeader(k) === key)?.[1]
  return isColumnRole(role) ? COLUMN_ROLES[role] : undefined
}

export type MatchVia = 'name' | 'alias' | 'unit' | 'mapped'

/**
 * Columns a wide table's header did not name can be given a place role in the preview: the column
 * mapping sends these values instead of an indicator id.
 */
export const COLUMN_ROLES = { '@province': 'province', '@city': 'parent' } as const satisfies Record<string, Field>
export type ColumnRole = keyof typeof COLUMN_ROLES

export function isColumnRole(value: string | null | undefined): value is ColumnRole {
  return value != null && Object.hasOwn(COLUMN_ROLES, value)
}

/** Looks indicators up by id, Chinese or English name, or alias; never by partial match. */
export class IndicatorLookup {
  private readonly byKey = new Map<string, { indicator: Indicator; via: 'name' | 'alias' }>()
  readonly byId = new Map<string, Indicator>()
  constructor(indicators: readonly Indicator[]) {
    for (const ind of indicators) {
      this.byId.set(ind.id, ind)
      for (const k of [ind.id, ind.name.zh, ind.name.en]) this.add(k, ind, 'name')
    }
    for (const ind of indicators) for (const k of ind.aliases) this.add(k, ind, 'alias')
  }
  private add(text: string, indicator: Indicator, via: 'name' | 'alias') {
    const key = normaliseHeader(text)
    if (!this.byKey.has(key)) this.byKey.set(key, { indicator, via })
  }
  find(text: string): Indicator | undefined {
    return this.byKey.get(normaliseHeader(text))?.indicator
  }
  /**
   * Matches a header such as 职工稳定率(%) or 帮扶金额（万元）: the whole text first, then the name
   * without its bracketed unit, accepted only when that unit is the indicator's own.
   */
  match(header: string): { indicator: Indicator; via: MatchVia; scale?: number } | { indicator: null; unitConflict?: Indicator } {
    const variants = headingVariants(header)
    for (const text of variants) {
      const whole = this.byKey.get(normaliseHeader(text))
      if (whole) return whole
    }
    let conflict: Indicator | undefined
    for (const text of variants) {
      const { name, unit } = splitUnit(text)
      const hit = unit === undefined ? undefined : this.byKey.get(normaliseHeader(name))
      if (!hit || unit === undefined) continue
      // A unit of the same kind converts (帮扶金额（元） into 万元); any other is a different figure.
      const factor = unitFactor(unit, hit.indicator.unit)
      if (factor !== undefined) return { indicator: hit.indicator, via: 'unit', ...(factor !== 1 ? { scale: factor } : {}) }
      conflict ??= hit.indicator
    }
    return conflict ? { indicator: null, unitConflict: conflict } : { indicator: null }
  }
}

/**
 * A heading over two or three header rows, `基本情况 / 帮扶 / 金额（万元）`, read as one name with
 * its group headings and then without them: 基本情况帮扶金额（万元）, 帮扶金额（万元）, 金额（万元）.
 */
function headingVariants(header: string): string[] {
  // A repeated heading told apart by its column letter (workbook/table.ts) matches as the heading.
  const parts = header.replace(/ · [A-Z]{1,3}列$/, '').split(' / ')
  return parts.map((_, k) => parts.slice(k).join(''))
}


/** Headers of the columns a row's place is read from ('' where the file has none). */
export interface PlaceHeaders {
  code: string
  name: string
  city: string
  province: string
}

/**
 * The problems of one placed row (rowPlace.ts), named by file, row and column: conflicts beside a
 * booked row, or why the row was not booked.
 */
export function placeProblems(file: string, row: number, place: RowPlace, text: RowPlaceText, headers: PlaceHeaders, regions: RegionCatalogue): LoadProblem[] {
  const columnOf = (f: 'city' | 'province') => headers[f]
  if (place.ok) {
    const coded = `${regions.parentOf(place.region.adcode)?.name ?? ''}${place.region.name}`
    return place.conflicts.map((c) =>
      c.field === 'name'
        ? { code: 'regionConflict', file, row, column: headers.code, text: text.code, detail: text.name, subject: coded, other: c.names }
        : { code: 'placeConflict', file, row, column: columnOf(c.field), text: c.text, detail: text.code, subject: c.against, other: c.names },
    )
  }
  if (place.reason === 'conflict') {
    const c = place.conflict
    if (c.field === 'city') return [{ code: 'cityOutsideProvince', file, row, column: headers.city, text: c.text, detail: text.province, subject: c.against, other: c.names }]
    const named = c.againstField === 'city' ? text.city : text.province
    return [{ code: 'regionOutsidePlace', file, row, column: headers.name, text: c.text, detail: named, subject: c.against, other: c.names }]
  }
  const ambiguous = place.reason === 'ambiguous'
  return [
    {
      code: ambiguous ? 'ambiguousRegion' : 'unknownRegion',
      file,
      row,
      column: text.name || !headers.code ? headers.name : headers.code,
      text: text.name || text.code,
      ...(ambiguous ? { detail: place.candidates.map((c) => `${regions.parentOf(c.adcode)?.name ?? ''}${c.name}`).join('、') } : {}),
    },
  ]
}

/** A region text not placed (unknown or ambiguous), for the preview's list of regions to choose. */
export function unmatchedOf(place: RowPlace, text: RowPlaceText, headers: PlaceHeaders, row: number): RegionMatch | null {
  if (place.ok || place.reason === 'conflict') return null
  const within = text.city || text.province
  return {
    text: text.name || text.code,
    column: text.name || !headers.code ? headers.name : headers.code,
    count: 1,
    firstRow: row,
    reason: place.reason === 'ambiguous' ? 'ambiguous' : 'unknown',
    candidates: place.candidates.map((c) => c.adcode),
    ...(within ? { within } : {}),
  }
}

/** Choices the user made in the preview. Keys are compared after normalisation. */
export interface ImportOptions {
  /** Wide header or long-table indicator text → indicator id; '' leaves the column out. */
  indicatorMap?: readonly (readonly [string, string])[]
  /** Region text as written → adcode. */
  regionMap?: readonly (readonly [string, string])[]
  /** Period of every row of a wide table that has no period column, e.g. 2023. */
  period?: string
  /**
   * Indicators whose values are multiplied, e.g. [['worker_stability_rate', 100]] for a column of
   * fractions (0.916) that are meant as percentages (91.6).
   */
  scale?: readonly (readonly [string, number])[]
}

export type TableShape = 'long' | 'wide'

/** How one indicator label (wide header or long-table indicator text) was understood. */
export interface ColumnMatch {
  label: string
  /** Header of the column the label was found in. */
  column: string
  indicator: string | null
  via: MatchVia | null
  /** Unit written in a wide header, e.g. 万元 in 帮扶金额（万元）. */
  unit?: string
  /** The indicator whose name matched but whose unit differs. */
  unitConflict?: string
  /** Cells (wide) or rows (long) with this label. */
  count: number
  /** Left out on purpose (mapped to nothing). */
  ignored: boolean
  /** Values are converted from `fromUnit` by this factor (元 → 万元: 0.0001). */
  scale?: number
  fromUnit?: string
  /** A hidden column (left out unless mapped, when its heading repeats a visible one's). */
  hidden?: boolean
  /** Another column mapped to the same indicator: neither is read until one is left out. */
  conflict?: string
  /** Read as a place column (a province or city column) instead of an indicator, as the user chose. */
  role?: ColumnRole
}

/** A region text that could not be placed, with how often and where it first appears. */
export interface RegionMatch {
  text: string
  column: string
  count: number
  firstRow: number
  reason: 'unknown' | 'ambiguous'
  /** adcodes of the candidates of an ambiguous name. */
  candidates: string[]
  /** The city (or else province) the row named, where the file has such a column: where to look elsewhere. */
  within?: string
}

export interface TableInput {
  file: string
  headers: readonly string[]
  /** Data rows, each aligned with `headers`. */
  rows: readonly (readonly unknown[])[]
  /** Spreadsheet row number of each data row. */
  rowNumbers: readonly number[]
  /** Row number of the header (0 when implied). */
  headerRow: number
  /** Source label for rows without a source column. */
  defaultSource: string
  /** Workbooks: per column, a unit named by a note over it, applied where it converts to the indicator's. */
  unitNotes?: readonly (string | undefined)[]
  /** Workbooks: per column, hidden and left out unless mapped. */
  hiddenColumns?: readonly boolean[]
}

export interface BuiltTable {
  table: FactTable
  report: LoadReport
  shape: TableShape | null
  columns: ColumnMatch[]
  unmatchedRegions: RegionMatch[]
  /**
   * Spreadsheet row of each fact and the header of a long table's value column, for the checks
   * run over the whole table (plausibility.ts); taken off before the result leaves the loader.
   */
  factRows?: Int32Array
  valueColumn?: string
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

/** A leading apostrophe guards a formula-like cell in exported CSV (see export/csv.ts); read it back off. */
function unguard(text: string): string {
  return /^'[=+\-@\t\r＝＋－＠]/.test(text) ? text.slice(1) : text
}

class Problems {
  readonly list: LoadProblem[] = []
  count = 0
  add(p: LoadProblem) {
    this.count++
    if (this.list.length < MAX_LISTED_PROBLEMS) this.list.push(p)
  }
}

function keyMap(pairs: readonly (readonly [string, string])[] | undefined, norm: (s: string) => string): Map<string, string> {
  const m = new Map<string, string>()
  for (const [k, v] of pairs ?? []) m.set(norm(k), v)
  return m
}

/**
 * A label's match: the user's mapping when there is one ('' leaves it out), else the catalogue by
 * id, name or alias; a wide header keeps the unit it names.
 */
export function matchLabel(label: string, column: string, mapped: string | undefined, indicators: IndicatorLookup, wide: boolean): ColumnMatch {
  const unit = wide ? splitUnit(label).unit : undefined
  const withUnit = unit ? { unit } : {}
  if (isColumnRole(mapped)) return { label, column, indicator: null, via: 'mapped', count: 0, ignored: false, role: mapped }
  if (mapped !== undefined) {
    const ind = indicators.byId.get(mapped)
    return { label, column, indicator: ind ? ind.id : null, via: ind ? 'mapped' : null, count: 0, ignored: mapped === '', ...withUnit }
  }
  const hit = indicators.match(label)
  return hit.indicator
    ? { label, column, indicator: hit.indicator.id, via: hit.via, count: 0, ignored: false, ...withUnit }
    : { label, column, indicator: null, via: null, count: 0, ignored: false, ...withUnit, ...(hit.unitConflict ? { unitConflict: hit.unitConflict.id } : {}) }
}

export function buildTable(
  input: TableInput,
  regions: RegionCatalogue,
  indicators: IndicatorLookup,
  options: ImportOptions = {},
): BuiltTable {
  const { file } = input
  const problems = new Problems()
  const builder = new FactTableBuilder(input.rows.length)
  const col = new Map<Field, number>()
  const repeatedColumns: [string, string][] = []
  const indicatorMap = keyMap(options.indicatorMap, normaliseHeader)
  input.headers.forEach((h, i) => {
    const f = fieldOf(h, options)
    if (f && col.has(f)) repeatedColumns.push([h, input.headers[col.get(f)!] ?? f])
    if (f && !col.has(f)) col.set(f, i)
  })
  const hasRegion = col.has('region') || col.has('regionCode')
  const long = col.has('indicator') && col.has('value')
  const wideColumns = hasRegion && !long ? input.headers.map((h, i) => (fieldOfHeader(h) ? -1 : i)).filter((i) => i >= 0) : []
  const shape: TableShape | null = long && hasRegion ? 'long' : wideColumns.length > 0 ? 'wide' : null
  const factRows: number[] = []
  const result = (rowsAccepted: number, totalRows: number, rowsRejected: number, columns: ColumnMatch[], unmatched: RegionMatch[], table = builder.build()): BuiltTable => ({
    table,
    report: { file, rowsRead: input.rows.length, rowsAccepted, totalRows, rowsRejected, problems: problems.list, problemCount: problems.count },
    shape,
    columns,
    unmatchedRegions: unmatched,
    factRows: Int32Array.from(factRows),
    ...(shape === 'long' ? { valueColumn: input.headers[col.get('value')!] ?? 'value' } : {}),
  })
  const headerRow = input.headerRow || undefined
  // A second column for the same field is not read; say so rather than drop it unseen.
  for (const [h, first] of repeatedColumns)
    problems.add({ code: 'duplicateColumn', file, ...(headerRow ? { row: headerRow } : {}), column: h, text: h, detail: first })

  if (shape === null) {
    const missing: Field[] = []
    if (!hasRegion) missing.push('region')
    for (const f of ['period', 'indicator', 'value'] as const) if (!col.has(f) && !(f === 'period' && options.period)) missing.push(f)
    for (const f of missing)
      problems.add({ code: 'missingColumn', file, ...(headerRow ? { row: headerRow } : {}), column: fieldName(f), detail: FIELD_HEADERS[f].join(' / ') })
    return result(0, 0, input.rows.length, [], [])
  }
  const fallbackPeriod = options.period ? normalisePeriod(options.period) : null
  if (!col.has('period') && !fallbackPeriod) {
    problems.add({ code: 'noPeriod', file, ...(headerRow ? { row: headerRow } : {}), column: fieldName('period'), detail: FIELD_HEADERS.period.join(' / ') })
    return result(0, 0, input.rows.length, [], [])
  }

  const header = (f: Field) => input.headers[col.get(f)!] ?? fieldName(f)
  const get = (row: readonly unknown[], f: Field) => {
    const i = col.get(f)
    return i === undefined ? '' : cellText(row[i]).trim()
  }
  const regionMap = keyMap(options.regionMap, normaliseRegionText)

  // Labels → indicators, with how each was matched.
  const columns = new Map<string, ColumnMatch>()
  const labelOf = (label: string, column: string): ColumnMatch => {
    const key = normaliseHeader(label)
    let m = columns.get(key)
    if (!m) {
      m = matchLabel(label, column, indicatorMap.get(key), indicators, shape === 'wide')
      columns.set(key, m)
    }
    m.count++
    return m
  }
  const wide = wideColumns.map((i) =>
    settleColumn(labelOf(input.headers[i]!, input.headers[i]!), indicators.byId, input.unitNotes?.[i], input.hiddenColumns?.[i] ?? false, indicatorMap.has(normaliseHeader(input.headers[i]!))),
  )
  for (const m of wide) m.count = 0
  for (const [later, first] of markConflicts(wide))
    problems.add({ code: 'columnConflict', file, ...(headerRow ? { row: headerRow } : {}), column: later.label, text: later.label, detail: first.label })

  const unmatched = new Map<string, RegionMatch>()
  const seen = new Map<string, { row: number; value: number | null }>()
  const totals: { row: number; column: string; period: string; indicator: Indicator; value: number }[] = []
  let totalRows = 0
  let rowsAccepted = 0
  let rejected = 0

  const placeHeaders: PlaceHeaders = {
    code: col.has('regionCode') ? header('regionCode') : '',
    name: header('region'),
    city: col.has('parent') ? header('parent') : '',
    province: col.has('province') ? header('province') : '',
  }
  const resolveRegion = (row: readonly unknown[], rowNo: number): Region | { problem: true } => {
    const text: RowPlaceText = { code: get(row, 'regionCode'), name: get(row, 'region'), city: get(row, 'parent'), province: get(row, 'province') }
    const mapped = regionMap.get(normaliseRegionText(text.name || text.code))
    if (mapped !== undefined && regions.has(mapped)) return regions.get(mapped)!
    const place = placeRow(regions, text)
    for (const p of placeProblems(file, rowNo, place, text, placeHeaders, regions)) problems.add(p)
    if (place.ok) return place.region
    const match = unmatchedOf(place, text, placeHeaders, rowNo)
    if (match) {
      const key = normaliseRegionText(match.text)
      const u = unmatched.get(key)
      if (u) u.count++
      else unmatched.set(key, match)
    }
    return { problem: true }
  }

  /** Adds one fact; returns false when the cell was rejected. */
  const addFact = (rowNo: number, region: Region, period: string, ind: Indicator, column: string, valueText: string, source: string, scale = 1): boolean => {
    // A column in another unit (元 for 万元) is read as written, then converted.
    const cell = scale === 1 ? parseCell(valueText, ind.unit) : scaledCell(parseCell(valueText), scale)
    if (!cell.ok) {
      problems.add({ code: cell.reason === 'unit' ? 'unitMismatch' : 'badValue', file, row: rowNo, column, text: valueText, ...(cell.reason === 'unit' ? { detail: ind.unit } : {}) })
      return false
    }
    const key = `${region.adcode}|${period}|${ind.id}`
    const first = seen.get(key)
    if (first !== undefined) {
      const same = first.value === cell.value || (first.value !== null && cell.value !== null && Math.abs(first.value - cell.value) < 1e-9)
      problems.add({ code: same ? 'repeatedRow' : 'duplicate', file, row: rowNo, column, text: valueText, detail: String(first.row) })
      return same
    }
    seen.set(key, { row: rowNo, value: cell.value })
    builder.add(region.adcode, period, ind.id, cell.value, source)
    factRows.push(rowNo)
    return true
  }

  const periodOf = (row: readonly unknown[], rowNo: number): string | null => {
    if (!col.has('period')) return fallbackPeriod
    const text = get(row, 'period')
    const p = normalisePeriod(text) ?? (text === '' ? fallbackPeriod : null)
    if (!p) problems.add({ code: 'badPeriod', file, row: rowNo, column: header('period'), text })
    return p
  }

  input.rows.forEach((raw, k) => {
    const rowNo = input.rowNumbers[k] ?? k + 1
    const row = raw
    const nameText = get(row, 'region')
    const isTotal = regions.isTotalLabel(nameText) || (!nameText && !get(row, 'regionCode') && regions.isTotalLabel(get(row, 'parent')))
    if (isTotal) {
      totalRows++
      const period = periodOf(row, rowNo)
      if (!period) return
      const record = (ind: Indicator | undefined, column: string, text: string, scale = 1) => {
        const cell = scale === 1 ? parseCell(text, ind?.unit) : scaledCell(parseCell(text), scale)
        if (ind && cell.ok && cell.value !== null && ind.aggregation.kind === 'sum') totals.push({ row: rowNo, column, period, indicator: ind, value: cell.value })
      }
      if (shape === 'long') {
        const m = labelOf(get(row, 'indicator'), header('indicator'))
        m.count--
        record(m.indicator ? indicators.byId.get(m.indicator) : undefined, header('value'), get(row, 'value'))
      } else {
        wideColumns.forEach((c, j) => {
          const m = wide[j]!
          record(m.indicator && !m.ignored ? indicators.byId.get(m.indicator) : undefined, m.label, cellText(row[c]).trim(), m.scale)
        })
      }
      return
    }
    const region = resolveRegion(row, rowNo)
    if ('problem' in region) {
      rejected++
      return
    }
    const period = periodOf(row, rowNo)
    if (!period) {
      rejected++
      return
    }
    const source = unguard(get(row, 'source')) || input.defaultSource
    let facts = 0
    if (shape === 'long') {
      const text = get(row, 'indicator')
      const m = labelOf(text, header('indicator'))
      const ind = m.indicator && !m.ignored ? indicators.byId.get(m.indicator) : undefined
      if (!ind) {
        problems.add({ code: 'unknownIndicator', file, row: rowNo, column: header('indicator'), text })
        rejected++
        return
      }
      if (addFact(rowNo, region, period, ind, header('value'), get(row, 'value'), source)) facts++
    } else {
      wideColumns.forEach((c, j) => {
        const m = wide[j]!
        const text = cellText(row[c]).trim()
        const ind = m.indicator && !m.ignored && m.conflict === undefined ? indicators.byId.get(m.indicator) : undefined
        if (text !== '') m.count++
        if (!ind) return
        if (addFact(rowNo, region, period, ind, m.label, text, source, m.scale)) facts++
      })
    }
    if (facts > 0) rowsAccepted++
    else rejected++
  })

  for (const m of wide) {
    if (!m.indicator && !m.ignored && !m.role) problems.add({ code: 'unmatchedColumn', file, ...(headerRow ? { row: headerRow } : {}), column: m.label, text: m.label })
  }
  const table = builder.build()
  const periodCode = new Map(table.periods.map((p, c) => [p, c]))
  const numbered = totals.map((t) => ({ ...t, period: periodCode.get(t.period) ?? -1 }))
  for (const p of checkTotals(file, numbered, table, table.period, regions)) problems.add(p)
  return result(rowsAccepted, totalRows, rejected, [...columns.values()], [...unmatched.values()], table)
}

/** A file whose every row is a total (合计, 全市) loads nothing; the report says why. */
export function explainOnlyTotals<T extends { report: LoadReport }>(r: T): T {
  const rep = r.report
  if (rep.rowsAccepted === 0 && rep.problemCount === 0 && rep.totalRows > 0) {
    rep.problems.push({ code: 'onlyTotals', file: rep.file, text: String(rep.totalRows) })
    rep.problemCount++
  }
  return r
}
