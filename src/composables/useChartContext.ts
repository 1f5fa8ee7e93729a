/** Everything option builders need from the app's state, in one computed. */
import { computed, inject, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { regionCatalogue } from '@/data/catalogues'
import { distinctRegionLabels, regionLabel } from '@/domain/regionLabels'
import { palettes } from '@/charts/theme'
import type { BuildContext } from '@/charts/options/types'
import { useDashboardStore } from '@/stores/dashboard'
import { useUiStore, type ThemeName } from '@/stores/ui'
import type { Indicator } from '@/domain/types'
import type { Locale } from '@/domain/format'

/** Set by the big-screen view: a fixed dark theme and larger chart text. */
export interface Presentation {
  theme: ThemeName
  fontScale: number
}
export const PRESENTATION: InjectionKey<Presentation> = Symbol('presentation')

export function regionName(adcode: string, locale: Locale): string {
  const r = regionCatalogue.get(adcode)
  if (!r) return adcode
  return locale === 'zh-CN' ? r.name : r.nameEn
}

/** A region named on its own (a title, a subtitle, a file name): 南京市鼓楼区 where the catalogue holds another 鼓楼区. */
export function titleName(adcode: string, locale: Locale): string {
  return regionLabel(regionCatalogue, adcode, locale)
}

/** Names for regions shown together: short where unique among them, qualified (南京市鼓楼区) where not. */
export function distinctNameOf(adcodes: readonly string[], locale: Locale): (adcode: string) => string {
  const labels = distinctRegionLabels(regionCatalogue, adcodes, locale)
  return (adcode) => labels.get(adcode) ?? regionName(adcode, locale)
}

export function indicatorName(ind: Indicator, locale: Locale): string {
  return locale === 'zh-CN' ? ind.name.zh : ind.name.en
}

export function useChartContext() {
  const ui = useUiStore()
  const dashboard = useDashboardStore()
  const presentation = inject(PRESENTATION, null)
  const { t } = useI18n()
  return computed<BuildContext>(() => ({
    indicator: dashboard.indicator,
    locale: ui.locale,
    palette: palettes[presentation?.theme ?? ui.theme],
    nameOf: (a: string) => regionName(a, ui.locale),
    unitLabel: t(`units.${dashboard.indicator.unit}`),
    decal: ui.decal,
    fontScale: presentation?.fontScale ?? 1,
  }))
}
