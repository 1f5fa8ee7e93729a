/**
 * The user's saved datasets (IndexedDB) and which one is shown. Every change is written first and
 * shown after, so a failed write leaves both the saved state and the dashboard as they were.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { comparePeriods } from '@/domain/periods'
import type { Indicator } from '@/domain/types'
import { fetchBlob, FetchError, parseInWorker } from '@/data/loader'
import type { ParsedFile } from '@/data/parse'
import type { LoadReport } from '@/data/facts'
import { indicatorCatalogue, NATIONAL_URL, regionCatalogue } from '@/data/catalogues'
import {
  deleteDataset,
  readCatalog,
  readDataset,
  requestPersistence,
  saveCatalog,
  saveDataset,
  StorageError,
  tableBytes,
  type Catalog,
  type DatasetMeta,
} from '@/data/storage'
import { useDatasetStore } from './dataset'
import { HEADLINE_INDICATORS } from './dashboard'
import { useFiltersStore } from './filters'
import { landingView } from '@/domain/landing'

/** A failure to tell the user about: an i18n key under import.errors and its parameters. */
export interface UserError {
  key: string
  params: Record<string, string | number>
}

export function userErrorOf(e: unknown): UserError {
  if (e instanceof StorageError) return { key: `storage.${e.reason}`, params: { detail: e.message } }
  if (e instanceof FetchError)
    return e.status === null ? { key: 'network', params: { url: e.url, detail: e.message } } : { key: 'http', params: { url: e.url, status: e.status } }
  return { key: 'other', params: { detail: e instanceof Error ? e.message : String(e) } }
}

/** `?data=<url>` before or after the hash: a server's export endpoint feeding the dashboard. */
export function dataUrlFromLocation(loc: Pick<Location, 'search' | 'hash'> = location): string | null {
  const fromSearch = new URLSearchParams(loc.search).get('data')
  if (fromSearch) return fromSearch
  const q = loc.hash.indexOf('?')
  return q >= 0 ? new URLSearchParams(loc.hash.slice(q + 1)).get('data') : null
}

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

export const useDatasetsStore = defineStore('datasets', () => {
  const dataset = useDatasetStore()
  const catalog = ref<Catalog>({ datasets: [], active: null })
  /** Answer to navigator.storage.persist(): true, false, or null when not asked or not offered. */
  const persisted = ref<boolean | null>(null)
  /** The last failure of a saved-dataset action, shown in the manager. */
  const failure = ref<UserError | null>(null)
  /** A ?data= link: its URL, the report of what was read, or why it could not be read. */
  const link = shallowRef<{ url: string; report?: LoadReport; error?: UserError } | null>(null)

  async function start(): Promise<void> {
    if (dataset.status !== 'idle') return
    // Set before anything awaits, so the dashboard does not start loading the sample as well.
    dataset.status = 'loading'
    const url = dataUrlFromLocation()
    try {
      catalog.value = await readCatalog()
    } catch {
      // No IndexedDB (private window, disabled storage): everything else still works.
    }
    if (url && (await loadLink(url))) return
    const active = catalog.value.datasets.find((d) => d.id === catalog.value.active)
    if (active && (await show(active))) return
    await dataset.loadSample()
  }

  /**
   * Opens the dashboard on data just loaded: the smallest region holding all its rows, an indicator
   * with a figure there, the latest period up to today. `keep` leaves a region or indicator the
   * link itself names.
   */
  function land(keep: { region?: boolean; indicator?: boolean } = {}) {
    const filters = useFiltersStore()
    const view = landingView(dataset.context, filters.indicator, HEADLINE_INDICATORS, new Date())
    if (!view) return
    filters.correct(() => {
      if (!keep.region) filters.setScope(view.scope)
      if (!keep.indicator) filters.setIndicator(view.indicator)
      filters.setPeriod(null)
    })
  }

  async function loadLink(url: string): Promise<boolean> {
    try {
      const abs = new URL(url, location.href).href
      const name = decodeURIComponent(new URL(abs).pathname.split('/').pop() || abs)
      const parsed = await parseInWorker(
        // As a Blob: the worker reads it, so the page never holds a large file's bytes.
        { file: name, bytes: await fetchBlob(abs), defaultSource: name },
        { regions: regionCatalogue.all, indicators: indicatorCatalogue.indicators, world: NATIONAL_URL },
      )
      if (parsed.table.length === 0) {
        // Nothing usable (a wrong header, a file over the limit …): an error on the page, never a silent fallback.
        link.value = { url: abs, report: parsed.report, error: { key: 'noRows', params: { file: name } } }
        return false
      }
      link.value = { url: abs, report: parsed.report }
      await dataset.showDataset(parsed.table, [parsed.report], parsed.customIndicators, { id: null, name, withSample: false })
      const query = new URLSearchParams(location.hash.slice(location.hash.indexOf('?') + 1))
      land({ region: query.has('region'), indicator: query.has('indicator') })
      return true
    } catch (e) {
      link.value = { url, error: userErrorOf(e) }
      return false
    }
  }

  async function show(meta: DatasetMeta): Promise<boolean> {
    try {
      const stored = await readDataset(meta.id)
      if (!stored) return false
      const report: LoadReport = { file: meta.name, rowsRead: stored.table.length, rowsAccepted: stored.table.length, totalRows: 0, rowsRejected: 0, problems: [], problemCount: 0 }
      await dataset.showDataset(stored.table, [report], stored.customIndicators, { id: meta.id, name: meta.name, withSample: meta.withSample })
      return true
    } catch (e) {
      failure.value = userErrorOf(e)
      return false
    }
  }

  /** Saves a previewed file as a new dataset and shows it. Throws a UserError; nothing changes then. */
  async function importParsed(parsed: ParsedFile, name: string, withSample: boolean, custom: readonly Indicator[]): Promise<void> {
    const periods = [...parsed.table.periods].sort(comparePeriods)
    const used = new Set(parsed.table.indicators)
    const customIndicators = [...custom, ...parsed.customIndicators].filter((i) => used.has(i.id))
    const meta: DatasetMeta = {
      id: newId(),
      name,
      files: parsed.files ?? [parsed.report.file],
      rows: parsed.table.length,
      size: tableBytes(parsed.table),
      importedAt: new Date().toISOString(),
      periodFrom: periods[0] ?? null,
      periodTo: periods.at(-1) ?? null,
      withSample,
    }
    if (persisted.value !== true) persisted.value = await requestPersistence()
    try {
      catalog.value = await saveDataset(meta, { table: parsed.table, customIndicators, ...(parsed.storedColumns ? { columns: parsed.storedColumns } : {}) })
    } catch (e) {
      throw userErrorOf(e)
    }
    failure.value = null
    await dataset.showDataset(parsed.table, [parsed.report], customIndicators, { id: meta.id, name, withSample })
    land()
  }

  /** Changes the stored list (as it is now, whatever other tabs did) and then shows a dataset. */
  async function update(change: (current: Catalog) => Catalog, andShow?: DatasetMeta | null): Promise<void> {
    failure.value = null
    try {
      catalog.value = await saveCatalog(change)
    } catch (e) {
      failure.value = userErrorOf(e)
      return
    }
    if (andShow === null) await dataset.loadSample()
    else if (andShow) await show(andShow)
  }

  async function switchTo(id: string | null): Promise<void> {
    const meta = catalog.value.datasets.find((d) => d.id === id) ?? null
    await update((c) => ({ ...c, active: meta?.id ?? null }), meta)
  }

  async function rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim()
    if (!trimmed) return
    await update((c) => ({ ...c, datasets: c.datasets.map((d) => (d.id === id ? { ...d, name: trimmed } : d)) }))
    if (dataset.shown?.id === id) dataset.shown = { ...dataset.shown, name: trimmed }
  }

  async function setWithSample(id: string, withSample: boolean): Promise<void> {
    const meta = catalog.value.datasets.find((d) => d.id === id)
    const changed = meta ? { ...meta, withSample } : undefined
    await update((c) => ({ ...c, datasets: c.datasets.map((d) => (d.id === id ? { ...d, withSample } : d)) }), dataset.shown?.id === id ? changed : undefined)
  }

  async function remove(id: string): Promise<void> {
    failure.value = null
    try {
      catalog.value = await deleteDataset(id)
    } catch (e) {
      failure.value = userErrorOf(e)
      return
    }
    const wasShown = dataset.shown?.id === id
    if (wasShown) await dataset.loadSample()
  }

  return { catalog, persisted, failure, link, start, importParsed, switchTo, rename, setWithSample, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetsStore, import.meta.hot))
