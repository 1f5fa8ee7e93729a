import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** The element's content width, kept current with a ResizeObserver. */
export function useElementWidth(el: Ref<HTMLElement | null>): Ref<number> {
  const width = ref(1000)
  let observer: ResizeObserver | null = null
  onMounted(() => {
    if (!el.value || typeof ResizeObserver === 'undefined') return
    width.value = el.value.clientWidth || width.value
    observer = new ResizeObserver(([entry]) => {
      if (entry) width.value = entry.contentRect.width
    })
    observer.observe(el.value)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return width
}
