/**
 * The resolved table as the CSV reader builds it: typed columns grown by doubling, dictionaries in
 * order of first accepted use (as FactTableBuilder has them), repeated (region, indicator, period)
 * triples found by packed integer keys, and each fact's spreadsheet row kept for the checks that
 * read the whole table. Nothing here decodes text: the reader hands in resolved numbers.
 */
import type { FactTable } from '@/domain/table'

/** Dense numbers the reader gives a fact's region, period and indicator, with what they stand for. */
export interface FactKey {
  /** Catalogue position of the region and its adcode. */
  regionPos: number
  adcode: string
  /** The reader's number of the canonical period, and the period. */
  period: number
  canonical: string
  /** The reader's number of the indicator (< indicator count), and its id. */
  indicator: number
  indicatorId: string
}

export class FactSink {
  private cap: number
  region: Uint32Array
  period: Uint32Array
  indicator: Uint32Array
  source: Uint32Array
  value: Float64Array
  /** The reader's period number of each fact, for the totals check. */
  canonical: Uint32Array
  factRow: Int32Array
  length = 0
  private readonly tableRegion: Int32Array
  private readonly regions: string[] = []
  private readonly tablePeriod: number[] = []
  private readonly periods: string[] = []
  private readonly tableIndicator: number[] = []
  private readonly indicators: string[] = []
  private readonly sourceOfText = new Map<string, number>()
  private readonly sources: string[] = []
  private readonly seen: FactKeys

  constructor(
    regionCount: number,
    indicatorCount: number,
    capacity: number,
    /** Most facts the table may hold. */
    readonly maxRows: number,
  ) {
    this.cap = Math.max(1024, Math.min(capacity, maxRows))
    this.region = new Uint32Array(this.cap)
    this.period = new Uint32Array(this.cap)
    this.indicator = new Uint32Array(this.cap)
    this.source = new Uint32Array(this.cap)
    this.value = new Float64Array(this.cap)
    this.canonical = new Uint32Array(this.cap)
    this.factRow = new Int32Array(this.cap)
    this.tableRegion = new Int32Array(regionCount).fill(-1)
    this.seen = new FactKeys(regionCount * Math.max(1, indicatorCount), this.cap)
  }

  /** The earlier fact with the same region, period and indicator, or -1. */
  earlier(k: FactKey): number {
    return this.seen.putIfAbsent(k.period, k.regionPos + this.tableRegion.length * k.indicator, this.length)
  }

  /** Code of a source text in the table's dictionary. */
  sourceCode(text: string): number {
    let sc = this.sourceOfText.get(text)
    if (sc === undefined) {
      sc = this.sources.length
      this.sources.push(text)
      this.sourceOfText.set(text, sc)
    }
    return sc
  }

  /** Adds a fact `earlier` found new; false when the table is full. */
  add(k: FactKey, value: number, source: number, row: number): boolean {
    const n = this.length
    if (n >= this.maxRows) return false
    if (n === this.cap) this.grow()
    let rc = this.tableRegion[k.regionPos]!
    if (rc < 0) {
      rc = this.tableRegion[k.regionPos] = this.regions.length
      this.regions.push(k.adcode)
    }
    let pc = this.tablePeriod[k.period]
    if (pc === undefined) {
      pc = this.tablePeriod[k.period] = this.periods.length
      this.periods.push(k.canonical)
    }
    let ic = this.tableIndicator[k.indicator]
    if (ic === undefined) {
      ic = this.tableIndicator[k.indicator] = this.indicators.length
      this.indicators.push(k.indicatorId)
    }
    this.region[n] = rc
    this.period[n] = pc
    this.indicator[n] = ic
    this.source[n] = source
    this.value[n] = value
    this.canonical[n] = k.period
    this.factRow[n] = row
    this.length = n + 1
    return true
  }

  private grow(): void {
    this.cap = Math.min(this.cap * 2, this.maxRows)
    const to = <T extends Uint32Array | Int32Array | Float64Array>(from: T, next: T): T => (next.set(from), next)
    this.region = to(this.region, new Uint32Array(this.cap))
    this.period = to(this.period, new Uint32Array(this.cap))
    this.indicator = to(this.indicator, new Uint32Array(this.cap))
    this.source = to(this.source, new Uint32Array(this.cap))
    this.value = to(this.value, new Float64Array(this.cap))
    this.canonical = to(this.canonical, new Uint32Array(this.cap))
    this.factRow = to(this.factRow, new Int32Array(this.cap))
  }

  /**
   * The table, its columns cut to length. Columns that nearly fill what was set aside (sized from
   * the file, as the reader does) are views of it, not copies: at most a tenth is left unused.
   */
  table(): FactTable {
    const n = this.length
    const cut = <T extends Uint32Array | Float64Array>(a: T): T => (n >= a.length * 0.9 ? (a.subarray(0, n) as T) : (a.slice(0, n) as T))
    return {
      length: n,
      region: cut(this.region),
      period: cut(this.period),
      indicator: cut(this.indicator),
      source: cut(this.source),
      value: cut(this.value),
      regions: this.regions,
      periods: this.periods,
      indicators: this.indicators,
      sources: this.sources,
    }
  }
}

/**
 * Fact index of each (period, region × indicator) pair, to find repeated facts without building a
 * string per row. Each period gets a dense block when blocks are small (the usual catalogue: a
 * hundred regions × a few dozen indicators), otherwise the pairs share one open-addressing table.
 */
export class FactKeys {
  private readonly blocks: (Int32Array | undefined)[] = []
  private readonly hashed: PackedKeyMap | null

  constructor(
    /** Number of distinct region × indicator values. */
    private readonly blockSize: number,
    expected: number,
  ) {
    this.hashed = blockSize > 1 << 16 ? new PackedKeyMap(expected) : null
  }

  /** Stores `fact` under (period, pair) unless present; returns the earlier fact, or -1. */
  putIfAbsent(period: number, pair: number, fact: number): number {
    if (this.hashed) return this.hashed.putIfAbsent(pair + this.blockSize * period, fact)
    const block = (this.blocks[period] ??= new Int32Array(this.blockSize))
    const before = block[pair]!
    if (before > 0) return before - 1
    block[pair] = fact + 1
    return -1
  }
}

/** Integer keys below 2^53 → non-negative integers, by open addressing (linear probing). */
export class PackedKeyMap {
  private keys: Float64Array
  /** Value + 1; 0 marks an empty slot. */
  private values: Int32Array
  private size = 0

  /** Sized for about `expected` keys without growing. */
  constructor(expected = 2048) {
    let slots = 1 << 12
    while (slots < expected * 2) slots *= 2
    this.keys = new Float64Array(slots)
    this.values = new Int32Array(slots)
  }

  /** Stores `value` under `key` unless present; returns the earlier value, or -1. */
  putIfAbsent(key: number, value: number): number {
    const mask = this.keys.length - 1
    for (let s = hashKey(key) & mask; ; s = (s + 1) & mask) {
      const v = this.values[s]!
      if (v === 0) {
        this.keys[s] = key
        this.values[s] = value + 1
        if (++this.size * 2 > this.keys.length) this.grow()
        return -1
      }
      if (this.keys[s] === key) return v - 1
    }
  }

  private grow(): void {
    const { keys, values } = this
    this.keys = new Float64Array(keys.length * 2)
    this.values = new Int32Array(keys.length * 2)
    const mask = this.keys.length - 1
    for (let i = 0; i < keys.length; i++) {
      if (values[i] === 0) continue
      let s = hashKey(keys[i]!) & mask
      while (this.values[s] !== 0) s = (s + 1) & mask
      this.keys[s] = keys[i]!
      this.values[s] = values[i]!
    }
  }
}

function hashKey(key: number): number {
  const lo = key >>> 0
  const hi = (key / 4294967296) >>> 0
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
