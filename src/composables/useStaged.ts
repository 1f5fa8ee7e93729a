/**
 * Mounts a panel's sections one task at a time: `shown(k)` turns true for section k in the k-th
 * task after `start()`, so a big preview (summary, mapping, regions, problems) is never mounted in
 * one long task. Each step waits for an idle moment, or at most a frame's worth of time.
 */
import { onScopeDispose, ref } from 'vue'

const idle: (run: () => void) => number =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 16 }) : (run) => setTimeout(run, 0) as unknown as number
const cancelIdle: (id: number) => void = typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout

export function useStaged(sections: number): { shown: (k: number) => boolean; start: () => void; reset: () => void } {
  const stage = ref(sections)
  let pending = 0
  const step = () => {
    pending = 0
    stage.value++
    if (stage.value < sections) pending = idle(step)
  }
  const reset = () => {
    if (pending) cancelIdle(pending)
    pending = 0
    stage.value = 0
  }
  /** From the first section on, unless all are shown already. */
  const start = () => {
    if (pending || stage.value >= sections) return
    pending = idle(step)
  }
  onScopeDispose(() => pending && cancelIdle(pending))
  return { shown: (k) => stage.value >= k, start, reset }
}
