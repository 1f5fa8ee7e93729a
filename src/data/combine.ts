/**
 * A user's dataset shown over the bundled sample: every fact of the user's table, plus the sample's
 * facts for the (region, period, indicator) the user's table does not have.
 */
import { concatTables, FactTableBuilder, type FactTable } from '@/domain/table'

function keyAt(t: FactTable, i: number): string {
  return `${t.regions[t.region[i]!]}|${t.periods[t.period[i]!]}|${t.indicators[t.indicator[i]!]}`
}

export function overlayTables(base: FactTable, top: FactTable): FactTable {
  const own = new Set<string>()
  for (let i = 0; i < top.length; i++) own.add(keyAt(top, i))
  const b = new FactTableBuilder(base.length)
  for (let i = 0; i < base.length; i++) {
    if (own.has(keyAt(base, i))) continue
    const v = base.value[i]!
    b.add(base.regions[base.region[i]!]!, base.periods[base.period[i]!]!, base.indicators[base.indicator[i]!]!, Number.isNaN(v) ? null : v, base.sources[base.source[i]!]!)
  }
  return concatTables([b.build(), top])
}
