/**
 * A figure as the dashboard shows it: the value, what kind of figure it is (reported, rolled up,
 * derived, or why there is none), how many of the region's districts are behind it, whether a year
 * in it is short of months, and the sources of the rows behind it. Every card, tooltip, table cell
 * and export reads its number through here, so they all say the same about it.
 */
import { figureState, type FactIndex, type FigureState } from './aggregate'
import { roundTo } from './compare'
import { sourcesBehind } from './provenance'
import type { Benchmark, Indicator, RegionLevel } from './types'

export interface Coverage {
  /** Leaves (county-level regions) behind the figure… */
  reported: number
  /** …out of all the leaves under the region. */
  expected: number
}

export interface Figure {
  /** NaN when there is nothing to show (see `state`). */
  value: number
  state: FigureState
  coverage: Coverage
  /** For an annual figure built from the region's own months: how many (1–12); 0 otherwise. */
  months: number
  /** True when a year behind the figure is built from fewer than 12 months. */
  partial: boolean
  /** Codes into the table's `sources` of the rows behind the figure, ascending. */
  sources: readonly number[]
}

export const NO_FIGURE: Figure = Object.freeze({
  value: NaN,
  state: 'none',
  coverage: { reported: 0, expected: 0 },
  months: 0,
  partial: false,
  sources: [],
}) as Figure

/** The figure of one region; NO_FIGURE for a region outside the hierarchy or an empty period. */
export function figureOf(index: FactIndex, byId: ReadonlyMap<string, Indicator>, ind: Indicator, period: string, adcode: string): Figure {
  const pos = index.hierarchy.indexOf.get(adcode)
  if (pos === undefined || !period) return NO_FIGURE
  const s = index.slice(ind, period, byId)
  const state = figureState(s, pos)
  return {
    value: s.value[pos]!,
    state,
    coverage: { reported: s.coverage[pos]!, expected: index.hierarchy.leafCount[pos]! },
    months: s.months[pos]!,
    partial: s.partial[pos] === 1,
    sources: sourcesBehind(index, ind, period, byId, pos),
  }
}

/** True when the figure is built from fewer leaves than the region has (and so is not its total). */
export function isPartialCoverage(f: Pick<Figure, 'coverage' | 'value'>): boolean {
  return !Number.isNaN(f.value) && f.coverage.reported < f.coverage.expected
}

/** Coverage of several figures together: leaves behind them over leaves under them. */
export function combinedCoverage(figures: Iterable<Pick<Figure, 'coverage' | 'value'>>): Coverage {
  let reported = 0
  let expected = 0
  for (const f of figures) {
    expected += f.coverage.expected
    if (!Number.isNaN(f.value)) reported += f.coverage.reported
  }
  return { reported, expected }
}

/** The union of the figures' source codes. */
export function sourcesOf(figures: Iterable<Pick<Figure, 'sources'>>): number[] {
  const all = new Set<number>()
  for (const f of figures) for (const c of f.sources) all.add(c)
  return [...all].sort((a, b) => a - b)
}

/**
 * Where a benchmark can be set beside a figure: a rate compares at any level; a count only with a
 * region of the level it was measured at (a county's count says nothing about a province's total).
 */
export function benchmarkApplies(ind: Pick<Indicator, 'unit' | 'benchmark'>, level: RegionLevel | undefined): Benchmark | null {
  const b = ind.benchmark
  if (!b) return null
  if (ind.unit === '%') return b
  return level !== undefined && b.level === level ? b : null
}

/** The rounded figure as shown; used by sentences and comparisons that must agree with the print. */
export function shownValue(f: Pick<Figure, 'value'>, ind: Pick<Indicator, 'decimals'>): number {
  return roundTo(f.value, ind.decimals)
}
