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
  mapFrame,
  mapModel,
  mapModelOf,
  radarModel,
  rankingOf,
  regionTableModel,
  smallMultiplesModel,
  trendModel,
  trendModesOf,
  type MapLevel,
  type Selection,
} from '@/domain/dashboard'
import { defaultPeriod, periodChoices } from '@/domain/landing'
import { hasPerWorkers, perWorkersMap } from '@/domain/perWorkers'
import { dependenciesOf } from '@/domain/indicators'
import type { Indicator } from '@/domain/types'
import { formatPeriod } from '@/domain/format'
import { useUiStore } from './ui'

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
  const ui = useUiStore()

  const indicator = computed<Indicator>(() => indicatorCatalogue.byId.get(filters.indicator)!)
  /** Years and months with data for the selected indicator, oldest first. */
  const choices = computed(() => periodChoices(dataset.context, filters.indicator))
  const years = computed(() => choices.value.years)
  const months = computed(() => choices.value.months)
  /** The chosen period when the indicator has data in it, else the latest up to today. */
  const period = computed(() => {
    const p = filters.period
    if (p && (years.value.includes(p) || months.value.includes(p))) return p
    return defaultPeriod(dataset.context, indicator.value, new Date())
  })
  /** The period as titles print it: 2023年, 2023年6月 / 2023, Jun 2023. */
  const periodLabel = computed(() => formatPeriod(period.value, ui.locale))
  const selection = computed<Selection>(() => ({ scope: filters.scope, period: period.value, indicator: filters.indicator }))
  /** The all-district view exists only at province scope (全省区县). */
  const mapLevel = computed<MapLevel>(() =>
    regionCatalogue.get(filters.scope)?.level === 'province' && filters.mapLevel === 'district' ? 'district' : 'city',
  )
  /** Indicators on the cards, the radar and the table: the chosen category's, else the headline ones. */
  const cardIndicators = computed<readonly string[]>(() => {
    if (filters.category) return indicatorCatalogue.indicators.filter((i) => i.category === filters.category).map((i) => i.id)
    // The headline indicators the data has; where it lacks some, others it has take their places.
    const index = dataset.index
    const has = (id: string): boolean => {
      const ind = indicatorCatalogue.byId.get(id)
      return !!ind && (index.hasIndicator(id) || (ind.aggregation.kind === 'ratio' && dependenciesOf(ind).every((d) => index.hasIndicator(d))))
    }
    const shown = HEADLINE_INDICATORS.filter(has)
    if (shown.length === HEADLINE_INDICATORS.length || index.table.length === 0) return HEADLINE_INDICATORS
    const more = indicatorCatalogue.indicators.map((i) => i.id).filter((id) => has(id) && !shown.includes(id as (typeof HEADLINE_INDICATORS)[number]))
    const list = [...shown, ...more].slice(0, HEADLINE_INDICATORS.length)
    return list.length > 0 ? list : HEADLINE_INDICATORS
  })
  const profileIndicators = computed<readonly string[]>(() =>
    filters.category ? CATEGORY_HEADLINES[filters.category] : HEADLINE_INDICATORS,
  )

  const kpi = computed(() => kpiCard(dataset.context, indicator.value, selection.value))
  const headline = computed(() =>
    cardIndicators.value.map((id) => kpiCard(dataset.context, indicatorCatalogue.byId.get(id)!, selection.value)),
  )
  const overview = computed(() => categoryOverview(dataset.context, selection.value))
  /** A user's own boundary file, when loaded, replaces the bundled outlines. */
  /** Whether the map shows the count per 10,000 workers: asked for, and the indicator is a count the catalogue can set against its workforce. */
  const perWorkers = computed(() => filters.perWorkers && hasPerWorkers(indicatorCatalogue, indicator.value))
  const countMap = computed(() =>
    boundary.frame
      ? mapModelOf(dataset.context, indicator.value, selection.value, boundary.frame)
      : mapModel(dataset.context, indicator.value, selection.value, mapLevel.value),
  )
  /** The map as drawn: the count, or the count per 10,000 workers over the same regions. */
  const map = computed(() => {
    if (!perWorkers.value) return { ...countMap.value, indicator: indicator.value }
    const frame = boundary.frame ?? mapFrame(regionCatalogue, selection.value.scope, mapLevel.value)
    return perWorkersMap(dataset.context, indicator.value, indicatorCatalogue.workforce!, selection.value, frame)
  })
  const trendModes = computed(() => trendModesOf(indicator.value))
  const trend = computed(() =>
    trendModel(dataset.context, indicator.value, selection.value, {
      mode: filters.trendMode,
      compare: filters.compare,
      from: filters.from,
      to: filters.from ? period.value : null,
    }),
  )
  // The ranking always ranks the bundled frame's regions, even under a user's own boundary file.
  const ranking = computed(() =>
    rankingOf(dataset.context, indicator.value, selection.value, boundary.frame ? mapModel(dataset.context, indicator.value, selection.value, mapLevel.value) : countMap.value),
  )
  const radar = computed(() => radarModel(dataset.context, selection.value, profileIndicators.value))
  const table = computed(() => regionTableModel(dataset.context, selection.value, profileIndicators.value, mapLevel.value))
  // 95 panels would be unreadable: the all-district view keeps the cities' panels.
  const multiples = computed(() => smallMultiplesModel(dataset.context, indicator.value, selection.value))
  // A report for a period shows nothing after it: its trend and small multiples end there.
  const reportTrend = computed(() =>
    trendModel(dataset.context, indicator.value, selection.value, { mode: filters.trendMode, compare: filters.compare, from: filters.from, to: period.value }),
  )
  const reportMultiples = computed(() => smallMultiplesModel(dataset.context, indicator.value, selection.value, 'city', period.value))

  return {
    indicator,
    years,
    months,
    period,
    periodLabel,
    selection,
    mapLevel,
    perWorkers,
    countMap,
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
    reportTrend,
    reportMultiples,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDashboardStore, import.meta.hot))
