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
  /** Children of region i: childList[childOffsets[i] .. childOffsets[i + 1]], in catalogue order. */
  readonly childOffsets: Uint32Array
  readonly childList: Int32Array
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
  const childOffsets = new Uint32Array(size + 1)
  for (let i = 0; i < size; i++) if (parent[i]! >= 0) childOffsets[parent[i]! + 1]!++
  for (let i = 0; i < size; i++) childOffsets[i + 1]! += childOffsets[i]!
  const fill = childOffsets.slice(0, size)
  const childList = new Int32Array(size)
  for (let i = 0; i < size; i++) if (parent[i]! >= 0) childList[fill[parent[i]!]!++] = i
  return { size, adcodes: regions.map((r) => r.adcode), parent, bottomUp, indexOf, leafCount, childOffsets, childList }
}

/** Positions of the children of region `i`. */
export function childrenOf(h: Hierarchy, i: number): Int32Array {
  return h.childList.subarray(h.childOffsets[i]!, h.childOffsets[i + 1]!)
}

/**
 * What a figure is, region by region (Slice.state):
 * - none          no data at all;
 * - reported      the region's own row (or, for a monthly flow, its own months) gave it;
 * - rolledUp      built from the region's children by the indicator's rule;
 * - derived       a ratio worked out from the region's own numerator and denominator rows;
 * - needsInputs   children have figures, but not the inputs the rule needs to combine them (rates
 *                 without the counts behind them, weighted means without weights);
 * - invalid       outside what the indicator can be (a share below 0 or over 100%, a numerator over
 *                 its denominator): never shown as a number.
 */
export const FIGURE_STATES = ['none', 'reported', 'rolledUp', 'derived', 'needsInputs', 'invalid'] as const
export type FigureState = (typeof FIGURE_STATES)[number]
const NONE = 0
const REPORTED = 1
const ROLLED_UP = 2
const DERIVED = 3
const NEEDS_INPUTS = 4
const INVALID = 5

/** Source code of an annual value built from months that came from more than one source. */
export const MIXED_SOURCES = -2

/** Values of one indicator in one period for every region of the hierarchy. */
export interface Slice {
  /** NaN where there is no figure to show: no data, missing inputs, or an invalid value. */
  readonly value: Float64Array
  /** Index into FIGURE_STATES. */
  readonly state: Uint8Array
  /** 1 where the region's own data gave the value (a row, or its own months), 0 where it was built. */
  readonly reported: Uint8Array
  /** Leaves under each region that the figure is built from (a reported value covers all its leaves). */
  readonly coverage: Uint32Array
  /** Source code (into the table's `sources`) of a reported value; -1 for none, MIXED_SOURCES. */
  readonly source: Int32Array
  /** For an annual value built from the region's own months: how many months (1–12); 0 otherwise. */
  readonly months: Uint8Array
  /** 1 where some value behind the figure is an annual value built from fewer than 12 months. */
  readonly partial: Uint8Array
  /**
   * What each region hands its parent: for sums and means (value, 1), for ratios (Σnumerator,
   * Σdenominator), for weighted means (Σvalue×weight, Σweight); pairB = 0 when it hands nothing.
   * pairCoverage counts the leaves behind the pair, pairOwn is 1 when the pair is the region's own
   * data rather than its children's, pairBad 1 when an invalid input is behind it.
   */
  readonly pairA: Float64Array
  readonly pairB: Float64Array
  readonly pairCoverage: Uint32Array
  readonly pairOwn: Uint8Array
  readonly pairBad: Uint8Array
}

export function figureState(slice: Slice, pos: number): FigureState {
  return FIGURE_STATES[slice.state[pos]!]!
}

/**
 * Whether values of the indicator are shares, bounded by 0 and 100%: ratios, and rates averaged
 * plainly. A weighted mean of percentages (e.g. a wage increase) is a change and may lie outside.
 */
export function isShare(ind: Pick<Indicator, 'unit' | 'aggregation'>): boolean {
  return ind.unit === '%' && (ind.aggregation.kind === 'ratio' || ind.aggregation.kind === 'mean')
}

/** What Σnumerator ÷ Σdenominator is multiplied by: the rule's `per`, else 100 for a %, else 1. */
export function ratioScale(ind: Pick<Indicator, 'unit' | 'aggregation'>): number {
  const r = ind.aggregation
  if (r.kind === 'ratio' && r.per !== undefined) return r.per
  return ind.unit === '%' ? 100 : 1
}

/**
 * Whether annual values of the indicator can be built by adding its months: flows (sums) reported
 * monthly. Stocks such as year-end headcounts are annual only and never added up over months.
 */
export function isMonthlyFlow(ind: Pick<Indicator, 'aggregation' | 'frequencies'>): boolean {
  return ind.aggregation.kind === 'sum' && ind.frequencies.includes('monthly')
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

  /** Calls `fn(row, position)` for each row of (indicator, period) whose region is in the hierarchy. */
  forEachRow(indicatorId: string, period: string, fn: (row: number, pos: number) => void): void {
    const ic = this.indicatorCode.get(indicatorId)
    const pc = this.periodCode.get(period)
    if (ic === undefined || pc === undefined) return
    const b = ic * this.table.periods.length + pc
    const end = this.offsets[b + 1]!
    for (let k = this.offsets[b]!; k < end; k++) {
      const row = this.rows[k]!
      const pos = this.regionPos[this.table.region[row]!]!
      if (pos >= 0) fn(row, pos)
    }
  }

  /** The value reported for one region itself in its own row (NaN where none), shown or not. */
  reportedValue(indicatorId: string, period: string, pos: number): number {
    let v = NaN
    this.forEachRow(indicatorId, period, (row, p) => {
      if (p === pos && !Number.isNaN(this.table.value[row]!)) v = this.table.value[row]!
    })
    return v
  }

  /**
   * The values reported for each region itself (NaN where none), their source codes, and for a
   * monthly flow in a year, the sum of the region's own months where it has no annual row (with
   * how many months went into it).
   */
  private reportedInto(indicatorId: string, period: string, monthlyFlow: boolean, value: Float64Array, source: Int32Array, months: Uint8Array): void {
    value.fill(NaN)
    source.fill(-1)
    const ic = this.indicatorCode.get(indicatorId)
    if (ic === undefined) return
    const t = this.table
    const rows = this.rows
    const regionPos = this.regionPos
    const nP = t.periods.length
    // The hot loop of every roll-up: plain loops over the bucket, no callbacks.
    const pc = this.periodCode.get(period)
    if (pc !== undefined) {
      const end = this.offsets[ic * nP + pc + 1]!
      for (let k = this.offsets[ic * nP + pc]!; k < end; k++) {
        const row = rows[k]!
        const pos = regionPos[t.region[row]!]!
        const v = t.value[row]!
        if (pos < 0 || Number.isNaN(v)) continue
        value[pos] = v
        source[pos] = t.source[row]!
      }
    }
    if (!monthlyFlow || !/^\d{4}$/.test(period)) return
    for (let m = 1; m <= 12; m++) {
      const mc = this.periodCode.get(`${period}-${String(m).padStart(2, '0')}`)
      if (mc === undefined) continue
      const end = this.offsets[ic * nP + mc + 1]!
      for (let k = this.offsets[ic * nP + mc]!; k < end; k++) {
        const row = rows[k]!
        const pos = regionPos[t.region[row]!]!
        const v = t.value[row]!
        if (pos < 0 || Number.isNaN(v)) continue
        const n = months[pos]!
        // An annual row of the region's own wins over its months.
        if (n === 0 && !Number.isNaN(value[pos]!)) continue
        const src = t.source[row]!
        value[pos] = n === 0 ? v : value[pos]! + v
        source[pos] = n === 0 || source[pos] === src ? src : MIXED_SOURCES
        months[pos] = n + 1
      }
    }
  }

  /** Work arrays of one roll-up, reused from one slice to the next (a slice keeps none of them). */
  private scratch: { own: Float64Array; a: Float64Array; b: Float64Array; cov: Uint32Array; flags: Uint8Array } | undefined

  /** @internal For rollUp: the new slice's arrays, the reported values written into them, and zeroed work arrays. */
  prepareRollUp(indicatorId: string, period: string, monthlyFlow: boolean) {
    const size = this.hierarchy.size
    const s = (this.scratch ??= {
      own: new Float64Array(size),
      a: new Float64Array(size),
      b: new Float64Array(size),
      cov: new Uint32Array(size),
      flags: new Uint8Array(size),
    })
    const slice = sliceArrays(size)
    this.reportedInto(indicatorId, period, monthlyFlow, s.own, slice.source, slice.months)
    s.a.fill(0)
    s.b.fill(0)
    s.cov.fill(0)
    s.flags.fill(0)
    return { ...s, source: slice.source, months: slice.months, slice }
  }

  /** Slices kept: enough for every panel and period on screen, bounded in bytes for big catalogues. */
  private get maxCached(): number {
    return Math.min(4096, Math.max(256, Math.floor(64e6 / (this.hierarchy.size * 42 + 8))))
  }

  /**
   * The indicator's value for every region in the period, rolled up by its rule. Cached; when the
   * cache is full the slice used longest ago goes, so what a screen keeps asking for stays.
   */
  slice(indicator: Indicator, period: string, byId: ReadonlyMap<string, Indicator>): Slice {
    const key = `${indicator.id}\u0000${period}`
    let s = this.cache.get(key)
    if (s) {
      // Used now: to the end of the (insertion-ordered) map.
      this.cache.delete(key)
      this.cache.set(key, s)
      return s
    }
    s = rollUp(this, indicator, period, byId)
    while (this.cache.size >= this.maxCached) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(key, s)
    return s
  }
}

/**
 * The arrays of one slice, as views on one buffer: a roll-up is made for every (indicator, period)
 * a change touches, and one allocation each keeps the garbage collector out of the way.
 */
function sliceArrays(size: number) {
  const buffer = new ArrayBuffer(size * 42 + 8)
  let at = 0
  const take = <T>(make: (b: ArrayBuffer, offset: number, n: number) => T, bytes: number): T => {
    const view = make(buffer, at, size)
    at += size * bytes
    return view
  }
  const f64 = (b: ArrayBuffer, o: number, n: number) => new Float64Array(b, o, n)
  const u32 = (b: ArrayBuffer, o: number, n: number) => new Uint32Array(b, o, n)
  const u8 = (b: ArrayBuffer, o: number, n: number) => new Uint8Array(b, o, n)
  // 8-byte fields first, then 4-byte, then 1-byte, so every view is aligned.
  const value = take(f64, 8)
  const pairA = take(f64, 8)
  const pairB = take(f64, 8)
  const coverage = take(u32, 4)
  const pairCoverage = take(u32, 4)
  const source = take((b, o, n) => new Int32Array(b, o, n), 4)
  return {
    value,
    pairA,
    pairB,
    coverage,
    pairCoverage,
    source,
    state: take(u8, 1),
    reported: take(u8, 1),
    months: take(u8, 1),
    partial: take(u8, 1),
    pairOwn: take(u8, 1),
    pairBad: take(u8, 1),
  }
}

/** Rules as small integers, so the bottom-up loop branches on a number, not a string. */
const SUM = 0
const RATIO = 1
const WEIGHTED = 2
const MEAN = 3

/** Bits of the per-region work flags: what the children handed up. */
const CHILD_BAD = 1
const CHILD_PARTIAL = 2
const CHILD_FIGURE = 4

function rollUp(index: FactIndex, ind: Indicator, period: string, byId: ReadonlyMap<string, Indicator>): Slice {
  const h = index.hierarchy
  const size = h.size
  const rule = ind.aggregation
  const kind = rule.kind === 'sum' ? SUM : rule.kind === 'ratio' ? RATIO : rule.kind === 'weighted_mean' ? WEIGHTED : MEAN
  const scale = ratioScale(ind)
  const share = isShare(ind)

  // Numerator, denominator and weight are sliced first: their own roll-ups reuse the work arrays.
  const num = rule.kind === 'ratio' ? index.slice(requireInd(byId, rule.numerator), period, byId) : undefined
  const den = rule.kind === 'ratio' ? index.slice(requireInd(byId, rule.denominator), period, byId) : undefined
  const weight = rule.kind === 'weighted_mean' ? index.slice(requireInd(byId, rule.weight), period, byId) : undefined

  // a, b, cov: the pairs handed up by each region's children, added up; flags: what else they carry.
  const prepared = index.prepareRollUp(ind.id, period, kind === SUM && isMonthlyFlow(ind))
  const { own, a, b, cov, flags, source, months } = prepared
  const { value, state, reported, coverage, partial, pairA, pairB, pairCoverage, pairOwn, pairBad } = prepared.slice
  const order = h.bottomUp
  const parent = h.parent
  const leafCount = h.leafCount

  for (let k = 0; k < size; k++) {
    const i = order[k]!
    // The pair this region stands for: its own numerator and denominator when it has both (a ratio),
    // otherwise what its children handed up.
    let pa = a[i]!
    let pb = b[i]!
    let pc = cov[i]!
    let pOwn = 0
    let pBad = flags[i]! & CHILD_BAD ? 1 : 0
    let pPartial = flags[i]! & CHILD_PARTIAL ? 1 : 0
    if (kind === RATIO && num!.reported[i] && den!.reported[i]) {
      pa = num!.value[i]!
      pb = den!.value[i]!
      pc = leafCount[i]!
      pOwn = 1
      // A count per so many workers may exceed one per worker; a share may not.
      pBad = pa < 0 || pb < 0 || (pa > pb && rule.kind === 'ratio' && rule.per === undefined) ? 1 : 0
      pPartial = num!.partial[i]! | den!.partial[i]!
    }

    // The figure.
    const mine = own[i]!
    if (!Number.isNaN(mine)) {
      reported[i] = 1
      coverage[i] = leafCount[i]!
      partial[i] = months[i]! > 0 && months[i]! < 12 ? 1 : 0
      if (share && (mine < 0 || mine > 100)) {
        state[i] = INVALID
        value[i] = NaN
      } else {
        state[i] = REPORTED
        value[i] = mine
      }
    } else if (pb > 0) {
      coverage[i] = pc
      partial[i] = pPartial
      const v = kind === SUM ? pa : kind === RATIO ? (pa / pb) * scale : pa / pb
      if (pBad || (share && (v < 0 || v > 100))) {
        state[i] = INVALID
        value[i] = NaN
      } else {
        state[i] = kind === RATIO && pOwn ? DERIVED : ROLLED_UP
        value[i] = v
      }
    } else {
      value[i] = NaN
      state[i] = flags[i]! & CHILD_FIGURE ? NEEDS_INPUTS : NONE
    }

    // What it hands its parent.
    let ha = 0
    let hb = 0
    let hc = 0
    let hOwn = 0
    let hBad = 0
    let hPartial = 0
    if (kind === RATIO) {
      if (pb > 0) {
        ha = pa
        hb = pb
        hc = pc
        hOwn = pOwn
        hBad = pBad
        hPartial = pPartial
      }
    } else if (kind === WEIGHTED) {
      const w = weight!.value[i]!
      if (state[i] === REPORTED && w > 0) {
        ha = value[i]! * w
        hb = w
        hc = leafCount[i]!
        hOwn = 1
        hPartial = partial[i]! | weight!.partial[i]!
      } else if (!reported[i] && b[i]! > 0) {
        ha = a[i]!
        hb = b[i]!
        hc = cov[i]!
        hBad = pBad
        hPartial = pPartial
      }
    } else if (!Number.isNaN(value[i]!)) {
      // Sums and means: the parent adds up (or averages) its children's values.
      ha = value[i]!
      hb = 1
      hc = coverage[i]!
      hOwn = reported[i]!
      hPartial = partial[i]!
    }
    pairA[i] = ha
    pairB[i] = hb
    pairCoverage[i] = hc
    pairOwn[i] = hOwn
    pairBad[i] = hBad

    const p = parent[i]!
    if (p < 0) continue
    if (state[i] !== NONE) flags[p]! |= CHILD_FIGURE
    if (!(hb > 0)) continue
    a[p]! += ha
    b[p]! += hb
    cov[p]! += hc
    if (hBad) flags[p]! |= CHILD_BAD
    if (hPartial) flags[p]! |= CHILD_PARTIAL
  }
  return { value, state, reported, coverage, source, months, partial, pairA, pairB, pairCoverage, pairOwn, pairBad }
}

function requireInd(byId: ReadonlyMap<string, Indicator>, id: string): Indicator {
  const ind = byId.get(id)
  if (!ind) throw new Error(`indicator ${id} is not in the catalogue`)
  return ind
}
