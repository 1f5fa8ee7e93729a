/**
 * Export parts of the panels below the fold (radar, region × indicator table, small multiples).
 * Kept apart from `sources.ts` so that they load with those panels, not with the first view.
 */
import { computed, type ComputedRef } from 'vue'
import type { ChartPalette } from '@/charts/theme'
import { indicatorName, regionName, titleName } from '@/composables/useChartContext'
import { regionCatalogue } from '@/data/catalogues'
import { isPartialCoverage } from '@/domain/figures'
import { formatNumber } from '@/domain/format'
import type { SmallMultiplesModel } from '@/domain/dashboard'
import { buildTableImage, tableImageHeight, type TableImageModel } from '@/export/table-image'
import type { DataTable, ExportOption } from '@/export/types'
import { useCommon, type ChartExportSource } from './sources'
import { levelWord, childLevelWord } from '@/domain/regionLabels'

type OptionFor = (palette: ChartPalette) => ExportOption | null

const round = (v: number, decimals: number) => (Number.isNaN(v) ? null : Number(v.toFixed(decimals)))
/** Header, notes and about 24 px a row: the height a report needs to show every row. */
const REPORT_FRAME = 220

/** The region's profile against its peers; undefined while there is none (the province). */
export function useRadarExport(option: OptionFor): ComputedRef<ChartExportSource | undefined> {
  const { dashboard, ui, t, asOf } = useCommon()
  return computed(() => {
    const m = dashboard.radar
    if (!m) return undefined
    const period = dashboard.period
    const region = titleName(m.adcode, ui.locale)
    const level = t(`level.${levelWord(regionCatalogue, m.adcode)}`)
    const peers = t('compare.radarPeers', { parent: regionName(m.parent, ui.locale), level })
    const table = (): DataTable => ({
      name: t('compare.radarPanel'),
      sheet: { subject: region, kind: t('export.sheet.radar'), period },
      header: [t('export.table.indicator'), t('export.table.unit'), t('export.table.regionValue', { region }), t('export.table.score'), t('export.table.peerScore', { peers })],
      rows: m.axes.map((a) => [indicatorName(a.indicator, ui.locale), t(`units.${a.indicator.unit}`), round(a.value, a.indicator.decimals), round(a.score, 1), round(a.peerMean, 1)]),
      decimals: [null, null, null, 1, 1],
    })
    return {
      kind: 'radar',
      option,
      filters: [t('export.subtitle.year', { period: dashboard.periodLabel }), region, t('export.subtitle.against', { peers })],
      fileName: { indicator: t('compare.radarPanel'), scope: region, period },
      table,
      asOf: asOf(period),
    }
  })
}

/** The drawn regions × the profile's indicators, as an image and as a table. */
export function useTableExport(): ComputedRef<ChartExportSource> {
  const { dashboard, ui, t, asOf } = useCommon()
  return computed<ChartExportSource>(() => {
    const m = dashboard.table
    const period = dashboard.period
    const parent = regionName(m.parent, ui.locale)
    const allDistricts = dashboard.mapLevel === 'district'
    const level = t(`level.${allDistricts ? 'district' : childLevelWord(regionCatalogue, m.parent)}`)
    const heads = m.indicators.map((ind) => t('export.table.value', { indicator: indicatorName(ind, ui.locale), unit: t(`units.${ind.unit}`) }))
    const mark = (c: (typeof m.rows)[number]['cells'][number]) => (isPartialCoverage(c.figure) ? t('figure.coverageShort', { ...c.figure.coverage }) : '')
    const image: TableImageModel = {
      header: [t('export.table.region'), ...heads],
      rows: m.rows.map((r) => ({
        label: regionName(r.adcode, ui.locale),
        cells: r.cells.map((c, k) => ({
          text: Number.isNaN(c.value) ? '—' : formatNumber(c.value, m.indicators[k]!.decimals, ui.locale),
          shade: c.score / 100,
          mark: mark(c),
        })),
      })),
      key: t('export.tableKey'),
    }
    const table = (): DataTable => {
      const notes = m.rows.map((r) =>
        r.cells
          .map((c, k) => (mark(c) ? `${indicatorName(m.indicators[k]!, ui.locale)} ${mark(c)}` : ''))
          .filter(Boolean)
          .join('；'),
      )
      const anyNote = notes.some(Boolean)
      return {
        name: t('compare.tablePanel'),
        sheet: { subject: parent, kind: t('export.sheet.table'), period },
        header: [t('export.table.code'), t('export.table.region'), ...heads, ...(anyNote ? [t('export.table.note')] : [])],
        rows: m.rows.map((r, i) => [r.adcode, regionName(r.adcode, ui.locale), ...r.cells.map((c, k) => round(c.value, m.indicators[k]!.decimals)), ...(anyNote ? [notes[i]!] : [])]),
        decimals: [null, null, ...m.indicators.map((ind) => ind.decimals), ...(anyNote ? [null] : [])],
        printColumns: [1, ...m.indicators.map((_, k) => k + 2), ...(anyNote ? [m.indicators.length + 2] : [])],
      }
    }
    return {
      kind: 'table',
      option: (palette) => buildTableImage(image, palette),
      filters: [t('export.subtitle.year', { period: dashboard.periodLabel }), parent, t('export.subtitle.children', { level })],
      fileName: { indicator: t('compare.tablePanel'), scope: t('export.fileScope.table', { region: parent, level }), period },
      table,
      asOf: asOf(period),
      minReportHeight: tableImageHeight(image) + REPORT_FRAME,
    }
  })
}

/** Each drawn region's yearly line, three panels a row in a report. */
/** `coverageOf`: the 数据覆盖 note of the report's model, which ends at the chosen period (the screen's may go on). */
export function useMultiplesExport(option: OptionFor, columns: number, coverageOf: (m: SmallMultiplesModel) => string): ComputedRef<ChartExportSource> {
  const { dashboard, ui, t, indName, asOf } = useCommon()
  return computed<ChartExportSource>(() => {
    const m = dashboard.reportMultiples
    const ind = dashboard.indicator
    const first = m.panels[0]
    const parent = first ? (regionCatalogue.parentOf(first.adcode)?.adcode ?? '') : ''
    const level = t(`level.${levelWord(regionCatalogue, first?.adcode)}`)
    const from = m.periods[0] ?? ''
    const to = m.periods.at(-1) ?? ''
    const span = from === to ? from : `${from}—${to}`
    const table = (): DataTable => ({
      name: `${indName()} ${regionName(parent, ui.locale)}`,
      sheet: { subject: indName(), kind: t('export.sheet.multiples'), period: span },
      header: [t('export.table.code'), t('export.table.region'), ...m.periods],
      rows: m.panels.map((p) => [p.adcode, regionName(p.adcode, ui.locale), ...p.values.map((v) => round(v, ind.decimals))]),
      decimals: [null, null, ...m.periods.map(() => ind.decimals)],
      printColumns: [1, ...m.periods.map((_, k) => k + 2)],
    })
    return {
      kind: 'multiples',
      option,
      filters: [from === to ? from : t('export.subtitle.years', { from, to }), regionName(parent, ui.locale), t('export.subtitle.children', { level })],
      fileName: { indicator: indName(), scope: t('export.fileScope.multiples', { region: regionName(parent, ui.locale), level }), period: span },
      table,
      asOf: asOf(to),
      minReportHeight: Math.ceil(m.panels.length / columns) * 110 + REPORT_FRAME,
      coverage: coverageOf(m),
    }
  })
}
