/**
 * Imported datasets in IndexedDB. Each write (a new dataset together with the list that names it,
 * a rename, a deletion) is one transaction: it happens completely or not at all, so a failure or a
 * reload in the middle of an import leaves the previous state as it was.
 */
import { get, type UseStore } from 'idb-keyval'
import type { FactTable } from '@/domain/table'
import type { Indicator } from '@/domain/types'
import { rememberRowGroups } from '@/domain/aggregate'
import { columnsBlob, columnsBytes, columnsOf } from './stored-columns'

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
  /** The columns already written as the database keeps them (columnsBlob), when the worker made them. */
  columns?: Blob
}

/**
 * How a table is written: its five columns in one Blob (values first, so every column starts on
 * an 8-byte boundary; an import's Blob also holds its row groups), the dictionaries as they are. The database then keeps a reference to the
 * bytes instead of serialising millions of numbers on the page's main thread, which held a
 * million-row import up for hundreds of milliseconds. Datasets written before as plain typed
 * arrays are still read.
 */
interface StoredTable extends Omit<FactTable, 'region' | 'period' | 'indicator' | 'source' | 'value'> {
  columns: Blob
}
interface StoredRecord {
  table: FactTable | StoredTable
  customIndicators: Indicator[]
}

function toRecord(data: StoredDataset): StoredRecord {
  const { length, regions, periods, indicators, sources } = data.table
  const made = data.columns?.size
  const columns = made === columnsBytes(data.table, true) || made === columnsBytes(data.table, false) ? data.columns! : columnsBlob(data.table)
  return { table: { length, regions, periods, indicators, sources, columns }, customIndicators: data.customIndicators }
}

async function fromRecord(record: StoredRecord): Promise<StoredDataset> {
  const t = record.table
  if (!('columns' in t)) return record as StoredDataset
  const { columns, ...rest } = t
  const buf = await columns.arrayBuffer()
  const read = columnsOf(buf, t)
  if (!read) throw new StorageError('unavailable', `stored table has ${buf.byteLength} bytes, ${columnsBytes(t, false)} expected`)
  const table: FactTable = { ...rest, ...read.columns }
  // Grouped when it was saved: the index takes the groups instead of grouping the rows again.
  if (read.groups) rememberRowGroups(table, read.groups)
  return { table, customIndicators: record.customIndicators }
}

export interface Catalog {
  datasets: DatasetMeta[]
  /** Dataset shown at start; null = the sample. */
  active: string | null
}

const CATALOG_KEY = 'catalog'
const dataKey = (id: string) => `data:${id}`

const DB_NAME = 'union-dashboard'
const STORE_NAME = 'datasets'

let connection: Promise<IDBDatabase> | undefined

/**
 * One connection, opened on first use. When another tab opens a newer version of the database
 * (an updated copy of the app), this connection closes at once so the upgrade is not blocked, and
 * the next call opens the database again.
 */
function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME)
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE_NAME)) req.result.createObjectStore(STORE_NAME)
    }
    req.onsuccess = () => {
      const conn = req.result
      conn.onversionchange = () => {
        conn.close()
        connection = undefined
      }
      conn.onclose = () => {
        connection = undefined
      }
      resolve(conn)
    }
    req.onerror = () => {
      connection = undefined
      reject(req.error)
    }
  })
  return connection
}

function db(): UseStore {
  return async (mode, callback) => {
    const conn = await open()
    return callback(conn.transaction(STORE_NAME, mode).objectStore(STORE_NAME))
  }
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
  return guarded(async () => {
    const record = await get<StoredRecord>(dataKey(id), db())
    return record ? fromRecord(record) : undefined
  })
}

const EMPTY_CATALOG: Catalog = { datasets: [], active: null }

/**
 * Applies `change` to the stored list and puts or deletes data, all in one transaction. The list is
 * read inside that transaction, not taken from this tab's memory: IndexedDB runs read-write
 * transactions on one store one after another, so two tabs importing at once each add their
 * dataset and neither overwrites the other. Resolves to the list as written.
 */
function commit(change: (current: Catalog) => Catalog, put?: [string, StoredRecord], remove?: string): Promise<Catalog> {
  return guarded(() =>
    db()('readwrite', (s) =>
      new Promise<Catalog>((resolve, reject) => {
        let next: Catalog = EMPTY_CATALOG
        let failure: unknown
        const read = s.get(CATALOG_KEY)
        read.onsuccess = () => {
          try {
            // The list may come from reactive state; only its plain JSON is stored.
            next = JSON.parse(JSON.stringify(change((read.result as Catalog | undefined) ?? EMPTY_CATALOG))) as Catalog
            if (put) s.put(put[1], dataKey(put[0]))
            if (remove) s.delete(dataKey(remove))
            s.put(next, CATALOG_KEY)
          } catch (e) {
            failure = e
            s.transaction.abort()
          }
        }
        s.transaction.oncomplete = () => resolve(next)
        s.transaction.onabort = () => reject(failure ?? s.transaction.error ?? new DOMException('transaction aborted', 'AbortError'))
        s.transaction.onerror = () => reject(failure ?? s.transaction.error)
      }),
    ),
  )
}

/** Stores a dataset and adds it to the list (making it the one shown at start). */
export function saveDataset(meta: DatasetMeta, data: StoredDataset): Promise<Catalog> {
  return commit((c) => ({ datasets: [...c.datasets.filter((d) => d.id !== meta.id), meta], active: meta.id }), [meta.id, toRecord(data)])
}

/** Changes the list (rename, switch, combine with the sample) as stored now. */
export function saveCatalog(change: (current: Catalog) => Catalog): Promise<Catalog> {
  return commit(change)
}

export function deleteDataset(id: string): Promise<Catalog> {
  return commit((c) => ({ datasets: c.datasets.filter((d) => d.id !== id), active: c.active === id ? null : c.active }), undefined, id)
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
