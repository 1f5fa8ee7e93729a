/**
 * Saved views: a name and the URL query that reproduces the view, kept in localStorage so they
 * survive a reload. Opening one is navigating to its query; the filters store follows the URL.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'

export interface SavedView {
  id: string
  name: string
  /** The filters' query (see filters.toQuery), string values only. */
  query: Record<string, string>
  savedAt: string
  /** 'fixed': the view keeps the period it was saved with; 'latest': it moves to the newest period. */
  periodMode: PeriodMode
}

export type PeriodMode = 'fixed' | 'latest'

export const VIEWS_STORAGE_KEY = 'union-dashboard.views'
const MAX_VIEWS = 50

/** Narrows stored JSON to saved views; anything malformed is dropped, not trusted. */
export function parseSavedViews(json: unknown): SavedView[] {
  if (!Array.isArray(json)) return []
  return json.flatMap((v: unknown) => {
    if (typeof v !== 'object' || v === null) return []
    const r = v as Record<string, unknown>
    if (typeof r.id !== 'string' || typeof r.name !== 'string' || typeof r.query !== 'object' || r.query === null) return []
    const query = Object.fromEntries(Object.entries(r.query as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))
    const periodMode: PeriodMode = r.periodMode === 'fixed' || (r.periodMode === undefined && 'period' in query) ? 'fixed' : 'latest'
    return [{ id: r.id, name: r.name.slice(0, 80), query, savedAt: typeof r.savedAt === 'string' ? r.savedAt : '', periodMode }]
  })
}

function load(): SavedView[] {
  try {
    return parseSavedViews(JSON.parse(localStorage.getItem(VIEWS_STORAGE_KEY) ?? '[]'))
  } catch {
    return []
  }
}

export const useViewsStore = defineStore('views', () => {
  const views = ref<SavedView[]>(load())

  /**
   * Saves the query under the name; a view of the same name is replaced. A fixed view records
   * `period` (the period shown, even when the filters follow the newest one); a latest view drops
   * it, and with it a range start, so it opens on the newest period.
   */
  function save(name: string, query: Record<string, unknown>, periodMode: PeriodMode = 'latest', period?: string): SavedView {
    const clean = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'))
    if (periodMode === 'fixed' && period) clean.period = period
    if (periodMode === 'latest') {
      delete clean.period
      delete clean.from
    }
    const view: SavedView = {
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
      name: name.trim().slice(0, 80),
      query: clean,
      savedAt: new Date().toISOString(),
      periodMode,
    }
    views.value = [view, ...views.value.filter((v) => v.name !== view.name)].slice(0, MAX_VIEWS)
    return view
  }

  /** Removes a view; returns what `restore` needs to put it back where it was. */
  function remove(id: string): { view: SavedView; at: number } | null {
    const at = views.value.findIndex((v) => v.id === id)
    const view = views.value[at]
    if (!view) return null
    views.value = views.value.filter((v) => v.id !== id)
    return { view, at }
  }

  /** Undoes a removal (unless a view of that name was saved since). */
  function restore(removed: { view: SavedView; at: number }) {
    if (views.value.some((v) => v.id === removed.view.id || v.name === removed.view.name)) return
    const next = [...views.value]
    next.splice(Math.min(removed.at, next.length), 0, removed.view)
    views.value = next
  }

  /** Renames a view; an empty name or one another view has is refused (returns false). */
  function rename(id: string, name: string): boolean {
    const clean = name.trim().slice(0, 80)
    if (clean === '' || views.value.some((v) => v.id !== id && v.name === clean)) return false
    views.value = views.value.map((v) => (v.id === id ? { ...v, name: clean } : v))
    return true
  }

  watch(views, (list) => {
    try {
      localStorage.setItem(VIEWS_STORAGE_KEY, JSON.stringify(list))
    } catch {
      // Storage may be full or disabled; the views then last for this visit only.
    }
  })

  return { views, save, remove, restore, rename }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useViewsStore, import.meta.hot))
