/**
 * The charts of the current view, each registered by its panel while mounted, so that "export all"
 * reaches every chart without the view wiring them together. Panels below the fold mount on
 * demand; `mountAll` asks them to mount now, and `lazyPending` counts those still loading.
 */
import { computed, ref, shallowReactive } from 'vue'
import type { ChartExportSpec, ChartKind } from '@/export/types'

/** Reading order of the dashboard. */
const ORDER: ChartKind[] = ['map', 'trend', 'ranking', 'radar', 'table', 'multiples']
const charts = shallowReactive(new Map<ChartKind, () => ChartExportSpec>())

export function registerChart(kind: ChartKind, spec: () => ChartExportSpec): () => void {
  charts.set(kind, spec)
  return () => {
    if (charts.get(kind) === spec) charts.delete(kind)
  }
}

/** Specs of the registered charts, in reading order. */
export function registeredSpecs(): ChartExportSpec[] {
  return ORDER.flatMap((k) => {
    const get = charts.get(k)
    return get ? [get()] : []
  })
}

export const chartCount = computed(() => charts.size)

/** Set by "export all": panels below the fold mount without waiting to be scrolled near. */
export const mountAll = ref(false)
/** Panels below the fold that were asked to mount and have not finished loading. */
export const lazyPending = ref(0)

/** Every panel of the view mounted (or failed), then the specs of all of them. */
export async function allSpecs(timeout = 10_000): Promise<ChartExportSpec[]> {
  mountAll.value = true
  const start = Date.now()
  // One frame for the panels to start loading, then until none is pending.
  await new Promise((r) => setTimeout(r, 50))
  while (lazyPending.value > 0 && Date.now() - start < timeout) await new Promise((r) => setTimeout(r, 50))
  await new Promise((r) => setTimeout(r, 0))
  return registeredSpecs()
}
