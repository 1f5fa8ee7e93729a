import { describe, expect, it } from 'vitest'
import { cancelChartUpdate, pendingChartUpdates, scheduleChartUpdate, TASK_BUDGET_MS } from './updates'

/** Resolves after the queue is empty, checking once per task. */
async function drained(): Promise<void> {
  while (pendingChartUpdates() > 0) await new Promise((r) => setTimeout(r, 0))
  await new Promise((r) => setTimeout(r, 0))
}

describe('chart update queue', () => {
  it('runs quick jobs right after the change, in the order asked, all in the same task with microtasks between', async () => {
    const log: string[] = []
    scheduleChartUpdate(() => {
      log.push('map')
      queueMicrotask(() => log.push('after map'))
    })
    scheduleChartUpdate(() => {
      log.push('trend')
      queueMicrotask(() => log.push('after trend'))
    })
    scheduleChartUpdate(() => log.push('ranking'))
    // Nothing runs within the code that asked: the first job waits for the end of it.
    expect(log).toEqual([])
    // Before any other task: every chart is set in the same task, so all paint in the same frame…
    await new Promise((r) => setTimeout(r, 0))
    // …and a microtask a job queued (Vue handing its option to the chart) runs before the next job.
    expect(log).toEqual(['map', 'after map', 'trend', 'after trend', 'ranking'])
  })

  it('goes on in a task of its own once a task has spent its budget', async () => {
    const log: string[] = []
    const busy = (ms: number) => {
      const end = performance.now() + ms
      while (performance.now() < end) {
        // Stands for a chart whose option takes long to build.
      }
    }
    scheduleChartUpdate(() => {
      busy(TASK_BUDGET_MS + 5)
      log.push('slow')
    })
    scheduleChartUpdate(() => log.push('next'))
    await Promise.resolve()
    await Promise.resolve()
    expect(log).toEqual(['slow'])
    await drained()
    expect(log).toEqual(['slow', 'next'])
  })

  it('keeps one place for a job asked for twice, and drops a cancelled one', async () => {
    const log: string[] = []
    const a = () => log.push('a')
    const b = () => log.push('b')
    const c = () => log.push('c')
    scheduleChartUpdate(a)
    scheduleChartUpdate(b)
    scheduleChartUpdate(a)
    scheduleChartUpdate(c)
    cancelChartUpdate(b)
    await drained()
    expect(log).toEqual(['a', 'c'])
  })

  it('goes on with the next job when one throws', async () => {
    const log: string[] = []
    const errors: unknown[] = []
    const onError = (e: unknown) => errors.push(e)
    process.on('uncaughtException', onError)
    try {
      scheduleChartUpdate(() => {
        throw new Error('broken option')
      })
      scheduleChartUpdate(() => log.push('next'))
      await drained()
    } finally {
      process.off('uncaughtException', onError)
    }
    expect(log).toEqual(['next'])
  })
})
