/** Why an export could not be made, as a value the UI turns into a message the user can act on. */
import type { SizeProblem } from './size'

export type ExportProblem =
  | SizeProblem
  | { kind: 'notReady' }
  | { kind: 'noCharts' }
  | { kind: 'clipboardUnsupported' }
  | { kind: 'clipboardDenied'; detail: string }
  | { kind: 'failed'; detail: string }

export class ExportError extends Error {
  readonly problem: ExportProblem
  constructor(problem: ExportProblem) {
    super(`export: ${problem.kind}`)
    this.problem = problem
  }
}

export function problemOf(e: unknown): ExportProblem {
  if (e instanceof ExportError) return e.problem
  return { kind: 'failed', detail: e instanceof Error ? e.message : String(e) }
}
