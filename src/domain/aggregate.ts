/**
 * Roll-ups from districts to cities to the province, by each indicator's rule.
 *
 * A region's value is the figure reported for it when the data has one; otherwise it is rolled up
 * from its children:
 *   sum            Σ children
 *   ratio          Σ numerator ÷ Σ denominator (× 100 for a %), over children that have both
 *   weighted_mean  Σ (value × weight) ÷ Σ weight, over children that have both
 *   mean           mean of the children that have a value
 * A child with no data contributes nothing (it is never read as 0), and a region none of whose
 * children has data has no data itself.
 */
import type { Indicator, Region } from './types'
import type { FactTable } from './table'

export interface Hierarchy {
  readonly size: number
  readonly adcodes: readonly string[]
  /** Index of each region's parent, -1 for a root. */
  readonly parent: Int32Array
  /** Every region, children before their parents. */
  readonly bottomUp: Int32Array
  readonly indexOf: ReadonlyMap<string, number>
  /** Number of leaves (regions without children) under each region, itself included if a leaf. */
  readonly leafCount: Uint32Array
}

export function buildHierarchy(regions: readonly Pick<Region, 'adcode' | 'parent'>[]): Hierarchy {
  const size = regions.length
  const indexOf = new Map<string, number>()
  regions.forEach((r, i) => indexOf.set(r.adcode, i))
  const parent = new Int32Array(size).fill(-1)
  const depth = new Int32Array(size)
  regions.forEach((r, i) => {
    if (r.parent !== null) parent[i] = indexOf.get(r.parent) ?? -1
  })
  for (let i = 0; i < size; i++) {
    let d = 0
    for (let p = parent[i]!; p >= 0 && d <= size; p = parent[p]!) d++
    if (d > size) throw new Error(`region hierarchy has a cycle at ${regions[i]!.adcode}`)
    depth[i] = d
  }
  const bottomUp = Int32Array.from(regions.keys()).sort((a, b) => depth[b]! - depth[a]! || a - b)
  const hasChild = new Uint8Array(size)
  for (let i = 0; i < size; i++) if (parent[i]! >= 0) hasChild[parent[i]!] = 1
  const leafCount = new Uint32Array(size)
  for (const i of bottomUp) {
    if (!hasChild[i]) leafCount[i]! += 1
    const p = parent[i]!
    if (p >= 0) leafCount[p]! += leafCount[i]!
  }
  return { size, adcodes: regions.map((r) => r.adcode), parent, bottomUp, indexOf, leafCount }
}

/** Values of one indicator in one period for every region of the hierarchy. */
export interface Slice {
  /** NaN = no data. */
  readonly value: Float64Array
  /** 1 where the value was reported for the region itself, 0 where it was rolled up. */
  readonly reported: Uint8Array
  /** Leaves under each region that contributed (a reported value covers all its leaves). */
  readonly coverage: Uint32Array
  /** Source code (into the table's `sources`) of a reported value, -1 for a rolled-up one. */
  readonly source: Int32Array
}

/**
 * A table's rows grouped by (indicator, period): the rows of bucket b = indicator × periods + period
 * are `rows[offsets[b] .. offsets[b + 1]]`. A counting sort, two passes over the table; plain typed
 * arrays, so a worker can build it and hand it over without copying.
 */
export interface RowGroups {
  readonly offsets: Uint32Array
  readonly rows: Uint32Array
}

export function groupRows(table: Pick<FactTable, 'length' | 'indicator' | 'period' | 'indicators' | 'periods'>): RowGroups {
  const nP = table.periods.length
  const buckets = table.indicators.length * nP
  const counts = new Uint32Array(buckets + 1)
  const { indicator, period, length } = table
  for (let i = 0; i < length; i++) counts[indicator[i]! * nP + period[i]! + 1]!++
  for (let b = 0; b < buckets; b++) counts[b + 1]! += counts[b]!
  const offsets = counts.slice()
  const rows = new Uint32Array(length)
  for (let i = 0; i < length; i++) rows[counts[indicator[i]! * nP + period[i]!]!++] = i
  return { offsets, rows }
}

/** Groupings built elsewhere (the loader worker), for the index of their table to take up. */
const knownGroups = new WeakMap<FactTable, RowGroups>()

export function rememberRowGroups(table: FactTable, groups: RowGroups): void {
  knownGroups.set(table, groups)
}

/**
 * Groups a table's rows by (indicator, period) once, so that each filter change reads only the
 * rows it needs. Codes are mapped to hierarchy positions up front. The grouping is taken from the
 * caller or from what the loader worker built for the table (rememberRowGroups) when there is one.
 */
export class FactIndex {
  readonly table: FactTable
  readonly hierarchy: Hierarchy
  private readonly regionPos: Int32Array
  private readonly indicatorCode: Map<string, number>
  private readonly periodCode: Map<string, number>
  private readonly offsets: Uint32Array
  private readonly rows: Uint32Array
  private readonly cache = new Map<string, Slice>()

  constructor(table: FactTable, hierarchy: Hierarchy, groups?: RowGroups) {
    this.table = table
    this.hierarchy = hierarchy
    this.regionPos = Int32Array.from(table.regions, (a) => hierarchy.indexOf.get(a) ?? -1)
    this.indicatorCode = new Map(table.indicators.map((id, i) => [id, i]))
    this.periodCode = new Map(table.periods.map((p, i) => [p, i]))
    const buckets = table.indicators.length * table.periods.length
    groups ??= knownGroups.get(table)
    const g = groups && groups.rows.length === table.length && groups.offsets.length === buckets + 1 ? groups : groupRows(table)
    this.offsets = g.offsets
    this.rows = g.rows
  }

  private unplacedRows: number | undefined
  /** Rows whose region is not in the hierarchy (they cannot be placed on a map). Counted when asked. */
  get unplaced(): number {
    if (this.unplacedRows === undefined) {
      let n = 0
      for (let i = 0; i < this.table.length; i++) if (this.regionPos[this.table.region[i]!]! < 0) n++
      this.unplacedRows = n
    }
    return this.unplacedRows
  }

  private readonly periodLists = new Map<string, readonly string[]>()

  /** Periods in which the indicator has at least one row, sorted. Worked out once per indicator. */
  periodsOf(indicatorId: string): readonly string[] {
    let list = this.periodLists.get(indicatorId)
    if (list) return list
    const ic = this.indicatorCode.get(indicatorId)
    if (ic === undefined) return []
    const nP = this.table.periods.length
    const out: string[] = []
    for (let p = 0; p < nP; p++) {
      if (this.offsets[ic * nP + p + 1]! > this.offsets[ic * nP + p]!) out.push(this.table.periods[p]!)
    }
    list = out.sort()
    this.periodLists.set(indicatorId, list)
    return list
  }

  hasIndicator(indicatorId: string): boolean {
    return this.indicatorCode.has(indicatorId)
  }

  /** Values reported for each region itself (NaN where none), with their source codes. */
  reportedValues(indicatorId: string, period: string): { value: Float64Array; source: Int32Array } {
    const value = new Float64Array(this.hierarchy.size)
    const source = new Int32Array(this.hierarchy.size)
    this.reportedInto(indicatorId, period, value, source)
    return { value, source }
  }

  /** reportedValues written into the given arrays (of the hierarchy's size). */
  private reportedInto(indicatorId: string, period: string, value: Float64Array, source: Int32Array): void {
    value.fill(NaN)
    source.fill(-1)
    const ic = this.indicatorCode.get(indicatorId)
    const pc = this.periodCode.get(period)
    if (ic === undefined || pc === undefined) return
    const b = ic * this.table.periods.length + pc
    const t = this.table
    const rows = this.rows
    const regionPos = this.regionPos
    const end = this.offsets[b + 1]!
    for (let k = this.offsets[b]!; k < end; k++) {
      const row = rows[k]!
      const pos = regionPos[t.region[row]!]!
      const v = t.value[row]!
      if (pos < 0 || Number.isNaN(v)) continue
      value[pos] = v
      source[pos] = t.source[row]!
    }
  }

  /** Work arrays of one roll-up, reused from one slice to the next (a slice keeps none of them). */
  private scratch: { own: Float64Array; a: Float64Array; b: Float64Array; pairCoverage: Uint32Array } | undefined

  /** @internal For rollUp: the reported values (into fresh source codes) and zeroed work arrays. */
  prepareRollUp(indicatorId: string, period: string) {
    const size = this.hierarchy.size
    const s = (this.scratch ??= { own: new Float64Array(size), a: new Float64Array(size), b: new Float64Array(size), pairCoverage: new Uint32Array(size) })
    const source = new Int32Array(size)
    this.reportedInto(indicatorId, period, s.own, source)
    s.a.fill(0)
    s.b.fill(0)
    s.pairCoverage.fill(0)
    return { ...s, source }
  }

  /** The indicator's value for every region in the period, rolled up by its rule. Cached. */
  slice(indicator: Indicator, period: string, byId: ReadonlyMap<string, Indicator>): Slice {
    const key = `${indicator.id}\u0000${period}`
    let s = this.cache.get(key)
    if (!s) {
      s = rollUp(this, indicator, period, byId)
      if (this.cache.size > 4096) this.cache.clear()
      this.cache.set(key, s)
    }
    return s
  }
}

/** Rules as small integers, so the bottom-up loop branches on a number, not a string. */
const SUM = 0
const RATIO = 1
const WEIGHTED = 2
const MEAN = 3

function rollUp(index: FactIndex, ind: Indicator, period: string, byId: ReadonlyMap<string, Indicator>): Slice {
  const h = index.hierarchy
  const size = h.size
  const rule = ind.aggregation
  const kind = rule.kind === 'sum' ? SUM : rule.kind === 'ratio' ? RATIO : rule.kind === 'weighted_mean' ? WEIGHTED : MEAN
  const scale = ind.unit === '%' ? 100 : 1
  const value = new Float64Array(size)
  const reported = new Uint8Array(size)
  const coverage = new Uint32Array(size)

  // Numerator, denominator and weight of ratio and weighted rules (unused arrays otherwise). They
  // are sliced first: their own roll-ups reuse the work arrays taken below.
  let numValue: Float64Array = value
  let numReported: Uint8Array = reported
  let denValue: Float64Array = value
  let denReported: Uint8Array = reported
  let weightValue: Float64Array = value
  if (rule.kind === 'ratio') {
    const num = index.slice(requireInd(byId, rule.numerator), period, byId)
    const den = index.slice(requireInd(byId, rule.denominator), period, byId)
    numValue = num.value
    numReported = num.reported
    denValue = den.value
    denReported = den.reported
  } else if (rule.kind === 'weighted_mean') {
    weightValue = index.slice(requireInd(byId, rule.weight), period, byId).value
  }

  // Each region passes its parent a pair (a, b); what a and b mean depends on the rule.
  // `pairCoverage`: leaves under each region whose pair reached it (differs from `coverage` for
  // ratio and weighted rules, where a region can report its own rate without the counts behind it).
  const { own: ownValue, a, b, pairCoverage, source } = index.prepareRollUp(ind.id, period)
  const order = h.bottomUp
  const parent = h.parent
  const leafCount = h.leafCount

  for (let k = 0; k < size; k++) {
    const i = order[k]!
    const mine = ownValue[i]!
    let v: number
    if (!Number.isNaN(mine)) {
      v = mine
      reported[i] = 1
      coverage[i] = leafCount[i]!
    } else {
      coverage[i] = pairCoverage[i]!
      const bi = b[i]!
      if (bi <= 0) v = NaN
      else if (kind === SUM) v = a[i]!
      else if (kind === RATIO) v = (a[i]! / bi) * scale
      else v = a[i]! / bi
    }
    value[i] = v

    const p = parent[i]!
    if (p < 0) continue
    // The pair this region hands its parent.
    let pa = a[i]!
    let pb = b[i]!
    let pc = pairCoverage[i]!
    if (kind === RATIO) {
      // Counts, not rates, travel up, and only as numerator–denominator pairs: a numerator from one
      // district must never meet a denominator from another.
      if (numReported[i] && denReported[i]) {
        pa = numValue[i]!
        pb = denValue[i]!
        pc = leafCount[i]!
      }
      if (!(pb > 0)) continue
    } else if (kind === WEIGHTED) {
      if (reported[i]) {
        const w = weightValue[i]!
        if (Number.isNaN(w) || w <= 0) continue
        pa = v * w
        pb = w
        pc = leafCount[i]!
      }
      if (!(pb > 0)) continue
    } else {
      // sum and mean: the parent adds up (or averages) its children's values.
      if (Number.isNaN(v)) continue
      pa = v
      pb = 1
      pc = coverage[i]!
    }
    a[p]! += pa
    b[p]! += pb
    pairCoverage[p]! += pc
  }
  return { value, reported, coverage, source }
}

function requireInd(byId: ReadonlyMap<string, Indicator>, id: string): Indicator {
  const ind = byId.get(id)
  if (!ind) throw new Error(`indicator ${id} is not in the catalogue`)
  return ind
}
