/**
 * The words that go with a figure, the same on cards, tooltips, tables and exports: its coverage
 * when short, why there is no number, how it was worked out, its sources, and its change.
 */
import { useI18n } from 'vue-i18n'
import { indicatorCatalogue } from '@/data/catalogues'
import type { Coverage, Figure } from '@/domain/figures'
import { isPartialCoverage } from '@/domain/figures'
import type { ChangeDetail } from '@/domain/likeforlike'
import type { Offender } from '@/domain/provenance'
import { formatChange, formatNumber, formatPeriod, formatValue, type Locale } from '@/domain/format'
import { SAMPLE_SOURCE, type Indicator } from '@/domain/types'
import { useDatasetStore } from '@/stores/dataset'
import { useUiStore } from '@/stores/ui'
import { indicatorName, regionName } from './useChartContext'

type Translate = (key: string, params?: Record<string, unknown>) => string

export interface FigureTextDeps {
  t: Translate
  locale: Locale
  /** Source labels of the loaded table, by code. */
  sources: readonly string[]
  nameOf?: (adcode: string) => string
}

/** Most names listed in one line before it says how many more. */
const LISTED = 6

export function figureText({ t, locale, sources, nameOf = (a) => regionName(a, locale) }: FigureTextDeps) {
  const listNames = (adcodes: readonly string[]) => {
    const names = adcodes.slice(0, LISTED).map(nameOf)
    const more = adcodes.length - names.length
    const sep = locale === 'zh-CN' ? '、' : ', '
    return more > 0 ? `${names.join(sep)}${locale === 'zh-CN' ? `等${adcodes.length}个` : ` and ${more} more`}` : names.join(sep)
  }
  const dependencyNames = (ind: Indicator): { numerator: string; denominator: string } | null => {
    const r = ind.aggregation
    if (r.kind !== 'ratio') return null
    const name = (id: string) => {
      const d = indicatorCatalogue.byId.get(id)
      return d ? indicatorName(d, locale) : id
    }
    return { numerator: name(r.numerator), denominator: name(r.denominator) }
  }

  /** `数据覆盖 7/95 个县（市、区）` when the figure stands on fewer leaves than the region has; '' otherwise. */
  function coverage(c: Coverage): string {
    return c.reported < c.expected ? t('figure.coverage', { reported: c.reported, expected: c.expected }) : ''
  }

  /**
   * One note for a chart: each drawn figure built from part of its region, e.g.
   * `无锡市数据覆盖 8/9 个县（市、区）；镇江市数据覆盖 4/6 个县（市、区）`; '' when every figure is whole.
   */
  function coverageNote(entries: readonly { label: string; figure: Pick<Figure, 'coverage' | 'value'> }[]): string {
    const partial = entries.filter((e) => isPartialCoverage(e.figure))
    if (partial.length === 0) return ''
    const shown = partial.slice(0, 4).map((e) => t('figure.coverageOf', { region: e.label, ...e.figure.coverage }))
    if (partial.length > shown.length) shown.push(t('figure.coverageMore', { n: partial.length - shown.length }))
    return shown.join(locale === 'zh-CN' ? '；' : '; ')
  }

  /** For a figure with no number: why (no data, inputs missing, out of range). */
  function withoutValue(f: Figure, ind: Indicator): string {
    if (f.state === 'needsInputs') {
      const r = ind.aggregation
      const deps = dependencyNames(ind)
      const weight = r.kind === 'weighted_mean' ? indicatorCatalogue.byId.get(r.weight) : undefined
      const inputs = deps ? `${deps.numerator}${t('figure.and')}${deps.denominator}` : weight ? indicatorName(weight, locale) : ''
      return t('figure.needsInputs', { inputs })
    }
    if (f.state === 'invalid') return t('figure.invalid')
    return t('kpi.noData')
  }

  /** The number with its unit, or the reason there is none. */
  function value(f: Figure, ind: Indicator, unitLabel: string): string {
    return Number.isNaN(f.value) ? withoutValue(f, ind) : formatValue(f.value, ind, locale, unitLabel)
  }

  /** Short notes on how the figure was made: coverage, derivation, months. */
  function notes(f: Figure, ind: Indicator): string[] {
    const out: string[] = []
    if (isPartialCoverage(f)) out.push(coverage(f.coverage))
    const deps = dependencyNames(ind)
    if (f.state === 'derived' && deps) out.push(t('figure.derived', deps))
    if (f.months > 0 && f.months < 12) out.push(t('figure.months', { months: f.months }))
    else if (f.partial) out.push(t('figure.partialYear'))
    return out
  }

  /** Labels of sources, the synthetic marker in words. */
  function sourceLabels(codes: readonly number[]): string[] {
    const labels = codes.map((c) => sources[c] ?? '').filter((s) => s !== '')
    const published = labels.filter((s) => s !== SAMPLE_SOURCE).sort()
    return labels.includes(SAMPLE_SOURCE) ? [t('chart.sampleSource'), ...published] : published
  }

  /** The published sources of a figure (not the synthetic marker), joined; '' when none. */
  function published(f: Figure): string {
    return f.sources
      .map((c) => sources[c] ?? '')
      .filter((s) => s !== '' && s !== SAMPLE_SOURCE)
      .join('；')
  }

  /** The headline change, marked when like for like. */
  function change(d: ChangeDetail | null): string {
    if (!d) return formatChange(null, locale)
    if (!d.change) return d.likeForLike ? t('figure.noComparable') : formatChange(null, locale)
    const text = formatChange(d.change, locale)
    return d.likeForLike ? t('figure.changeLikeForLike', { change: text }) : text
  }

  /** What a like-for-like change left out, and the plain change, for details and tooltips. */
  function changeNotes(d: ChangeDetail | null, period: string, earlier: string | null): string[] {
    if (!d || !d.likeForLike) return []
    const out = [t('figure.plain', { change: formatChange(d.plain, locale) })]
    if (d.missingNow.length) out.push(t('figure.missingIn', { period: formatPeriod(period, locale), regions: listNames(d.missingNow) }))
    if (d.missingBefore.length && earlier) out.push(t('figure.missingIn', { period: formatPeriod(earlier, locale), regions: listNames(d.missingBefore) }))
    return out
  }

  /** One line per region whose own rows put a figure out of range. */
  function offenders(list: readonly Offender[], ind: Indicator): string[] {
    const deps = dependencyNames(ind)
    return list.map((o) => {
      const region = nameOf(o.adcode)
      if (o.numerator === undefined || !deps) return t('figure.invalidRate', { region, value: formatValue(o.value, ind, locale) })
      const num = formatNumber(o.numerator, 0, locale)
      const den = formatNumber(o.denominator ?? NaN, 0, locale)
      const key = o.numerator > (o.denominator ?? NaN) ? 'figure.invalidRatio' : 'figure.invalidNegative'
      return t(key, { region, num, den, ...deps })
    })
  }

  return { coverage, coverageNote, withoutValue, value, notes, sourceLabels, published, change, changeNotes, offenders, listNames }
}

export type FigureText = ReturnType<typeof figureText>

/** figureText bound to the current language and the loaded table. */
export function useFigureText(): () => FigureText {
  const { t } = useI18n()
  const ui = useUiStore()
  const dataset = useDatasetStore()
  return () => figureText({ t, locale: ui.locale, sources: dataset.table.sources })
}
