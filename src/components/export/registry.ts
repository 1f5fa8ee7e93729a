/**
 * The charts of the current view, each registered by its panel while mounted, so that "export all"
 * reaches every chart without the view wiring them together.
 */
import { computed, shallowReactive } from 'vue'
import type { ChartExportSpec, ChartKind } from '@/export/types'

const ORDER: ChartKind[] = ['map', 'trend', 'ranking']
const charts = shallowReactive(new Map<ChartKind, () => ChartExportSpec>())

export function registerChart(kind: ChartKind, spec: () => ChartExportSpec): () => void {
  charts.set(kind, spec)
  return () => {
    if (charts.get(kind) === spec) charts.delete(kind)
  }
}

/** Specs of the registered charts, in reading order (map, trend, ranking). */
export function registeredSpecs(): ChartExportSpec[] {
  return ORDER.flatMap((k) => {
    const get = charts.get(k)
    return get ? [get()] : []
  })
}

export const chartCount = computed(() => charts.size)
