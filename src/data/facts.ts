/**
 * Parsed rows → validated columnar table. Every row is either accepted, recognised as a total
 * (合计/全市 …), or rejected with a problem that names the file, the row and the column. Nothing is
 * dropped without a trace.
 */
import type { Indicator } from '@/domain/types'
import { FactTableBuilder, type FactTable } from '@/domain/table'
import { normalisePeriod } from '@/domain/periods'
import type { RegionCatalogue } from '@/domain/regions'
import { parseCell } from './values'

export type ProblemCode =
  | 'emptyFile'
  | 'parseError'
  | 'badJson'
  | 'missingColumn'
  | 'unknownRegion'
  | 'ambiguousRegion'
  | 'badPeriod'
  | 'unknownIndicator'
  | 'badValue'
  | 'duplicate'

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
}

export interface LoadReport {
  file: string
  rowsRead: number
  rowsAccepted: number
  /** Rows recognised as totals (合计, 全市 …): kept out of the table, which rolls up by itself. */
  totalRows: number
  rowsRejected: number
  /** The first problems in file order (capped), and how many there were in all. */
  problems: LoadProblem[]
  problemCount: number
}

export const MAX_LISTED_PROBLEMS = 200

export type Field = 'regionCode' | 'region' | 'parent' | 'period' | 'indicator' | 'value' | 'source'

/** Header spellings of each tidy column (compared after normalising case, width and spaces). */
const FIELD_HEADERS: Record<Field, string[]> = {
  regionCode: ['region_code', 'adcode', 'code', '行政区划代码', '区划代码', '地区代码', '代码'],
  region: ['region', 'region_name', 'name', '地区', '地区名称', '区县', '县区', '县(市、区)', '行政区', '单位', '名称'],
  parent: ['parent', 'city', '所属市', '设区市', '城市', '市'],
  period: ['period', 'year', 'date', '期间', '时间', '年份', '年度', '月份', '统计期'],
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

export function fieldOfHeader(header: string): Field | undefined {
  return HEADER_TO_FIELD.get(normaliseHeader(header))
}

/** Looks indicators up by id, Chinese or English name, or alias; never by partial match. */
export class IndicatorLookup {
  private readonly byKey = new Map<string, Indicator>()
  constructor(indicators: readonly Indicator[]) {
    for (const ind of indicators) {
      for (const k of [ind.id, ind.name.zh, ind.name.en, ...ind.aliases]) {
        const key = normaliseHeader(k)
        if (!this.byKey.has(key)) this.byKey.set(key, ind)
      }
    }
  }
  find(text: string): Indicator | undefined {
    return this.byKey.get(normaliseHeader(text))
  }
}

export interface TidyInput {
  file: string
  headers: readonly string[]
  /** Data rows, each aligned with `headers`. */
  rows: readonly (readonly unknown[])[]
  /** Spreadsheet row number of rows[0]; 2 for a CSV with one header line. */
  firstRow: number
  /** Source label for rows without a source column. */
  defaultSource: string
}

export interface BuiltTable {
  table: FactTable
  report: LoadReport
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

export function buildTidyTable(
  input: TidyInput,
  regions: RegionCatalogue,
  indicators: IndicatorLookup,
): BuiltTable {
  const problems: LoadProblem[] = []
  let problemCount = 0
  const report = (p: LoadProblem) => {
    problemCount++
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p)
  }
  const { file } = input
  const col = new Map<Field, number>()
  input.headers.forEach((h, i) => {
    const f = fieldOfHeader(h)
    if (f && !col.has(f)) col.set(f, i)
  })
  const missing: Field[] = []
  if (!col.has('region') && !col.has('regionCode')) missing.push('region')
  for (const f of ['period', 'indicator', 'value'] as const) if (!col.has(f)) missing.push(f)
  const builder = new FactTableBuilder(input.rows.length)
  if (missing.length > 0) {
    for (const f of missing) {
      report({ code: 'missingColumn', file, row: input.firstRow - 1, column: f, detail: FIELD_HEADERS[f].join(' / ') })
    }
    return {
      table: builder.build(),
      report: { file, rowsRead: input.rows.length, rowsAccepted: 0, totalRows: 0, rowsRejected: input.rows.length, problems, problemCount },
    }
  }
  const header = (f: Field) => input.headers[col.get(f)!] ?? f
  const get = (row: readonly unknown[], f: Field) => {
    const i = col.get(f)
    return i === undefined ? '' : cellText(row[i]).trim()
  }

  const seen = new Map<string, number>()
  let totalRows = 0
  let rejected = 0
  input.rows.forEach((row, k) => {
    const rowNo = input.firstRow + k
    const fail = (p: Omit<LoadProblem, 'file' | 'row'>) => {
      report({ file, row: rowNo, ...p })
      rejected++
    }
    const codeText = get(row, 'regionCode')
    const nameText = get(row, 'region')
    if (regions.isTotalLabel(nameText) || (!codeText && regions.isTotalLabel(get(row, 'parent')) && !nameText)) {
      totalRows++
      return
    }
    let resolved = codeText ? regions.resolve(codeText) : undefined
    if (!resolved?.ok && nameText) {
      const parent = get(row, 'parent')
      resolved = regions.resolve(nameText, parent ? { parent } : undefined)
    }
    if (!resolved?.ok) {
      const ambiguous = resolved && !resolved.ok && resolved.reason === 'ambiguous'
      return fail({
        code: ambiguous ? 'ambiguousRegion' : 'unknownRegion',
        column: header(nameText ? 'region' : 'regionCode'),
        text: nameText || codeText,
        ...(ambiguous ? { detail: resolved!.candidates.map((c) => `${regions.parentOf(c.adcode)?.name ?? ''}${c.name}`).join('、') } : {}),
      })
    }
    const periodText = get(row, 'period')
    const period = normalisePeriod(periodText)
    if (!period) return fail({ code: 'badPeriod', column: header('period'), text: periodText })
    const indText = get(row, 'indicator')
    const ind = indicators.find(indText)
    if (!ind) return fail({ code: 'unknownIndicator', column: header('indicator'), text: indText })
    const valueText = get(row, 'value')
    const cell = parseCell(valueText)
    if (!cell.ok) return fail({ code: 'badValue', column: header('value'), text: valueText })
    const key = `${resolved.region.adcode}|${period}|${ind.id}`
    const first = seen.get(key)
    if (first !== undefined) return fail({ code: 'duplicate', column: header('indicator'), text: indText, detail: String(first) })
    seen.set(key, rowNo)
    builder.add(resolved.region.adcode, period, ind.id, cell.value, get(row, 'source') || input.defaultSource)
  })
  return {
    table: builder.build(),
    report: {
      file,
      rowsRead: input.rows.length,
      rowsAccepted: builder.length,
      totalRows,
      rowsRejected: rejected,
      problems,
      problemCount,
    },
  }
}
