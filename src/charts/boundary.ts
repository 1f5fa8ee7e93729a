/**
 * A user's own boundary file (GeoJSON: another edition of the map, or an official standard map).
 * Each feature is matched to a catalogue region by its adcode, else by its name through the region
 * catalogue (aliases and former names included); features and regions that do not match are
 * listed, never guessed. Matched features are rewritten to carry the catalogue adcode, so the map
 * series matches them by `nameProperty: 'adcode'` like the bundled files.
 */
import type { RegionCatalogue } from '@/domain/regions'
import type { Region } from '@/domain/types'

export interface BoundaryFeature {
  type: 'Feature'
  properties: Record<string, unknown>
  geometry: { type: string; coordinates: unknown }
}

export interface BoundaryMatch {
  /** The file rewritten with catalogue adcodes; only matched features are kept. */
  geo: { type: 'FeatureCollection'; features: BoundaryFeature[] }
  matched: Region[]
  /** Feature labels (name or adcode, or its position) that name no catalogue region or several. */
  unmatchedFeatures: string[]
  /** Regions at the matched level, under the same parent, that no feature draws. */
  missingRegions: Region[]
}

const CODE_KEYS = ['adcode', 'code', 'ADCODE', 'gb', 'GB', 'id']
const NAME_KEYS = ['name', 'NAME', 'fullname', 'Name', '名称']

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''
}

function isFeature(v: unknown): v is BoundaryFeature {
  if (typeof v !== 'object' || v === null) return false
  const f = v as Record<string, unknown>
  const g = f.geometry as Record<string, unknown> | null | undefined
  return (
    f.type === 'Feature' &&
    typeof g === 'object' &&
    g !== null &&
    (g.type === 'Polygon' || g.type === 'MultiPolygon') &&
    Array.isArray(g.coordinates)
  )
}

/** Reads and matches a GeoJSON FeatureCollection; throws an Error the user can act on when it is not one. */
export function matchBoundary(json: unknown, regions: RegionCatalogue): BoundaryMatch {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection')
    throw new Error('not a GeoJSON FeatureCollection')
  const raw = (json as { features?: unknown }).features
  if (!Array.isArray(raw)) throw new Error('the FeatureCollection has no "features" array')
  const features: BoundaryFeature[] = []
  const matched: Region[] = []
  const unmatchedFeatures: string[] = []
  raw.forEach((f: unknown, i) => {
    if (!isFeature(f)) {
      unmatchedFeatures.push(`#${i + 1}`)
      return
    }
    const props = f.properties ?? {}
    const code = CODE_KEYS.map((k) => text(props[k])).find((c) => /^\d{6}$/.test(c) && regions.has(c))
    const name = NAME_KEYS.map((k) => text(props[k])).find((n) => n !== '') ?? ''
    let region = code ? regions.get(code) : undefined
    if (!region && name) {
      const r = regions.resolve(name)
      if (r.ok) region = r.region
    }
    if (!region || matched.includes(region)) {
      unmatchedFeatures.push(name || text(props.adcode) || `#${i + 1}`)
      return
    }
    matched.push(region)
    features.push({ type: 'Feature', properties: { ...props, adcode: region.adcode, name: region.name }, geometry: f.geometry })
  })
  const parents = new Set(matched.map((r) => r.parent))
  const missingRegions =
    parents.size === 1 && matched[0]?.parent
      ? regions.children(matched[0].parent).filter((r) => !matched.includes(r))
      : []
  return { geo: { type: 'FeatureCollection', features }, matched, unmatchedFeatures, missingRegions }
}
