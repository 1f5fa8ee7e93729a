/**
 * The totals check, the one place it is written: a total row (合计, 全市) is compared with the sum
 * of the file's own accepted facts of the same period and indicator, at the level most of those
 * facts are at (so a file with both cities and districts is not counted twice). Only indicators
 * that add up are checked; a rate's total is not a sum. Both readers (the columnar CSV reader and
 * buildTable for JSON and workbooks) call it with the table they built.
 */
import type { FactTable } from '@/domain/table'
import type { Indicator } from '@/domain/types'
import type { RegionCatalogue } from '@/domain/regions'
import type { LoadProblem } from './facts'

export interface TotalRow {
  row: number
  column: string
  /** Period of the total in the numbering of `periodOfFact`; -1 when no fact has it. */
  period: number
  indicator: Indicator
  value: number
}

/** The level most facts are at; levels in order of first appearance, ties to the earlier one. */
function mainLevel(table: FactTable, regions: RegionCatalogue): Uint8Array {
  const levelOfCode = table.regions.map((a) => regions.level(a) ?? '')
  const perRegion = new Uint32Array(table.regions.length)
  for (let i = 0; i < table.length; i++) perRegion[table.region[i]!]!++
  const firstFact = new Int32Array(table.regions.length).fill(-1)
  for (let i = table.length - 1; i >= 0; i--) firstFact[table.region[i]!] = i
  const levels = new Map<string, number>()
  const order = [...levelOfCode.keys()].filter((c) => perRegion[c]! > 0).sort((a, b) => firstFact[a]! - firstFact[b]!)
  for (const c of order) levels.set(levelOfCode[c]!, (levels.get(levelOfCode[c]!) ?? 0) + perRegion[c]!)
  const level = [...levels.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  return Uint8Array.from(levelOfCode, (l) => (l === level ? 1 : 0))
}

/**
 * Problems for the totals that do not add up. `periodOfFact[i]` numbers fact i's period the way
 * the totals do (the table's own period codes, or the reader's canonical numbers); sums run in
 * file order.
 */
export function checkTotals(file: string, totals: readonly TotalRow[], table: FactTable, periodOfFact: ArrayLike<number>, regions: RegionCatalogue): LoadProblem[] {
  if (totals.length === 0) return []
  const indicatorNumber = new Map(table.indicators.map((id, c) => [id, c]))
  const nInd = table.indicators.length
  let nPeriods = 0
  for (const t of totals) nPeriods = Math.max(nPeriods, t.period + 1)
  // Sums only for the (period, indicator) pairs some total asks about; NaN until a value arrives.
  const wanted = new Uint8Array(nPeriods * nInd)
  const sums = new Float64Array(nPeriods * nInd).fill(NaN)
  for (const t of totals) {
    const ic = indicatorNumber.get(t.indicator.id)
    if (ic !== undefined && t.period >= 0) wanted[t.period * nInd + ic] = 1
  }
  const atLevel = mainLevel(table, regions)
  for (let i = 0; i < table.length; i++) {
    const v = table.value[i]!
    const p = periodOfFact[i]!
    if (p >= nPeriods || Number.isNaN(v) || !atLevel[table.region[i]!]) continue
    const key = p * nInd + table.indicator[i]!
    if (wanted[key]) sums[key] = (Number.isNaN(sums[key]!) ? 0 : sums[key]!) + v
  }
  const out: LoadProblem[] = []
  for (const t of totals) {
    const ic = indicatorNumber.get(t.indicator.id)
    const sum = ic === undefined || t.period < 0 ? NaN : sums[t.period * nInd + ic]!
    if (Number.isNaN(sum)) continue
    const tolerance = 0.5 * 10 ** -t.indicator.decimals + 1e-9 * Math.abs(sum)
    if (Math.abs(sum - t.value) > tolerance) {
      out.push({ code: 'totalMismatch', file, row: t.row, column: t.column, text: String(t.value), detail: String(Number(sum.toFixed(6))) })
    }
  }
  return out
}
