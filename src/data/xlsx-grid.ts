/** A workbook's bytes → grid. Part of the general path; the workbook reader loads only when a workbook is opened. */
import { gridFromRecords, type Grid } from './grid'

/** Sheet names and the rows of the chosen sheet (the first when none is named). */
export async function gridFromXlsx(file: string, bytes: ArrayBuffer, sheet?: string): Promise<Grid | string> {
  // Loaded only when a spreadsheet is opened; the rest of the app never pays for it.
  const { default: readXlsxFile } = await import('read-excel-file/universal')
  let sheets: { sheet: string; data: unknown[][] }[]
  try {
    sheets = (await readXlsxFile(bytes)) as unknown as { sheet: string; data: unknown[][] }[]
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  const chosen = sheets.find((s) => s.sheet === sheet) ?? sheets[0]
  if (!chosen) return 'the workbook has no sheet'
  const grid = gridFromRecords(file, chosen.data.map((r) => r.map(xlsxCell)))
  grid.sheets = sheets.map((s) => s.sheet)
  grid.sheet = chosen.sheet
  return grid
}

/** Date cells (a month typed as a date) become YYYY-MM, which the period reader understands. */
function xlsxCell(v: unknown): unknown {
  if (v instanceof Date) return `${v.getUTCFullYear()}-${String(v.getUTCMonth() + 1).padStart(2, '0')}`
  return v
}
