/**
 * Export actions behind the menus: each loads its writer on first use, saves the file and tells
 * the user what happened, or what to do when it could not be done. This module itself loads on
 * the first export (useExportActions.ts), with what the menus' setup gave it.
 */
import { regionCatalogue } from '@/data/catalogues'
import { indicatorName, regionName, titleName } from '@/composables/useChartContext'
import type { ExportProblem } from '@/export/errors'
import type { HeadlineInput } from '@/export/headline'
import type { ChartExportSpec } from '@/export/types'
import { exportChoices, imageOptionsFor } from './options'
import type { ExportContext } from './useExportActions'
import { levelWord } from '@/domain/regionLabels'

export function createExportActions({ message, t, ui, dashboard, filters, figureText }: ExportContext) {
  function report(problem: ExportProblem) {
    const params = 'detail' in problem ? { detail: problem.detail } : 'width' in problem ? problem : {}
    message.error(t(`export.problem.${problem.kind}`, params as Record<string, unknown>), { duration: 8000, closable: true })
  }

  /** Runs one export; the file name is shown while it is made and once it is saved. */
  async function run(file: string, make: () => Promise<Blob>) {
    const pending = message.loading(t('export.working', { file }), { duration: 0 })
    try {
      const [{ saveBlob }, blob] = await Promise.all([import('@/export/download'), make()])
      saveBlob(blob, file)
      message.success(t('export.saved', { file }))
    } catch (e) {
      const { problemOf } = await import('@/export/errors')
      report(problemOf(e))
    } finally {
      pending.destroy()
    }
  }

  async function name(spec: ChartExportSpec, ext: string) {
    const { chartFileBase } = await import('@/export/filename')
    return `${chartFileBase(spec.fileName)}.${ext}`
  }

  async function viewName(ext: string) {
    const { safeFileName } = await import('@/export/filename')
    return `${safeFileName(`${indicatorName(dashboard.indicator, ui.locale)}_${titleName(filters.scope, ui.locale)}_${dashboard.period}`)}.${ext}`
  }

  function date(): string {
    return new Intl.DateTimeFormat(ui.locale, { dateStyle: 'long' }).format(new Date())
  }

  function headlineInput(): HeadlineInput {
    const kpi = dashboard.kpi
    const words = figureText()
    const scope = regionCatalogue.get(filters.scope)
    const children = regionCatalogue.children(filters.scope)
    const parent = regionCatalogue.parentOf(filters.scope)
    const map = dashboard.countMap
    const unitLabel = t(`units.${dashboard.indicator.unit}`)
    return {
      locale: ui.locale,
      indicator: dashboard.indicator,
      indicatorName: indicatorName(dashboard.indicator, ui.locale),
      unitLabel,
      period: dashboard.period,
      scopeName: scope?.parent === null ? t('export.brief.province') : titleName(filters.scope, ui.locale),
      value: kpi.value,
      ...(Number.isNaN(kpi.value) && kpi.figure.state !== 'none' ? { withoutValue: words.withoutValue(kpi.figure, dashboard.indicator) } : {}),
      ...(words.coverage(kpi.coverage) && !Number.isNaN(kpi.value) ? { coverage: words.coverage(kpi.coverage) } : {}),
      yoy: kpi.yoy?.change ?? null,
      ...(kpi.yoy?.likeForLike ? { likeForLike: { left: [...kpi.yoy.missingNow, ...kpi.yoy.missingBefore].map((a) => regionName(a, ui.locale)) } } : {}),
      children: map.mapAdcode === filters.scope ? map.items.map((it) => ({ name: regionName(it.adcode, ui.locale), value: it.value })) : [],
      // The regions drawn: the scope's children, or every district of the province.
      childLevel: t(`level.${map.mapAdcode === filters.scope ? levelWord(regionCatalogue, map.items[0]?.adcode) : levelWord(regionCatalogue, children[0]?.adcode)}`),
      ...(parent && kpi.rank > 0
        ? { peerRank: { parentName: regionName(parent.adcode, ui.locale), level: t(`level.${levelWord(regionCatalogue, scope?.adcode)}`), rank: kpi.rank, total: kpi.rankedPeers } }
        : {}),
    }
  }

  const imageOf = (spec: ChartExportSpec) => imageOptionsFor(spec)
  const scopeName = () => (regionCatalogue.get(filters.scope)?.parent === null ? t('export.brief.province') : titleName(filters.scope, ui.locale))
  /** The selected period, or the range the user chose (2019—2023年). */
  const periodRange = () =>
    filters.from && filters.from !== dashboard.period ? t('export.subtitle.years', { from: filters.from, to: dashboard.period }) : dashboard.periodLabel

  return {
    async png(spec: ChartExportSpec) {
      await run(await name(spec, 'png'), async () => (await import('@/export/image')).renderPng(spec, imageOf(spec)))
    },
    async svg(spec: ChartExportSpec) {
      await run(await name(spec, 'svg'), async () => {
        const { renderSvg, svgBlob } = await import('@/export/image')
        return svgBlob(await renderSvg(spec, imageOf(spec)))
      })
    },
    async copy(spec: ChartExportSpec) {
      const [{ copyPng }, { renderPng }, { checkCanvasSize }, { ExportError, problemOf }] = await Promise.all([
        import('@/export/clipboard'),
        import('@/export/image'),
        import('@/export/size'),
        import('@/export/errors'),
      ])
      const opts = imageOf(spec)
      try {
        const problem = checkCanvasSize(opts.width, opts.height, opts.scale)
        if (problem) throw new ExportError(problem)
        await copyPng(() => renderPng(spec, opts))
        message.success(t('export.copied'))
      } catch (e) {
        report(problemOf(e))
      }
    },
    async csv(spec: ChartExportSpec) {
      await run(await name(spec, 'csv'), async () => {
        const { chartCsv, csvBlob } = await import('@/export/data')
        return csvBlob(chartCsv(spec))
      })
    },
    async xlsx(specs: ChartExportSpec[], single = true) {
      const file = single && specs[0] ? await name(specs[0], 'xlsx') : await viewName('xlsx')
      await run(file, async () => (await import('@/export/data')).xlsxBlob(specs))
    },
    async viewCsv(specs: ChartExportSpec[]) {
      await run(await viewName('csv'), async () => {
        const { viewCsv, csvBlob } = await import('@/export/data')
        return csvBlob(viewCsv(specs))
      })
    },
    async zip(specs: ChartExportSpec[]) {
      await run(await viewName('zip'), async () => (await import('@/export/zip')).chartsZip(specs, imageOf))
    },
    async pptx(specs: ChartExportSpec[]) {
      await run(await viewName('pptx'), async () =>
        (await import('@/export/pptx')).deckBlob(
          specs,
          {
            title: t('export.deck.title', { scope: scopeName(), indicator: indicatorName(dashboard.indicator, ui.locale) }),
            subtitle: t('export.deck.subtitle', { period: periodRange(), scope: titleName(filters.scope, ui.locale) }),
            date: t('export.deck.date', { date: date() }),
            filtersNote: (f) => t('export.deck.filters', { filters: f }),
          },
          { background: 'white', watermark: exportChoices.value.watermark ? exportChoices.value.watermarkText : '' },
        ),
      )
    },
    async docx(specs: ChartExportSpec[]) {
      await run(await viewName('docx'), async () => {
        const [{ briefBlob }, { headlineSentences }] = await Promise.all([import('@/export/docx'), import('@/export/headline')])
        const input = headlineInput()
        const table = (specs.find((s) => s.kind === 'ranking') ?? specs[0])?.table()
        return briefBlob(
          specs,
          table ?? { name: '', header: [], rows: [] },
          {
            title: t('export.brief.title', { scope: input.scopeName, indicator: input.indicatorName }),
            subtitle: [t('export.subtitle.year', { period: dashboard.periodLabel }), titleName(filters.scope, ui.locale)].join(' · '),
            date: t('export.deck.date', { date: date() }),
            headlinesHeading: t('export.brief.headlines'),
            chartsHeading: t('export.brief.charts'),
            tableHeading: t('export.brief.table'),
            headlines: headlineSentences(input),
          },
          (spec) => ({ ...imageOptionsFor(spec, { ...exportChoices.value, preset: 'report' }), background: 'white' }),
          ui.locale,
        )
      })
    },
    report,
  }
}
