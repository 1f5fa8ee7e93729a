/**
 * ExcelJS, loaded on first use: the loader worker reads workbooks with it (workbook/read.ts) and
 * the page writes the reporting template with it (export/template.ts). Neither is in the first view.
 */
export type ExcelModule = typeof import('exceljs')

export async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule }
  // The browser build is a UMD bundle: its namespace arrives as the default export.
  return mod.default?.Workbook ? mod.default : mod
}
