/**
 * The page side of loading: fetch or read bytes, hand them to the loader worker, get a table back.
 */
import type { Catalogues, ParseRequest, ParsedFile } from './parse'
import type { WorkerRequest, WorkerResponse } from './loader.worker'

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, { resolve: (r: ParsedFile) => void; reject: (e: Error) => void }>()

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./loader.worker.ts', import.meta.url), { type: 'module', name: 'loader' })
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const p = pending.get(e.data.id)
      if (!p) return
      pending.delete(e.data.id)
      if (e.data.ok) p.resolve(e.data.result)
      else p.reject(new Error(e.data.error))
    }
    worker.onerror = (e) => {
      // A crashed worker fails every request in flight; the next request starts a fresh one.
      const err = new Error(e.message || 'loader worker failed')
      for (const p of pending.values()) p.reject(err)
      pending.clear()
      worker?.terminate()
      worker = undefined
    }
  }
  return worker
}

export function parseInWorker(request: ParseRequest, catalogues: Catalogues): Promise<ParsedFile> {
  const id = nextId++
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject })
    const msg: WorkerRequest = { id, type: 'parse', request, catalogues }
    getWorker().postMessage(msg, [request.bytes])
  })
}

export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly status: number | null,
    message: string,
  ) {
    super(message)
  }
}

export async function fetchBytes(url: string): Promise<ArrayBuffer> {
  let res: Response
  try {
    res = await fetch(url)
  } catch (e) {
    throw new FetchError(url, null, e instanceof Error ? e.message : String(e))
  }
  if (!res.ok) throw new FetchError(url, res.status, `${res.status} ${res.statusText}`)
  return res.arrayBuffer()
}
