/**
 * Ranks, changes and peer averages: pure arithmetic on rolled-up values. Every comparison a reader
 * can check is made on the values as displayed (rounded to the indicator's decimals), so a sentence
 * never says "up 0.4 points" beside 90.9 → 91.2, and 90.9 is never "above" 90.9.
 */
import type { Indicator } from './types'

/** The value as displayed with `decimals` places (NaN stays NaN). */
export function roundTo(v: number, decimals: number): number {
  if (!Number.isFinite(v)) return v
  const d = Math.max(0, Math.min(20, Math.trunc(decimals)))
  // toFixed rounds the decimal text a reader sees (1.005 → "1.00" as printed), not the binary value.
  return Number(v.toFixed(d))
}

/**
 * Competition ranks (1, 2, 2, 4) of the values; NaN (no data) gets rank 0 and is not counted.
 * Rank 1 is the best: the highest value when higher is better, else the lowest. With `decimals`,
 * values that display the same share a rank.
 */
export function competitionRanks(values: ArrayLike<number>, higherIsBetter: boolean, decimals?: number): Uint32Array {
  const shown = decimals === undefined ? Array.from(values) : Array.from(values, (v) => roundTo(v, decimals))
  const idx: number[] = []
  for (let i = 0; i < shown.length; i++) if (!Number.isNaN(shown[i]!)) idx.push(i)
  idx.sort((x, y) => (higherIsBetter ? shown[y]! - shown[x]! : shown[x]! - shown[y]!))
  const ranks = new Uint32Array(shown.length)
  idx.forEach((i, k) => {
    const prev = k > 0 ? idx[k - 1]! : -1
    ranks[i] = prev >= 0 && shown[prev] === shown[i] ? ranks[prev]! : k + 1
  })
  return ranks
}

export type Change =
  | { kind: 'points'; value: number } // rates: difference in percentage points
  | { kind: 'percent'; value: number } // counts and amounts: relative change in %

/**
 * 同比 / 环比 of a value against an earlier one, from the two values as displayed; null where either
 * is missing or the base is 0.
 */
export function changeBetween(current: number, previous: number, ind: Pick<Indicator, 'unit' | 'decimals'>): Change | null {
  if (Number.isNaN(current) || Number.isNaN(previous)) return null
  const now = roundTo(current, ind.decimals)
  const before = roundTo(previous, ind.decimals)
  // The difference of two rounded values, itself rounded to the same places (no 0.30000000000000004).
  if (ind.unit === '%') return { kind: 'points', value: roundTo(now - before, ind.decimals) }
  if (before === 0) return null
  return { kind: 'percent', value: ((now - before) / Math.abs(before)) * 100 }
}

/** Whether a change reads as zero once printed with one decimal (as changes are). */
export function isFlat(c: Change): boolean {
  return roundTo(Math.abs(c.value), 1) === 0
}

/** How a change reads: better, worse, or neither when it prints as zero (±0.0), whatever its sign before rounding. */
export type ChangeTone = 'good' | 'bad' | 'flat'

export function changeTone(c: Change | null, higherIsBetter: boolean): ChangeTone {
  if (!c || isFlat(c)) return 'flat'
  return c.value > 0 === higherIsBetter ? 'good' : 'bad'
}

/**
 * Where a value sits against a reference, both as displayed: 1 better, -1 worse, 0 the same
 * (NaN when either is missing).
 */
export function sideOf(value: number, reference: number, ind: Pick<Indicator, 'decimals' | 'higherIsBetter'>): number {
  if (Number.isNaN(value) || Number.isNaN(reference)) return NaN
  const d = roundTo(value, ind.decimals) - roundTo(reference, ind.decimals)
  if (d === 0) return 0
  return (d > 0) === ind.higherIsBetter ? 1 : -1
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
