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

/** A value as the report shows it: at most 12 significant digits, without float noise. */
const num = (v: number) => String(Number(v.toPrecision(12)))

type Code = LoadProblem['code']

/**
 * The questions found, kept as numbers until listed: a file can raise tens of thousands (a jump in
 * every district's series), of which the report lists the first ones by row and counts the rest.
 * Each is the fact it is about, its code and one number more (the other fact, or a sum); whole
 * entries (a column's fractions, a future period) are kept as they are.
 */
class Found {
  private fact = new Int32Array(1024)
  private code = new Uint8Array(1024)
  private aux = new Float64Array(1024)
  private readonly codes: Code[] = []
  private readonly whole: LoadProblem[] = []
  count = 0

  constructor(private readonly rows: ArrayLike<number>) {}

  add(fact: number, code: Code, aux = 0) {
    const n = this.count
    if (n === this.fact.length) this.grow()
    let c = this.codes.indexOf(code)
    if (c < 0) c = this.codes.push(code) - 1
    this.fact[n] = fact
    this.code[n] = c
    this.aux[n] = aux
    this.count = n + 1
  }

  addWhole(p: LoadProblem) {
    this.add(-1 - this.whole.length, p.code)
    this.whole.push(p)
  }

  private grow() {
    const to = <T extends Int32Array | Uint8Array | Float64Array>(from: T, next: T): T => (next.set(from), next)
    const size = this.fact.length * 2
    this.fact = to(this.fact, new Int32Array(size))
    this.code = to(this.code, new Uint8Array(size))
    this.aux = to(this.aux, new Float64Array(size))
  }

  private rowOf(k: number): number {
    const f = this.fact[k]!
    return f < 0 ? (this.whole[-1 - f]!.row ?? 0) : this.rows[f]!
  }

  /** Positions in row order; of one row, in the order found. */
  private order(): ArrayLike<number> {
    const n = this.count
    // Row and position packed in one number, sorted natively; past 2^21 questions, by comparison.
    if (n <= SEQ) {
      const keys = new Float64Array(n)
      for (let k = 0; k < n; k++) keys[k] = this.rowOf(k) * SEQ + k
      keys.sort()
      for (let k = 0; k < n; k++) keys[k] = keys[k]! % SEQ
      return keys
    }
    const row = Array.from({ length: n }, (_, k) => this.rowOf(k))
    return Array.from(row.keys()).sort((a, b) => row[a]! - row[b]! || a - b)
  }

  /** The first `limit` by row; problems of one row in the order they were found. */
  first(limit: number, make: (fact: number, code: Code, aux: number) => LoadProblem): LoadProblem[] {
    const order = this.order()
    const out: LoadProblem[] = []
    for (let i = 0; i < Math.min(limit, order.length); i++) {
      const k = order[i]!
      const f = this.fact[k]!
      out.push(f < 0 ? this.whole[-1 - f]! : make(f, this.codes[this.code[k]!]!, this.aux[k]!))
    }
    return out
  }
}

/** Questions a packed sort key can number (row × SEQ + position stays an exact integer below 2^53). */
const SEQ = 2 ** 21

export function reviewFacts(
  file: string,
  table: FactTable,
  places: FactPlaces,
  indicators: ReadonlyMap<string, Indicator>,
  regions: RegionCatalogue,
  today: Date,
  limit = Infinity,
): { problems: LoadProblem[]; count: number } {
  const found = new Found(places.rows)
  const inds = table.indicators.map((id) => indicators.get(id))
  const slots = new Slots(table)
  valueChecks(table, inds, found)
  shareScale(table, inds, places, file, found)
  ratios(table, indicators, slots, found)
  jumps(table, inds, slots, found)
  futurePeriods(table, places, file, today, found)
  parentsAgainstChildren(table, inds, slots, regions, found)
  // Column and label per indicator code, asked once.
  const column = table.indicators.map((id) => places.columnOf(id))
  const label = table.indicators.map((id) => places.labelOf(id))
  const make = (i: number, code: Code, aux: number): LoadProblem => {
    const k = table.indicator[i]!
    const p: LoadProblem = { code, file, row: places.rows[i]!, column: column[k], text: num(table.value[i]!), subject: label[k] }
    if (code === 'numeratorOverDenominator') Object.assign(p, { detail: num(table.value[aux]!), other: label[table.indicator[aux]!], otherRow: places.rows[aux]! })
    else if (code === 'jump') Object.assign(p, { detail: num(table.value[aux]!), other: table.periods[table.period[aux]!]! })
    else if (code === 'parentMismatch') Object.assign(p, { detail: num(aux), other: regions.get(table.regions[table.region[i]!]!)?.name ?? '' })
    return p
  }
  return { problems: found.first(limit, make), count: found.count }
}

/**
 * The fact (with a value) at each (indicator, region, period) of the table's dictionaries: dense when
 * the grid is not much larger than the table (the usual case), else a map. `at` gives -1 for none.
 */
class Slots {
  private readonly nR: number
  private readonly nP: number
  private readonly dense: Int32Array | null
  private readonly sparse: Map<number, number> | null

  constructor(table: FactTable) {
    const nR = (this.nR = table.regions.length)
    const nP = (this.nP = table.periods.length)
    const size = table.indicators.length * nR * nP
    const { value, indicator, region, period, length } = table
    if (size <= 4 * length + 1_000_000) {
      const slot = new Int32Array(size).fill(-1)
      for (let f = 0; f < length; f++) if (value[f] === value[f]) slot[(indicator[f]! * nR + region[f]!) * nP + period[f]!] = f
      this.dense = slot
      this.sparse = null
    } else {
      const map = new Map<number, number>()
      for (let f = 0; f < length; f++) if (value[f] === value[f]) map.set((indicator[f]! * nR + region[f]!) * nP + period[f]!, f)
      this.dense = null
      this.sparse = map
    }
  }

  at(i: number, r: number, p: number): number {
    const key = (i * this.nR + r) * this.nP + p
    return this.dense ? this.dense[key]! : (this.sparse!.get(key) ?? -1)
  }
}

function valueChecks(table: FactTable, inds: readonly (Indicator | undefined)[], found: Found) {
  for (let i = 0; i < table.length; i++) {
    const v = table.value[i]!
    const ind = inds[table.indicator[i]!]
    if (Number.isNaN(v) || !ind) continue
    if (isShare(ind)) {
      if (v > 100) found.add(i, 'rateOver100')
      else if (v < 0) found.add(i, 'rateBelow0')
    } else if (ind.unit !== '%' && v < 0) found.add(i, 'negativeCount')
  }
}

/** A share written as fractions (all ≤ 1), or fractions mixed among percentages. */
function shareScale(table: FactTable, inds: readonly (Indicator | undefined)[], places: FactPlaces, file: string, found: Found) {
  // One pass for every share: its facts at most 1 (in row order) and how many are above.
  const share = inds.map((ind) => !!ind && isShare(ind))
  const small: number[][] = inds.map(() => [])
  const large = new Uint32Array(inds.length)
  for (let i = 0; i < table.length; i++) {
    const code = table.indicator[i]!
    const v = table.value[i]!
    if (!share[code] || !(v > 0)) continue
    if (v <= FRACTION_MAX) small[code]!.push(i)
    else large[code]!++
  }
  inds.forEach((ind, code) => {
    const few = small[code]!
    if (!ind || few.length + large[code]! === 0) return
    if (large[code] === 0) {
      const first = few[0]!
      found.addWhole({ code: 'fractionRates', file, row: places.rows[first]!, column: places.columnOf(ind.id), text: num(table.value[first]!), detail: String(few.length), subject: places.labelOf(ind.id), indicator: ind.id })
    } else if (few.length > 0 && few.length < large[code]!) {
      for (const i of few) found.add(i, 'mixedRateScale')
    }
  })
}

/** Numerator over denominator, region by region and period by period. */
function ratios(table: FactTable, indicators: ReadonlyMap<string, Indicator>, slots: Slots, found: Found) {
  const code = new Map(table.indicators.map((id, k) => [id, k]))
  for (const ind of indicators.values()) {
    const r = ind.aggregation
    if (r.kind !== 'ratio') continue
    const n = code.get(r.numerator)
    const d = code.get(r.denominator)
    if (n === undefined || d === undefined) continue
    for (let i = 0; i < table.length; i++) {
      if (table.indicator[i] !== n) continue
      const j = slots.at(d, table.region[i]!, table.period[i]!)
      if (j < 0 || !(table.value[i]! > table.value[j]!)) continue
      found.add(i, 'numeratorOverDenominator', j)
    }
  }
}

/** A value ten times, or a tenth of, the same region's figure a year before. */
function jumps(table: FactTable, inds: readonly (Indicator | undefined)[], slots: Slots, found: Found) {
  const periodCode = new Map(table.periods.map((p, k) => [p, k]))
  // The year before for a year; for a month, the same month a year before, since relief and other
  // campaigns peak in their season (送温暖 in January, 送清凉 in July) and would always "jump".
  const before = table.periods.map((p) => periodCode.get(sameTimeLastYear(p) ?? '') ?? -1)
  for (let i = 0; i < table.length; i++) {
    const v = table.value[i]!
    const p = before[table.period[i]!]!
    if (!(v > 0) || p < 0 || !inds[table.indicator[i]!]) continue
    const j = slots.at(table.indicator[i]!, table.region[i]!, p)
    if (j < 0) continue
    const w = table.value[j]!
    if (!(w > 0) || (v <= w * JUMP && v >= w / JUMP)) continue
    found.add(i, 'jump', j)
  }
}

/** Periods after today: one warning per period, at its first row. */
function futurePeriods(table: FactTable, places: FactPlaces, file: string, today: Date, found: Found) {
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
    found.addWhole({ code: 'futurePeriod', file, row: places.rows[i]!, text: period, detail: String(count[p]) })
  })
}

/** A region's own count against the sum of its children, where every child reported. */
function parentsAgainstChildren(table: FactTable, inds: readonly (Indicator | undefined)[], slots: Slots, regions: RegionCatalogue, found: Found) {
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
      const j = slots.at(table.indicator[i]!, rc, table.period[i]!)
      if (j < 0) {
        all = false
        break
      }
      sum += table.value[j]!
    }
    if (!all) continue
    const tolerance = 0.5 * 10 ** -Math.max(0, Math.min(20, ind.decimals)) + 1e-9 * Math.abs(sum)
    if (Math.abs(sum - table.value[i]!) > tolerance) found.add(i, 'parentMismatch', sum)
  }
}
