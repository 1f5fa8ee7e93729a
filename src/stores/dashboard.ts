/**
 * The selection the charts draw (filters resolved against the data: "latest period" becomes a
 * real period) and the models computed from it. Only aggregated values leave this store.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'
import { indicatorCatalogue } from '@/data/catalogues'
import { kpiCard, mapModel, periodsFor, rankingModel, trendModel, type Selection } from '@/domain/dashboard'
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

  const indicator = computed<Indicator>(() => indicatorCatalogue.byId.get(filters.indicator)!)
  /** Years with data for the selected indicator, oldest first. */
  const years = computed(() => periodsFor(dataset.context, filters.indicator, 'annual'))
  const period = computed(() => {
    const p = filters.period
    return p && years.value.includes(p) ? p : (years.value.at(-1) ?? '')
  })
  const selection = computed<Selection>(() => ({ scope: filters.scope, period: period.value, indicator: filters.indicator }))

  const kpi = computed(() => kpiCard(dataset.context, indicator.value, selection.value))
  const headline = computed(() =>
    HEADLINE_INDICATORS.map((id) => kpiCard(dataset.context, indicatorCatalogue.byId.get(id)!, selection.value)),
  )
  const map = computed(() => mapModel(dataset.context, indicator.value, selection.value))
  const trend = computed(() => trendModel(dataset.context, indicator.value, selection.value))
  const ranking = computed(() => rankingModel(dataset.context, indicator.value, selection.value))

  return { indicator, years, period, selection, kpi, headline, map, trend, ranking }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
