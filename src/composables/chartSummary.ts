/**
 * The values a ranking or map description speaks: its highest and lowest region and the reference
 * (the peers' average for counts, the parent's own rate for rates), each with its value.
 */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { regionCatalogue } from '@/data/catalogues'
import { formatValue } from '@/domain/format'
import { distinctRegionLabels } from '@/domain/regionLabels'
import { extremes } from '@/domain/summary'
import { useDashboardStore } from '@/stores/dashboard'
import { useUiStore } from '@/stores/ui'
import { regionName } from './useChartContext'

export function useChartSummary() {
  const dashboard = useDashboardStore()
  const ui = useUiStore()
  const { t } = useI18n()
  return computed(() => {
    const ranking = dashboard.ranking
    const ends = extremes(ranking.items)
    if (!ends) return ''
    const ind = dashboard.indicator
    const unit = t(`units.${ind.unit}`)
    const value = (v: number) => formatValue(v, ind, ui.locale, unit)
    const labels = distinctRegionLabels(regionCatalogue, ranking.items.map((it) => it.adcode), ui.locale)
    const reference = t(`ranking.${ranking.reference.kind}`, { parent: regionName(ranking.parent, ui.locale) })
    return t('regions.summary', {
      top: labels.get(ends.highest.adcode),
      topValue: value(ends.highest.value),
      bottom: labels.get(ends.lowest.adcode),
      bottomValue: value(ends.lowest.value),
      reference,
      average: value(ranking.reference.value),
    })
  })
}
