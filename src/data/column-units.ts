/**
 * What a wide table's column needs beyond its indicator: a unit to convert from (a header
 * `帮扶金额（元）`, or a note 单位：元 over the column), whether it is a hidden column left out by
 * default, and whether another column was mapped to the same indicator.
 */
import type { Indicator } from '@/domain/types'
import type { ColumnMatch } from './facts'
import { unitFactor } from './units'

/**
 * Sets the column's unit conversion and hidden state; returns it. A unit note applies only where it
 * converts to the indicator's unit: 单位：万元 over a table does not turn 职工总数 into money.
 */
export function settleColumn(
  m: ColumnMatch,
  byId: ReadonlyMap<string, Indicator>,
  unitNote: string | undefined,
  hidden: boolean,
  mapped: boolean,
): ColumnMatch {
  if (hidden) {
    m.hidden = true
    if (!mapped) m.ignored = true
  }
  const ind = m.indicator ? byId.get(m.indicator) : undefined
  const unit = m.unit ?? unitNote
  if (!ind || unit === undefined) return m
  const factor = unitFactor(unit, ind.unit)
  if (factor !== undefined && factor !== 1) {
    m.scale = factor
    m.fromUnit = unit
  } else {
    delete m.scale
    delete m.fromUnit
  }
  return m
}

/**
 * Columns read into the same indicator: each is marked with the other's label, and the pairs are
 * returned (later, first) for the report. Neither column is read until one is left out.
 */
export function markConflicts(columns: readonly ColumnMatch[]): [ColumnMatch, ColumnMatch][] {
  const first = new Map<string, ColumnMatch>()
  const pairs: [ColumnMatch, ColumnMatch][] = []
  for (const m of new Set(columns)) {
    if (!m.indicator || m.ignored) continue
    const f = first.get(m.indicator)
    if (!f) {
      first.set(m.indicator, m)
      continue
    }
    m.conflict = f.label
    f.conflict ??= m.label
    pairs.push([m, f])
  }
  return pairs
}
