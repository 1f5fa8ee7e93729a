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
import { columnsBlob } from './stored-columns'
import { parseFileAsync } from './parse-common'
import { regionLookup, worldOf } from './parse-steps'
import type { Catalogues, ParseRequest, ParsedFile } from './parse-types'

type Asked = ParseRequest
/** One file, or several (returns from several districts) read into one result. */
export type WorkerRequest = { id: number; type: 'parse'; request: Asked | Asked[]; catalogues: Catalogues }
export type WorkerResponse =
  | { id: number; ok: true; result: ParsedFile; groups: RowGroups; problems: string }
  | { id: number; ok: false; error: string }
  | { id: number; progress: number }

const scope = self as unknown as DedicatedWorkerGlobalScope

/** Several files into one result, conflicts named with both files (loaded with the first such import). */
async function combineFiles(parts: ParsedFile[], catalogues: Catalogues): Promise<ParsedFile> {
  const { combineParsed, describeWith } = await import('./combine-parsed')
  return combineParsed(parts, parts.map((p) => p.report.file).join('、'), describeWith(catalogues))
}

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { id, request: asked, catalogues } = e.data
  try {
    const list = Array.isArray(asked) ? asked : [asked]
    // The request's region catalogue, knowing the nation when it can (names outside it are reported).
    regionLookup(catalogues, await worldOf(catalogues))
    const parts: ParsedFile[] = []
    for (const [k, one] of list.entries()) {
      // A chosen file comes as a Blob and is read here, off the page's thread and heap, in pieces
      // where the file allows it (byte-source.ts).
      const request: ParseRequest = one
      const progress = (p: number) => scope.postMessage({ id, progress: (k + p) / list.length } satisfies WorkerResponse)
      parts.push(await parseFileAsync(request, catalogues, progress))
    }
    const result = parts.length === 1 ? parts[0]! : await combineFiles(parts, catalogues)
    // The rows grouped by indicator and period, which the page's index needs: built here, so the
    // page does not spend two passes over a large table when it arrives.
    const groups = groupRows(result.table)
    // The record the page saves to IndexedDB, made here too: a Blob crosses without a copy of its
    // bytes, and the page does not write 24 bytes per fact into one on its own thread.
    result.storedColumns = columnsBlob(result.table, groups)
    // The report's problems (up to 10,000 small objects) cross as JSON: the page parses that in a
    // fraction of the time it takes to deserialise the objects themselves.
    const problems = JSON.stringify(result.report.problems)
    result.report = { ...result.report, problems: [] }
    scope.postMessage({ id, ok: true, result, groups, problems } satisfies WorkerResponse, [...transferablesOf(result.table), groups.offsets.buffer, groups.rows.buffer])
  } catch (err) {
    scope.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerResponse)
  }
}
