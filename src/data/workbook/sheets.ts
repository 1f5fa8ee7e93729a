/**
 * Which sheets of a workbook hold a table, how their names read, and which are read by default.
 *   - a cover, an instructions or a definitions sheet (no data under a header) is skipped;
 *   - several data sheets whose names all read as periods (2021年, 2022年 …, 1月 … 12月) or all as
 *     regions (南京市, 无锡市 …) are read together, each name standing for its table's period or
 *     region; the preview shows each reading so the user confirms it;
 *   - otherwise the first data sheet is read, and the user can choose others.
 */
import { normalisePeriod } from '@/domain/periods'
import type { RegionCatalogue } from '@/domain/regions'
import { periodIn, sheetLayout } from './layout'
import type { SheetReading, SheetSummary } from './report'
import type { Sheet } from './sheet'

const COVER_NAME = /^(?:封面|目录|说明|填报说明|填表说明|指标说明|指标口径|口径|说明书|cover|contents|readme|instructions?|notes?)$/i

/** How a sheet's name reads; a month alone (10月) takes the year named elsewhere (title, file name). */
export function readSheetName(name: string, regions: RegionCatalogue, year?: string): SheetReading {
  const s = name.normalize('NFKC').replace(/\s+/g, '')
  const period = normalisePeriod(s) ?? periodIn(s)
  if (period) return { kind: 'period', period }
  const month = /^(\d{1,2})月(?:份)?$/.exec(s)
  if (month && year) {
    const p = normalisePeriod(`${year}-${month[1]}`)
    if (p) return { kind: 'period', period: p }
  }
  const r = regions.resolve(s)
  if (r.ok && !regions.isTotalLabel(s)) return { kind: 'region', adcode: r.region.adcode, name: r.region.name }
  return { kind: 'none' }
}

/** A sheet with a header and at least one data row under it. */
function hasTable(sheet: Sheet): boolean {
  if (COVER_NAME.test(sheet.name.trim())) return false
  const layout = sheetLayout(sheet)
  return layout.columns.length >= 2 && layout.dataRows.length > 0
}

export function summariseSheets(sheets: readonly Sheet[], regions: RegionCatalogue, year: string | undefined, chosen?: readonly string[]): SheetSummary[] {
  const out: SheetSummary[] = sheets.map((s) => ({
    name: s.name,
    kind: s.hidden ? 'hidden' : hasTable(s) ? 'data' : 'cover',
    reading: readSheetName(s.name, regions, year),
    chosen: false,
  }))
  if (out.length === 0) return out
  const asked = chosen?.filter((n) => out.some((s) => s.name === n))
  if (asked && asked.length > 0) {
    for (const s of out) s.chosen = asked.includes(s.name)
    return out
  }
  const data = out.filter((s) => s.kind === 'data')
  const kind = data[0]?.reading.kind
  if (data.length >= 2 && kind !== 'none' && data.every((s) => s.reading.kind === kind)) for (const s of data) s.chosen = true
  else (data[0] ?? out.find((s) => s.kind !== 'hidden') ?? out[0])!.chosen = true
  return out
}
