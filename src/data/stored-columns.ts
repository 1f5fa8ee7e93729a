/**
 * A table's five columns as the database keeps them: one Blob, values first so that every column
 * starts on an 8-byte boundary, then (when given) the rows grouped by indicator and period that the
 * index needs, so a reload does not group a large table again on the page's thread. The loader
 * worker makes it beside the table it sends, so the page neither copies a large table's columns
 * nor serialises them when it saves an import.
 */
import type { RowGroups } from '@/domain/aggregate'
import type { FactTable } from '@/domain/table'

type Columns = Pick<FactTable, 'length' | 'value' | 'region' | 'period' | 'indicator' | 'source' | 'indicators' | 'periods'>

export function columnsBlob(table: Columns, groups?: RowGroups): Blob {
  const { value, region, period, indicator, source } = table
  const parts = groups ? [value, region, period, indicator, source, groups.rows, groups.offsets] : [value, region, period, indicator, source]
  // The columns never live on shared memory, which is all the wider typed-array type allows for.
  return new Blob(parts as ArrayBufferView<ArrayBuffer>[])
}

/** Bytes of a columns Blob of the table: the columns alone, or with the row groups. */
export function columnsBytes(table: Pick<FactTable, 'length' | 'indicators' | 'periods'>, grouped: boolean): number {
  const n = table.length
  return n * 24 + (grouped ? n * 4 + (table.indicators.length * table.periods.length + 1) * 4 : 0)
}

/** The table's columns, and its row groups when the Blob holds them, read back from a Blob's bytes. */
export function columnsOf(
  buf: ArrayBuffer,
  table: Pick<FactTable, 'length' | 'indicators' | 'periods'>,
): { columns: Pick<FactTable, 'value' | 'region' | 'period' | 'indicator' | 'source'>; groups?: RowGroups } | null {
  const n = table.length
  const grouped = buf.byteLength === columnsBytes(table, true)
  if (!grouped && buf.byteLength !== columnsBytes(table, false)) return null
  const u32 = (k: number, length = n) => new Uint32Array(buf, n * 8 + k * n * 4, length)
  const columns = { value: new Float64Array(buf, 0, n), region: u32(0), period: u32(1), indicator: u32(2), source: u32(3) }
  return grouped ? { columns, groups: { rows: u32(4), offsets: u32(5, table.indicators.length * table.periods.length + 1) } } : { columns }
}
