/**
 * The bundled catalogues (data/indicators.json, data/regions.json), validated once at start-up,
 * and the URL of the bundled sample.
 *
 * The region catalogue is the home region's (src/data/home.ts): 江苏省 by default, or another slice
 * of the national catalogue chosen by public/config.json or `?home=`. It is installed once, before
 * the app mounts; the exports below are live bindings, so every importer sees the installed one.
 */
import { shallowReactive } from 'vue'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue, type RegionCatalogue } from '@/domain/regions'
import { buildHierarchy } from '@/domain/aggregate'
import type { Indicator } from '@/domain/types'
import { safeIndicator } from './custom'

export const indicatorCatalogue = loadIndicatorCatalogue(indicatorsJson)
// Custom indicators come and go with the dataset shown (setCustomIndicators); lists of indicators
// in the views follow. Only the array is reactive, the indicators themselves stay plain objects.
indicatorCatalogue.indicators = shallowReactive(indicatorCatalogue.indicators)
/** The bundled 江苏省 catalogue, whatever the home region. */
export const bundledRegions = loadRegionCatalogue(regionsJson)
// `let`: installed once before the app mounts (installRegions); importers read the live binding.
export let regionCatalogue = bundledRegions
export let hierarchy = buildHierarchy(regionCatalogue.all)
/** The home region: the root of the map, the breadcrumb and the rankings. */
export let ROOT_REGION = regionCatalogue.all.find((r) => r.parent === null)!.adcode

/** The national catalogue (public/regions/china.json), fetched only when needed. */
export const NATIONAL_URL = `${import.meta.env.BASE_URL}regions/china.json`

/** Makes `catalogue` the app's region catalogue; its root is the home region. Call before mounting. */
export function installRegions(catalogue: RegionCatalogue): void {
  regionCatalogue = catalogue
  hierarchy = buildHierarchy(catalogue.all)
  ROOT_REGION = catalogue.all.find((r) => r.parent === null)!.adcode
  catalogue.home = ROOT_REGION
}

/**
 * data/sample-annual.csv and data/sample-monthly.json as the loader reads them, shaped ahead of time
 * (scripts/gen-sample-table.ts, src/data/table-file.ts), so the page neither parses them nor starts
 * the loader worker for them. Served from public/, beside index.html under any sub-path.
 */
export const SAMPLE_TABLE = { url: `${import.meta.env.BASE_URL}sample/sample-table.bin`, name: 'sample/sample-table.bin' } as const

/**
 * Adds a dataset's custom indicators to the catalogue the app reads (ids already there are left
 * alone), and removes those of a dataset no longer shown. Catalogue indicators are never touched.
 */
const registered = new Set<string>()
export function setCustomIndicators(list: readonly Indicator[]): void {
  // The catalogue's map is built as a Map by loadIndicatorCatalogue; only this function writes to it.
  const cat = indicatorCatalogue as unknown as { indicators: Indicator[]; byId: Map<string, Indicator> }
  const keep = new Set(list.map((i) => i.id))
  for (const id of [...registered]) {
    if (keep.has(id)) continue
    registered.delete(id)
    cat.byId.delete(id)
    const at = cat.indicators.findIndex((i) => i.id === id)
    if (at >= 0) cat.indicators.splice(at, 1)
  }
  for (const raw of list) {
    // Whatever a saved dataset holds, nothing reaches a panel that cannot be shown.
    const ind = safeIndicator(raw)
    if (cat.byId.has(ind.id)) continue
    registered.add(ind.id)
    cat.byId.set(ind.id, ind)
    cat.indicators.push(ind)
  }
}

export function isCustomIndicator(id: string): boolean {
  return registered.has(id)
}
