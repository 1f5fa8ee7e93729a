import { describe, expect, it, vi } from 'vitest'
import { effectScope, isReactive, nextTick, ref, shallowRef, watch } from 'vue'
import { useChartKey, useChartOption } from './useChartOption'
import { pendingChartUpdates } from '@/charts/updates'

/** Options here say what they wait for and which pipeline revision they need; nothing is loaded. */
interface Probe {
  name: string
  wait?: Promise<void>
  needs?: number
}
const pipeline = vi.hoisted(() => ({ revision: 0 }))
vi.mock('@/charts/modules', () => ({
  ensureModules: (o: { wait?: Promise<void> }) => o.wait ?? null,
  pipelineRevision: () => pipeline.revision,
  pipelineRevisionFor: (o: { needs?: number }) => o.needs ?? 0,
}))

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

async function drained(): Promise<void> {
  while (pendingChartUpdates() > 0) await new Promise((r) => setTimeout(r, 0))
  await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}

describe('useChartOption', () => {
  it('builds the option in a later task, not when the change happens, and only once per batch', async () => {
    const scope = effectScope()
    const period = ref('2023')
    let builds = 0
    const option = scope.run(() =>
      useChartOption(() => {
        builds++
        return { series: [{ data: [period.value] }] }
      }),
    )!
    expect(builds).toBe(0)
    expect(option.value).toBeNull()
    await drained()
    expect(builds).toBe(1)
    expect(option.value?.series[0]?.data).toEqual(['2023'])

    period.value = '2024'
    period.value = '2025'
    expect(builds).toBe(1)
    await drained()
    expect(builds).toBe(2)
    expect(option.value?.series[0]?.data).toEqual(['2025'])
    // Not walked by Vue's deep watchers: the option is raw.
    expect(isReactive(option.value)).toBe(false)
    expect((option.value as unknown as Record<string, unknown>).__v_skip).toBe(true)
    scope.stop()
  })

  it('hands over no option equal to the shown one, unless the model behind it changed', async () => {
    const scope = effectScope()
    const period = ref('2023')
    const model = shallowRef({ rank: [1, 2] })
    const published: string[] = []
    scope.run(() => {
      const o = useChartOption(
        () => ({ series: [{ data: [1, 2] }], read: period.value.length + model.value.rank.length, formatter: (v: number) => v + 1 }),
        () => model.value,
      )
      watch(o, (v) => v && published.push(`rank ${model.value.rank.join(',')}`), { flush: 'sync' })
    })
    await drained()
    expect(published).toEqual(['rank 1,2'])
    // Another year with the same numbers: nothing to repaint.
    period.value = '2024'
    await drained()
    expect(published).toEqual(['rank 1,2'])
    // Same numbers drawn, but what the tooltip reads moved: handed over.
    model.value = { rank: [2, 1] }
    await drained()
    expect(published).toEqual(['rank 1,2', 'rank 2,1'])
    scope.stop()
  })

  it('stops building once its component is gone', async () => {
    const scope = effectScope()
    const n = ref(1)
    let builds = 0
    scope.run(() => useChartOption(() => ({ n: (builds++, n.value) })))
    await drained()
    n.value = 2
    scope.stop()
    await drained()
    expect(builds).toBe(1)
  })

  it('publishes an option that needs a module once the module is registered, in a task of its own', async () => {
    const scope = effectScope()
    const loaded = deferred()
    const option = scope.run(() => useChartOption<Probe>(() => ({ name: 'monthly', wait: loaded.promise })))!
    await drained()
    expect(option.value).toBeNull()
    loaded.resolve()
    await loaded.promise
    // Not in the task the module arrived in: in one of its own, like every chart update.
    expect(option.value).toBeNull()
    expect(pendingChartUpdates()).toBe(1)
    await drained()
    expect(option.value?.name).toBe('monthly')
    scope.stop()
  })

  it('never publishes an older option after a newer one, whichever finishes waiting first', async () => {
    const scope = effectScope()
    const first = deferred()
    const second = deferred()
    const third = deferred()
    const step = ref(0)
    const plan: Probe[] = [
      { name: 'first', wait: first.promise },
      { name: 'second', wait: second.promise },
      { name: 'at once' },
      { name: 'stale', wait: third.promise },
    ]
    const published: string[] = []
    const option = scope.run(() => {
      const o = useChartOption<Probe>(() => plan[step.value]!)
      watch(o, (v) => published.push(v?.name ?? 'null'), { flush: 'sync' })
      return o
    })!
    await drained()
    step.value = 1
    await drained()
    // The first arrives while the second still waits: the second has replaced it.
    first.resolve()
    await drained()
    expect(option.value).toBeNull()
    second.resolve()
    await drained()
    expect(published).toEqual(['second'])

    // One that needs nothing is published at once, and one still waiting from before never lands on it.
    const late = deferred()
    plan[0] = { name: 'late', wait: late.promise }
    step.value = 0
    await drained()
    step.value = 2
    await drained()
    late.resolve()
    await drained()
    expect(published).toEqual(['second', 'at once'])

    // Ready, but a newer build was asked for before its turn to be published: the newer one wins.
    step.value = 3
    await drained()
    step.value = 2
    third.resolve()
    await drained()
    expect(published).toEqual(['second', 'at once'])
    expect(option.value?.name).toBe('at once')
    scope.stop()
  })

  it('publishes nothing once its component is gone', async () => {
    const scope = effectScope()
    const loaded = deferred()
    const option = scope.run(() => useChartOption<Probe>(() => ({ name: 'late', wait: loaded.promise })))!
    await drained()
    scope.stop()
    loaded.resolve()
    await drained()
    expect(option.value).toBeNull()
    expect(pendingChartUpdates()).toBe(0)
  })
})

describe('useChartKey', () => {
  it('changes, with the option, only when the option needs a pipeline step newer than the chart', () => {
    const scope = effectScope()
    pipeline.revision = 1
    const option = shallowRef<Probe | null>(null)
    const key = scope.run(() => useChartKey(option))!
    expect(key.value).toBe(1)
    option.value = { name: 'annual' }
    option.value = { name: 'zoomed', needs: 1 }
    expect(key.value).toBe(1)
    pipeline.revision = 3
    option.value = { name: 'zoomed again', needs: 3 }
    expect(key.value).toBe(3)
    // Back to an option that needs less: the chart made for the newer steps draws it as it is.
    option.value = { name: 'annual' }
    expect(key.value).toBe(3)
    scope.stop()
    pipeline.revision = 0
  })
})


describe('charts and the reader’s motion preference', () => {
  it('publishes options without animation while the system asks for less motion, and follows a change', async () => {
    vi.resetModules()
    let listener: ((e: { matches: boolean }) => void) | null = null
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
      addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => (listener = fn),
    }))
    const { useChartOption: fresh } = await import('./useChartOption')
    const scope = effectScope()
    const option = scope.run(() => fresh<{ series: unknown[]; animation?: boolean }>(() => ({ series: [] })))!
    await drained()
    expect(option.value).toEqual({ series: [], animation: false })
    listener!({ matches: false })
    await drained()
    expect(option.value).toEqual({ series: [] })
    scope.stop()
    vi.unstubAllGlobals()
  })
})
