/**
 * A chart's option, rebuilt in a task of its own (charts/updates.ts) whenever what it reads
 * changes. The builder does not run when the change happens, only when the chart's turn comes, so
 * the models behind it are computed there too. The option is marked raw: vue-echarts would
 * otherwise walk every array of it on each change, and ECharts keeps its own copy anyway.
 *
 * When the option and the model behind it (`inputs`: what its tooltips also read) are equal to
 * those the chart shows, the option is not handed over again: a change that leaves a chart's
 * inputs as they were (the trend when only the year moves) costs that chart no repaint.
 *
 * An option that needs an ECharts module not registered yet (charts/modules.ts) is published once
 * the module is, again in a task of its own. An option built meanwhile takes its place, so an older
 * option never lands after a newer one.
 *
 * When the reader's system asks for less motion, the option is published with animation off.
 */
import { markRaw, onScopeDispose, ReactiveEffect, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { ensureModules, pipelineRevision, pipelineRevisionFor } from '@/charts/modules'
import { cancelChartUpdate, scheduleChartUpdate } from '@/charts/updates'
import { prefersReducedMotion, withMotionPreference } from './motion'

export function useChartOption<T extends object>(build: () => T | null, inputs: () => unknown = () => null): Readonly<ShallowRef<T | null>> {
  const option: ShallowRef<T | null> = shallowRef(null)
  const reduceMotion = prefersReducedMotion()
  const effect = new ReactiveEffect(() => withMotionPreference(build(), reduceMotion.value))
  /** Numbers the builds: only the latest one is published. */
  let latest = 0
  /** The latest build, once the modules it waited for are registered. */
  let ready: T | null = null
  let stopped = false
  /** The shown option and its inputs as text. */
  let shown: string | null = null
  const publish = (next: T | null) => {
    const key = next ? fingerprint([next, inputs()]) : null
    if (key !== null && key === shown) return
    shown = key
    option.value = next ? (markRaw(next) as T) : null
  }
  const publishReady = () => {
    const next = ready
    ready = null
    if (next) publish(next)
  }
  const job = () => {
    const next = effect.run()
    const build = ++latest
    ready = null
    cancelChartUpdate(publishReady)
    const waiting = next ? ensureModules(next) : null
    if (!waiting) return publish(next)
    // A failed load surfaces as an unhandled rejection; the chart keeps what it shows and the next build tries again.
    void waiting.then(() => {
      if (build !== latest || stopped) return
      ready = next
      scheduleChartUpdate(publishReady)
    })
  }
  effect.scheduler = () => scheduleChartUpdate(job)
  scheduleChartUpdate(job)
  onScopeDispose(() => {
    stopped = true
    cancelChartUpdate(job)
    cancelChartUpdate(publishReady)
    effect.stop()
  })
  return option
}

/**
 * An option and its model as text: functions (formatters) by their source, typed arrays as lists.
 * What a formatter closes over is the model or the labels, both part of the text.
 */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'function' ? String(v) : ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : Number.isNaN(v) ? 'NaN' : v,
  )
}

/**
 * A key for the chart's `<VChart>`. An ECharts instance runs only the pipeline steps registered
 * when it was made, so when an option needs a module that brought one later (dataZoom's filter),
 * the key changes and the chart is made afresh; that happens at most once per such module.
 */
export function useChartKey(option: Readonly<Ref<object | null>>): Readonly<Ref<number>> {
  const key = shallowRef(pipelineRevision())
  watch(
    option,
    (next) => {
      if (next && pipelineRevisionFor(next) > key.value) key.value = pipelineRevision()
    },
    // With the option itself, so the new chart is the first to draw it.
    { flush: 'sync' },
  )
  return key
}
