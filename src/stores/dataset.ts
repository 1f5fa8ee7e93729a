/**
 * The loaded data: one columnar table (in a shallowRef, never deep-reactive), its index, and the
 * report of every file that went into it. What is shown is either the bundled sample or a user's
 * dataset (optionally over the sample); see stores/datasets.ts for the saved datasets.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { emptyTable, type FactTable } from '@/domain/table'
import { FactIndex } from '@/domain/aggregate'
import type { DashboardContext } from '@/domain/dashboard'
import { SAMPLE_SOURCE, type Indicator } from '@/domain/types'
import type { LoadReport } from '@/data/facts'
import { fetchBytes, FetchError } from '@/data/loader'
import { decodeTableFile, type TableFile } from '@/data/table-file'
import { overlayTables } from '@/data/combine'
import { hierarchy, indicatorCatalogue, regionCatalogue, SAMPLE_TABLE, isCustomIndicator, setCustomIndicators } from '@/data/catalogues'
import { DEFAULT_INDICATOR, useFiltersStore } from './filters'

export type DatasetStatus = 'idle' | 'loading' | 'ready' | 'error'

let sampleCache: Promise<TableFile> | undefined

/**
 * The bundled sample, fetched once and kept for combining with a user's data. It comes already
 * shaped into the table and reports the loader would make of the sample files; after a failure the
 * next call tries again.
 */
function sampleData(): Promise<TableFile> {
  sampleCache ??= fetchBytes(SAMPLE_TABLE.url).then((bytes) => decodeTableFile(bytes, SAMPLE_TABLE.name))
  sampleCache.catch(() => (sampleCache = undefined))
  return sampleCache
}

export interface ShownDataset {
  /** Id of a saved dataset, or null for one loaded from a link and not saved. */
  id: string | null
  name: string
  withSample: boolean
}

export const useDatasetStore = defineStore('dataset', () => {
  const table = shallowRef<FactTable>(emptyTable())
  const index = shallowRef(new FactIndex(table.value, hierarchy))
  const reports = shallowRef<LoadReport[]>([])
  const status = ref<DatasetStatus>('idle')
  const error = ref<string | null>(null)
  /** True while what is shown is the bundled sample alone. */
  const isSample = ref(false)
  /** The user's dataset being shown, null while the sample alone is. */
  const shown = ref<ShownDataset | null>(null)
  /** Bumped whenever the table changes, for views that read the mutable indicator catalogue. */
  const revision = ref(0)

  const context = computed<DashboardContext>(() => ({
    index: index.value,
    regions: regionCatalogue,
    indicators: indicatorCatalogue,
  }))

  /** Sources in the table, with the synthetic marker listed separately from published ones. */
  const publishedSources = computed(() => table.value.sources.filter((s) => s !== SAMPLE_SOURCE).sort((a, b) => a.length - b.length))
  const hasSyntheticRows = computed(() => table.value.sources.includes(SAMPLE_SOURCE))

  /** Swaps the custom indicators, first moving the filters off one that is about to go. */
  function swapCustomIndicators(list: readonly Indicator[]) {
    const filters = useFiltersStore()
    filters.correct(() => {
      if (!indicatorCatalogue.byId.has(filters.indicator) || (isCustomIndicator(filters.indicator) && !list.some((i) => i.id === filters.indicator)))
        filters.setIndicator(DEFAULT_INDICATOR)
      setCustomIndicators(list)
      // A link or saved view naming one of this dataset's own indicators shows it now.
      filters.adoptPendingIndicator()
    })
  }

  function replace(next: FactTable, nextReports: LoadReport[], sample: boolean) {
    table.value = next
    index.value = new FactIndex(next, hierarchy)
    reports.value = nextReports
    isSample.value = sample
    status.value = 'ready'
    revision.value++
  }

  async function loadSample(): Promise<void> {
    status.value = 'loading'
    error.value = null
    try {
      const s = await sampleData()
      swapCustomIndicators([])
      shown.value = null
      replace(s.table, s.reports, true)
    } catch (e) {
      // The previous table stays in place and usable. A fetch's status alone does not say which file.
      error.value = e instanceof FetchError ? `${SAMPLE_TABLE.name}: ${e.message}` : e instanceof Error ? e.message : String(e)
      status.value = table.value.length > 0 ? 'ready' : 'error'
    }
  }

  /**
   * Shows a user's table, over the sample when asked. Throws (and changes nothing) when the sample
   * is needed and cannot be loaded.
   */
  async function showDataset(next: FactTable, nextReports: LoadReport[], custom: readonly Indicator[], what: ShownDataset): Promise<void> {
    const base = what.withSample ? await sampleData() : undefined
    swapCustomIndicators(custom)
    shown.value = what
    replace(base ? overlayTables(base.table, next) : next, base ? [...base.reports, ...nextReports] : nextReports, false)
    error.value = null
  }

  return { table, index, reports, status, error, isSample, shown, revision, context, publishedSources, hasSyntheticRows, loadSample, showDataset }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetStore, import.meta.hot))
