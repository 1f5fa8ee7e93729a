/**
 * Two-way sync between the filters store and the URL query. Every change the user makes pushes a
 * history entry, so Back steps through them (a year chosen after drilling included); corrections
 * the app makes by itself (filters.correct) replace the current entry.
 */
import { watch } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'
import { useFiltersStore } from '@/stores/filters'
import { useUiStore } from '@/stores/ui'
import { isLocale } from '@/i18n'

function sameQuery(a: LocationQuery, b: LocationQueryRaw): boolean {
  const ka = Object.keys(a).filter((k) => k !== 'lang')
  const kb = Object.keys(b)
  return ka.length === kb.length && kb.every((k) => String(a[k]) === String(b[k]))
}

export function useUrlSync(): void {
  const route = useRoute()
  const router = useRouter()
  const filters = useFiltersStore()
  const ui = useUiStore()

  watch(
    () => route.query,
    (q) => {
      const lang = Array.isArray(q.lang) ? q.lang[0] : q.lang
      if (isLocale(lang)) ui.setLocale(lang)
      if (!sameQuery(q, filters.toQuery())) filters.applyQuery(q)
    },
    { immediate: true },
  )

  watch(
    () => filters.toQuery(),
    (next, prev) => {
      const automatic = filters.takeAutomatic()
      if (sameQuery(route.query, next)) return
      const lang = route.query.lang
      const query = lang ? { ...next, lang } : next
      if (prev && !automatic) void router.push({ query })
      else void router.replace({ query })
    },
  )
}
