import { describe, expect, it } from 'vitest'
import { cancelChartUpdate, pendingChartUpdates, scheduleChartUpdate } from './updates'

/** Resolves after the queue is empty, checking once per task. */
async function drained(): Promise<void> {
  while (pendingChartUpdates() > 0) await new Promise((r) => setTimeout(r, 0))
  await new Promise((r) => setTimeout(r, 0))
}

describe('chart update queue', () => {
  it('runs the first job right after the change, and each later one in a task of its own, in the order asked', async () => {
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
    await Promise.resolve()
    expect(log).toEqual(['map'])
    await drained()
    // A microtask a job queued runs before the next job: jobs are not run one after the other in a
    // loop (which would put every chart's work in one task).
    expect(log).toEqual(['map', 'after map', 'trend', 'after trend', 'ranking'])
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
