/**
 * A panel's export: the chart's own part (option, filters, data) joined with the words the panel
 * prints around it, registered for "export all" while the panel is mounted.
 */
import { watch, type Ref } from 'vue'
import type { ChartExportSpec } from '@/export/types'
import { registerChart } from './registry'
import type { ChartExportSource } from './sources'

export type PanelWords = Pick<ChartExportSpec, 'title' | 'unit' | 'definition' | 'source' | 'coverage'>

export function usePanelExport(source: () => ChartExportSource | undefined, words: () => PanelWords, panel: Readonly<Ref<HTMLElement | null>>) {
  function exportSpec(): ChartExportSpec {
    const own = source()!
    return {
      ...own,
      ...words(),
      ...(own.coverage !== undefined ? { coverage: own.coverage } : {}),
      screenSize: () => {
        const r = panel.value?.getBoundingClientRect()
        return { width: r?.width || 800, height: r?.height || 500 }
      },
    }
  }
  watch(
    () => source()?.kind,
    (kind, _, onCleanup) => {
      if (kind) onCleanup(registerChart(kind, exportSpec))
    },
    { immediate: true },
  )
  return exportSpec
}
