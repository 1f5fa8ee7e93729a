/**
 * Questions to ask of a table before it is imported: figures that can be read but are probably
 * wrong. Each is a warning in the preview with its file, row and column and what to do; the facts
 * are imported unless the user fixes the file (or applies ×100 to a column of fractions).
 *
 *   rateOver100 / rateBelow0   a share outside 0–100%
 *   negativeCount               a count or amount below zero
 *   fractionRates               a share whose values are all ≤ 1 (0.916 written for 91.6%)
 *   mixedRateScale              a value ≤ 1 among values > 1 in one share
 *   numeratorOverDenominator    稳定就业职工 over 职工总数 for the same region and period
 *   jump                        ten times (or a tenth of) the same region's figure a year before
 *   futurePeriod                a period after today
 *   parentMismatch              a city's own count that differs from the sum of all its districts
 *
 * Runs once over the built table, whichever path built it (fast-facts.ts or facts.ts).
 */
import { isShare } from '@/domain/aggregate'
import { isFuturePeriod, sameTimeLastYear } from '@/domain/periods'
import type { RegionCatalogue } from '@/domain/regions'
import type { FactTable } from '@/domain/table'
import type { Indicator } from '@/domain/types'
import type { LoadProblem } from './facts'

export interface FactPlaces {
  /** Spreadsheet row of each fact. */
  rows: ArrayLike<number>
  /** The column an indicator's values were read from, and the indicator as the file names it. */
  columnOf: (indicatorId: string) => string
  labelOf: (indicatorId: string) => string
}

/** Shares whose values are all at most this are taken for fractions. */
const FRACTION_MAX = 1
/** A value this many times (or this fraction of) the previous period's is questioned. */
const JUMP = 10

const num = (v: number) => String(Number(v.toPrecision(12)))

export function reviewFacts(
  file: string,
  table: FactTable,
  places: FactPlaces,
  indicators: ReadonlyMap<string, Indicator>,
  regions: RegionCatalogue,
  today: Date,
): LoadProblem[] {
  const out: LoadProblem[] = []
  const inds = table.indicators.map((id) => indicators.get(id))
  const at = (i: number, code: LoadProblem['code'], extra: Partial<LoadProblem> = {}): LoadProblem => {
    const id = table.indicators[table.indicator[i]!]!
    return { code, file, row: places.rows[i]!, column: places.columnOf(id), text: num(table.value[i]!), subject: places.labelOf(id), ...extra }
  }
  const slots = factSlots(table)
  valueChecks(table, inds, at, out)
  shareScale(table, inds, at, places, file, out)
  ratios(table, indicators, slots, at, places, out)
  jumps(table, inds, slots, at, out)
  futurePeriods(table, places, file, today, out)
  parentsAgainstChildren(table, inds, slots, at, regions, out)
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
}

/** The fact (with a value) at each (indicator, region, period) of the table's dictionaries; -1 for none. */
type Slots = (indicator: number, region: number, period: number) => number

function factSlots(table: FactTable): Slots {
  const nR = table.regions.length
  const nP = table.periods.length
  const size = table.indicators.length * nR * nP
  const key = (i: number, r: number, p: number) => (i * nR + r) * nP + p
  // Dense when the grid is not much larger than the table (the usual case), else a map.
  if (size <= 4 * table.length + 1_000_000) {
    const slot = new Int32Array(size).fill(-1)
    for (let f = 0; f < table.length; f++) if (!Number.isNaN(table.value[f]!)) slot[key(table.indicator[f]!, table.region[f]!, table.period[f]!)] = f
    return (i, r, p) => slot[key(i, r, p)]!
  }
  const map = new Map<number, number>()
  for (let f = 0; f < table.length; f++) if (!Number.isNaN(table.value[f]!)) map.set(key(table.indicator[f]!, table.region[f]!, table.period[f]!), f)
  return (i, r, p) => map.get(key(i, r, p)) ?? -1
}

type At = (i: number, code: LoadProblem['code'], extra?: Partial<LoadProblem>) => LoadProblem

function valueChecks(table: FactTable, inds: readonly (Indicator | undefined)[], at: At, out: LoadProblem[]) {
  for (let i = 0; i < table.length; i++) {
    const v = table.value[i]!
    const ind = inds[table.indicator[i]!]
    if (Number.isNaN(v) || !ind) continue
    if (isShare(ind)) {
      if (v > 100) out.push(at(i, 'rateOver100'))
      else if (v < 0) out.push(at(i, 'rateBelow0'))
    } else if (ind.unit !== '%' && v < 0) out.push(at(i, 'negativeCount'))
  }
}

/** A share written as fractions (all ≤ 1), or fractions mixed among percentages. */
function shareScale(table: FactTable, inds: readonly (Indicator | undefined)[], at: At, places: FactPlaces, file: string, out: LoadProblem[]) {
  inds.forEach((ind, code) => {
    if (!ind || !isShare(ind)) return
    const small: number[] = []
    let large = 0
    let positive = 0
    for (let i = 0; i < table.length; i++) {
      if (table.indicator[i] !== code) continue
      const v = table.value[i]!
      if (Number.isNaN(v) || v <= 0) continue
      positive++
      if (v <= FRACTION_MAX) small.push(i)
      else large++
    }
    if (positive === 0) return
    if (large === 0) {
      const first = small[0]!
      out.push({ code: 'fractionRates', file, row: places.rows[first]!, column: places.columnOf(ind.id), text: num(table.value[first]!), detail: String(small.length), subject: places.labelOf(ind.id), indicator: ind.id })
    } else if (small.length > 0 && small.length < large) {
      for (const i of small) out.push(at(i, 'mixedRateScale'))
    }
  })
}

/** Numerator over denominator, region by region and period by period. */
function ratios(table: FactTable, indicators: ReadonlyMap<string, Indicator>, slots: Slots, at: At, places: FactPlaces, out: LoadProblem[]) {
  const code = new Map(table.indicators.map((id, k) => [id, k]))
  for (const ind of indicators.values()) {
    const r = ind.aggregation
    if (r.kind !== 'ratio') continue
    const n = code.get(r.numerator)
    const d = code.get(r.denominator)
    if (n === undefined || d === undefined) continue
    for (let i = 0; i < table.length; i++) {
      if (table.indicator[i] !== n) continue
      const j = slots(d, table.region[i]!, table.period[i]!)
      if (j < 0 || !(table.value[i]! > table.value[j]!)) continue
      out.push(at(i, 'numeratorOverDenominator', { detail: num(table.value[j]!), other: places.labelOf(r.denominator), otherRow: places.rows[j]! }))
    }
  }
}

/** A value ten times, or a tenth of, the same region's figure a year before. */
function jumps(table: FactTable, inds: readonly (Indicator | undefined)[], slots: Slots, at: At, out: LoadProblem[]) {
  const periodCode = new Map(table.periods.map((p, k) => [p, k]))
  // The year before for a year; for a month, the same month a year before, since relief and other
  // campaigns peak in their season (送温暖 in January, 送清凉 in July) and would always "jump".
  const before = table.periods.map((p) => periodCode.get(sameTimeLastYear(p) ?? '') ?? -1)
  for (let i = 0; i < table.length; i++) {
    const v = table.value[i]!
    const p = before[table.period[i]!]!
    if (!(v > 0) || p < 0 || !inds[table.indicator[i]!]) continue
    const j = slots(table.indicator[i]!, table.region[i]!, p)
    if (j < 0) continue
    const w = table.value[j]!
    if (!(w > 0) || (v <= w * JUMP && v >= w / JUMP)) continue
    out.push(at(i, 'jump', { detail: num(w), other: table.periods[p]! }))
  }
}

/** Periods after today: one warning per period, at its first row. */
function futurePeriods(table: FactTable, places: FactPlaces, file: string, today: Date, out: LoadProblem[]) {
  const first = new Int32Array(table.periods.length).fill(-1)
  const count = new Uint32Array(table.periods.length)
  for (let i = 0; i < table.length; i++) {
    const p = table.period[i]!
    if (first[p]! < 0 || places.rows[i]! < places.rows[first[p]!]!) first[p] = i
    count[p]!++
  }
  table.periods.forEach((period, p) => {
    if (first[p]! < 0 || !isFuturePeriod(period, today)) return
    const i = first[p]!
    out.push({ code: 'futurePeriod', file, row: places.rows[i]!, text: period, detail: String(count[p]) })
  })
}

/** A region's own count against the sum of its children, where every child reported. */
function parentsAgainstChildren(table: FactTable, inds: readonly (Indicator | undefined)[], slots: Slots, at: At, regions: RegionCatalogue, out: LoadProblem[]) {
  const regionCode = new Map(table.regions.map((a, k) => [a, k]))
  // Per region of the table: its children's codes in the table, or null when one has no row at all.
  const childCodes = table.regions.map((a) => {
    const kids = regions.children(a)
    if (kids.length === 0) return null
    const codes = kids.map((c) => regionCode.get(c.adcode))
    return codes.every((c) => c !== undefined) ? (codes as number[]) : null
  })
  for (let i = 0; i < table.length; i++) {
    const ind = inds[table.indicator[i]!]
    const kids = childCodes[table.region[i]!]
    if (!kids || !ind || ind.aggregation.kind !== 'sum' || Number.isNaN(table.value[i]!)) continue
    let sum = 0
    let all = true
    for (const rc of kids) {
      const j = slots(table.indicator[i]!, rc, table.period[i]!)
      if (j < 0) {
        all = false
        break
      }
      sum += table.value[j]!
    }
    if (!all) continue
    const tolerance = 0.5 * 10 ** -Math.max(0, Math.min(20, ind.decimals)) + 1e-9 * Math.abs(sum)
    if (Math.abs(sum - table.value[i]!) > tolerance) out.push(at(i, 'parentMismatch', { detail: num(sum), other: regions.get(table.regions[table.region[i]!]!)?.name ?? '' }))
  }
}
