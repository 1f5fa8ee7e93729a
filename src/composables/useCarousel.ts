import { onBeforeUnmount, ref, watch, type Ref } from 'vue'

/** Index of the next item in a carousel of `count` items (wraps round; -1 when empty). */
export function nextIndex(current: number, count: number): number {
  return count <= 0 ? -1 : (current + 1) % count
}

/** Calls `show(i)` for i = 0, 1, 2 … every `seconds` while running. */
export function useCarousel(count: Ref<number>, seconds: Ref<number>, show: (i: number) => void) {
  const running = ref(false)
  const index = ref(-1)
  let timer: ReturnType<typeof setInterval> | undefined

  function step() {
    index.value = nextIndex(index.value, count.value)
    if (index.value >= 0) show(index.value)
  }
  function stop() {
    running.value = false
    clearInterval(timer)
  }
  function start() {
    if (count.value === 0) return
    stop()
    running.value = true
    step()
    timer = setInterval(step, Math.max(3, seconds.value) * 1000)
  }
  watch(seconds, () => {
    if (running.value) start()
  })
  onBeforeUnmount(stop)
  return { running, index, start, stop }
}
