import type { Region, RegionLevel } from './types'

/**
 * The region catalogue: the regions of the home region (by default 江苏省, its cities and their
 * county-level divisions, data/regions.json; elsewhere a slice of the national catalogue,
 * national.ts), with the tree navigation the maps and roll-ups need and the name resolution the file
 * loaders need.
 *
 * Resolution is exact by design. Text from a spreadsheet is normalised (trimmed, NFKC so that
 * full-width characters become half-width, all whitespace removed) and then matched, in this order,
 * against adcodes, official names and aliases (short forms, prefixed forms, former names). A name that
 * fits several regions (鼓楼区 is in both 南京 and 徐州) is only resolved when a parent is given;
 * otherwise the result is `ambiguous` with the candidates. There is no substring or fuzzy matching.
 *
 * A parent that names a place outside the catalogue (北京市 beside 通州区 in a 江苏 catalogue) is not
 * ignored when the catalogue knows the nation (`world`): the name is then `unknown` here, with the
 * local namesakes as candidates, so the row is reported instead of booked to 南通市通州区.
 */

export type ResolveVia = 'adcode' | 'name' | 'alias'
export type ResolveFailure = 'unknown' | 'ambiguous' | 'empty'

export type ResolveResult =
  | { ok: true; region: Region; via: ResolveVia }
  | { ok: false; reason: ResolveFailure; candidates: Region[] }

export interface ResolveContext {
  /**
   * The parent the text was found under (e.g. the city column of a district sheet), as an adcode,
   * an official name or an alias. It only narrows the candidates: a region directly under it wins,
   * then any region below it. A parent that cannot itself be resolved narrows nothing.
   */
  parent?: string
  /**
   * The deployment's home region (an adcode): among namesakes that nothing else tells apart, the one
   * inside it wins. Defaults to the catalogue's `home`.
   */
  home?: string
}

/** Shape of data/regions.json. */
export interface RegionCatalogueFile {
  version: 1
  source: string
  regions: Region[]
}

const LEVELS: readonly RegionLevel[] = ['country', 'province', 'city', 'district']
const ADCODE = /^\d{6}$/
/** Twelve-digit statistical division code (统计用区划代码) of a county-level or higher unit. */
const STATISTICAL_CODE = /^(\d{6})000000$/
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu

/** Row labels that stand for a total rather than for a region. */
const TOTAL_LABELS: ReadonlySet<string> = new Set(['合计', '总计', '全市', '全区', '全县', '全省', '小计'])

/** Canonical form of user text for matching: NFKC (full-width → half-width), no whitespace at all. */
export function normaliseRegionText(input: string): string {
  return input.normalize('NFKC').replace(INVISIBLE, '')
}

/** True for 合计, 总计, 全市, 全区, 全县, 全省 and 小计 (after normalisation). */
export function isTotalLabel(input: string): boolean {
  return TOTAL_LABELS.has(normaliseRegionText(input))
}

/** The six-digit adcode written in the text (a 6-digit code or a 12-digit code ending in 000000). */
function adcodeIn(key: string): string | undefined {
  if (ADCODE.test(key)) return key
  return STATISTICAL_CODE.exec(key)?.[1]
}

function addTo(index: Map<string, Region[]>, key: string, region: Region): void {
  if (key === '') return
  const list = index.get(key)
  if (list === undefined) index.set(key, [region])
  else if (!list.includes(region)) list.push(region)
}

export class RegionCatalogue {
  private readonly regions: readonly Region[]
  private readonly byAdcode = new Map<string, Region>()
  private readonly positions = new Map<string, number>()
  private readonly childLists = new Map<string, Region[]>()
  private readonly byName = new Map<string, Region[]>()
  private readonly byAlias = new Map<string, Region[]>()
  private readonly byFormerCode = new Map<string, Region>()
  /** The national catalogue, when known: tells a place outside this one from text that is no place. */
  world: RegionCatalogue | undefined
  /** Preferred region among namesakes (see ResolveContext.home). */
  home: string | undefined

  /**
   * @param regions the regions; a region's position in this array is its dense `index`.
   * @throws Error when an adcode is malformed or repeated, a parent is missing, or the parents loop.
   */
  constructor(regions: readonly Region[]) {
    const list: Region[] = []
    regions.forEach((source, i) => {
      const where = `region ${i} (${source.adcode} ${source.name})`
      if (!ADCODE.test(source.adcode)) throw new Error(`${where}: adcode must be six digits`)
      if (this.byAdcode.has(source.adcode)) throw new Error(`${where}: adcode ${source.adcode} appears twice`)
      const aliases = [...source.aliases]
      Object.freeze(aliases)
      const region: Region = Object.freeze({ ...source, aliases })
      list.push(region)
      this.byAdcode.set(region.adcode, region)
      this.positions.set(region.adcode, i)
    })
    this.regions = Object.freeze(list)

    for (const region of list) {
      const where = `region ${region.adcode} (${region.name})`
      if (region.parent !== null) {
        if (region.parent === region.adcode || !this.byAdcode.has(region.parent)) {
          throw new Error(`${where}: parent ${region.parent} is not in the catalogue`)
        }
        const siblings = this.childLists.get(region.parent)
        if (siblings === undefined) this.childLists.set(region.parent, [region])
        else siblings.push(region)
      }
      // Walking up must reach a root within `size` steps, otherwise the parents form a loop.
      let steps = 0
      for (let p = region.parent; p !== null; p = this.byAdcode.get(p)?.parent ?? null) {
        if (++steps > list.length) throw new Error(`${where}: its parents form a loop`)
      }
      addTo(this.byName, normaliseRegionText(region.name), region)
      for (const code of region.formerCodes ?? []) if (!this.byAdcode.has(code)) this.byFormerCode.set(code, region)
    }
    for (const region of list) {
      for (const alias of [region.shortName, ...region.aliases]) {
        const key = normaliseRegionText(alias)
        if (key !== normaliseRegionText(region.name)) addTo(this.byAlias, key, region)
      }
    }
  }

  /** Every region, in catalogue order (province, then each city followed by its districts). */
  get all(): readonly Region[] {
    return this.regions
  }

  get size(): number {
    return this.regions.length
  }

  get(adcode: string): Region | undefined {
    return this.byAdcode.get(adcode)
  }

  has(adcode: string): boolean {
    return this.byAdcode.has(adcode)
  }

  /** Direct children in catalogue order; empty for a leaf or an unknown adcode. */
  children(adcode: string): readonly Region[] {
    return this.childLists.get(adcode) ?? []
  }

  parentOf(adcode: string): Region | undefined {
    const parent = this.byAdcode.get(adcode)?.parent
    return parent == null ? undefined : this.byAdcode.get(parent)
  }

  /** Ancestors from the root down to the parent (江苏省, 扬州市 for 江都区); empty for the root. */
  ancestors(adcode: string): Region[] {
    const out: Region[] = []
    for (let p = this.parentOf(adcode); p !== undefined; p = this.parentOf(p.adcode)) out.push(p)
    return out.reverse()
  }

  level(adcode: string): RegionLevel | undefined {
    return this.byAdcode.get(adcode)?.level
  }

  /** Number of ancestors: 0 for the province, 1 for a city, 2 for a district. */
  depth(adcode: string): number | undefined {
    return this.byAdcode.has(adcode) ? this.ancestors(adcode).length : undefined
  }

  /** Dense integer code of a region (its position in `all`), for columnar storage. */
  index(adcode: string): number | undefined {
    return this.positions.get(adcode)
  }

  /** The region with dense code `code` (inverse of `index`). */
  at(code: number): Region | undefined {
    return Number.isInteger(code) ? this.regions[code] : undefined
  }

  isTotalLabel(input: string): boolean {
    return isTotalLabel(input)
  }

  /**
   * Resolves text from a file to one region: adcode first (also a 12-digit statistical code ending
   * in 000000), then the official name, then aliases. An adcode is exact and ignores the context.
   */
  resolve(input: string, context?: ResolveContext): ResolveResult {
    const key = normaliseRegionText(input)
    if (key === '') return { ok: false, reason: 'empty', candidates: [] }

    const code = adcodeIn(key)
    if (code !== undefined) {
      const region = this.byAdcode.get(code) ?? this.byFormerCode.get(code)
      return region
        ? { ok: true, region, via: 'adcode' }
        : { ok: false, reason: 'unknown', candidates: [] }
    }

    const parent = this.contextParent(context)
    if (parent === null) {
      // The parent is a real place outside this catalogue: whatever matches here contradicts it.
      const local = [...(this.byName.get(key) ?? []), ...(this.byAlias.get(key) ?? [])]
      return { ok: false, reason: 'unknown', candidates: [...new Set(local)] }
    }
    const home = context?.home ?? this.home
    const elsewhere: Region[] = []
    const stages: ReadonlyArray<[Exclude<ResolveVia, 'adcode'>, Map<string, Region[]>]> = [
      ['name', this.byName],
      ['alias', this.byAlias],
    ]
    for (const [via, index] of stages) {
      const matches = index.get(key) ?? []
      let narrowed = this.narrow(matches, parent)
      if (narrowed.length > 1 && home !== undefined) {
        const inHome = narrowed.filter((m) => m.adcode === home || this.ancestors(m.adcode).some((a) => a.adcode === home))
        if (inHome.length > 0) narrowed = inHome
      }
      const [first] = narrowed
      if (narrowed.length === 1 && first !== undefined) return { ok: true, region: first, via }
      if (narrowed.length > 1) return { ok: false, reason: 'ambiguous', candidates: narrowed }
      for (const m of matches) if (!elsewhere.includes(m)) elsewhere.push(m)
    }
    // Nothing under the given parent; the candidates are the matches found elsewhere, if any.
    return { ok: false, reason: 'unknown', candidates: elsewhere }
  }

  /**
   * Every region the text may stand for, whatever the context: the region of an adcode, else the
   * regions of that official name together with those of that alias. Empty for text that is no place.
   */
  candidates(input: string): Region[] {
    const key = normaliseRegionText(input)
    if (key === '') return []
    const code = adcodeIn(key)
    if (code !== undefined) {
      const region = this.byAdcode.get(code) ?? this.byFormerCode.get(code)
      return region ? [region] : []
    }
    return [...new Set([...(this.byName.get(key) ?? []), ...(this.byAlias.get(key) ?? [])])]
  }

  /** True when `adcode` is `within` or lies below it. */
  isWithin(adcode: string, within: string): boolean {
    return adcode === within || this.ancestors(adcode).some((a) => a.adcode === within)
  }

  /** The parent region; undefined when none is given or the text is no place; null for a place outside. */
  private contextParent(context: ResolveContext | undefined): Region | undefined | null {
    const text = context?.parent
    if (text === undefined) return undefined
    const parent = this.resolve(text)
    if (parent.ok) return parent.region
    const there = this.world?.resolve(text)
    return there !== undefined && (there.ok || there.reason === 'ambiguous') ? null : undefined
  }

  /**
   * The catalogue of `root` and everything below it, `root` becoming the root: what a deployment
   * whose home region is `root` works with. Dense indexes are positions in the new catalogue.
   */
  subtree(root: string): RegionCatalogue {
    const top = this.byAdcode.get(root)
    if (!top) throw new Error(`region ${root} is not in the catalogue`)
    const keep = this.regions.filter((r) => r === top || this.ancestors(r.adcode).includes(top))
    const sub = new RegionCatalogue(keep.map((r) => (r === top ? { ...r, parent: null } : r)))
    sub.world = this.world ?? this
    return sub
  }

  /** Keeps the matches directly under `parent`, or failing that the matches anywhere below it. */
  private narrow(matches: readonly Region[], parent: Region | undefined): Region[] {
    if (parent === undefined) return [...matches]
    const direct = matches.filter((m) => m.parent === parent.adcode)
    if (direct.length > 0) return direct
    return matches.filter((m) => this.ancestors(m.adcode).includes(parent))
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function isLevel(value: unknown): value is RegionLevel {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value)
}

/** Describes what is wrong with one catalogue entry, or returns null when it is a valid Region. */
function regionProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'is not an object'
  if (typeof value.adcode !== 'string' || !ADCODE.test(value.adcode)) return '"adcode" must be a six-digit string'
  for (const field of ['name', 'shortName', 'nameEn'] as const) {
    const text = value[field]
    if (typeof text !== 'string' || text.trim() === '') return `"${field}" must be a non-empty string`
  }
  if (value.parent !== null && (typeof value.parent !== 'string' || !ADCODE.test(value.parent))) {
    return '"parent" must be a six-digit string or null'
  }
  if (!isLevel(value.level)) return `"level" must be one of ${LEVELS.join(', ')}`
  if ((value.level === 'province') !== (value.parent === null)) {
    return 'only the province has a null "parent"'
  }
  if (value.formerCodes !== undefined && !(isStringArray(value.formerCodes) && value.formerCodes.every((c) => ADCODE.test(c)))) {
    return '"formerCodes" must be an array of six-digit strings'
  }
  if (!isStringArray(value.aliases)) return '"aliases" must be an array of strings'
  return null
}

export function isRegion(value: unknown): value is Region {
  return regionProblem(value) === null
}

function describeEntry(value: unknown, i: number): string {
  if (!isRecord(value)) return `regions[${i}]`
  const label = [value.adcode, value.name].filter((v): v is string => typeof v === 'string').join(' ')
  return label === '' ? `regions[${i}]` : `regions[${i}] (${label})`
}

/**
 * Checks the parsed contents of data/regions.json and builds the catalogue.
 * @throws Error naming the first bad entry and what is wrong with it.
 */
export function loadRegionCatalogue(json: unknown): RegionCatalogue {
  if (!isRecord(json)) throw new Error('region catalogue: expected an object with "version" and "regions"')
  if (json.version !== 1) throw new Error(`region catalogue: unsupported version ${String(json.version)}`)
  if (typeof json.source !== 'string') throw new Error('region catalogue: "source" must be a string')
  if (!Array.isArray(json.regions)) throw new Error('region catalogue: "regions" must be an array')
  const regions: Region[] = []
  json.regions.forEach((entry: unknown, i: number) => {
    const problem = regionProblem(entry)
    if (problem !== null || !isRegion(entry)) {
      throw new Error(`region catalogue: ${describeEntry(entry, i)}: ${problem ?? 'invalid'}`)
    }
    regions.push(entry)
  })
  try {
    return new RegionCatalogue(regions)
  } catch (e) {
    throw new Error(`region catalogue: ${e instanceof Error ? e.message : String(e)}`, { cause: e })
  }
}
