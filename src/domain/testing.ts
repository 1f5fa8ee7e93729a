/**
 * Builders for tests of the domain and of what draws it (not used by the app): indicators, a small
 * region tree with its fact index, and figures.
 */
import { buildHierarchy, FactIndex } from './aggregate'
import type { Figure } from './figures'
import { FactTableBuilder } from './table'
import type { Indicator } from './types'

const x = { zh: 'x', en: 'x' }

/** An indicator with the given unit and rule; one decimal, higher is better, annual, unless `over` says otherwise. */
export function testIndicator(id: string, unit: Indicator['unit'], aggregation: Indicator['aggregation'], over: Partial<Indicator> = {}): Indicator {
  return { id, name: x, definition: x, unit, category: 'rights', decimals: 1, higherIsBetter: true, aggregation, frequencies: ['annual'], aliases: [], ...over }
}

/**
 *   P ─┬─ C1 ─┬─ D11
 *      │      └─ D12
 *      └─ C2 ─┬─ D21
 *             ├─ D22
 *             └─ D23
 */
export const TREE = [
  { adcode: 'P', parent: null },
  { adcode: 'C1', parent: 'P' },
  { adcode: 'D11', parent: 'C1' },
  { adcode: 'D12', parent: 'C1' },
  { adcode: 'C2', parent: 'P' },
  { adcode: 'D21', parent: 'C2' },
  { adcode: 'D22', parent: 'C2' },
  { adcode: 'D23', parent: 'C2' },
] as const
export const TREE_LEAVES = ['D11', 'D12', 'D21', 'D22', 'D23'] as const

/** A fact row: region, period, indicator, value, and its source ('test' when left out). */
export type TestRow = readonly [string, string, string, number | null, string?]

/** The fact index of `rows` over a region tree (TREE by default). */
export function testIndex(rows: readonly TestRow[], tree: readonly { adcode: string; parent: string | null }[] = TREE): FactIndex {
  const b = new FactTableBuilder()
  for (const [r, p, i, v, s] of rows) b.add(r, p, i, v, s ?? 'test')
  return new FactIndex(b.build(), buildHierarchy(tree))
}

/** A figure of `value` built from `reported` of the region's `expected` leaves (whole by default). */
export function figureFixture(value: number, reported = 1, expected = 1, over: Partial<Figure> = {}): Figure {
  return {
    value,
    state: Number.isNaN(value) ? 'none' : reported < expected ? 'rolledUp' : 'reported',
    coverage: { reported: Number.isNaN(value) ? 0 : reported, expected },
    months: 0,
    partial: false,
    sources: [],
    ...over,
  }
}
