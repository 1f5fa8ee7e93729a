import { describe, expect, it } from 'vitest'
import { afterCharts, cancelAfterCharts, cancelChartUpdate, holdCharts, pendingAfterCharts, pendingChartUpdates, scheduleChartUpdate } from './updates'

/** Resolves after the queue is empty, checking once per task. */
async function drained(): Promise<void> {
  while (pendingChartUpdates() + pendingAfterCharts() > 0) await new Promise((r) => setTimeout(r, 0))
  await new Promise((r) => setTimeout(r, 0))
}

describe('chart update queue', () => {
  it('runs every job of a change together right after it, in the order asked, before any other task', async () => {
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
    // All options are set in one go, so Vue hands them to their charts in one flush, in one frame.
    expect(log).toEqual(['map', 'trend', 'ranking'])
    await new Promise((r) => setTimeout(r, 0))
    expect(log).toEqual(['map', 'trend', 'ranking', 'after map', 'after trend'])
  })

  it('runs a job asked for by a running job in the same run', async () => {
    const log: string[] = []
    scheduleChartUpdate(() => {
      log.push('first')
      scheduleChartUpdate(() => log.push('asked by first'))
    })
    await Promise.resolve()
    expect(log).toEqual(['first', 'asked by first'])
  })

  it('runs what waits for the charts in a later task, after the charts asked for meanwhile', async () => {
    const log: string[] = []
    afterCharts(() => log.push('cards'))
    scheduleChartUpdate(() => log.push('map'))
    afterCharts(() => log.push('overview'))
    await Promise.resolve()
    expect(log).toEqual(['map'])
    expect(pendingAfterCharts()).toBe(2)
    await drained()
    expect(log).toEqual(['map', 'cards', 'overview'])
    const dropped = () => log.push('dropped')
    afterCharts(dropped)
    cancelAfterCharts(dropped)
    await drained()
    expect(log).toEqual(['map', 'cards', 'overview'])
  })

  it('holds every chart of a change while one waits for its file, then runs them together', async () => {
    const log: string[] = []
    let arrive = () => {}
    const file = new Promise<void>((r) => (arrive = r))
    scheduleChartUpdate(() => log.push('trend'))
    holdCharts(file.then(() => scheduleChartUpdate(() => log.push('map'))))
    scheduleChartUpdate(() => log.push('ranking'))
    await new Promise((r) => setTimeout(r, 0))
    expect(log).toEqual([])
    arrive()
    await drained()
    expect(log).toEqual(['trend', 'ranking', 'map'])
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
