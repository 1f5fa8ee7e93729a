/**
 * The national region catalogue (public/regions/china.json, built by scripts/gen-regions.ts): every
 * province, prefecture and county-level division of China, GB/T 2260 codes. It is large (≈ 3,200
 * regions), so it is never bundled with the first view: it is fetched when a deployment's home region
 * lies outside the bundled 江苏省 catalogue, or when a file names places the bundled one does not know.
 *
 * The file is compact: one row per region, `[adcode, name, shortName, nameEn, parentIndex, level,
 * formerNames?, formerCodes?]` with parentIndex the row of the parent (-1 for a province). The aliases
 * a spreadsheet may use (扬州江都, 扬州市江都区, 河北承德) are derived here by `aliasesOf`, the same rule
 * scripts/gen-regions.ts uses for data/regions.json.
 */
import type { Region, RegionLevel } from './types'
// Type only: the page builds the catalogue itself (RegionCatalogue is in the first view already), so
// this module stays one small chunk of its own.
import type { RegionCatalogue } from './regions'

export type NationalRow = [string, string, string, string, number, 0 | 1 | 2, string[]?, string[]?]

export interface NationalCatalogueFile {
  version: 2
  source: string
  regions: NationalRow[]
}

const LEVELS: readonly RegionLevel[] = ['province', 'city', 'district']

/** Code of the whole country, the root above the provinces (GB/T 2260 has none; 100000 is the usual one). */
export const CHINA = '100000'
const COUNTRY: Region = { adcode: CHINA, name: '全国', shortName: '全国', nameEn: 'China', parent: null, level: 'country', aliases: ['中国', '中华人民共和国'] }

/** Names a region goes by besides its official one, given its parent (null for a province). */
export function aliasesOf(name: string, shortName: string, parent: Pick<Region, 'name' | 'shortName' | 'level'> | null, former: readonly string[] = []): string[] {
  const forms = [shortName]
  if (parent && parent.level !== 'country') {
    forms.push(`${parent.name}${name}`, `${parent.shortName}${name}`, `${parent.shortName}${shortName}`)
  }
  for (const f of former) {
    forms.push(f)
    // Spreadsheets carry the parent in front of an old name too: 南通市港闸区.
    if (parent && parent.level !== 'province' && /(省|市|区|县)$/.test(f)) forms.push(`${parent.name}${f}`, `${parent.shortName}${f}`)
  }
  const out: string[] = []
  for (const f of forms) if (f !== name && !out.includes(f)) out.push(f)
  return out
}

function isRow(value: unknown): value is NationalRow {
  return (
    Array.isArray(value) &&
    value.length >= 6 &&
    typeof value[0] === 'string' &&
    /^\d{6}$/.test(value[0]) &&
    [1, 2, 3].every((i) => typeof value[i] === 'string' && value[i] !== '') &&
    Number.isInteger(value[4]) &&
    [0, 1, 2].includes(value[5] as number)
  )
}

/**
 * Expands the compact national file into regions, under one root: 全国 (CHINA).
 * @throws Error naming the first bad row.
 */
export function nationalRegions(json: unknown): Region[] {
  const file = json as Partial<NationalCatalogueFile> | null
  if (file?.version !== 2 || !Array.isArray(file.regions)) throw new Error('national catalogue: expected { version: 2, regions: [...] }')
  const out: Region[] = [COUNTRY]
  file.regions.forEach((row: unknown, i) => {
    if (!isRow(row)) throw new Error(`national catalogue: row ${i} is malformed`)
    const [adcode, name, shortName, nameEn, parentIndex, level, former, formerCodes] = row
    const parent = parentIndex >= 0 ? out[parentIndex + 1] : COUNTRY
    if (parent === undefined) throw new Error(`national catalogue: row ${i} (${adcode}) has its parent after it`)
    out.push({
      adcode,
      name,
      shortName,
      nameEn,
      parent: parent.adcode,
      level: LEVELS[level]!,
      aliases: aliasesOf(name, shortName, parent, former),
      ...(formerCodes?.length ? { formerCodes } : {}),
    })
  })
  return out
}

/**
 * The smallest region that contains all of `adcodes` (their lowest common ancestor), or undefined
 * when they lie in different provinces or the list is empty.
 */
export function smallestContaining(catalogue: Pick<RegionCatalogue, 'get' | 'ancestors'>, adcodes: Iterable<string>): Region | undefined {
  let path: Region[] | undefined
  for (const code of adcodes) {
    const region = catalogue.get(code)
    if (!region) continue
    const own = [...catalogue.ancestors(code), region]
    if (path === undefined) path = own
    else {
      let k = 0
      while (k < path.length && k < own.length && path[k] === own[k]) k++
      path = path.slice(0, k)
    }
  }
  return path?.at(-1)
}
