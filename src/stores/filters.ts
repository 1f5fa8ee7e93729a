/**
 * What the user is looking at. Kept in Pinia and mirrored in the URL query (see useUrlSync), so a
 * copied link reopens the same view and the back button walks back through drill-downs.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { indicatorCatalogue, regionCatalogue, ROOT_REGION } from '@/data/catalogues'
import { parsePeriod } from '@/domain/periods'
import { MAX_TREND_LINES, type MapLevel, type TrendMode } from '@/domain/dashboard'
import { CATEGORIES, type CategoryId } from '@/domain/types'

export type { MapLevel } from '@/domain/dashboard'

export const DEFAULT_INDICATOR = 'worker_stability_rate'
const MAX_COMPARE = MAX_TREND_LINES - 1
const TREND_MODES: readonly TrendMode[] = ['annual', 'monthly', 'ytd', 'seasonal']

function one(v: LocationQuery[string] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' ? s : undefined
}

function isYear(p: string | undefined): p is string {
  return p !== undefined && parsePeriod(p)?.kind === 'year'
}

/** The filters a chip can remove one at a time. */
export type FilterKey = 'scope' | 'period' | 'from' | 'indicator' | 'compare' | 'mapLevel' | 'perWorkers' | 'category' | 'trendMode'

export const useFiltersStore = defineStore('filters', () => {
  /** adcode of the region in scope. */
  const scope = ref<string>(ROOT_REGION)
  /** Selected period; null = the latest one with data. */
  const period = ref<string | null>(null)
  /** First year of a range ending at `period`; null = every year. */
  const from = ref<string | null>(null)
  const indicator = ref<string>(DEFAULT_INDICATOR)
  /** Regions picked for comparison (adcodes), drawn as extra trend lines. */
  const compare = ref<string[]>([])
  /** At province scope, whether the map shows cities or all districts. */
  const mapLevel = ref<MapLevel>('city')
  /** Whether count maps show the count per 10,000 workers (每万名职工) rather than the count. */
  const perWorkers = ref(false)
  /** Category whose indicators the cards show; null = the headline indicators. */
  const category = ref<CategoryId | null>(null)
  const trendMode = ref<TrendMode>('annual')
  /**
   * An indicator the URL names that is not known yet: a custom indicator of the dataset still
   * loading. It stays in the URL and is taken up when the dataset's indicators arrive.
   */
  let pendingIndicator: string | null = null
  /**
   * Whether the latest change was made by the app rather than the user (a dataset's landing view,
   * an indicator that went away with its dataset): the URL then replaces its history entry
   * instead of adding one, so Back steps through the user's own changes only.
   */
  let automatic = false

  function setScope(adcode: string) {
    if (regionCatalogue.has(adcode)) scope.value = adcode
  }
  function setIndicator(id: string) {
    if (!indicatorCatalogue.byId.has(id)) return
    pendingIndicator = null
    indicator.value = id
  }
  /** After a dataset's indicators are added: the indicator the URL asked for, if it is one of them. */
  function adoptPendingIndicator() {
    const id = pendingIndicator
    pendingIndicator = null
    if (id && indicatorCatalogue.byId.has(id)) indicator.value = id
  }
  function setPeriod(p: string | null) {
    period.value = p !== null && parsePeriod(p) ? p : null
  }
  function setFrom(p: string | null) {
    from.value = isYear(p ?? undefined) ? p : null
  }
  function setMapLevel(level: MapLevel) {
    mapLevel.value = level
  }
  function setPerWorkers(on: boolean) {
    perWorkers.value = on
  }
  function setCategory(c: CategoryId | null) {
    category.value = c !== null && CATEGORIES.includes(c) ? c : null
  }
  function setTrendMode(m: TrendMode) {
    trendMode.value = TREND_MODES.includes(m) ? m : 'annual'
  }
  function setCompare(list: readonly string[]) {
    const next = [...new Set(list.filter((a) => regionCatalogue.has(a)))].slice(0, MAX_COMPARE)
    // The same list keeps its array: every URL change sets it again, and a new array would make the
    // comparison select re-measure its tags (a forced layout of the whole page) for nothing.
    if (next.length === compare.value.length && next.every((a, k) => a === compare.value[k])) return
    compare.value = next
  }
  /** Adds a region to the comparison set, or takes it out if it is in. */
  function toggleCompare(adcode: string) {
    setCompare(compare.value.includes(adcode) ? compare.value.filter((a) => a !== adcode) : [...compare.value, adcode])
  }

  /** Runs a correction the app makes by itself; see `automatic`. */
  function correct(change: () => void) {
    const before = JSON.stringify(toQuery())
    change()
    if (JSON.stringify(toQuery()) !== before) automatic = true
  }
  /** Whether the changes since the last call were the app's own corrections (and forgets it). */
  function takeAutomatic(): boolean {
    const was = automatic
    automatic = false
    return was
  }

  /** Applies a URL query; values that do not name a known region, indicator or period are ignored. */
  function applyQuery(q: LocationQuery) {
    const region = one(q.region)
    scope.value = region && regionCatalogue.has(region) ? region : ROOT_REGION
    const ind = one(q.indicator)
    indicator.value = ind && indicatorCatalogue.byId.has(ind) ? ind : DEFAULT_INDICATOR
    pendingIndicator = ind && !indicatorCatalogue.byId.has(ind) && /^[a-z][a-z0-9_]{0,63}$/.test(ind) ? ind : null
    const p = one(q.period)
    period.value = p && parsePeriod(p) ? p : null
    const f = one(q.from)
    from.value = isYear(f) ? f : null
    const c = one(q.compare)
    setCompare(c ? c.split(',') : [])
    mapLevel.value = one(q.level) === 'district' ? 'district' : 'city'
    perWorkers.value = one(q.per) === 'workers'
    const cat = one(q.category)
    category.value = CATEGORIES.includes(cat as CategoryId) ? (cat as CategoryId) : null
    const m = one(q.trend)
    trendMode.value = TREND_MODES.includes(m as TrendMode) ? (m as TrendMode) : 'annual'
  }

  /** The query that reproduces this view; defaults are left out to keep links short. */
  function toQuery(): LocationQueryRaw {
    const q: LocationQueryRaw = {}
    if (scope.value !== ROOT_REGION) q.region = scope.value
    if (indicator.value !== DEFAULT_INDICATOR) q.indicator = indicator.value
    else if (pendingIndicator) q.indicator = pendingIndicator
    if (period.value) q.period = period.value
    if (from.value) q.from = from.value
    if (compare.value.length) q.compare = compare.value.join(',')
    if (mapLevel.value !== 'city') q.level = mapLevel.value
    if (perWorkers.value) q.per = 'workers'
    if (category.value) q.category = category.value
    if (trendMode.value !== 'annual') q.trend = trendMode.value
    return q
  }

  /** Removes one filter, back to its default. */
  function clear(key: FilterKey) {
    if (key === 'scope') scope.value = ROOT_REGION
    else if (key === 'period') period.value = null
    else if (key === 'from') from.value = null
    else if (key === 'indicator') {
      pendingIndicator = null
      indicator.value = DEFAULT_INDICATOR
    }
    else if (key === 'compare') compare.value = []
    else if (key === 'mapLevel') mapLevel.value = 'city'
    else if (key === 'perWorkers') perWorkers.value = false
    else if (key === 'category') category.value = null
    else trendMode.value = 'annual'
  }

  function reset() {
    applyQuery({})
  }

  return {
    scope,
    period,
    from,
    indicator,
    compare,
    mapLevel,
    perWorkers,
    category,
    trendMode,
    setScope,
    setIndicator,
    adoptPendingIndicator,
    setPeriod,
    setFrom,
    setMapLevel,
    setPerWorkers,
    setCategory,
    setTrendMode,
    setCompare,
    toggleCompare,
    applyQuery,
    toQuery,
    correct,
    takeAutomatic,
    clear,
    reset,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFiltersStore, import.meta.hot))
