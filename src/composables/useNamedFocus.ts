/**
 * Naive UI selects move focus to an inner wrapper or input, not to the element that carries the
 * aria-label. This names every focusable element inside a box, now and whenever `deps` change
 * (the inner elements are replaced when tags or the language change).
 */
import { onMounted, watch, type Ref, type WatchSource } from 'vue'

const FOCUSABLE = '[tabindex="0"], input'

export function useNamedFocus(box: Readonly<Ref<HTMLElement | null>>, name: () => string, deps: WatchSource[] = []): void {
  function apply() {
    box.value?.querySelectorAll(FOCUSABLE).forEach((el) => el.setAttribute('aria-label', name()))
  }
  onMounted(() => {
    apply()
    // Inner elements a select creates on opening are named before they are announced.
    box.value?.addEventListener('focusin', apply, true)
  })
  watch([name, ...deps], () => setTimeout(apply))
}
