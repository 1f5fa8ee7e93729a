import { describe, expect, it } from 'vitest'
import { cancelChartUpdate, pendingChartUpdates, scheduleChartUpdate } from './updates'

/** Resolves after the queue is empty, checking once per task. */
async function drained(): Promise<void> {
  while (pendingChartUpdates() > 0) await new Promise((r) => setTimeout(r, 0))
  await new Promise((r) => setTimeout(r, 0))
}

describe('chart update queue', () => {
  it('runs each job in a later task of its own, in the order asked', async () => {
    const log: string[] = []
    // A microtask queued after the jobs runs before any of them: none runs in the current task.
    scheduleChartUpdate(() => {
      log.push('map')
      queueMicrotask(() => log.push('after map'))
    })
    scheduleChartUpdate(() => log.push('trend'))
    queueMicrotask(() => log.push('same task'))
    expect(log).toEqual([])
    await drained()
    // 'after map' between the two jobs: trend waited for a task of its own.
    expect(log).toEqual(['same task', 'map', 'after map', 'trend'])
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
