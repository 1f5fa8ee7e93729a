/** The data behind charts as CSV (UTF-8 with BOM, CRLF) and .xlsx (loaded on first use). */
import { toCsv, type CsvCell } from './csv'
import type { ChartExportSpec, DataTable } from './types'

/** The notes under a chart's data: coverage (when a figure stands on part of its region), definition, source, as-of date. */
function notes(spec: ChartExportSpec): CsvCell[][] {
  return [...(spec.coverage ? [[spec.coverage]] : []), [spec.definition], [spec.source], [spec.asOf]]
}

/** Rows of one chart's data, followed by its notes. */
function section(spec: ChartExportSpec, table: DataTable): CsvCell[][] {
  return [[spec.title], [spec.filters.join(' · ')], table.header, ...table.rows, [], ...notes(spec)]
}

export function chartCsv(spec: ChartExportSpec): string {
  const table = spec.table()
  return toCsv([table.header, ...table.rows, [], [spec.title], [spec.filters.join(' · ')], ...notes(spec)])
}

/** Every chart of the view, one block each, separated by an empty line. */
export function viewCsv(specs: readonly ChartExportSpec[]): string {
  const rows: CsvCell[][] = []
  specs.forEach((s, i) => {
    if (i > 0) rows.push([])
    rows.push(...section(s, s.table()))
  })
  return toCsv(rows)
}

export function csvBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' })
}

/** Excel sheet names: at most 31 characters, none of `[ ] : * ? / \`, unique. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((n) => {
    const base = n.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet'
    let name = base
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`
    used.add(name.toLowerCase())
    return name
  })
}

/** `职工稳定率_地图_2023`: the subject shortened, never the kind or the period, to fit 31 characters. */
export function sheetTitle(parts: NonNullable<DataTable['sheet']>): string {
  const tail = `_${parts.kind}_${parts.period}`
  const room = Math.max(1, 31 - [...tail].length)
  return `${[...parts.subject].slice(0, room).join('')}${tail}`
}

/** An Excel number format with the given decimals: 0, 0.0, 0.00… */
export function numberFormat(decimals: number): string {
  const d = Math.max(0, Math.min(6, Math.trunc(decimals)))
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`
}

/** One sheet per chart: its table, then its title, filters, definition, source and as-of date. */
export async function xlsxBlob(specs: readonly ChartExportSpec[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser')
  const tables = specs.map((s) => s.table())
  const names = sheetNames(tables.map((t) => (t.sheet ? sheetTitle(t.sheet) : t.name)))
  const sheets = specs.map((spec, i) => {
    const t = tables[i]!
    // Numbers are kept as numbers, shown with the indicator's decimals.
    const cell = (v: CsvCell, k: number) => {
      if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null
      const decimals = t.decimals?.[k]
      return typeof v === 'number' && typeof decimals === 'number' ? { value: v, format: numberFormat(decimals) } : v
    }
    const data = [
      t.header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
      ...t.rows.map((r) => r.map(cell)),
      [],
      [spec.title],
      [spec.filters.join(' · ')],
      ...notes(spec),
    ]
    return { data, sheet: names[i]!, columns: t.header.map((h, k) => ({ width: k === 0 ? 14 : Math.max(12, h.length * 2 + 2) })) }
  })
  return writeXlsxFile(sheets, { fontFamily: 'Microsoft YaHei', fontSize: 11 }).toBlob()
}
