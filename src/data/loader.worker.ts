/// <reference lib="webworker" />
/**
 * The loader worker: decoding, parsing and validation run here so the page stays responsive.
 * Requests and responses are typed and carry an id; table buffers are transferred, not copied.
 * Progress is posted while a large file is read; cancelling terminates the worker (see loader.ts).
 * It starts with only what reads JSON and plain tidy CSV; papaparse and the Excel reader come with
 * the first file that needs them (parse-common.ts).
 */
import { transferablesOf } from '@/domain/table'
import { groupRows, type RowGroups } from '@/domain/aggregate'
import { parseFileAsync, type Catalogues, type ParseRequest, type ParsedFile } from './parse-common'

export type WorkerRequest = { id: number; type: 'parse'; request: Omit<ParseRequest, 'bytes'> & { bytes: ArrayBuffer | Blob }; catalogues: Catalogues }
export type WorkerResponse =
  | { id: number; ok: true; result: ParsedFile; groups: RowGroups }
  | { id: number; ok: false; error: string }
  | { id: number; progress: number }

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { id, request: asked, catalogues } = e.data
  try {
    // A chosen file comes as a Blob and is read here, off the page's thread and heap.
    const bytes = asked.bytes instanceof Blob ? await asked.bytes.arrayBuffer() : asked.bytes
    const request: ParseRequest = { ...asked, bytes }
    const result = await parseFileAsync(request, catalogues, (progress) => scope.postMessage({ id, progress } satisfies WorkerResponse))
    // The rows grouped by indicator and period, which the page's index needs: built here, so the
    // page does not spend two passes over a large table when it arrives.
    const groups = groupRows(result.table)
    scope.postMessage({ id, ok: true, result, groups } satisfies WorkerResponse, [...transferablesOf(result.table), groups.offsets.buffer, groups.rows.buffer])
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse)
  }
}
