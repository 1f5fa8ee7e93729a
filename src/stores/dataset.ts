/**
 * The loaded data: one columnar table (in a shallowRef, never deep-reactive), its index, and the
 * report of every file that went into it.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { concatTables, emptyTable, type FactTable } from '@/domain/table'
import { FactIndex } from '@/domain/aggregate'
import type { DashboardContext } from '@/domain/dashboard'
import { SAMPLE_SOURCE } from '@/domain/types'
import type { LoadReport } from '@/data/facts'
import { fetchBytes, parseInWorker } from '@/data/loader'
import { hierarchy, indicatorCatalogue, regionCatalogue, SAMPLE_FILES } from '@/data/catalogues'

export type DatasetStatus = 'idle' | 'loading' | 'ready' | 'error'

const catalogues = { regions: regionCatalogue.all, indicators: indicatorCatalogue.indicators }

export const useDatasetStore = defineStore('dataset', () => {
  const table = shallowRef<FactTable>(emptyTable())
  const index = shallowRef(new FactIndex(table.value, hierarchy))
  const reports = shallowRef<LoadReport[]>([])
  const status = ref<DatasetStatus>('idle')
  const error = ref<string | null>(null)
  /** True while what is shown is the bundled sample. */
  const isSample = ref(false)

  const context = computed<DashboardContext>(() => ({
    index: index.value,
    regions: regionCatalogue,
    indicators: indicatorCatalogue,
  }))

  /** Sources in the table, with the synthetic marker listed separately from published ones. */
  const publishedSources = computed(() => table.value.sources.filter((s) => s !== SAMPLE_SOURCE).sort((a, b) => a.length - b.length))
  const hasSyntheticRows = computed(() => table.value.sources.includes(SAMPLE_SOURCE))

  function replace(next: FactTable, nextReports: LoadReport[], sample: boolean) {
    table.value = next
    index.value = new FactIndex(next, hierarchy)
    reports.value = nextReports
    isSample.value = sample
    status.value = 'ready'
  }

  async function loadSample(): Promise<void> {
    status.value = 'loading'
    error.value = null
    try {
      const parsed = await Promise.all(
        SAMPLE_FILES.map(async (f) =>
          parseInWorker({ file: f.name, bytes: await fetchBytes(f.url), defaultSource: SAMPLE_SOURCE }, catalogues),
        ),
      )
      replace(
        concatTables(parsed.map((p) => p.table)),
        parsed.map((p) => p.report),
        true,
      )
    } catch (e) {
      // The previous table stays in place and usable.
      error.value = e instanceof Error ? e.message : String(e)
      status.value = table.value.length > 0 ? 'ready' : 'error'
    }
  }

  return { table, index, reports, status, error, isSample, context, publishedSources, hasSyntheticRows, loadSample }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDatasetStore, import.meta.hot))
