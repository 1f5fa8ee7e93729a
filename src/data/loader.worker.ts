/// <reference lib="webworker" />
/**
 * The loader worker: decoding, parsing and validation run here so the page stays responsive.
 * Requests and responses are typed and carry an id; table buffers are transferred, not copied.
 */
import { transferablesOf } from '@/domain/table'
import { parseFile, type Catalogues, type ParseRequest, type ParsedFile } from './parse'

export type WorkerRequest = { id: number; type: 'parse'; request: ParseRequest; catalogues: Catalogues }
export type WorkerResponse = { id: number; ok: true; result: ParsedFile } | { id: number; ok: false; error: string }

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { id, request, catalogues } = e.data
  try {
    const result = parseFile(request, catalogues)
    scope.postMessage({ id, ok: true, result } satisfies WorkerResponse, transferablesOf(result.table))
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse)
  }
}
