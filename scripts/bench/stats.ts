/** Timing helpers for the bench: wall-clock samples and their order statistics. */

export function quantile(samples: readonly number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo)
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5)

/** Milliseconds taken by `fn`, and its result. */
export function timed<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now()
  const result = fn()
  return { ms: performance.now() - t0, result }
}

/** Asks V8 for a full collection when the process runs with --expose-gc. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc) {
    gc()
    gc()
  }
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—')

/** One row of the results table in docs/PERFORMANCE.md. */
export interface Row {
  measure: string
  ours: string
  reference: string
  ratio: string
  target: string
  met: boolean | null
}
