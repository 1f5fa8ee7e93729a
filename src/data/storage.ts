/**
 * Imported datasets in IndexedDB. Each write (a new dataset together with the list that names it,
 * a rename, a deletion) is one transaction: it happens completely or not at all, so a failure or a
 * reload in the middle of an import leaves the previous state as it was.
 */
import { createStore, get, promisifyRequest, type UseStore } from 'idb-keyval'
import type { FactTable } from '@/domain/table'
import type { Indicator } from '@/domain/types'

export interface DatasetMeta {
  id: string
  name: string
  files: string[]
  rows: number
  /** Bytes of the stored table (typed arrays and dictionaries), roughly what it takes on disk. */
  size: number
  importedAt: string
  periodFrom: string | null
  periodTo: string | null
  /** Show the bundled sample underneath (the user's facts win where both have one). */
  withSample: boolean
}

export interface StoredDataset {
  table: FactTable
  customIndicators: Indicator[]
}

export interface Catalog {
  datasets: DatasetMeta[]
  /** Dataset shown at start; null = the sample. */
  active: string | null
}

const CATALOG_KEY = 'catalog'
const dataKey = (id: string) => `data:${id}`

let store: UseStore | undefined
function db(): UseStore {
  store ??= createStore('union-dashboard', 'datasets')
  return store
}

/** Why a write failed, in terms the user can act on. */
export type StorageFailure = 'quota' | 'unavailable' | 'other'

export class StorageError extends Error {
  constructor(
    readonly reason: StorageFailure,
    message: string,
  ) {
    super(message)
    this.name = 'StorageError'
  }
}

/** Maps an IndexedDB failure to what the user can do about it. */
export function storageError(e: unknown): StorageError {
  const name = e instanceof DOMException || e instanceof Error ? e.name : ''
  const message = e instanceof Error ? e.message : String(e)
  if (name === 'QuotaExceededError') return new StorageError('quota', message)
  if (name === 'InvalidStateError' || name === 'SecurityError' || typeof indexedDB === 'undefined') return new StorageError('unavailable', message)
  return new StorageError('other', message)
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    throw e instanceof StorageError ? e : storageError(e)
  }
}

export function readCatalog(): Promise<Catalog> {
  return guarded(async () => (await get<Catalog>(CATALOG_KEY, db())) ?? { datasets: [], active: null })
}

export function readDataset(id: string): Promise<StoredDataset | undefined> {
  return guarded(() => get<StoredDataset>(dataKey(id), db()))
}

/** Writes the catalog, and puts or deletes data, in one transaction. */
function commit(catalog: Catalog, put?: [string, StoredDataset], remove?: string): Promise<void> {
  return guarded(() =>
    db()('readwrite', (s) => {
      if (put) s.put(put[1], dataKey(put[0]))
      if (remove) s.delete(dataKey(remove))
      // The list comes from reactive state; only its plain JSON is stored.
      s.put(JSON.parse(JSON.stringify(catalog)) as Catalog, CATALOG_KEY)
      return promisifyRequest(s.transaction)
    }),
  )
}

export function saveDataset(catalog: Catalog, meta: DatasetMeta, data: StoredDataset): Promise<void> {
  return commit({ ...catalog, datasets: [...catalog.datasets.filter((d) => d.id !== meta.id), meta] }, [meta.id, data])
}

export function saveCatalog(catalog: Catalog): Promise<void> {
  return commit(catalog)
}

export function deleteDataset(catalog: Catalog, id: string): Promise<void> {
  return commit({ datasets: catalog.datasets.filter((d) => d.id !== id), active: catalog.active === id ? null : catalog.active }, undefined, id)
}

export function tableBytes(t: FactTable): number {
  const dict = (l: readonly string[]) => l.reduce((s, x) => s + x.length * 2, 0)
  return t.length * (4 * 4 + 8) + dict(t.regions) + dict(t.periods) + dict(t.indicators) + dict(t.sources)
}

/**
 * Asks the browser to keep this site's storage when space runs low. Resolves to the answer, or
 * null when the browser does not offer the choice.
 */
export async function requestPersistence(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist())
  } catch {
    return null
  }
}
