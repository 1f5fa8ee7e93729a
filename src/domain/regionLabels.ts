/**
 * Names of regions as a reader sees them side by side. A short name (鼓楼区) is enough while it is
 * the only one of its kind among the regions shown; where two shown regions share it, each is
 * named with its parents (南京市鼓楼区, 徐州市鼓楼区; in English "Gulou, Nanjing"), so legends,
 * chips, tooltips, table rows and exports never show two lines with one label.
 *
 * Also the search behind the region picker: what a typed text matches in the catalogue.
 */
import type { Locale } from './format'
import { normaliseRegionText, type RegionCatalogue } from './regions'
import type { Region } from './types'

function ownName(region: Region, locale: Locale): string {
  return locale === 'zh-CN' ? region.name : region.nameEn
}

/** The name with `depth` parents in front (zh: 南京市鼓楼区) or behind (en: Gulou, Nanjing); never the root province. */
function qualifiedName(catalogue: RegionCatalogue, region: Region, locale: Locale, depth: number): string {
  const parents = catalogue
    .ancestors(region.adcode)
    .filter((p) => p.parent !== null)
    .slice(-depth)
  if (parents.length === 0) return ownName(region, locale)
  return locale === 'zh-CN'
    ? `${parents.map((p) => p.name).join('')}${region.name}`
    : [region.nameEn, ...parents.map((p) => p.nameEn).reverse()].join(', ')
}

/**
 * The regions of each name in a catalogue, per language, gathered once: a catalogue never changes,
 * and the national one labels 3,239 regions (a scan of all of them per label took half a second).
 */
const namesakeIndex = new WeakMap<RegionCatalogue, Map<Locale, Map<string, string[]>>>()

function namesakesOf(catalogue: RegionCatalogue, region: Region, locale: Locale): string[] {
  let byLocale = namesakeIndex.get(catalogue)
  if (!byLocale) namesakeIndex.set(catalogue, (byLocale = new Map()))
  let index = byLocale.get(locale)
  if (!index) {
    index = new Map()
    for (const r of catalogue.all) {
      const name = ownName(r, locale)
      const list = index.get(name)
      if (list) list.push(r.adcode)
      else index.set(name, [r.adcode])
    }
    byLocale.set(locale, index)
  }
  return index.get(ownName(region, locale)) ?? [region.adcode]
}

/** The name of one region, qualified by its parents whenever the catalogue holds another of that name. */
export function regionLabel(catalogue: RegionCatalogue, adcode: string, locale: Locale): string {
  const region = catalogue.get(adcode)
  if (region === undefined) return adcode
  return distinctRegionLabels(catalogue, namesakesOf(catalogue, region, locale), locale).get(adcode) ?? adcode
}

/**
 * A label for each of the regions shown together: the plain name where it is unique among them,
 * otherwise the name with as many parents as it takes to tell them apart. Unknown adcodes keep
 * their code as label.
 */
export function distinctRegionLabels(catalogue: RegionCatalogue, adcodes: readonly string[], locale: Locale): Map<string, string> {
  const regions = [...new Set(adcodes)].map((a) => catalogue.get(a)).filter((r): r is Region => r !== undefined)
  const labels = new Map<string, string>(adcodes.map((a) => [a, a]))
  let pending = regions
  for (let depth = 0; pending.length > 0 && depth <= 3; depth++) {
    const names = pending.map((r) => (depth === 0 ? ownName(r, locale) : qualifiedName(catalogue, r, locale, depth)))
    const counts = new Map<string, number>()
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1)
    const still: Region[] = []
    pending.forEach((r, k) => {
      const name = names[k]!
      if (counts.get(name) === 1 || depth === 3) labels.set(r.adcode, name)
      else still.push(r)
    })
    pending = still
  }
  return labels
}

function searchKeys(region: Region): string[] {
  return [region.name, region.shortName, region.nameEn, ...region.aliases].map((s) => normaliseRegionText(s).toLowerCase())
}

/**
 * The regions whose name, short name, English name or an alias contains the typed text (after the
 * same normalisation as file names: full-width to half-width, no spaces; case-insensitive), in
 * catalogue order: the province, then each city before its counties. An empty text matches nothing.
 */
export function searchRegions(catalogue: RegionCatalogue, text: string): Region[] {
  const key = normaliseRegionText(text).toLowerCase()
  if (key === '') return []
  return catalogue.all.filter((r) => searchKeys(r).some((k) => k.includes(key)))
}

/** Whether one region answers to the typed text, as in searchRegions. */
export function regionMatches(region: Region, text: string): boolean {
  const key = normaliseRegionText(text).toLowerCase()
  return key !== '' && searchKeys(region).some((k) => k.includes(key))
}

/** How titles name a level of regions side by side (各{level}): see `levelWord`. */
export type LevelWord = 'province' | 'city' | 'prefecture' | 'district'

/**
 * The word for the level of `adcode` and its siblings, as federations write it: 省（区、市） for
 * provinces, 设区市 where every prefecture of the province is a 市 (江苏), 市（州、盟） where some
 * are 州, 盟 or 地区, 区县 for county-level divisions (and for an unknown code).
 */
export function levelWord(catalogue: RegionCatalogue, adcode: string | undefined): LevelWord {
  const region = adcode === undefined ? undefined : catalogue.get(adcode)
  if (region === undefined || region.level === 'district' || region.level === 'country') return 'district'
  if (region.level === 'province') return 'province'
  const siblings = region.parent === null ? [region] : catalogue.children(region.parent)
  return siblings.every((r) => r.name.endsWith('市')) ? 'city' : 'prefecture'
}

/** The word for the children of `parent` (see `levelWord`). */
export function childLevelWord(catalogue: RegionCatalogue, parent: string): LevelWord {
  return levelWord(catalogue, catalogue.children(parent)[0]?.adcode)
}
