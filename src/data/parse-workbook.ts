/**
 * A workbook → a validated table and a report. The stages, each in its own module:
 *
 *   bytes ─ read.ts (ExcelJS) ─ sheets ─ sheets.ts (which sheets, how their names read)
 *         ─ per sheet: layout.ts (header, titles, notes) ─ table.ts (cells by type and format)
 *         ─ finish (facts.ts: regions, periods, indicators, units) ─ combine-parsed.ts (several sheets)
 *
 * Part of the general path: the loader worker loads it, and ExcelJS with it, with the first workbook.
 */
import { fieldOfHeader } from './facts'
import { sizeOf, wholeBufferOf } from './byte-source'
import type { Grid } from './grid'
import { combineParsed, describeWith } from './combine-parsed'
import { failed, finish, regionLookup, review } from './parse-steps'
import type { Catalogues, ParsedFile, ParseRequest } from './parse-types'
import { readWorkbook } from './workbook/read'
import { summariseSheets } from './workbook/sheets'
import { sheetGrid } from './workbook/table'
import { sheetPreview } from './workbook/preview'
import type { SheetReading, SheetReport, SheetSummary, WorkbookInfo } from './workbook/report'
import type { Sheet } from './workbook/sheet'

export async function parseWorkbook(req: ParseRequest, catalogues: Catalogues): Promise<ParsedFile> {
  const book = await readWorkbook(wholeBufferOf(req.bytes))
  if (typeof book === 'string') return failed(req, 'xlsx', { code: 'badXlsx', detail: book })
  if (book.length === 0) return failed(req, 'xlsx', { code: 'emptyFile' })
  const regions = regionLookup(catalogues)
  const choices = req.workbook ?? {}
  const year = /(?:19|20)\d{2}/.exec(req.file)?.[0]
  const summaries = summariseSheets(book, regions, year, choices.sheets ?? (req.sheet ? [req.sheet] : undefined))
  const chosen = summaries.filter((s) => s.chosen)
  const several = chosen.length > 1
  const header = choices.header ? { top: choices.header.top - 1, rows: choices.header.rows } : undefined
  const reports: SheetReport[] = []
  const parts = chosen.map((summary) => {
    const sheet = book.find((s) => s.name === summary.name)!
    const { grid, report } = sheetGrid(several ? `${req.file} › ${sheet.name}` : req.file, sheet, { ...(header ? { header } : {}), ...(choices.dots ? { dots: choices.dots } : {}) })
    reports.push(report)
    const period = standFor(grid, summary.reading, several)
    const part: ParseRequest = {
      ...req,
      file: several ? `${req.file} › ${sheet.name}` : req.file,
      // Each sheet of several stands for its own period; one sheet takes the period the user gave first.
      options: { ...req.options, ...(period && (several || !req.options?.period) ? { period } : {}) },
    }
    // The title's period is used only when nothing else gave one; then the preview says so.
    if (part.options?.period) report.notes = report.notes.filter((n) => n.kind !== 'periodHint')
    return review(finish(part, 'xlsx', { grid }, catalogues), part, catalogues)
  })
  const result = parts.length > 0 ? combineParsed(parts, req.file, describeWith(catalogues)) : emptyResult(req)
  if (several) result.report.file = req.file
  result.bytes = sizeOf(req.bytes)
  result.workbook = workbookInfo(book, summaries, reports, several)
  return result
}

/**
 * The sheet's name stands for what its table lacks: a period (returned, for the period option), a
 * region (a 地区 column), or the city of a table of districts (a 所属市 column).
 */
function standFor(grid: Grid, reading: SheetReading, several: boolean): string | undefined {
  const fields = new Set(grid.headers.map((h) => fieldOfHeader(h)))
  if (reading.kind === 'period') return fields.has('period') ? undefined : reading.period
  if (reading.kind !== 'region' || (!several && fields.has('region'))) return undefined
  const column = fields.has('region') ? (fields.has('parent') ? null : '所属市') : '地区'
  if (!column) return undefined
  grid.headers.push(column)
  for (const row of grid.rows) row.push(reading.name)
  grid.unitNotes?.push(undefined)
  grid.hiddenColumns?.push(false)
  return undefined
}

function workbookInfo(book: readonly Sheet[], sheets: SheetSummary[], reports: SheetReport[], several: boolean): WorkbookInfo {
  const first = sheets.find((s) => s.chosen)
  const sheet = first ? book.find((s) => s.name === first.name) : undefined
  const kinds = new Set(sheets.filter((s) => s.chosen).map((s) => s.reading.kind))
  const as = several && kinds.size === 1 ? [...kinds][0] : undefined
  return {
    sheets,
    reports,
    preview: sheet && reports[0] ? sheetPreview(sheet, reports[0].header) : null,
    sheetsAs: as === 'period' ? 'period' : as === 'region' ? 'region' : null,
  }
}

function emptyResult(req: ParseRequest): ParsedFile {
  return failed(req, 'xlsx', { code: 'emptyFile' })
}
