/**
 * The bundled catalogues (data/indicators.json, data/regions.json), validated once at start-up,
 * and the URLs of the bundled sample files.
 */
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import sampleAnnualUrl from '../../data/sample-annual.csv?url'
import sampleMonthlyUrl from '../../data/sample-monthly.json?url'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { buildHierarchy } from '@/domain/aggregate'

export const indicatorCatalogue = loadIndicatorCatalogue(indicatorsJson)
export const regionCatalogue = loadRegionCatalogue(regionsJson)
export const hierarchy = buildHierarchy(regionCatalogue.all)
export const ROOT_REGION = regionCatalogue.all.find((r) => r.parent === null)!.adcode

export const SAMPLE_FILES = [
  { url: sampleAnnualUrl, name: 'sample-annual.csv' },
  { url: sampleMonthlyUrl, name: 'sample-monthly.json' },
] as const
