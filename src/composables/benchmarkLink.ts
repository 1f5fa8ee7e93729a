import { computed, type ComputedRef } from 'vue'
import { benchmarkParts, type BenchmarkParts } from '@/domain/benchmarkLink'
import type { Benchmark } from '@/domain/types'
import { regionCatalogue } from '@/data/catalogues'
import { useDatasetStore } from '@/stores/dataset'
import { useUiStore } from '@/stores/ui'

/** The benchmark's label around the region it names, while that region's data is loaded; else null. */
export function useBenchmarkParts(benchmark: () => Benchmark | null | undefined): ComputedRef<BenchmarkParts | null> {
  const dataset = useDatasetStore()
  const ui = useUiStore()
  const loaded = computed(() => new Set(dataset.table.regions))
  return computed(() => {
    const b = benchmark()
    return b ? benchmarkParts(b, ui.locale, (a) => regionCatalogue.get(a), (a) => loaded.value.has(a)) : null
  })
}
