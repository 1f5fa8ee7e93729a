/**
 * Chart updates after a change (new data, a filter): each chart's option is built and set in the
 * order the charts asked, right after the change. While they are quick they all run in the same
 * task, each in a microtask of its own (so Vue hands each option to its chart in between), and
 * every chart paints in the same frame. Once a task has spent a frame's worth of time, the rest go
 * on in a task of their own, so a long run of chart work never blocks input.
 */
export type ChartJob = () => void

const queue = new Set<ChartJob>()
let posted = false

// A message is the quickest way to the next task: timers are clamped and throttled in the background.
const channel = typeof MessageChannel === 'undefined' ? null : new MessageChannel()
if (channel) {
  channel.port1.onmessage = runNext
  // Node keeps a process alive while a port listens; nothing here should.
  ;(channel.port1 as { unref?: () => void }).unref?.()
}

/** The next job's task: the first of a burst right after the change, each later one in a task of its own. */
function post(first = false): void {
  if (posted) return
  posted = true
  if (first) queueMicrotask(runNext)
  else if (channel) channel.port2.postMessage(null)
  else setTimeout(runNext, 0)
}

let running = false
/** Time the updates may take in one task before the rest wait for the next one. */
export const TASK_BUDGET_MS = 12
/** When the current task's first update started; 0 between tasks. */
let taskStart = 0

function runNext(): void {
  posted = false
  const job = queue.values().next().value
  if (!job) {
    taskStart = 0
    return
  }
  queue.delete(job)
  running = true
  if (taskStart === 0) taskStart = performance.now()
  try {
    job()
  } finally {
    running = false
    if (queue.size === 0) taskStart = 0
    else if (performance.now() - taskStart < TASK_BUDGET_MS) post(true)
    else {
      taskStart = 0
      post()
    }
  }
}

/** Runs `job` in a later task of its own; a job already waiting keeps its place. */
export function scheduleChartUpdate(job: ChartJob): void {
  const first = queue.size === 0 && !running
  queue.add(job)
  post(first)
}

export function cancelChartUpdate(job: ChartJob): void {
  queue.delete(job)
}

/** Jobs still waiting. */
export function pendingChartUpdates(): number {
  return queue.size
}
