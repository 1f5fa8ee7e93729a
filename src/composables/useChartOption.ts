/**
 * A chart's option, rebuilt in a task of its own (charts/updates.ts) whenever what it reads
 * changes. The builder does not run when the change happens, only when the chart's turn comes, so
 * the models behind it are computed there too. The option is marked raw: vue-echarts would
 * otherwise walk every array of it on each change, and ECharts keeps its own copy anyway.
 */
import { markRaw, onScopeDispose, ReactiveEffect, shallowRef, type ShallowRef } from 'vue'
import { cancelChartUpdate, scheduleChartUpdate } from '@/charts/updates'

export function useChartOption<T extends object>(build: () => T | null): Readonly<ShallowRef<T | null>> {
  const option: ShallowRef<T | null> = shallowRef(null)
  const effect = new ReactiveEffect(build)
  const job = () => {
    const next = effect.run()
    option.value = next ? (markRaw(next) as T) : null
  }
  effect.scheduler = () => scheduleChartUpdate(job)
  scheduleChartUpdate(job)
  onScopeDispose(() => {
    cancelChartUpdate(job)
    effect.stop()
  })
  return option
}
