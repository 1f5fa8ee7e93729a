/**
 * Chart updates after a change (new data, a filter). Every chart the change touches has its option
 * built and set together, in one run right after the change: all charts paint in the same frame,
 * none waits for another's task. The panels around them that can show the change a frame later
 * (the cards, the overview: `afterCharts`) re-render in a task after that frame, so the charts come
 * first and no one task carries both. A chart that waits for something it cannot draw without (a
 * map's boundary file) holds the run (`holdCharts`), so the others do not paint a frame before it.
 */
export type ChartJob = () => void

const queue = new Set<ChartJob>()
let posted = false
let running = false

// A message is the quickest way to the next task: timers are clamped and throttled in the background.
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel()
if (channel) {
  channel.port1.onmessage = () => runAfter()
  // Node keeps a process alive while a port listens; nothing here should.
  ;(channel.port1 as { unref?: () => void }).unref?.()
}

/** Runs every waiting chart job, the ones they queue included, in the order asked. */
function runCharts(): void {
  posted = false
  // A hold taken after the run was asked for (in the same change) still counts: its release runs it.
  if (holds > 0) return
  running = true
  try {
    for (let job = first(queue); job; job = first(queue)) {
      queue.delete(job)
      try {
        job()
      } catch (error) {
        // One broken option must not keep the other charts from updating; the error still surfaces.
        setTimeout(() => {
          throw error
        })
      }
    }
  } finally {
    running = false
  }
}

const first = <T>(set: Set<T>): T | undefined => set.values().next().value

/**
 * Runs `job` with the other chart updates of this change: right after the code that asked (a
 * microtask, so Vue hands the options to their charts in one flush), or in the run already going.
 */
export function scheduleChartUpdate(job: ChartJob): void {
  queue.add(job)
  if (posted || running || holds > 0) return
  posted = true
  queueMicrotask(runCharts)
}

let holds = 0
/** The longest the other charts wait for a held one. */
export const HOLD_LIMIT_MS = 1000

/**
 * Holds this change's chart updates until `until` settles (at most HOLD_LIMIT_MS), so that a chart
 * that needs a file first paints in the same frame as the others.
 */
export function holdCharts(until: Promise<unknown>): void {
  holds++
  let released = false
  const release = () => {
    if (released) return
    released = true
    clearTimeout(timer)
    holds--
    if (holds === 0 && queue.size && !posted && !running) {
      posted = true
      queueMicrotask(runCharts)
    }
  }
  const timer = setTimeout(release, HOLD_LIMIT_MS)
  until.then(release, release)
}

export function cancelChartUpdate(job: ChartJob): void {
  queue.delete(job)
}

/** Chart jobs still waiting. */
export function pendingChartUpdates(): number {
  return queue.size
}

const after = new Set<ChartJob>()
let afterPosted = false

function runAfter(): void {
  afterPosted = false
  // Charts asked for while waiting go first, in this task, before what waited for them.
  if (queue.size) runCharts()
  for (let job = first(after); job; job = first(after)) {
    after.delete(job)
    try {
      job()
    } catch (error) {
      setTimeout(() => {
        throw error
      })
    }
  }
}

function nextTask(): void {
  if (channel) channel.port2.postMessage(null)
  else setTimeout(runAfter, 0)
}

/**
 * Runs `job` in a task after the next frame, so the charts updated for the same change have been
 * painted: for panels whose re-render would otherwise hold back the charts' frame. Where no frame
 * comes (a hidden page, Node), in the next task.
 */
export function afterCharts(job: ChartJob): void {
  after.add(job)
  if (afterPosted) return
  afterPosted = true
  if (typeof requestAnimationFrame === 'undefined' || typeof document === 'undefined' || document.hidden) {
    nextTask()
    return
  }
  // A page hidden meanwhile gets no frame: the timer stands in for it (a second run finds nothing).
  const timer = setTimeout(runAfter, 200)
  requestAnimationFrame(() => {
    clearTimeout(timer)
    nextTask()
  })
}

export function cancelAfterCharts(job: ChartJob): void {
  after.delete(job)
}

/** Jobs waiting for the charts' frame. */
export function pendingAfterCharts(): number {
  return after.size
}
