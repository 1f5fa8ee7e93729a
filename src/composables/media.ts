/**
 * Whether a CSS media query matches, as a ref that follows the window (one listener per query,
 * shared by every caller). False where there is no window, as in tests without a DOM.
 */
import { shallowRef, type Ref } from 'vue'

const queries = new Map<string, Ref<boolean>>()

export function mediaQuery(query: string): Readonly<Ref<boolean>> {
  let ref = queries.get(query)
  if (ref) return ref
  const media = typeof matchMedia === 'function' ? matchMedia(query) : null
  const matches = shallowRef(media?.matches ?? false)
  media?.addEventListener?.('change', (e) => (matches.value = e.matches))
  queries.set(query, (ref = matches))
  return ref
}

/** Phone width: the header folds its secondary buttons into a menu. */
export const NARROW = '(max-width: 640px)'
