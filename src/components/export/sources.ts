/**
 * What each chart hands to export besides its option: the active filters, the file name parts and
 * the data behind it, all from the same stores the chart draws from.
 */
import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ChartOption } from '@/charts/options/types'
import type { ChartPalette } from '@/charts/theme'
import { distinctNameOf, indicatorName, regionName, titleName } from '@/composables/useChartContext'
import { parsePeriod } from '@/domain/periods'
import type { ChartExportSpec, ChartKind, DataTable } from '@/export/types'
import type { Figure } from '@/domain/figures'
import { useFigureText } from '@/composables/figureText'
import { useDashboardStore } from '@/stores/dashboard'
import { useFiltersStore } from '@/stores/filters'
import { useUiStore } from '@/stores/ui'
import { levelWord } from '@/domain/regionLabels'
import { regionCatalogue } from '@/data/catalogues'

/** The part of an export spec a chart supplies; its panel adds title, unit, definition and source. */
export type ChartExportSource = Pick<ChartExportSpec, 'kind' | 'option' | 'filters' | 'fileName' | 'table' | 'asOf' | 'minReportHeight' | 'key'> & {
  /** The export's own 数据覆盖 note, when its figures differ from the screen's (a report ends at its period). */
  coverage?: string
}

type OptionFor = (palette: ChartPalette) => ChartOption | null

const round = (v: number, decimals: number) => (Number.isNaN(v) ? null : Number(v.toFixed(decimals)))

/** Last day of a period: 2023 → 2023-12-31, 2023-06 → 2023-06-30. */
export function periodEnd(code: string): { year: number; month: number; day: number } | null {
  const p = parsePeriod(code)
  if (!p) return null
  const month = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.sub * 3 : p.sub
  return { year: p.year, month, day: new Date(Date.UTC(p.year, month, 0)).getUTCDate() }
}

export function useCommon() {
  const dashboard = useDashboardStore()
  const filters = useFiltersStore()
  const ui = useUiStore()
  const { t } = useI18n()
  const indName = () => indicatorName(dashboard.indicator, ui.locale)
  const unit = () => t(`units.${dashboard.indicator.unit}`)
  const asOf = (period: string) => {
    const end = periodEnd(period)
    if (!end) return ''
    const mm = ui.locale === 'zh-CN' ? String(end.month) : String(end.month).padStart(2, '0')
    return t('export.asOf', { date: t('export.asOfDate', { year: end.year, month: mm, day: end.day }) })
  }
  return { dashboard, filters, ui, t, indName, unit, asOf }
}

/** Map and ranking show the same regions: the children of the drawn region. */
function useRegionalSource(kind: Extract<ChartKind, 'map' | 'ranking'>, option: OptionFor, key?: ChartExportSpec['key']): ComputedRef<ChartExportSource> {
  const { dashboard, ui, t, indName, unit, asOf } = useCommon()
  const figureText = useFigureText()
  return computed<ChartExportSource>(() => {
    const ranking = dashboard.ranking
    const parent = ranking.parent
    const level = t(`level.${levelWord(regionCatalogue, ranking.items[0]?.adcode)}`)
    const period = dashboard.period
    // A map per 10,000 workers exports its own figures, ranked as drawn; the ranking stays on the count.
    const per = kind === 'map' && dashboard.perWorkers
    const ind = per ? dashboard.map.indicator : dashboard.indicator
    const items = per ? dashboard.map.items.map((it) => ({ ...it, previousRank: 0 })) : ranking.items
    const unitText = per ? t('perWorkers.unit', { unit: unit() }) : unit()
    const filters = [t('export.subtitle.year', { period: dashboard.periodLabel }), regionName(parent, ui.locale), t('export.subtitle.children', { level })]
    if (per) filters.push(t('perWorkers.label'))
    const nameOf = distinctNameOf(items.map((it) => it.adcode), ui.locale)
    if (ranking.highlight) filters.push(t('export.subtitle.highlight', { region: nameOf(ranking.highlight) }))
    const table = (): DataTable => {
      const words = figureText()
      const note = (f: Figure) => (Number.isNaN(f.value) ? words.withoutValue(f, ind) : words.notes(f, ind).join('；'))
      const anyNote = items.some((it) => note(it.figure) !== '' && it.figure.state !== 'none')
      const anyPublished = items.some((it) => words.published(it.figure) !== '')
      return {
        name: `${indName()} ${period}`,
        sheet: { subject: indName(), kind: t(`export.sheet.${kind}`), period },
        header: [
          t('export.table.code'),
          t('export.table.region'),
          t('export.table.value', { indicator: indName(), unit: unitText }),
          t('export.table.rank'),
          t('export.table.previousRank'),
          t('export.table.note'),
          t('export.table.source'),
        ],
        rows: items.map((it) => [
          it.adcode,
          nameOf(it.adcode),
          round(it.value, ind.decimals),
          it.rank || null,
          it.previousRank || null,
          it.figure.state === 'none' ? '' : note(it.figure),
          words.sourceLabels(it.figure.sources).join('；'),
        ]),
        decimals: [null, null, ind.decimals, 0, 0, null, null],
        printColumns: [1, 2, 3, 4, ...(anyNote ? [5] : []), ...(anyPublished ? [6] : [])],
      }
    }
    return {
      kind,
      option,
      filters,
      fileName: { indicator: indName(), scope: t(`export.fileScope.${kind}`, { region: regionName(parent, ui.locale), level }), period },
      table,
      asOf: asOf(period),
      ...(key ? { key } : {}),
      // About 24 px a bar plus the header and footnote; a map keeps the screen's proportions.
      ...(kind === 'ranking' ? { minReportHeight: ranking.items.length * 24 + 220 } : {}),
    }
  })
}

export function useMapExport(option: OptionFor) {
  return useRegionalSource('map', option)
}

export function useRankingExport(option: OptionFor, key: ChartExportSpec['key']) {
  return useRegionalSource('ranking', option, key)
}

export function useTrendExport(option: OptionFor, referenceLabel: () => string | null) {
  const { dashboard, filters, ui, t, indName, unit, asOf } = useCommon()
  return computed<ChartExportSource>(() => {
    const trend = dashboard.reportTrend
    const scope = titleName(filters.scope, ui.locale)
    const first = trend.periods[0] ?? ''
    const last = trend.periods.at(-1) ?? ''
    const span = first === last ? first : `${first}—${last}`
    const range = trend.frequency === 'annual' && first !== last ? t('export.subtitle.years', { from: first, to: last }) : span
    const ind = dashboard.indicator
    const ref = referenceLabel()
    // The scope's line, the regions compared with it (or one line per year), then the reference.
    const nameOf = distinctNameOf(trend.series.map((line) => line.key), ui.locale)
    const lines = trend.series.map((line) => ({
      label: line.kind === 'region' ? nameOf(line.key) : line.key,
      values: line.values,
    }))
    if (trend.reference && ref) lines.push({ label: ref, values: trend.reference.values })
    const table = (): DataTable => ({
      name: `${indName()} ${scope}`,
      sheet: { subject: indName(), kind: t('export.sheet.trend'), period: span },
      header: [t('export.table.period'), ...lines.map((l) => t('export.table.value', { indicator: l.label, unit: unit() }))],
      rows: trend.periods.map((p, i) => [p, ...lines.map((l) => round(l.values[i] ?? NaN, ind.decimals))]),
      decimals: [null, ...lines.map(() => ind.decimals)],
    })
    return {
      kind: 'trend',
      option,
      filters: [range, scope, t(`export.subtitle.${trend.frequency}`)],
      fileName: { indicator: indName(), scope: t('export.fileScope.trend', { region: scope }), period: span },
      table,
      asOf: asOf(last),
    }
  })
}
