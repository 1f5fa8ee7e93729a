import { onScopeDispose, ref, watch, type Ref } from 'vue'

/**
 * How far ahead of the viewport a panel starts loading: about a third of the screen, a few wheel
 * notches of scrolling. A whole screen would be too much: at 1440 × 900 the region table starts
 * about half a screen below the fold and would then load with the first view.
 */
export const NEAR_MARGIN = '30% 0px'

/**
 * Becomes true, once, when the element comes within `rootMargin` of the viewport, and stays true.
 * Where IntersectionObserver is missing it is true at once, so that nothing stays unloaded.
 */
export function useNearViewport(el: Readonly<Ref<HTMLElement | null>>, rootMargin = NEAR_MARGIN): Readonly<Ref<boolean>> {
  const near = ref(typeof IntersectionObserver === 'undefined')
  if (near.value) return near
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      near.value = true
      observer.disconnect()
    },
    { rootMargin },
  )
  const stop = watch(
    el,
    (now, before) => {
      if (before) observer.unobserve(before)
      if (now && !near.value) observer.observe(now)
    },
    { immediate: true, flush: 'post' },
  )
  onScopeDispose(() => {
    stop()
    observer.disconnect()
  })
  return near
}
