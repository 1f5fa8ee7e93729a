/**
 * Where one row of a file lies, from everything the row says about it: a region code, a region name,
 * the city column (所属市) and the province column (省份). The rules:
 *
 *   - the code decides; a province, city or name in the row that says otherwise is a conflict,
 *     reported beside the booked row (never dropped unseen);
 *   - without a code, the name is looked up within the city, else within the province: 通州区 with
 *     省份 北京 is 北京市通州区, 鼓楼区 with 省 福建省 is 福州市鼓楼区 (the only one in 福建);
 *   - a city that does not lie in the row's province (阜新市 with 江苏), or a name that does not lie
 *     in the place the row names (海州区 with 南京市), is a conflict and the row is not booked;
 *   - a province or city outside the catalogue (北京 in a 江苏 deployment) is a place elsewhere: the
 *     name is then unknown here, never booked to a local namesake;
 *   - a province of the whole catalogue or above it (江苏 in a 无锡市 deployment) narrows nothing,
 *     and neither does text that is no province or city at all.
 */
import type { RegionCatalogue, ResolveVia } from './regions'
import type { Region } from './types'

/** The texts of one row; '' where the file has no such column or the cell is empty. */
export interface RowPlaceText {
  code: string
  name: string
  city: string
  province: string
}

export type PlaceField = 'name' | 'city' | 'province'

/** A column of the row that names a place other than the one the row is booked to (or would be). */
export interface PlaceConflict {
  field: PlaceField
  /** The cell as written. */
  text: string
  /** What the cell names, in full (辽宁省阜新市), or the regions it names (南京市鼓楼区、徐州市鼓楼区). */
  names: string
  /** The region it contradicts, in full (江苏省南通市通州区, or 江苏省 for a city outside the province). */
  against: string
  /** The column whose region it contradicts: the code for a booked row, else the province or city. */
  againstField: 'code' | PlaceField
}

export type RowPlace =
  | { ok: true; region: Region; via: ResolveVia; conflicts: PlaceConflict[] }
  | { ok: false; reason: 'unknown' | 'ambiguous' | 'empty'; candidates: Region[] }
  | { ok: false; reason: 'conflict'; conflict: PlaceConflict; candidates: Region[] }

/** What a province or city cell points at. */
type Context =
  | { kind: 'none' }
  /** A region of this catalogue, as the row's catalogue knows it. */
  | { kind: 'here'; region: Region }
  /** The catalogue's root or a region above it: everything here lies in it. */
  | { kind: 'above'; region: Region }
  /** A region outside this catalogue (known to the national one). */
  | { kind: 'elsewhere'; region: Region }

const CONTEXT_LEVELS = { province: [['province']], city: [['city'], ['province']] } as const

/** The region's name with its parents in front, the country left out: 辽宁省阜新市. */
export function fullName(catalogue: RegionCatalogue, region: Region): string {
  return [...catalogue.ancestors(region.adcode).filter((a) => a.level !== 'country'), region].map((r) => r.name).join('')
}

function rootOf(catalogue: RegionCatalogue): Region | undefined {
  return catalogue.all[0]
}

/**
 * The one candidate of the first level list that has any: among those inside `within` when there
 * are such (吉林市 beside 省份 吉林), else among all (阜新市 beside 江苏 is still 阜新市, and contradicts it).
 */
function pick(catalogue: RegionCatalogue, text: string, field: 'province' | 'city', within?: Region): Region | undefined {
  const all = catalogue.candidates(text)
  const inside = within && catalogue.has(within.adcode) ? all.filter((r) => catalogue.isWithin(r.adcode, within.adcode)) : []
  for (const list of inside.length > 0 ? [inside, all] : [all]) {
    for (const levels of CONTEXT_LEVELS[field]) {
      const fit = list.filter((r) => (levels as readonly string[]).includes(r.level))
      if (fit.length === 1) return fit[0]
      if (fit.length > 1) break
    }
  }
  return undefined
}

function contextOf(catalogue: RegionCatalogue, text: string, field: 'province' | 'city', within?: Context): Context {
  if (text === '') return { kind: 'none' }
  const inside = within && within.kind !== 'none' ? within.region : undefined
  const here = pick(catalogue, text, field, inside)
  if (here) return { kind: 'here', region: here }
  const world = catalogue.world
  const root = rootOf(catalogue)
  if (!world || !root) return { kind: 'none' }
  const there = pick(world, text, field, inside)
  if (!there) return { kind: 'none' }
  return world.isWithin(root.adcode, there.adcode) ? { kind: 'above', region: there } : { kind: 'elsewhere', region: there }
}

/** The catalogue that knows both regions (the national one when either lies outside this one). */
function knower(catalogue: RegionCatalogue, ...regions: Region[]): RegionCatalogue {
  return regions.every((r) => catalogue.has(r.adcode)) ? catalogue : (catalogue.world ?? catalogue)
}

function lies(catalogue: RegionCatalogue, region: Region, within: Region): boolean {
  return knower(catalogue, region, within).isWithin(region.adcode, within.adcode)
}

function named(catalogue: RegionCatalogue, region: Region): string {
  return fullName(knower(catalogue, region), region)
}

/**
 * The name's own reading when a code decides: the regions it names (with the row's city) when the
 * coded one is not among them, else null. A name that matches nothing says nothing against the code.
 */
function nameAgainstCode(catalogue: RegionCatalogue, coded: Region, name: string, city: string): string | null {
  if (!name) return null
  const r = catalogue.resolve(name, city ? { parent: city } : undefined)
  if (r.ok) return r.region.adcode === coded.adcode ? null : `${catalogue.parentOf(r.region.adcode)?.name ?? ''}${r.region.name}`
  if (r.reason !== 'ambiguous' || r.candidates.some((c) => c.adcode === coded.adcode)) return null
  return r.candidates.map((c) => `${catalogue.parentOf(c.adcode)?.name ?? ''}${c.name}`).join('、')
}

/** Places one row: see the rules at the top of this file. */
export function placeRow(catalogue: RegionCatalogue, row: RowPlaceText): RowPlace {
  const province = contextOf(catalogue, row.province, 'province')
  const city = contextOf(catalogue, row.city, 'city', province)
  // The row's own columns first: a city that is not in the row's province.
  let columnsDisagree: PlaceConflict | undefined
  if (city.kind !== 'none' && province.kind !== 'none' && !lies(catalogue, city.region, province.region)) {
    columnsDisagree = { field: 'city', text: row.city, names: named(catalogue, city.region), against: named(catalogue, province.region), againstField: 'province' }
  }

  const coded = row.code ? catalogue.resolve(row.code) : undefined
  if (coded?.ok) {
    const region = coded.region
    const conflicts: PlaceConflict[] = []
    const against = fullName(catalogue, region)
    for (const [field, ctx, text] of [['province', province, row.province], ['city', city, row.city]] as const) {
      if ((ctx.kind === 'here' || ctx.kind === 'elsewhere') && !lies(catalogue, region, ctx.region)) {
        conflicts.push({ field, text, names: named(catalogue, ctx.region), against, againstField: 'code' })
      }
    }
    const byName = nameAgainstCode(catalogue, region, row.name, row.city)
    if (byName !== null) conflicts.push({ field: 'name', text: row.name, names: byName, against, againstField: 'code' })
    return { ok: true, region, via: coded.via, conflicts }
  }
  if (!row.name) return row.code ? { ok: false, reason: 'unknown', candidates: [] } : { ok: false, reason: 'empty', candidates: [] }
  if (columnsDisagree) return { ok: false, reason: 'conflict', conflict: columnsDisagree, candidates: catalogue.candidates(row.name) }
  // A place outside the catalogue: whatever matches here lies elsewhere than the row says.
  if (city.kind === 'elsewhere' || province.kind === 'elsewhere') return { ok: false, reason: 'unknown', candidates: catalogue.candidates(row.name) }

  const parentField: 'city' | 'province' | null = city.kind === 'here' ? 'city' : province.kind === 'here' ? 'province' : null
  const parent = city.kind === 'here' ? city.region : province.kind === 'here' ? province.region : undefined
  const r = catalogue.resolve(row.name, parent ? { parent: parent.adcode } : undefined)
  if (r.ok) return { ok: true, region: r.region, via: r.via, conflicts: [] }
  if (r.reason === 'unknown' && parent && parentField && r.candidates.length > 0) {
    // The name is a place, but not in the one the row names.
    const names = r.candidates.map((c) => fullName(catalogue, c)).join('、')
    return {
      ok: false,
      reason: 'conflict',
      conflict: { field: 'name', text: row.name, names, against: fullName(catalogue, parent), againstField: parentField },
      candidates: r.candidates,
    }
  }
  return r
}
