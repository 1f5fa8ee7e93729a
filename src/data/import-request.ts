/**
 * The preview's choices → what the loader worker is asked to read: one request per chosen file,
 * each with the same choices (a city's districts send the same template, so one mapping fits all).
 */
import type { Encoding } from './decode'
import type { Delimiter } from './delimiter'
import type { ParseInput } from './loader'
import type { WorkbookChoices } from './parse-types'

export interface ImportChoices {
  encoding: Encoding | null
  delimiter: Delimiter | null
  workbook: WorkbookChoices
  period: string
  indicatorMap: Record<string, string>
  regionMap: Record<string, string>
  /** Indicator id → factor the user accepted (a rate written as a fraction, ×100). */
  scale: Record<string, number>
}

export interface ChosenFile {
  name: string
  data: Blob
}

export function parseInputs(files: readonly ChosenFile[], c: ImportChoices): ParseInput[] {
  const workbook = Object.keys(c.workbook).length > 0 ? { workbook: { ...c.workbook } } : {}
  return files.map((f) => ({
    file: f.name,
    // The worker reads the file itself: the page never holds its bytes.
    bytes: f.data,
    ...(c.encoding ? { encoding: c.encoding } : {}),
    ...(c.delimiter ? { delimiter: c.delimiter } : {}),
    ...workbook,
    defaultSource: f.name,
    options: {
      indicatorMap: Object.entries(c.indicatorMap),
      regionMap: Object.entries(c.regionMap),
      ...(c.period ? { period: c.period } : {}),
      ...(Object.keys(c.scale).length ? { scale: Object.entries(c.scale) } : {}),
    },
  }))
}
