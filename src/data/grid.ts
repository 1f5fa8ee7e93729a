/**
 * Decoded text, JSON or a spreadsheet → a grid: one header row and data rows, each row carrying the
 * number a spreadsheet (or, for JSON, a reader counting items) would show for it. Problems that
 * concern the file's structure (ragged rows, an unclosed quote) are found here. JSON is read here;
 * CSV text (csv-grid.ts) and workbooks (xlsx-grid.ts) are read where their parsers are loaded, on
 * first use.
 */
import type { Indicator } from '@/domain/types'
import type { Delimiter } from './delimiter'
import type { LoadProblem } from './facts'
import { customIndicator, readCustomSpec } from './custom'

export interface Grid {
  headers: string[]
  rows: unknown[][]
  /** Spreadsheet row number of each entry of `rows`. */
  rowNumbers: number[]
  /** Row number of the header (0 when the headers are implied, as in JSON objects). */
  headerRow: number
  /** Rows left out of `rows` because their structure is broken; each has a problem. */
  rejected: number
  problems: LoadProblem[]
  delimiter?: Delimiter
  sheets?: string[]
  sheet?: string
  /** Indicator definitions that came with a JSON file. */
  customIndicators?: Indicator[]
  /** Region names that came with a JSON file, as [text, adcode]. */
  regionAliases?: [string, string][]
  /** Workbooks: per column, a unit named by a note over it (单位：万元) and whether it is hidden. */
  unitNotes?: (string | undefined)[]
  hiddenColumns?: boolean[]
  /** Workbooks: a period named in the title, used when the table has no period column. */
  periodHint?: string
}

export type Progress = (fraction: number) => void

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Spreadsheet column letter: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
}

/** Header cells as text; a blank header is named after its column letter so problems can point at it. */
function headerTexts(cells: readonly unknown[]): string[] {
  const out = cells.map((c, i) => (isBlank(c) ? `(${columnLetter(i)})` : String(c).trim()))
  while (out.length > 0 && isBlank(cells[out.length - 1])) out.pop()
  return out
}

/**
 * Rows of raw cells (CSV records or sheet rows) → grid. Blank rows are skipped but still counted,
 * so row numbers stay those of the file. A row with more or fewer cells than the header is
 * rejected, except for trailing empty cells.
 */
export function gridFromRecords(file: string, records: readonly (readonly unknown[])[], numbers?: readonly number[]): Grid {
  const grid: Grid = { headers: [], rows: [], rowNumbers: [], headerRow: 0, rejected: 0, problems: [] }
  let k = 0
  for (; k < records.length; k++) if (!records[k]!.every(isBlank)) break
  const head = records[k]
  if (head === undefined) return grid
  grid.headers = headerTexts(head)
  grid.headerRow = numbers?.[k] ?? k + 1
  const width = grid.headers.length
  for (let i = k + 1; i < records.length; i++) {
    const cells = records[i]!
    const row = numbers?.[i] ?? i + 1
    if (cells.every(isBlank)) continue
    let n = cells.length
    while (n > width && isBlank(cells[n - 1])) n--
    if (n !== width) {
      grid.rejected++
      grid.problems.push({ code: 'raggedRow', file, row, text: String(n), detail: String(width) })
      continue
    }
    grid.rows.push(cells.slice(0, width) as unknown[])
    grid.rowNumbers.push(row)
  }
  return grid
}

/**
 * The JSON shapes accepted:
 *   1. [ {region, period, indicator, value, …}, … ] or wide objects [ {地区, 年份, 职工稳定率(%), …}, … ]
 *   2. { "facts": [ … as 1 … ], "indicators": [ custom indicator specs ], "regions": [ {name, code} ] }
 *   3. nested { "<region>": { "<period>": <value> } } (the indicator named by a top-level
 *      "indicator" next to "data", or by the file name), or { "<region>": { "<period>": { "<indicator>": <value> } } }
 *   4. [ [header, …], [cell, …], … ] (a sheet as arrays)
 * Returns a grid or the reason the JSON is not one of these.
 */
export function gridFromJson(file: string, json: unknown): Grid | string {
  if (Array.isArray(json) && json.every(Array.isArray)) return gridFromRecords(file, json as unknown[][])
  if (Array.isArray(json)) return gridFromObjects(json)
  if (!isRecord(json)) return 'expected [ {…}, … ], { "facts": [ … ] } or { "<region>": { "<period>": value } }'
  if (Array.isArray(json.facts)) {
    const grid = gridFromObjects(json.facts)
    if (Array.isArray(json.indicators)) grid.customIndicators = customIndicatorsOf(file, json.indicators, grid.problems)
    if (Array.isArray(json.regions)) grid.regionAliases = regionAliasesOf(json.regions)
    return grid
  }
  const nested = isRecord(json.data) ? json.data : json
  const label = typeof json.indicator === 'string' && isRecord(json.data) ? json.indicator : baseName(file)
  const regions = Object.entries(nested)
  if (regions.length === 0 || !regions.every(([, v]) => isRecord(v)))
    return 'expected [ {…}, … ], { "facts": [ … ] } or { "<region>": { "<period>": value } }'
  const headers = ['region', 'period']
  const column = new Map<string, number>()
  const rows: unknown[][] = []
  const rowNumbers: number[] = []
  regions.forEach(([region, periods], i) => {
    for (const [period, v] of Object.entries(periods as Record<string, unknown>)) {
      const row: unknown[] = [region, period]
      const cells: [string, unknown][] = isRecord(v) ? Object.entries(v) : [[label, v]]
      for (const [name, value] of cells) {
        let c = column.get(name)
        if (c === undefined) {
          c = headers.length
          column.set(name, c)
          headers.push(name)
        }
        row[c] = value
      }
      rows.push(row)
      rowNumbers.push(i + 1)
    }
  })
  for (const r of rows) r.length = headers.length
  return { headers, rows, rowNumbers, headerRow: 0, rejected: 0, problems: [] }
}

function gridFromObjects(items: readonly unknown[]): Grid {
  const headers = [...new Set(items.flatMap((r) => (isRecord(r) ? Object.keys(r) : [])))]
  const rows = items.map((r) => (isRecord(r) ? headers.map((h) => (Object.hasOwn(r, h) ? r[h] : undefined)) : headers.map(() => undefined)))
  // JSON items are numbered from 1 (the first object), as a reader counts them.
  return { headers, rows, rowNumbers: rows.map((_, i) => i + 1), headerRow: 0, rejected: 0, problems: [] }
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')
}

function customIndicatorsOf(file: string, list: readonly unknown[], problems: LoadProblem[]): Indicator[] {
  const out: Indicator[] = []
  list.forEach((x, i) => {
    const { spec, problems: fields } = readCustomSpec(x)
    if (!spec) {
      problems.push({ code: 'badIndicatorSpec', file, row: i + 1, column: 'indicators', text: (JSON.stringify(x) ?? String(x)).slice(0, 80) })
      return
    }
    for (const f of fields) problems.push({ code: 'badIndicatorField', file, row: i + 1, column: spec.name, text: f.value, detail: f.field })
    out.push(customIndicator(spec))
  })
  return out
}

function regionAliasesOf(list: readonly unknown[]): [string, string][] {
  const out: [string, string][] = []
  for (const r of list) {
    if (!isRecord(r)) continue
    const code = [r.adcode, r.code, r.region_code].find((c) => typeof c === 'string' || typeof c === 'number')
    const name = [r.name, r.region].find((c) => typeof c === 'string')
    if (code !== undefined && typeof name === 'string') out.push([name, String(code)])
  }
  return out
}
