/**
 * How a value is encoded so that its picture does not mislead:
 * - rankingScale: bars whose length is the value, from zero; a dot plot on a focused axis where
 *   bars from zero would all look alike (rates between 90% and 93%);
 * - classBreaks: the classes of a graded map, by quantiles, with limits a legend can print.
 */

/** Bars from zero, or dots on an axis from `min` to `max` (ticks every `interval`). */
export type RankingScale = { kind: 'bar' } | { kind: 'dot'; min: number; max: number; interval: number }

/**
 * Below this share of the largest value, the spread is too narrow for bars: the shortest bar would
 * be more than three quarters of the longest, and the differences the ranking is about vanish.
 */
export const NARROW_SPREAD = 0.25

/** A round step (1, 2 or 5 × 10ⁿ) of about `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1
  const mag = 10 ** Math.floor(Math.log10(raw))
  const f = raw / mag
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag
}

/**
 * The scale of a ranking of `values` (NaN = no data) with a reference line at `reference`. The
 * dot plot's axis always holds the reference, and never goes below zero for values that cannot.
 */
export function rankingScale(values: readonly number[], reference: number): RankingScale {
  const present = values.filter((v) => Number.isFinite(v))
  if (present.length < 2) return { kind: 'bar' }
  const all = Number.isFinite(reference) ? [...present, reference] : present
  const lo = Math.min(...all)
  const hi = Math.max(...all)
  const spread = hi - lo
  // Negative values, or equal ones, read right as bars: the sign or the equality is the message.
  // (A spread lost in float noise is none.)
  if (lo < 0 || !(spread > hi * 1e-9) || spread >= hi * NARROW_SPREAD) return { kind: 'bar' }
  const interval = niceStep(spread / 4)
  const min = Math.max(0, Math.floor((lo - spread * 0.1) / interval) * interval)
  const max = Math.ceil((hi + spread * 0.1) / interval) * interval
  return { kind: 'dot', min: round(min, interval), max: round(max, interval), interval }
}

/** One class of a graded map: every value v with lo ≤ v ≤ hi as printed (limits are multiples of the step). */
export interface ClassRange {
  lo: number
  hi: number
}

/**
 * Up to `classes` classes of `values` by quantiles, so that each holds about as many values,
 * whatever their skew. Values are taken as printed (rounded to `step`, 1 for whole counts), limits
 * are multiples of `step`, rounded to two significant figures where that keeps the classes apart,
 * and the classes follow each other without a gap (the next `lo` is `hi + step`). No class is empty.
 * With no more distinct values than classes, each value starts a class of its own.
 */
export function classBreaks(values: readonly number[], classes: number, step = 1): ClassRange[] {
  const sorted = values
    .filter((v) => Number.isFinite(v))
    .map((v) => round(Math.round(v / step) * step, step))
    .sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const distinct = [...new Set(sorted)]
  const first = sorted[0]!
  const lows = distinct.length <= classes ? distinct : [first]
  for (let k = 1; k < classes && distinct.length > classes; k++) {
    const q = sorted[Math.floor((k * sorted.length) / classes)]!
    const nice = roundLimit(q, step)
    // A rounded limit that would swallow or empty a class falls back to the quantile itself.
    const lo = nice > lows.at(-1)! && nice <= q ? nice : q
    if (lo > lows.at(-1)!) lows.push(lo)
  }
  const ranges = lows.map((lo, k) => ({ lo, hi: k + 1 < lows.length ? round(lows[k + 1]! - step, step) : sorted.at(-1)! }))
  // Nothing between two limits once rounded: the class goes, its neighbour below takes its range.
  const out: ClassRange[] = []
  for (const r of ranges) {
    if (sorted.some((v) => v >= r.lo && v <= r.hi)) out.push({ ...r })
    else if (out.length > 0) out.at(-1)!.hi = r.hi
    else out.push({ ...r })
  }
  return out
}

/** The class of a value (as printed), -1 when it is in none. */
export function classOf(ranges: readonly ClassRange[], value: number, step = 1): number {
  const v = round(Math.round(value / step) * step, step)
  return ranges.findIndex((r) => v >= r.lo && v <= r.hi)
}

/** Down to two significant figures, never finer than `step`. */
function roundLimit(v: number, step: number): number {
  if (v <= 0) return v
  const unit = Math.max(step, 10 ** (Math.floor(Math.log10(v)) - 1))
  return round(Math.floor(v / unit) * unit, step)
}

/** Removes the float noise of a multiple of `step` (0.30000000000000004 → 0.3). */
function round(v: number, step: number): number {
  const d = Math.max(0, -Math.floor(Math.log10(step)) + 1)
  return Number(v.toFixed(Math.min(20, d)))
}
