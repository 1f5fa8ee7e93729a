/**
 * The selection the charts draw (filters resolved against the data: "latest period" becomes a
 * real period) and the models computed from it. Only aggregated values leave this store.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'
import { useBoundaryStore } from './boundary'
import { indicatorCatalogue, regionCatalogue } from '@/data/catalogues'
import {
  CATEGORY_HEADLINES,
  categoryOverview,
  kpiCard,
  mapModel,
  mapModelOf,
  periodsFor,
  radarModel,
  rankingModel,
  regionTableModel,
  smallMultiplesModel,
  trendModel,
  trendModesOf,
  type MapLevel,
  type Selection,
} from '@/domain/dashboard'
import type { Indicator } from '@/domain/types'

/** The indicators shown as headline cards, one or two per category. */
export const HEADLINE_INDICATORS = [
  'worker_stability_rate',
  'collective_contracts',
  'may_day_medals',
  'skill_upgrade_rate',
  'relief_amount',
  'mutual_insurance_enrolled',
] as const

export const useDashboardStore = defineStore('dashboard', () => {
  const dataset = useDatasetStore()
  const filters = useFiltersStore()
  const boundary = useBoundaryStore()

  const indicator = computed<Indicator>(() => indicatorCatalogue.byId.get(filters.indicator)!)
  /** Years with data for the selected indicator, oldest first. */
  const years = computed(() => periodsFor(dataset.context, filters.indicator, 'annual'))
  const period = computed(() => {
    const p = filters.period
    return p && years.value.includes(p) ? p : (years.value.at(-1) ?? '')
  })
  const selection = computed<Selection>(() => ({ scope: filters.scope, period: period.value, indicator: filters.indicator }))
  /** The all-district view exists only at province scope. */
  const mapLevel = computed<MapLevel>(() =>
    regionCatalogue.get(filters.scope)?.parent === null && filters.mapLevel === 'district' ? 'district' : 'city',
  )
  /** Indicators on the cards, the radar and the table: the chosen category's, else the headline ones. */
  const cardIndicators = computed<readonly string[]>(() =>
    filters.category ? indicatorCatalogue.indicators.filter((i) => i.category === filters.category).map((i) => i.id) : HEADLINE_INDICATORS,
  )
  const profileIndicators = computed<readonly string[]>(() =>
    filters.category ? CATEGORY_HEADLINES[filters.category] : HEADLINE_INDICATORS,
  )

  const kpi = computed(() => kpiCard(dataset.context, indicator.value, selection.value))
  const headline = computed(() =>
    cardIndicators.value.map((id) => kpiCard(dataset.context, indicatorCatalogue.byId.get(id)!, selection.value)),
  )
  const overview = computed(() => categoryOverview(dataset.context, selection.value))
  /** A user's own boundary file, when loaded, replaces the bundled outlines. */
  const map = computed(() =>
    boundary.frame
      ? mapModelOf(dataset.context, indicator.value, selection.value, boundary.frame)
      : mapModel(dataset.context, indicator.value, selection.value, mapLevel.value),
  )
  const trendModes = computed(() => trendModesOf(indicator.value))
  const trend = computed(() =>
    trendModel(dataset.context, indicator.value, selection.value, {
      mode: filters.trendMode,
      compare: filters.compare,
      from: filters.from,
      to: filters.from ? period.value : null,
    }),
  )
  const ranking = computed(() => rankingModel(dataset.context, indicator.value, selection.value, mapLevel.value))
  const radar = computed(() => radarModel(dataset.context, selection.value, profileIndicators.value))
  const table = computed(() => regionTableModel(dataset.context, selection.value, profileIndicators.value, mapLevel.value))
  // 95 panels would be unreadable: the all-district view keeps the cities' panels.
  const multiples = computed(() => smallMultiplesModel(dataset.context, indicator.value, selection.value))

  return {
    indicator,
    years,
    period,
    selection,
    mapLevel,
    kpi,
    headline,
    overview,
    map,
    trendModes,
    trend,
    ranking,
    radar,
    table,
    multiples,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
