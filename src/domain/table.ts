/**
 * The loaded data as a columnar table: integer codes for region, period, indicator and source
 * (each a position in the table's own dictionaries), and a Float64Array of values where NaN means
 * "no data". This is what the loader worker produces and transfers back without copying.
 */
export interface FactTable {
  readonly length: number
  readonly region: Uint32Array
  readonly period: Uint32Array
  readonly indicator: Uint32Array
  readonly source: Uint32Array
  readonly value: Float64Array
  /** Dictionaries: adcodes, canonical period codes, indicator ids, source labels. */
  readonly regions: readonly string[]
  readonly periods: readonly string[]
  readonly indicators: readonly string[]
  readonly sources: readonly string[]
}

/** Collects facts row by row into growing typed arrays and dictionaries. */
export class FactTableBuilder {
  private n = 0
  private cap: number
  private cols: { region: Uint32Array; period: Uint32Array; indicator: Uint32Array; source: Uint32Array; value: Float64Array }
  private dicts = {
    regions: new Map<string, number>(),
    periods: new Map<string, number>(),
    indicators: new Map<string, number>(),
    sources: new Map<string, number>(),
  }

  constructor(capacity = 1024) {
    this.cap = Math.max(16, capacity)
    this.cols = {
      region: new Uint32Array(this.cap),
      period: new Uint32Array(this.cap),
      indicator: new Uint32Array(this.cap),
      source: new Uint32Array(this.cap),
      value: new Float64Array(this.cap),
    }
  }

  get length(): number {
    return this.n
  }

  add(adcode: string, period: string, indicator: string, value: number | null, source: string): void {
    if (this.n === this.cap) this.grow()
    const i = this.n++
    this.cols.region[i] = code(this.dicts.regions, adcode)
    this.cols.period[i] = code(this.dicts.periods, period)
    this.cols.indicator[i] = code(this.dicts.indicators, indicator)
    this.cols.source[i] = code(this.dicts.sources, source)
    this.cols.value[i] = value === null ? NaN : value
  }

  build(): FactTable {
    const n = this.n
    return {
      length: n,
      region: this.cols.region.slice(0, n),
      period: this.cols.period.slice(0, n),
      indicator: this.cols.indicator.slice(0, n),
      source: this.cols.source.slice(0, n),
      value: this.cols.value.slice(0, n),
      regions: [...this.dicts.regions.keys()],
      periods: [...this.dicts.periods.keys()],
      indicators: [...this.dicts.indicators.keys()],
      sources: [...this.dicts.sources.keys()],
    }
  }

  private grow(): void {
    this.cap *= 2
    const c = this.cols
    this.cols = {
      region: extend(c.region, new Uint32Array(this.cap)),
      period: extend(c.period, new Uint32Array(this.cap)),
      indicator: extend(c.indicator, new Uint32Array(this.cap)),
      source: extend(c.source, new Uint32Array(this.cap)),
      value: extend(c.value, new Float64Array(this.cap)),
    }
  }
}

function extend<T extends Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from)
  return to
}

function code(dict: Map<string, number>, key: string): number {
  let c = dict.get(key)
  if (c === undefined) {
    c = dict.size
    dict.set(key, c)
  }
  return c
}

/** The buffers of a table, for postMessage's transfer list. */
export function transferablesOf(t: FactTable): ArrayBuffer[] {
  // Each buffer once: a table read from a file or the database has all five columns on one
  // buffer, and postMessage refuses a transfer list that names a buffer twice.
  return [...new Set([t.region, t.period, t.indicator, t.source, t.value].map((a) => a.buffer as ArrayBuffer))]
}

/** Concatenates tables, re-coding each one's dictionaries into the result's. */
export function concatTables(tables: readonly FactTable[]): FactTable {
  const b = new FactTableBuilder(tables.reduce((s, t) => s + t.length, 0))
  for (const t of tables) {
    for (let i = 0; i < t.length; i++) {
      const v = t.value[i]!
      b.add(
        t.regions[t.region[i]!]!,
        t.periods[t.period[i]!]!,
        t.indicators[t.indicator[i]!]!,
        Number.isNaN(v) ? null : v,
        t.sources[t.source[i]!]!,
      )
    }
  }
  return b.build()
}

export function emptyTable(): FactTable {
  return new FactTableBuilder(16).build()
}
