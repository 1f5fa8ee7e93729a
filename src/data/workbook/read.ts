/**
 * An .xlsx file's bytes → plain sheets (sheet.ts), by ExcelJS. The only module that touches the
 * library: it gives what the earlier reader could not (number formats, merged ranges, hidden rows
 * and columns, formulas with their cached results). Loaded inside the worker when a workbook is
 * opened; nothing else pays for it.
 */
import type { Cell, Worksheet } from 'exceljs'
import { loadExcel } from '../exceljs'
import type { Merge, Sheet, SheetCell, Workbook } from './sheet'

/** The workbook's sheets, or the reason it cannot be read. */
export async function readWorkbook(bytes: ArrayBuffer): Promise<Workbook | string> {
  const { Workbook: ExcelWorkbook } = await loadExcel()
  const wb = new ExcelWorkbook()
  try {
    await wb.xlsx.load(bytes)
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  return wb.worksheets.map(sheetOf)
}

function sheetOf(ws: Worksheet): Sheet {
  const rows: (SheetCell | undefined)[][] = []
  const hiddenRows = new Set<number>()
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.add(rowNumber - 1)
    const cells: (SheetCell | undefined)[] = []
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const c = cellOf(cell)
      if (c) cells[col - 1] = c
    })
    if (cells.length > 0) rows[rowNumber - 1] = cells
  })
  const hiddenColumns = new Set<number>()
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.add(c - 1)
  return { name: ws.name, hidden: ws.state !== 'visible', rows, merges: mergesOf(ws), hiddenRows, hiddenColumns }
}

/** ExcelJS keeps merged ranges by master address; each range's model is 1-based. */
function mergesOf(ws: Worksheet): Merge[] {
  const ranges = (ws as unknown as { _merges?: Record<string, { model?: Merge }> })._merges ?? {}
  const out: Merge[] = []
  for (const r of Object.values(ranges)) {
    const m = r.model
    if (m) out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 })
  }
  return out
}

/** ExcelJS's ValueType.Merge: a cell covered by a merged range (its value is the master's). */
const MERGE_SLAVE = 1

function cellOf(cell: Cell): SheetCell | undefined {
  if (cell.type === MERGE_SLAVE) return undefined
  const format = cell.numFmt && cell.numFmt !== 'General' ? { format: cell.numFmt } : {}
  const v = cell.value as unknown
  if (v === null || v === undefined) return undefined
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return { value: v, ...format }
  if (typeof v !== 'object') return { value: String(v) }
  const o = v as Record<string, unknown>
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = `=${String(o.formula ?? o.sharedFormula)}`
    const result = o.result
    if (result === undefined || result === null) return { value: null, formula, noResult: true, ...format }
    if (typeof result === 'object' && !(result instanceof Date)) return { value: null, formula, error: String((result as { error?: unknown }).error ?? '#VALUE!') }
    return { value: result as SheetCell['value'], formula, ...format }
  }
  if ('error' in o) return { value: null, error: String(o.error) }
  if (Array.isArray(o.richText)) return { value: (o.richText as { text?: unknown }[]).map((p) => String(p.text ?? '')).join('') }
  if ('text' in o) return { value: String(o.text ?? '') }
  return { value: String(v) }
}
