/** Ranks, year-on-year change and peer averages: pure arithmetic on rolled-up values. */
import type { Indicator } from './types'

/**
 * Competition ranks (1, 2, 2, 4) of the values; NaN (no data) gets rank 0 and is not counted.
 * Rank 1 is the best: the highest value when higher is better, else the lowest.
 */
export function competitionRanks(values: ArrayLike<number>, higherIsBetter: boolean): Uint32Array {
  const idx: number[] = []
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) idx.push(i)
  idx.sort((x, y) => (higherIsBetter ? values[y]! - values[x]! : values[x]! - values[y]!))
  const ranks = new Uint32Array(values.length)
  idx.forEach((i, k) => {
    const prev = k > 0 ? idx[k - 1]! : -1
    ranks[i] = prev >= 0 && values[prev] === values[i] ? ranks[prev]! : k + 1
  })
  return ranks
}

export type Change =
  | { kind: 'points'; value: number } // rates: difference in percentage points
  | { kind: 'percent'; value: number } // counts and amounts: relative change in %

/** 同比 / 环比 of a value against an earlier one; null where either is missing or the base is 0. */
export function changeBetween(current: number, previous: number, ind: Pick<Indicator, 'unit'>): Change | null {
  if (Number.isNaN(current) || Number.isNaN(previous)) return null
  if (ind.unit === '%') return { kind: 'points', value: current - previous }
  if (previous === 0) return null
  return { kind: 'percent', value: ((current - previous) / Math.abs(previous)) * 100 }
}

/** Mean of the values that are present; NaN when none is. */
export function meanOfPresent(values: Iterable<number>): number {
  let s = 0
  let n = 0
  for (const v of values) {
    if (!Number.isNaN(v)) {
      s += v
      n++
    }
  }
  return n > 0 ? s / n : NaN
}
