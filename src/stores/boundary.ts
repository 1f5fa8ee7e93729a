/**
 * A user's own boundary file, when one is loaded: it replaces the bundled outlines on the map until
 * it is removed. Its file name is the outline's source for captions and exports.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, shallowRef } from 'vue'
import { matchBoundary, type BoundaryMatch } from '@/charts/boundary'
import { registerCustomMap } from '@/charts/geo'
import { regionCatalogue, ROOT_REGION } from '@/data/catalogues'
import type { MapFrame } from '@/domain/dashboard'

export interface LoadedBoundary {
  fileName: string
  key: string
  match: BoundaryMatch
}

export const useBoundaryStore = defineStore('boundary', () => {
  const boundary = shallowRef<LoadedBoundary | null>(null)
  const error = shallowRef<string | null>(null)

  /** The frame the map draws with the user's file, or null for the bundled ones. */
  const frame = computed<MapFrame | null>(() => {
    const b = boundary.value
    const first = b?.match.matched[0]
    if (!b || !first) return null
    return { mapAdcode: first.parent ?? ROOT_REGION, geoKey: b.key, level: first.level === 'district' ? 'district' : 'city', drawn: b.match.matched }
  })
  const source = computed(() => boundary.value?.fileName ?? null)

  /** Reads a GeoJSON text; on failure the previous boundary stays and `error` says why. */
  function load(fileName: string, textContent: string): boolean {
    try {
      const match = matchBoundary(JSON.parse(textContent), regionCatalogue)
      if (match.matched.length === 0) throw new Error('no feature matches a region of the catalogue by adcode or name')
      // The matcher has checked the features' shape; ECharts' own GeoJSON type is stricter than ours.
      const key = registerCustomMap(match.geo as unknown as Parameters<typeof registerCustomMap>[0])
      boundary.value = markRaw({ fileName, key, match })
      error.value = null
      return true
    } catch (e) {
      error.value = `${fileName}: ${e instanceof Error ? e.message : String(e)}`
      return false
    }
  }

  function clear() {
    boundary.value = null
    error.value = null
  }

  return { boundary, error, frame, source, load, clear }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBoundaryStore, import.meta.hot))
