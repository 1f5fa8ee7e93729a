/** Figures for tests of option builders and components (not used by the app). */
import type { Figure } from './figures'

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
