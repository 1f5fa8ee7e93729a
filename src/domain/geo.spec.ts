/**
 * Checks the map outlines shipped in public/geo (built by scripts/simplify-geo.ts): valid GeoJSON,
 * complete, and topologically clean — neighbouring districts share their border vertices exactly,
 * in every file. The comparison with the npm source shapes is in scripts/geo/sources.spec.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const outDir = path.join(repoRoot, 'public', 'geo')

type Area = Polygon | MultiPolygon

function read(file: string): FeatureCollection<Area> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<Area>
}
const readOut = (file: string) => read(path.join(outDir, file))

const polygonsOf = (g: Area): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
const ringsOf = (f: Feature<Area>): Position[][] => polygonsOf(f.geometry).flat()
const key = (p: Position) => `${p[0]},${p[1]}`
const vertexSet = (f: Feature<Area>) => new Set(ringsOf(f).flat().map(key))
const adcodeOf = (f: Feature) => String(f.properties?.adcode)

function sharedVertices(a: Feature<Area>, b: Feature<Area>): number {
  const vb = vertexSet(b)
  return [...vertexSet(a)].filter((v) => vb.has(v)).length
}

/** The consecutive point pairs of a ring, as [x, y] tuples. */
function segments(ring: Position[]): Array<[[number, number], [number, number]]> {
  const xy = (p: Position): [number, number] => [p[0]!, p[1]!]
  return ring.slice(1).map((p, i) => [xy(ring[i]!), xy(p)])
}

function signedArea(ring: Position[]): number {
  return segments(ring).reduce((s, [a, b]) => s + a[0] * b[1] - b[0] * a[1], 0) / 2
}

/** Even-odd point-in-polygon test over closed rings. */
function inside([x, y]: [number, number], rings: Position[][]): boolean {
  let result = false
  for (const ring of rings) {
    for (const [a, b] of segments(ring)) {
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) result = !result
    }
  }
  return result
}

/** Directed edges "x,y>x,y" of every ring. */
function edges(fc: FeatureCollection<Area>): Set<string> {
  const set = new Set<string>()
  for (const f of fc.features) {
    for (const ring of ringsOf(f)) for (const [a, b] of segments(ring)) set.add(`${key(a)}>${key(b)}`)
  }
  return set
}

/** Neighbouring districts (checked against the source below): two pairs within a city, two across city lines. */
const NEIGHBOURS: Array<[string, string, string]> = [
  ['321012', '321002', '江都区 | 广陵区'],
  ['320205', '320213', '锡山区 | 梁溪区'],
  ['321012', '321202', '江都区 (扬州) | 海陵区 (泰州)'],
  ['320282', '320481', '宜兴市 (无锡) | 溧阳市 (常州)'],
]
/** 宜兴市 and 锡山区 are both in 无锡市 but do not touch (滨湖区 and 太湖 lie between). */
const NOT_NEIGHBOURS: [string, string] = ['320282', '320205']

const PROVINCE = '320000.json'
const ALL_DISTRICTS = '320000-districts.json'
const province = readOut(PROVINCE)
const allDistricts = readOut(ALL_DISTRICTS)
const cityCodes = province.features.map(adcodeOf)
const cityFiles = cityCodes.map((c) => `${c}.json`)
const jsonFiles = fs.readdirSync(outDir).filter((f) => f.endsWith('.json'))
/** The default home region's files and the overview: what a Jiangsu deployment fetches. */
const homeFiles = jsonFiles.filter((f) => f.startsWith('32') || f === 'china.json')
const districtByCode = new Map(allDistricts.features.map((f) => [adcodeOf(f), f]))

describe('public/geo files', () => {
  it('contains the province, every city and the all-districts file', () => {
    expect(jsonFiles).toEqual(expect.arrayContaining([PROVINCE, ALL_DISTRICTS, ...cityFiles]))
  })

  it('has a by-prefecture and an all-counties file for every province of the mainland', () => {
    const china = readOut('china.json')
    const provinces = china.features.map(adcodeOf).filter((c) => c !== '710000')
    expect(provinces.length).toBeGreaterThanOrEqual(33)
    for (const code of provinces) expect(jsonFiles, code).toEqual(expect.arrayContaining([`${code}.json`, `${code}-districts.json`]))
  })

  it.each(jsonFiles)('%s is a valid FeatureCollection of Polygons and MultiPolygons', (file) => {
    const fc = readOut(file)
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features.length).toBeGreaterThan(0)
    for (const f of fc.features) {
      expect(f.type).toBe('Feature')
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type)
      expect(Object.keys(f.properties ?? {}).sort()).toEqual(['adcode', 'cp', 'name'])
      expect(typeof f.properties?.name).toBe('string')
      expect(f.properties?.adcode).toMatch(/^\d{6}$/)
      // Faults are collected and compared once: an expect per vertex would take minutes for the nation.
      const faults: string[] = []
      const where = `${String(f.properties?.adcode)} ${String(f.properties?.name)}`
      for (const polygon of polygonsOf(f.geometry)) {
        if (polygon.length === 0) faults.push(`${where}: empty polygon`)
        polygon.forEach((ring, i) => {
          if (ring.length < 4) faults.push(`${where}: ring ${i} has ${ring.length} points`)
          const [a, z] = [ring[0], ring[ring.length - 1]]
          if (!a || !z || a[0] !== z[0] || a[1] !== z[1]) faults.push(`${where}: ring ${i} is not closed`)
          for (const p of ring)
            if (p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) faults.push(`${where}: ring ${i} has point ${JSON.stringify(p)}`)
          // RFC 7946: exterior rings counter-clockwise, holes clockwise.
          const area = signedArea(ring)
          if (i === 0 ? !(area > 0) : !(area < 0)) faults.push(`${where}: ring ${i} winds the wrong way (area ${area})`)
        })
      }
      expect(faults).toEqual([])
    }
  })

  it.each(jsonFiles)('%s has adcodes unique within the file and label points inside', (file) => {
    const fc = readOut(file)
    const codes = fc.features.map(adcodeOf)
    expect(new Set(codes).size).toBe(codes.length)
    for (const f of fc.features) {
      const cp = f.properties?.cp as [number, number]
      expect(cp).toHaveLength(2)
      expect(polygonsOf(f.geometry).some((polygon) => inside(cp, polygon))).toBe(true)
    }
  })

  it('has 13 cities, 95 districts, and every district under its own city', () => {
    expect(province.features).toHaveLength(13)
    expect(allDistricts.features).toHaveLength(95)
    const inCityFiles = cityFiles.flatMap((file, i) => {
      const fc = readOut(file)
      for (const f of fc.features) expect(adcodeOf(f).slice(0, 4)).toBe(cityCodes[i]!.slice(0, 4))
      return fc.features.map(adcodeOf)
    })
    expect(inCityFiles.sort()).toEqual(allDistricts.features.map(adcodeOf).sort())
  })

  it('gives each district the same geometry in its city file and in the all-districts file', () => {
    for (const file of cityFiles) {
      for (const f of readOut(file).features) {
        const same = districtByCode.get(adcodeOf(f))
        expect(same, adcodeOf(f)).toBeDefined()
        expect(f.properties).toEqual(same!.properties)
        expect(f.geometry).toEqual(same!.geometry)
      }
    }
  })

  it('keeps the default region within its size budget (800 KB in all)', () => {
    const bytes = homeFiles.reduce((s, f) => s + fs.statSync(path.join(outDir, f)).size, 0)
    expect(bytes).toBeLessThan(800 * 1024)
  })
})

describe('shared borders', () => {
  it.each(NEIGHBOURS)('%s and %s (%s) share border vertices exactly', (a, b) => {
    expect(sharedVertices(districtByCode.get(a)!, districtByCode.get(b)!)).toBeGreaterThanOrEqual(3)
  })

  it('finds no shared vertices between districts that do not touch', () => {
    const [a, b] = NOT_NEIGHBOURS
    expect(sharedVertices(districtByCode.get(a)!, districtByCode.get(b)!)).toBe(0)
  })

  it('matches every district edge with its neighbour or with the province outline (no gaps, no overlaps)', () => {
    const districtEdges = edges(allDistricts)
    const cityEdges = edges(province)
    const stray = [...districtEdges].filter((k) => {
      const [from, to] = k.split('>')
      return !districtEdges.has(`${to}>${from}`) && !cityEdges.has(k)
    })
    // A border between two districts is walked once in each direction; an edge with no partner is
    // on the province outline. The only exceptions allowed are the sides of a few slivers (under
    // 1 km², a grid cell of the source) that the city map closes.
    expect(stray.length).toBeLessThanOrEqual(0.001 * districtEdges.size)
  })

  it('draws cities with exactly the district borders', () => {
    const districtEdges = edges(allDistricts)
    const notDistrictEdge = [...edges(province)].filter((k) => !districtEdges.has(k))
    expect(notDistrictEdge).toEqual([])
    const city = (code: string) => province.features[cityCodes.indexOf(code)]!
    expect(sharedVertices(city('321000'), city('321200'))).toBeGreaterThanOrEqual(3)
  })
})
