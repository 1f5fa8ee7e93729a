/**
 * Chart updates run one per task. After a change (new data, a filter) each chart's option is
 * built, set and painted in a task of its own, in the order the charts asked, so that no single
 * task holds every chart's work — a long task blocks input — and the first chart paints as soon
 * as its own work is done rather than after all of them.
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

function runNext(): void {
  posted = false
  const job = queue.values().next().value
  if (!job) return
  queue.delete(job)
  running = true
  try {
    job()
  } finally {
    running = false
    if (queue.size > 0) post()
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
