/**
 * What a parse is asked and what it gives, shared by every reader (the columnar CSV reader, the
 * grid readers for JSON and workbooks) and by the page.
 */
import type { Indicator, Region } from '@/domain/types'
import type { Encoding } from './decode'
import type { FileBytes } from './byte-source'
import type { Delimiter } from './delimiter'
import type { BuiltTable, ImportOptions } from './facts'
import type { WorkbookInfo } from './workbook/report'
import type { DotMonth } from './workbook/period-dots'

export type FileFormat = 'csv' | 'json' | 'xlsx'

export interface ParseRequest {
  file: string
  /** The file: its bytes, or (in the loader worker) the Blob, which the tidy-CSV path reads in pieces. */
  bytes: FileBytes
  format?: FileFormat
  encoding?: Encoding
  delimiter?: Delimiter
  /** Sheet of a workbook; the first when absent. */
  sheet?: string
  /** Choices made in a workbook's preview. */
  workbook?: WorkbookChoices
  /** Source label for rows that carry none. */
  defaultSource: string
  options?: ImportOptions
  /** Skip the fast tidy-CSV path (used to compare the two paths; the result is the same). */
  generalPath?: boolean
  /** Most facts one file may give; by default what the device's memory holds (`maxRowsHere`). */
  maxRows?: number
}

export interface WorkbookChoices {
  /** Sheets to read; by default the data sheets as workbook/sheets.ts picks them. */
  sheets?: string[]
  /** Header rows placed by the user: first row as the sheet numbers it, and how many rows. */
  header?: { top: number; rows: number }
  /** How a period number such as 2023.1 reads. */
  dots?: DotMonth
}

export interface Catalogues {
  regions: readonly Region[]
  indicators: readonly Indicator[]
  /**
   * URL of the national catalogue. When given, the worker loads it first, so that a place outside
   * `regions` named in a parent column (北京市 beside 通州区) is told apart from text that is no place.
   */
  world?: string
}

export interface ParsedFile extends BuiltTable {
  format: FileFormat
  /** Absent for xlsx, which is not text. */
  encoding?: Encoding
  delimiter?: Delimiter
  sheets?: string[]
  sheet?: string
  /** Indicators defined in the file itself (JSON "indicators"). */
  customIndicators: Indicator[]
  bytes: number
  /** Workbooks: the sheets, how each was read, and the first rows for placing the header. */
  workbook?: WorkbookInfo
  /** The files put together in this result, when there are several. */
  files?: string[]
  /** The table's columns as the database keeps them, made by the loader worker (stored-columns.ts). */
  storedColumns?: Blob
}

export function formatOf(file: string): FileFormat {
  if (/\.json$/i.test(file)) return 'json'
  if (/\.xlsx$/i.test(file)) return 'xlsx'
  return 'csv'
}

