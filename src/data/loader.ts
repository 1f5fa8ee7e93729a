/**
 * The page side of loading: fetch or read bytes, hand them to the loader worker, get a table back.
 * A worker starts with a parse (a file the user imports or links) and ends when no parse is left;
 * the bundled sample does not need it.
 */
import type { Catalogues, ParseRequest, ParsedFile } from './parse'
import type { LoadProblem } from './facts'
import type { WorkerRequest, WorkerResponse } from './loader.worker'
import { rememberRowGroups } from '@/domain/aggregate'

let worker: Promise<Worker> | undefined
let nextId = 1
interface Pending {
  resolve: (r: ParsedFile) => void
  reject: (e: Error) => void
  onProgress?: (fraction: number) => void
}
const pending = new Map<number, Pending>()

/** A parse stopped by the user; nothing else changes. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled')
    this.name = 'CancelledError'
  }
}

function stopWorker(err: Error) {
  for (const p of pending.values()) p.reject(err)
  pending.clear()
  void worker?.then((w) => w.terminate(), () => undefined)
  worker = undefined
}

function receive(e: MessageEvent<WorkerResponse>) {
  const msg = e.data
  const p = pending.get(msg.id)
  if (!p) return
  if ('progress' in msg) return p.onProgress?.(msg.progress)
  pending.delete(msg.id)
  // An idle worker would keep what a parse left on its heap (pieces of the file, the columns as
  // they grew): ended after each parse, its memory goes back at once; the next parse starts another.
  if (pending.size === 0) stopWorker(new CancelledError())
  if (msg.ok) {
    msg.result.report.problems = JSON.parse(msg.problems) as LoadProblem[]
    rememberRowGroups(msg.result.table, msg.groups)
    p.resolve(msg.result)
  } else p.reject(new Error(msg.error))
}

/** The worker, started by a parse when none is running; nothing else creates it. */
function getWorker(): Promise<Worker> {
  if (!worker) {
    const starting = import('./spawn-loader').then(({ spawnLoaderWorker }) => {
      const w = spawnLoaderWorker()
      w.onmessage = receive
      // A crashed worker fails every request in flight; the next request starts a fresh one.
      w.onerror = (e) => stopWorker(new Error(e.message || 'loader worker failed'))
      return w
    })
    // A module that could not be fetched (offline, a new deployment) is fetched again next time.
    starting.catch(() => worker === starting && (worker = undefined))
    worker = starting
  }
  return worker
}

export interface ParseJob {
  result: Promise<ParsedFile>
  /** Stops the parse; `result` rejects with CancelledError. */
  cancel: () => void
}

/**
 * What the worker is asked to parse: the bytes, or a Blob (a chosen File) that the worker reads
 * itself, so that the page never holds a large file's bytes.
 */
export type ParseInput = Omit<ParseRequest, 'bytes'> & { bytes: ArrayBuffer | Blob }

/**
 * Parses in the worker; `request.bytes`, when an ArrayBuffer, is transferred, so pass a copy if you
 * need it again. Several files come back as one result (combine-parsed.ts).
 */
export function startParse(request: ParseInput | ParseInput[], catalogues: Catalogues, onProgress?: (fraction: number) => void): ParseJob {
  const id = nextId++
  const result = new Promise<ParsedFile>((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) })
    // Plain copies: the page's indicator list is reactive, and a proxy cannot be posted.
    const plain: Catalogues = { regions: [...catalogues.regions], indicators: [...catalogues.indicators], ...(catalogues.world ? { world: catalogues.world } : {}) }
    const msg: WorkerRequest = { id, type: 'parse', request, catalogues: plain }
    getWorker().then(
      // Not posted when cancelled while the worker was starting.
      (w) => pending.has(id) && w.postMessage(msg, [request].flat().flatMap((r) => (r.bytes instanceof ArrayBuffer ? [r.bytes] : []))),
      (e: unknown) => {
        if (!pending.delete(id)) return
        reject(new Error(`the loader could not start: ${e instanceof Error ? e.message : String(e)}`))
      },
    )
  })
  // Parsing is synchronous inside the worker, so the only way to stop it is to end the worker.
  return { result, cancel: () => pending.has(id) && stopWorker(new CancelledError()) }
}

export function parseInWorker(request: ParseInput, catalogues: Catalogues): Promise<ParsedFile> {
  return startParse(request, catalogues).result
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message)
    this.name = 'FetchError'
  }
}

async function fetchOk(url: string): Promise<Response> {
  let res: Response
  try {
    res = await fetch(url)
  } catch (e) {
    // The browser does not tell a refused cross-origin read (CORS) from a network failure.
    throw new FetchError(url, null, e instanceof Error ? e.message : String(e))
  }
  if (!res.ok) throw new FetchError(url, res.status, `${res.status} ${res.statusText}`)
  return res
}

export async function fetchBytes(url: string): Promise<ArrayBuffer> {
  return (await fetchOk(url)).arrayBuffer()
}

/** The body as a Blob: it can be read again later without the page holding or copying its bytes. */
export async function fetchBlob(url: string): Promise<Blob> {
  return (await fetchOk(url)).blob()
}
