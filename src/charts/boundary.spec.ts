import { describe, expect, it } from 'vitest'
import { matchBoundary } from './boundary'
import { regionCatalogue } from '@/data/catalogues'

const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }
const feature = (properties: Record<string, unknown>) => ({ type: 'Feature', properties, geometry: square })

describe('matchBoundary', () => {
  it('matches by adcode first, then by name or former name, and rewrites the adcode', () => {
    const m = matchBoundary(
      {
        type: 'FeatureCollection',
        features: [
          feature({ adcode: 320205, name: 'whatever' }),
          feature({ name: '惠山区' }),
          feature({ NAME: '无锡市滨湖区' }),
          feature({ name: '火星区' }),
          feature({ name: '鼓楼区' }),
        ],
      },
      regionCatalogue,
    )
    expect(m.matched.map((r) => r.adcode)).toEqual(['320205', '320206', '320211'])
    expect(m.geo.features.map((f) => f.properties.adcode)).toEqual(['320205', '320206', '320211'])
    // 鼓楼区 exists in 南京 and 徐州: listed, not guessed.
    expect(m.unmatchedFeatures).toEqual(['火星区', '鼓楼区'])
    expect(m.missingRegions.map((r) => r.name)).toContain('江阴市')
  })

  it('rejects what is not a FeatureCollection with a readable reason', () => {
    expect(() => matchBoundary({ type: 'Topology' }, regionCatalogue)).toThrow(/FeatureCollection/)
    expect(() => matchBoundary(null, regionCatalogue)).toThrow(/FeatureCollection/)
  })

  it('does not draw the same region twice', () => {
    const m = matchBoundary({ type: 'FeatureCollection', features: [feature({ adcode: '320205' }), feature({ name: '锡山区' })] }, regionCatalogue)
    expect(m.matched).toHaveLength(1)
    expect(m.unmatchedFeatures).toEqual(['锡山区'])
  })
})
