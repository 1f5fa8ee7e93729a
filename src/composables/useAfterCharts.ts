/**
 * A value for a panel that may show a change a frame after the charts (the cards, the overview):
 * worked out at once when the panel is made, and after each change in a task after the charts'
 * frame (charts/updates.ts `afterCharts`), so the panel's re-render never holds the charts back.
 */
import { onScopeDispose, ReactiveEffect, shallowRef, type ShallowRef } from 'vue'
import { afterCharts, cancelAfterCharts } from '@/charts/updates'

export function useAfterCharts<T>(get: () => T): Readonly<ShallowRef<T>> {
  const effect = new ReactiveEffect(get)
  const value = shallowRef(effect.run()) as ShallowRef<T>
  const job = () => {
    if (effect.dirty) value.value = effect.run()
  }
  effect.scheduler = () => afterCharts(job)
  onScopeDispose(() => {
    cancelAfterCharts(job)
    effect.stop()
  })
  return value
}

