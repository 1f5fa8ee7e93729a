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
}

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
    return [{ id: r.id, name: r.name.slice(0, 80), query, savedAt: typeof r.savedAt === 'string' ? r.savedAt : '' }]
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

  /** Saves the query under the name; a view of the same name is replaced. */
  function save(name: string, query: Record<string, unknown>): SavedView {
    const clean = Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'))
    const view: SavedView = {
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
      name: name.trim().slice(0, 80),
      query: clean,
      savedAt: new Date().toISOString(),
    }
    views.value = [view, ...views.value.filter((v) => v.name !== view.name)].slice(0, MAX_VIEWS)
    return view
  }

  function remove(id: string) {
    views.value = views.value.filter((v) => v.id !== id)
  }

  watch(views, (list) => {
    try {
      localStorage.setItem(VIEWS_STORAGE_KEY, JSON.stringify(list))
    } catch {
      // Storage may be full or disabled; the views then last for this visit only.
    }
  })

  return { views, save, remove }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useViewsStore, import.meta.hot))
