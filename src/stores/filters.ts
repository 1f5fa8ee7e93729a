/**
 * What the user is looking at. Kept in Pinia and mirrored in the URL query (see useUrlSync), so a
 * copied link reopens the same view and the back button walks back through drill-downs.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { indicatorCatalogue, regionCatalogue, ROOT_REGION } from '@/data/catalogues'
import { parsePeriod } from '@/domain/periods'

export type MapLevel = 'city' | 'district'

export const DEFAULT_INDICATOR = 'worker_stability_rate'
const MAX_COMPARE = 8

function one(v: LocationQuery[string] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : undefined
}

export const useFiltersStore = defineStore('filters', () => {
  /** adcode of the region in scope. */
  const scope = ref<string>(ROOT_REGION)
  /** Selected period; null = the latest one with data. */
  const period = ref<string | null>(null)
  const indicator = ref<string>(DEFAULT_INDICATOR)
  /** Regions picked for comparison (adcodes). */
  const compare = ref<string[]>([])
  /** At province scope, whether the map shows cities or all districts. */
  const mapLevel = ref<MapLevel>('city')

  function setScope(adcode: string) {
    if (regionCatalogue.has(adcode)) scope.value = adcode
  }
  function setIndicator(id: string) {
    if (indicatorCatalogue.byId.has(id)) indicator.value = id
  }
  function setPeriod(p: string | null) {
    period.value = p !== null && parsePeriod(p) ? p : null
  }

  /** Applies a URL query; values that do not name a known region, indicator or period are ignored. */
  function applyQuery(q: LocationQuery) {
    const region = one(q.region)
    scope.value = region && regionCatalogue.has(region) ? region : ROOT_REGION
    const ind = one(q.indicator)
    indicator.value = ind && indicatorCatalogue.byId.has(ind) ? ind : DEFAULT_INDICATOR
    const p = one(q.period)
    period.value = p && parsePeriod(p) ? p : null
    const c = one(q.compare)
    compare.value = c ? [...new Set(c.split(',').filter((a) => regionCatalogue.has(a)))].slice(0, MAX_COMPARE) : []
    mapLevel.value = one(q.level) === 'district' ? 'district' : 'city'
  }

  /** The query that reproduces this view; defaults are left out to keep links short. */
  function toQuery(): LocationQueryRaw {
    const q: LocationQueryRaw = {}
    if (scope.value !== ROOT_REGION) q.region = scope.value
    if (indicator.value !== DEFAULT_INDICATOR) q.indicator = indicator.value
    if (period.value) q.period = period.value
    if (compare.value.length) q.compare = compare.value.join(',')
    if (mapLevel.value !== 'city') q.level = mapLevel.value
    return q
  }

  function reset() {
    applyQuery({})
  }

  return { scope, period, indicator, compare, mapLevel, setScope, setIndicator, setPeriod, applyQuery, toQuery, reset }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFiltersStore, import.meta.hot))
