/**
 * The current dataset as canonical tidy CSV: one fact per row, columns
 * region_code,region_name,period,indicator,value,source. It reads back in with no loss: codes
 * decide the region, indicator ids the indicator, and "no data" stays an empty value.
 */
import type { FactTable } from '@/domain/table'
import { comparePeriods } from '@/domain/periods'
import type { RegionCatalogue } from '@/domain/regions'
import { toCsv, type CsvCell } from '@/export/csv'

export const TIDY_COLUMNS = ['region_code', 'region_name', 'period', 'indicator', 'value', 'source'] as const

export function tidyRows(table: FactTable, regions: RegionCatalogue): CsvCell[][] {
  const order = Array.from({ length: table.length }, (_, i) => i)
  const key = (i: number) => [table.regions[table.region[i]!]!, table.indicators[table.indicator[i]!]!, table.periods[table.period[i]!]!] as const
  order.sort((a, b) => {
    const [ra, ia, pa] = key(a)
    const [rb, ib, pb] = key(b)
    return ra < rb ? -1 : ra > rb ? 1 : ia < ib ? -1 : ia > ib ? 1 : comparePeriods(pa, pb)
  })
  return order.map((i) => {
    const adcode = table.regions[table.region[i]!]!
    const v = table.value[i]!
    return [
      adcode,
      regions.get(adcode)?.name ?? '',
      table.periods[table.period[i]!]!,
      table.indicators[table.indicator[i]!]!,
      Number.isNaN(v) ? null : v,
      table.sources[table.source[i]!]!,
    ]
  })
}

export function tidyCsv(table: FactTable, regions: RegionCatalogue): string {
  return toCsv([[...TIDY_COLUMNS], ...tidyRows(table, regions)])
}
