/** Presentation preferences: language, light/dark theme and decal patterns, remembered across visits. */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { i18n, isLocale, loadLocaleMessages } from '@/i18n'
import type { Locale } from '@/domain/format'

export type ThemeName = 'light' | 'dark'

const STORAGE_KEY = 'union-dashboard.ui'

function readSaved(): { locale?: Locale; theme?: ThemeName; decal?: boolean } {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    if (typeof raw !== 'object' || raw === null) return {}
    const r = raw as Record<string, unknown>
    return {
      ...(isLocale(r.locale) ? { locale: r.locale } : {}),
      ...(r.theme === 'light' || r.theme === 'dark' ? { theme: r.theme } : {}),
      ...(typeof r.decal === 'boolean' ? { decal: r.decal } : {}),
    }
  } catch {
    return {}
  }
}

function preferredTheme(): ThemeName {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

export const useUiStore = defineStore('ui', () => {
  const saved = readSaved()
  /** The language on screen; it changes only once that language's messages are in. */
  const locale = ref<Locale>('zh-CN')
  const theme = ref<ThemeName>(saved.theme ?? preferredTheme())
  /** Patterns on chart fills for colour-blind readers. */
  const decal = ref<boolean>(saved.decal ?? false)

  let requested: Locale = locale.value
  let switching: Promise<void> = Promise.resolve()
  /**
   * Switches the language once its messages are loaded (see `loadLocaleMessages`); the last choice
   * wins when several are in flight. Settles either way: if the messages cannot be fetched the
   * current language stays, and choosing again retries.
   */
  function setLocale(l: Locale): Promise<void> {
    requested = l
    switching = loadLocaleMessages(l).then(
      () => {
        if (requested === l) locale.value = l
      },
      () => {
        if (requested === l) requested = locale.value
      },
    )
    return switching
  }
  /** Settles when the language last asked for is on screen (or has failed to load). */
  function localeSettled(): Promise<void> {
    return switching
  }
  function toggleTheme() {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
  }
  function toggleDecal() {
    decal.value = !decal.value
  }

  watch(
    locale,
    (l) => {
      i18n.global.locale.value = l
      document.documentElement.lang = l
    },
    { immediate: true },
  )
  watch(
    theme,
    (t) => {
      document.documentElement.dataset.theme = t
    },
    { immediate: true },
  )
  // A saved English choice starts loading at once; start-up awaits `localeSettled` before the first paint.
  if (saved.locale) void setLocale(saved.locale)

  watch([locale, theme, decal], () => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ locale: locale.value, theme: theme.value, decal: decal.value }))
    } catch {
      // Storage may be full or disabled; the preference then lasts for this visit only.
    }
  })

  return { locale, theme, decal, setLocale, localeSettled, toggleTheme, toggleDecal }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUiStore, import.meta.hot))
