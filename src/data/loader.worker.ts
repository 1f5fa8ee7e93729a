/// <reference lib="webworker" />
/**
 * The loader worker: decoding, parsing and validation run here so the page stays responsive.
 * Requests and responses are typed and carry an id; table buffers are transferred, not copied.
 * Progress is posted while a large file is read; cancelling terminates the worker (see loader.ts).
 */
import { transferablesOf } from '@/domain/table'
import { parseFileAsync, type Catalogues, type ParseRequest, type ParsedFile } from './parse'

export type WorkerRequest = { id: number; type: 'parse'; request: ParseRequest; catalogues: Catalogues }
export type WorkerResponse =
  | { id: number; ok: true; result: ParsedFile }
  | { id: number; ok: false; error: string }
  | { id: number; progress: number }

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { id, request, catalogues } = e.data
  try {
    const result = await parseFileAsync(request, catalogues, (progress) => scope.postMessage({ id, progress } satisfies WorkerResponse))
    scope.postMessage({ id, ok: true, result } satisfies WorkerResponse, transferablesOf(result.table))
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse)
  }
}
