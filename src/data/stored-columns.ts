/**
 * A table's five columns as the database keeps them: one Blob, values first so that every column
 * starts on an 8-byte boundary. The loader worker makes it beside the table it sends, so the page
 * neither copies a large table's columns nor serialises them when it saves an import.
 */
import type { FactTable } from '@/domain/table'

export function columnsBlob(table: FactTable): Blob {
  const { value, region, period, indicator, source } = table
  // The columns never live on shared memory, which is all the wider typed-array type allows for.
  return new Blob([value, region, period, indicator, source] as ArrayBufferView<ArrayBuffer>[])
}
