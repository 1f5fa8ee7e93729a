import { describe, expect, it } from 'vitest'
import { effectScope, isReactive, nextTick, ref } from 'vue'
import { useChartOption } from './useChartOption'
import { pendingChartUpdates } from '@/charts/updates'

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
})
