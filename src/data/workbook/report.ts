/**
 * What reading a workbook did, for the preview to show: which sheets there are and how their names
 * read, where the header was found, and every row, column and cell that was read in a way the
 * user should know about (skipped rows, merged cells filled down, hidden rows and columns,
 * percent and date cells, the reading of 2023.1). Plain data, posted from the worker.
 */
import type { DotMonth } from './period-dots'
import type { HeaderChoice, SkipKind } from './layout'

export type WorkbookNote =
  | { kind: 'skipped'; what: SkipKind; rows: number[] }
  | { kind: 'leftOut'; column: string }
  | { kind: 'filledDown'; column: string; cells: number }
  | { kind: 'hiddenRows'; rows: number[] }
  | { kind: 'hiddenColumn'; column: string; letter: string; leftOut: boolean }
  | { kind: 'percent'; column: string; cells: number }
  | { kind: 'dates'; column: string; as: 'year' | 'month' | 'period' }
  | { kind: 'dots'; column: string; one: DotMonth | null; by: 'column' | 'user' | null }
  | { kind: 'periodHint'; period: string }
  | { kind: 'unitNote'; unit: string }

/** How a sheet's name reads: a period, a region, or nothing the table needs. */
export type SheetReading = { kind: 'period'; period: string } | { kind: 'region'; adcode: string; name: string } | { kind: 'none' }

export interface SheetSummary {
  name: string
  /** cover: no table (a cover, instructions, a definitions sheet); hidden: hidden in the workbook. */
  kind: 'data' | 'cover' | 'hidden'
  reading: SheetReading
  /** Read into this import. */
  chosen: boolean
}

export interface SheetReport {
  sheet: string
  /** 1-based first header row and how many rows the header has. */
  header: HeaderChoice
  detected: boolean
  notes: WorkbookNote[]
}

/** The first rows of a sheet as text, for placing the header by hand. */
export interface SheetPreview {
  sheet: string
  rows: string[][]
  /** 1-based row number of rows[0]. */
  first: number
  /** Rows the table reads as header, 1-based. */
  header: HeaderChoice
}

export interface WorkbookInfo {
  sheets: SheetSummary[]
  /** One per sheet read. */
  reports: SheetReport[]
  preview: SheetPreview | null
  /** How the names of several sheets read into one import were used: as periods or as regions. */
  sheetsAs: 'period' | 'region' | null
}
