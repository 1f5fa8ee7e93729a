/**
 * The bundled sample data set: 95 county-level divisions of 江苏省 × 2019–2024 × every indicator of
 * data/indicators.json, plus monthly 帮扶慰问金额 for every division.
 *
 * Everything here is a pure function of the constants below: no clock, no Math.random, no file
 * reads (the indicator catalogue is imported), so two runs give byte-identical files. Each series
 * draws from its own seeded stream (mulberry32 seeded by FNV-1a of `SEED|district|indicator`), so
 * changing one series never shifts the others.
 *
 * All rows are synthetic (source 示例数据) except the figures published for 无锡市锡山区 (PUBLISHED).
 * The synthetic series of a published indicator are scaled so that they meet the published figure
 * without a jump, and the published figure replaces the synthetic one in its year.
 */
import indicatorFile from '../../data/indicators.json'
import { SAMPLE_SOURCE } from '../../src/domain/types'
import type { Indicator } from '../../src/domain/types'

export const SEED = 20231231
export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const
export const CSV_HEADER = 'region_code,region,period,indicator,value,source'
export const MONTHLY_INDICATOR = 'relief_amount'

export const PUBLISHED_SOURCE = '江苏工人报《主席论坛》2023'
export const PUBLISHED_DERIVED_SOURCE = '江苏工人报《主席论坛》2023（据“较上年增加约6000人”推算）'

export interface PublishedFigure {
  regionCode: string
  year: number
  indicator: string
  value: number
  source: string
}

const XISHAN = '320205'

/** Figures published for 无锡市锡山区; every other value in the sample is synthetic. */
export const PUBLISHED: readonly PublishedFigure[] = [
  ...(
    [
      ['petitions_handled', 28],
      ['legal_aid_cases', 60],
      ['national_provincial_honours', 7],
      ['municipal_honours', 47],
      ['may_day_medals', 55],
      ['team_leaders_trained', 400],
      ['innovation_results', 38],
      ['skill_contests', 10],
      ['hardship_households', 36],
      ['relief_amount', 36],
      ['model_workers_supported', 491],
      ['model_worker_funds', 56],
      ['mutual_insurance_enrolled', 20270],
      ['outdoor_stations', 6],
      ['care_jobs', 132],
      ['matchmaking_participants', 360],
    ] as const
  ).map(([indicator, value]) => ({ regionCode: XISHAN, year: 2023, indicator, value, source: PUBLISHED_SOURCE })),
  { regionCode: XISHAN, year: 2022, indicator: 'mutual_insurance_enrolled', value: 14270, source: PUBLISHED_DERIVED_SOURCE },
]

// ---------------------------------------------------------------------------------------------
// Districts and the size model
// ---------------------------------------------------------------------------------------------

/**
 * Size tier of a division, by economic weight rather than administrative status:
 * hub = large industrial district or county-level city (江宁, 昆山, 江阴 …), city = other
 * county-level cities and large counties, district = other districts, core = old city centre,
 * county = rural county.
 */
export type SizeTier = 'hub' | 'city' | 'district' | 'core' | 'county'

export const TIER_FACTOR: Readonly<Record<SizeTier, number>> = {
  hub: 1.7,
  city: 1.2,
  district: 1.0,
  core: 0.9,
  county: 0.7,
}

/** Workers (职工总数, 2019) of a typical district of each city, before the tier and seeded factor. */
export const CITY_SCALE: Readonly<Record<string, { name: string; scale: number }>> = {
  '320100': { name: '南京市', scale: 230_000 },
  '320200': { name: '无锡市', scale: 250_000 },
  '320300': { name: '徐州市', scale: 130_000 },
  '320400': { name: '常州市', scale: 200_000 },
  '320500': { name: '苏州市', scale: 300_000 },
  '320600': { name: '南通市', scale: 170_000 },
  '320700': { name: '连云港市', scale: 85_000 },
  '320800': { name: '淮安市', scale: 90_000 },
  '320900': { name: '盐城市', scale: 110_000 },
  '321000': { name: '扬州市', scale: 130_000 },
  '321100': { name: '镇江市', scale: 120_000 },
  '321200': { name: '泰州市', scale: 130_000 },
  '321300': { name: '宿迁市', scale: 90_000 },
}

/** Seeded factor applied to each division's size: uniform in [SIZE_FACTOR_MIN, SIZE_FACTOR_MAX). */
export const SIZE_FACTOR_MIN = 0.8
export const SIZE_FACTOR_MAX = 1.25
export const SIZE_MIN = 40_000
export const SIZE_MAX = 560_000

export interface District {
  adcode: string
  name: string
  tier: SizeTier
}

/** The 95 county-level divisions of 江苏省 (GB/T 2260), as drawn by the boundary files. */
export const DISTRICTS: readonly District[] = (
  [
    // 南京市
    ['320102', '玄武区', 'core'],
    ['320104', '秦淮区', 'core'],
    ['320105', '建邺区', 'district'],
    ['320106', '鼓楼区', 'core'],
    ['320111', '浦口区', 'district'],
    ['320113', '栖霞区', 'district'],
    ['320114', '雨花台区', 'district'],
    ['320115', '江宁区', 'hub'],
    ['320116', '六合区', 'district'],
    ['320117', '溧水区', 'district'],
    ['320118', '高淳区', 'district'],
    // 无锡市
    ['320205', '锡山区', 'district'],
    ['320206', '惠山区', 'district'],
    ['320211', '滨湖区', 'district'],
    ['320213', '梁溪区', 'core'],
    ['320214', '新吴区', 'hub'],
    ['320281', '江阴市', 'hub'],
    ['320282', '宜兴市', 'city'],
    // 徐州市
    ['320302', '鼓楼区', 'core'],
    ['320303', '云龙区', 'core'],
    ['320305', '贾汪区', 'county'],
    ['320311', '泉山区', 'core'],
    ['320312', '铜山区', 'district'],
    ['320321', '丰县', 'county'],
    ['320322', '沛县', 'county'],
    ['320324', '睢宁县', 'county'],
    ['320381', '新沂市', 'city'],
    ['320382', '邳州市', 'city'],
    // 常州市
    ['320402', '天宁区', 'core'],
    ['320404', '钟楼区', 'core'],
    ['320411', '新北区', 'district'],
    ['320412', '武进区', 'hub'],
    ['320413', '金坛区', 'district'],
    ['320481', '溧阳市', 'city'],
    // 苏州市
    ['320505', '虎丘区', 'district'],
    ['320506', '吴中区', 'district'],
    ['320507', '相城区', 'district'],
    ['320508', '姑苏区', 'core'],
    ['320509', '吴江区', 'district'],
    ['320581', '常熟市', 'city'],
    ['320582', '张家港市', 'city'],
    ['320583', '昆山市', 'hub'],
    ['320585', '太仓市', 'city'],
    // 南通市
    ['320612', '通州区', 'district'],
    ['320613', '崇川区', 'core'],
    ['320614', '海门区', 'district'],
    ['320623', '如东县', 'county'],
    ['320681', '启东市', 'city'],
    ['320682', '如皋市', 'city'],
    ['320685', '海安市', 'city'],
    // 连云港市
    ['320703', '连云区', 'core'],
    ['320706', '海州区', 'core'],
    ['320707', '赣榆区', 'district'],
    ['320722', '东海县', 'county'],
    ['320723', '灌云县', 'county'],
    ['320724', '灌南县', 'county'],
    // 淮安市
    ['320803', '淮安区', 'district'],
    ['320804', '淮阴区', 'district'],
    ['320812', '清江浦区', 'core'],
    ['320813', '洪泽区', 'county'],
    ['320826', '涟水县', 'county'],
    ['320830', '盱眙县', 'county'],
    ['320831', '金湖县', 'county'],
    // 盐城市
    ['320902', '亭湖区', 'core'],
    ['320903', '盐都区', 'district'],
    ['320904', '大丰区', 'district'],
    ['320921', '响水县', 'county'],
    ['320922', '滨海县', 'county'],
    ['320923', '阜宁县', 'county'],
    ['320924', '射阳县', 'county'],
    ['320925', '建湖县', 'county'],
    ['320981', '东台市', 'city'],
    // 扬州市
    ['321002', '广陵区', 'core'],
    ['321003', '邗江区', 'district'],
    ['321012', '江都区', 'district'],
    ['321023', '宝应县', 'county'],
    ['321081', '仪征市', 'city'],
    ['321084', '高邮市', 'city'],
    // 镇江市
    ['321102', '京口区', 'core'],
    ['321111', '润州区', 'core'],
    ['321112', '丹徒区', 'county'],
    ['321181', '丹阳市', 'city'],
    ['321182', '扬中市', 'county'],
    ['321183', '句容市', 'city'],
    // 泰州市
    ['321202', '海陵区', 'core'],
    ['321203', '高港区', 'district'],
    ['321204', '姜堰区', 'district'],
    ['321281', '兴化市', 'city'],
    ['321282', '靖江市', 'city'],
    ['321283', '泰兴市', 'city'],
    // 宿迁市
    ['321302', '宿城区', 'core'],
    ['321311', '宿豫区', 'district'],
    ['321322', '沭阳县', 'city'],
    ['321323', '泗阳县', 'county'],
    ['321324', '泗洪县', 'county'],
  ] as const
).map(([adcode, name, tier]) => ({ adcode, name, tier }))

export function cityOf(adcode: string): string {
  return `${adcode.slice(0, 4)}00`
}

// ---------------------------------------------------------------------------------------------
// Seeded random streams
// ---------------------------------------------------------------------------------------------

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

interface Stream {
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number
  /** Integer uniform in [lo, hi]. */
  int(lo: number, hi: number): number
}

function stream(...key: string[]): Stream {
  const next = mulberry32(fnv1a([String(SEED), ...key].join('|')))
  return {
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}

function at<T>(xs: readonly T[], i: number): T {
  const v = xs[i]
  if (v === undefined) throw new Error(`index ${i} out of range`)
  return v
}

/** 2019 size (职工总数) of a division: city scale × tier factor × seeded factor, rounded to 10. */
export function districtSize(d: District): number {
  const city = CITY_SCALE[cityOf(d.adcode)]
  if (!city) throw new Error(`no city scale for ${d.adcode}`)
  const f = stream(d.adcode, 'size').uniform(SIZE_FACTOR_MIN, SIZE_FACTOR_MAX)
  return Math.round(clamp(city.scale * TIER_FACTOR[d.tier] * f, SIZE_MIN, SIZE_MAX) / 10) * 10
}

// ---------------------------------------------------------------------------------------------
// Series models
// ---------------------------------------------------------------------------------------------

type Series = number[]

/**
 * A flow or stock count that moves by (trend + noise) a year: base × per-100k rate × a seeded level
 * factor in 2019, then a random walk. With the default noise the year-on-year change is about
 * −3% … +9% around a gentle upward trend.
 */
function walk(s: Stream, start: number, trend: number, noise = 0.06): Series {
  const out: Series = [start * s.uniform(0.85, 1.15)]
  for (let i = 1; i < YEARS.length; i++) out.push(at(out, i - 1) * (1 + trend + s.uniform(-noise, noise)))
  return out
}

/** Small counts (honours, contests) drawn each year around a slowly rising level. */
function draws(s: Stream, level: number, trend: number, spread: number): Series {
  const l = level * s.uniform(0.85, 1.15)
  return YEARS.map((_, i) => l * (1 + trend) ** i * s.uniform(1 - spread, 1 + spread))
}

/** Per-district latent (unrounded) series of every indicator, in the indicator's unit. */
interface DistrictModel {
  total: number[]
  stable: number[]
  skilled: number[]
  /** wage growth in tenths of a percentage point */
  wageTenths: number[]
  latent: Record<string, Series>
}

/** Year effect on negotiated wage growth (points): a dip in 2020. */
const WAGE_YEAR_EFFECT = [0.2, -1.0, 0.3, -0.3, 0, -0.1]

function modelDistrict(d: District): DistrictModel {
  const size = districtSize(d)
  const per100k = size / 100_000
  const key = (name: string): Stream => stream(d.adcode, name)

  // 职工总数: +1.2%/year on average, slight dip in 2020.
  const sT = key('total_workers')
  const total: number[] = [size]
  for (let i = 1; i < YEARS.length; i++) {
    const g = 0.012 + sT.uniform(-0.015, 0.02) + (YEARS[i] === 2020 ? -0.01 : 0)
    total.push(Math.round(at(total, i - 1) * (1 + g)))
  }

  // Rates as a bounded walk; counts derived from them, so stable ≤ total and skilled ≤ total.
  const rateWalk = (s: Stream, lo0: number, hi0: number, step: number, jitter: number, lo: number, hi: number) => {
    const r: number[] = [s.uniform(lo0, hi0)]
    for (let i = 1; i < YEARS.length; i++) r.push(clamp(at(r, i - 1) + step + s.uniform(-jitter, jitter), lo, hi))
    return r
  }
  const stability = rateWalk(key('worker_stability_rate'), 87.5, 92.5, 0.25, 0.8, 85.2, 94.8)
  const upgrade = rateWalk(key('skill_upgrade_rate'), 57, 70, 0.8, 0.65, 55.2, 79.8)
  const stable = total.map((t, i) => Math.round((t * at(stability, i)) / 100))
  const skilled = total.map((t, i) => Math.round((t * at(upgrade, i)) / 100))

  const sW = key('wage_growth')
  const wageBase = sW.uniform(4.6, 6.6)
  const wageTenths = YEARS.map((_, i) =>
    Math.round(clamp(wageBase + at(WAGE_YEAR_EFFECT, i) + sW.uniform(-0.5, 0.5), 3.0, 8.0) * 10),
  )

  const supported = walk(key('model_workers_supported'), 190 * per100k, 0.02, 0.04)
  const sF = key('model_worker_funds')
  const perHead = sF.uniform(0.1, 0.125)
  const sM = key('mutual_insurance_enrolled')
  let coverage = sM.uniform(0.05, 0.1)
  const mutual: Series = []
  for (let i = 0; i < YEARS.length; i++) {
    if (i > 0) coverage *= 1 + 0.08 + sM.uniform(-0.03, 0.04)
    mutual.push(at(total, i) * coverage)
  }

  const latent: Record<string, Series> = {
    collective_contracts: walk(key('collective_contracts'), 220 * per100k, 0.02),
    petitions_handled: walk(key('petitions_handled'), 12 * per100k, 0.02),
    legal_aid_cases: walk(key('legal_aid_cases'), 22 * per100k, 0.03),
    national_provincial_honours: draws(key('national_provincial_honours'), 1 + 2.4 * per100k, 0.03, 0.4),
    municipal_honours: draws(key('municipal_honours'), 4 + 16 * per100k, 0.02, 0.12),
    may_day_medals: draws(key('may_day_medals'), 3 + 18 * per100k, 0.02, 0.12),
    team_leaders_trained: walk(key('team_leaders_trained'), 150 * per100k, 0.04),
    innovation_results: walk(key('innovation_results'), 14 * per100k, 0.05),
    skill_contests: draws(key('skill_contests'), 3 + 2.5 * per100k, 0.03, 0.25),
    // Fewer households in hardship over the years (解困脱困).
    hardship_households: walk(key('hardship_households'), 15 * per100k, -0.02),
    relief_amount: walk(key('relief_amount'), 14 * per100k, 0.04),
    model_workers_supported: supported,
    model_worker_funds: supported.map((n, i) => n * perHead * 1.02 ** i),
    mutual_insurance_enrolled: mutual,
    // A stock of stations that only grows (+2% … +12% a year).
    outdoor_stations: walk(key('outdoor_stations'), 1 + 2 * per100k, 0.07, 0.05),
    care_jobs: walk(key('care_jobs'), 50 * per100k, 0.05),
    matchmaking_participants: walk(key('matchmaking_participants'), 140 * per100k, 0.04),
  }
  return { total, stable, skilled, wageTenths, latent }
}

/**
 * Scales a latent series to meet published figures: years before the first published year by
 * (first figure ÷ latent), years after the last by (last figure ÷ latent), years between two
 * published years by linear interpolation of the two factors. Published years themselves are
 * replaced by the caller.
 */
function anchor(series: Series, figures: ReadonlyMap<number, number>): Series {
  const idx = [...figures.keys()].map((y) => YEARS.indexOf(y as (typeof YEARS)[number])).sort((a, b) => a - b)
  if (idx.length === 0) return series
  const factor = (i: number) => {
    const y = at(YEARS, i)
    const v = figures.get(y)
    if (v === undefined) throw new Error(`no figure for ${y}`)
    return v / at(series, i)
  }
  const first = at(idx, 0)
  const last = at(idx, idx.length - 1)
  return series.map((v, i) => {
    if (i <= first) return v * factor(first)
    if (i >= last) return v * factor(last)
    let lo = first
    for (const j of idx) if (j <= i) lo = j
    const hi = idx.find((j) => j > i) ?? last
    const t = (i - lo) / (hi - lo)
    return v * (factor(lo) * (1 - t) + factor(hi) * t)
  })
}

// ---------------------------------------------------------------------------------------------
// Missing cells
// ---------------------------------------------------------------------------------------------

/** Programmes some federations only started reporting later. */
const LATE_START = [
  'innovation_results',
  'care_jobs',
  'outdoor_stations',
  'matchmaking_participants',
  'mutual_insurance_enrolled',
  'team_leaders_trained',
] as const

/** Indicators a federation may leave blank in one year's return. */
const GAP_CANDIDATES = [
  'stable_workers',
  'skilled_upgraded_workers',
  'collective_contracts',
  'petitions_handled',
  'legal_aid_cases',
  'municipal_honours',
  'team_leaders_trained',
  'innovation_results',
  'skill_contests',
  'hardship_households',
  'model_workers_supported',
  'model_worker_funds',
  'care_jobs',
  'matchmaking_participants',
] as const

/** Number of divisions with gaps in their returns. */
export const DISTRICTS_WITH_GAPS = 20

/**
 * Cells (`adcode|year|indicator`) written with an empty value. Never 职工总数 (the denominator and
 * weight of the rates) nor 帮扶慰问金额 (its monthly series must add up to the annual value), never
 * a published figure; a rate is blank whenever its numerator is.
 */
function missingCells(published: ReadonlySet<string>): Set<string> {
  const s = stream('missing')
  const order = DISTRICTS.map((d) => d.adcode)
  for (let i = order.length - 1; i > 0; i--) {
    const j = s.int(0, i)
    const a = at(order, i)
    order[i] = at(order, j)
    order[j] = a
  }
  const out = new Set<string>()
  const add = (adcode: string, year: number, indicator: string) => {
    const cell = `${adcode}|${year}|${indicator}`
    if (!published.has(cell)) out.add(cell)
  }
  for (const adcode of order.slice(0, DISTRICTS_WITH_GAPS)) {
    const patterns = s.int(2, 3)
    for (let p = 0; p < patterns; p++) {
      if (s.uniform(0, 1) < 0.5) {
        // Late start: one programme not reported in the first 1–3 years.
        const ind = at(LATE_START, s.int(0, LATE_START.length - 1))
        const years = s.int(1, 3)
        for (let i = 0; i < years; i++) add(adcode, at(YEARS, i), ind)
      } else {
        // Gap year: 2–4 indicators left blank in one year's return.
        const year = at(YEARS, s.int(0, YEARS.length - 1))
        const n = s.int(2, 4)
        for (let k = 0; k < n; k++) add(adcode, year, at(GAP_CANDIDATES, s.int(0, GAP_CANDIDATES.length - 1)))
      }
    }
  }
  const derived: Array<[string, string]> = [
    ['stable_workers', 'worker_stability_rate'],
    ['skilled_upgraded_workers', 'skill_upgrade_rate'],
  ]
  for (const cell of [...out]) {
    const [adcode, year, ind] = cell.split('|')
    for (const [num, rate] of derived) if (ind === num) out.add(`${adcode}|${year}|${rate}`)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Monthly split of 帮扶慰问金额
// ---------------------------------------------------------------------------------------------

/**
 * 春节 (Spring Festival) dates, month and day. 送温暖 visits run in the 30 days before it, and
 * workers on duty over the holiday are visited in the 10 days from it.
 */
export const SPRING_FESTIVAL: Readonly<Record<number, readonly [number, number]>> = {
  2019: [2, 5],
  2020: [1, 25],
  2021: [2, 12],
  2022: [2, 1],
  2023: [1, 22],
  2024: [2, 10],
  2025: [1, 29],
}

const BASE_WEIGHT = 0.45
/** 送清凉 (summer heat relief), June–August. */
const SUMMER_WEIGHT: Readonly<Record<number, number>> = { 6: 0.15, 7: 0.75, 8: 0.6 }
/** 送温暖 mass spread over the 30 days before the Spring Festival, and the holiday visits after it. */
const WINTER_MASS = 5.0
const WINTER_DAYS = 30
const HOLIDAY_MASS = 1.0
const HOLIDAY_DAYS = 10
/** December start of the 两节 (New Year and Spring Festival) campaign. */
const DECEMBER_WEIGHT = 0.6

/** Seasonal weight of each month (index 0 = January) of a year, before noise. */
export function seasonalWeights(year: number): number[] {
  const w = Array.from({ length: 12 }, (_, m) => BASE_WEIGHT + (SUMMER_WEIGHT[m + 1] ?? 0))
  w[11] = at(w, 11) + DECEMBER_WEIGHT
  for (const festivalYear of [year, year + 1]) {
    const sf = SPRING_FESTIVAL[festivalYear]
    if (!sf) throw new Error(`no Spring Festival date for ${festivalYear}`)
    const day = Date.UTC(festivalYear, sf[0] - 1, sf[1])
    const spread = (from: number, to: number, mass: number) => {
      for (let k = from; k <= to; k++) {
        const dt = new Date(day + k * 86_400_000)
        if (dt.getUTCFullYear() === year) {
          const m = dt.getUTCMonth()
          w[m] = at(w, m) + mass / (to - from + 1)
        }
      }
    }
    spread(-WINTER_DAYS, -1, WINTER_MASS)
    spread(0, HOLIDAY_DAYS - 1, HOLIDAY_MASS)
  }
  return w
}

/** Splits an annual amount in integer tenths over 12 months; the parts add up to it exactly. */
export function splitMonths(totalTenths: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const raw = weights.map((w) => (totalTenths * w) / sum)
  const parts = raw.map((r) => Math.floor(r))
  let rest = totalTenths - parts.reduce((a, b) => a + b, 0)
  const byRemainder = raw.map((r, m) => ({ m, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.m - b.m)
  for (const { m } of byRemainder) {
    if (rest <= 0) break
    parts[m] = at(parts, m) + 1
    rest--
  }
  return parts
}

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

interface CatalogueEntry {
  id: string
  unit: Indicator['unit']
  decimals: number
}

const CATALOGUE = (indicatorFile as unknown as { indicators: CatalogueEntry[] }).indicators

/** A value in integer units of 10^-decimals, formatted without float noise (e.g. 365 → "36.5"). */
function formatScaled(n: number, decimals: number): string {
  if (decimals === 0) return String(n)
  const p = 10 ** decimals
  const sign = n < 0 ? '-' : ''
  const a = Math.abs(n)
  return `${sign}${Math.floor(a / p)}.${String(a % p).padStart(decimals, '0')}`
}

export interface SampleCell {
  regionCode: string
  region: string
  year: number
  indicator: string
  /** In units of 10^-decimals of the indicator (tenths for % and 万元); null = no data. */
  scaled: number | null
  decimals: number
  source: string
}

export interface MonthlyFact {
  region_code: string
  region: string
  period: string
  indicator: string
  value: number
  source: string
}

export interface SampleBuild {
  cells: SampleCell[]
  monthly: MonthlyFact[]
  sizes: ReadonlyMap<string, number>
}

function checkField(s: string): string {
  if (/[",\r\n]/.test(s)) throw new Error(`CSV field needs quoting: ${s}`)
  return s
}

/** Builds every cell of the sample (deterministic). */
export function buildSample(): SampleBuild {
  const publishedByCell = new Map(PUBLISHED.map((p) => [`${p.regionCode}|${p.year}|${p.indicator}`, p]))
  const missing = missingCells(new Set(publishedByCell.keys()))
  const cells: SampleCell[] = []
  const monthly: MonthlyFact[] = []
  const sizes = new Map<string, number>()

  for (const d of [...DISTRICTS].sort((a, b) => a.adcode.localeCompare(b.adcode))) {
    const m = modelDistrict(d)
    sizes.set(d.adcode, at(m.total, 0))

    // Integer values per indicator and year (tenths for % and 万元).
    const scaled = new Map<string, number[]>()
    scaled.set('total_workers', m.total)
    scaled.set('stable_workers', m.stable)
    scaled.set('skilled_upgraded_workers', m.skilled)
    scaled.set(
      'worker_stability_rate',
      m.stable.map((s, i) => Math.round((1000 * s) / at(m.total, i))),
    )
    scaled.set(
      'skill_upgrade_rate',
      m.skilled.map((s, i) => Math.round((1000 * s) / at(m.total, i))),
    )
    scaled.set('wage_growth', m.wageTenths)
    for (const [id, series] of Object.entries(m.latent)) {
      const figures = new Map(
        PUBLISHED.filter((p) => p.regionCode === d.adcode && p.indicator === id).map((p) => [p.year, p.value]),
      )
      const unit = CATALOGUE.find((c) => c.id === id)
      if (!unit) throw new Error(`model for ${id}, which is not in data/indicators.json`)
      const p = 10 ** unit.decimals
      const values = anchor(series, figures).map((v, i) => {
        const fig = figures.get(at(YEARS, i))
        return Math.max(0, Math.round((fig ?? v) * p))
      })
      scaled.set(id, values)
    }

    for (let i = 0; i < YEARS.length; i++) {
      const year = at(YEARS, i)
      for (const ind of CATALOGUE) {
        const series = scaled.get(ind.id)
        if (!series) throw new Error(`data/indicators.json lists ${ind.id}, which the sample does not model`)
        const cell = `${d.adcode}|${year}|${ind.id}`
        const pub = publishedByCell.get(cell)
        cells.push({
          regionCode: d.adcode,
          region: d.name,
          year,
          indicator: ind.id,
          scaled: missing.has(cell) ? null : at(series, i),
          decimals: ind.decimals,
          source: pub ? pub.source : SAMPLE_SOURCE,
        })
      }

      const relief = scaled.get(MONTHLY_INDICATOR)
      if (!relief) throw new Error(`no ${MONTHLY_INDICATOR} series`)
      const s = stream(d.adcode, MONTHLY_INDICATOR, 'monthly', String(year))
      const weights = seasonalWeights(year).map((w) => w * s.uniform(0.85, 1.15))
      splitMonths(at(relief, i), weights).forEach((tenths, mIdx) => {
        monthly.push({
          region_code: d.adcode,
          region: d.name,
          period: `${year}-${String(mIdx + 1).padStart(2, '0')}`,
          indicator: MONTHLY_INDICATOR,
          value: tenths / 10,
          source: SAMPLE_SOURCE,
        })
      })
    }
  }
  return { cells, monthly, sizes }
}

export const MONTHLY_META = {
  description: {
    zh: '江苏省95个县（市、区）2019年1月至2024年12月逐月帮扶慰问金额（万元）示例数据。春节前后（1—2月）及12月为送温暖高峰，7—8月为送清凉，其余月份较低；各县（市、区）每年12个月之和与 sample-annual.csv 中当年帮扶慰问金额一致。',
    en: 'Synthetic monthly relief and support funds (万元, 10,000 yuan) for the 95 county-level divisions of Jiangsu, January 2019 to December 2024. Winter "warmth" visits peak around the Spring Festival (January–February) and in December, summer "cool" visits in July–August, other months are low; the 12 months of each division and year add up to its annual relief_amount in sample-annual.csv.',
  },
  synthetic: true,
  source: SAMPLE_SOURCE,
  indicator: MONTHLY_INDICATOR,
  unit: '万元',
  decimals: 1,
  periods: { from: '2019-01', to: '2024-12' },
  regions: DISTRICTS.length,
  annualFile: 'sample-annual.csv',
  generator: 'scripts/gen-sample.ts',
  seed: SEED,
}

/** The sample files' contents: CSV of annual facts and JSON of monthly relief. Pure. */
export function generateSample(): { csv: string; monthlyJson: string } {
  const { cells, monthly } = buildSample()
  const lines = [CSV_HEADER]
  for (const c of cells) {
    const value = c.scaled === null ? '' : formatScaled(c.scaled, c.decimals)
    lines.push(
      [c.regionCode, c.region, String(c.year), c.indicator, value, c.source].map(checkField).join(','),
    )
  }
  const csv = `${lines.join('\n')}\n`
  const meta = JSON.stringify(MONTHLY_META, null, 2).replace(/\n/g, '\n  ')
  const facts = monthly.map((f) => `    ${JSON.stringify(f)}`).join(',\n')
  const monthlyJson = `{\n  "meta": ${meta},\n  "facts": [\n${facts}\n  ]\n}\n`
  return { csv, monthlyJson }
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}

/** data/README.md, describing the files generateSample() writes. */
export function sampleReadme(): string {
  const { cells, monthly } = buildSample()
  const blank = cells.filter((c) => c.scaled === null).length
  const pct = ((100 * blank) / cells.length).toFixed(2)
  const pubRows = PUBLISHED.map((p) => {
    const dec = CATALOGUE.find((c) => c.id === p.indicator)?.decimals ?? 0
    return `| ${p.regionCode} | 锡山区 | ${p.year} | ${p.indicator} | ${formatScaled(Math.round(p.value * 10 ** dec), dec)} | ${p.source} |`
  })
  const tiers = (Object.entries(TIER_FACTOR) as Array<[SizeTier, number]>).map(([t, f]) => `${t} ×${f}`).join(', ')
  const scales = Object.entries(CITY_SCALE)
    .map(([, c]) => `${c.name} ${thousands(c.scale)}`)
    .join(', ')
  return `# data/

\`README.md\`, \`sample-annual.csv\` and \`sample-monthly.json\` are generated by \`scripts/gen-sample.ts\`;
\`indicators.json\` is maintained by hand and \`regions.json\` is built by \`scripts/gen-regions.ts\`.
Do not edit the generated files by hand: change \`scripts/sample/generate.ts\` and run

\`\`\`sh
npm run gen:sample        # = npx tsx scripts/gen-sample.ts, then npm run gen:sample-table
\`\`\`

The generator is deterministic (seeded PRNG mulberry32, seed **${SEED}**, one stream per
division × indicator; no clock, no \`Math.random\`): running it again gives byte-identical files.

The dashboard does not parse these two files when it opens: it loads \`public/sample/sample-table.bin\`,
the columnar table and load reports the loader makes of them, shaped ahead of time by
\`scripts/gen-sample-table.ts\` (\`npm run gen:sample-table\`, which \`npm run gen:sample\` runs too;
\`src/data/sample-table.spec.ts\` fails while it is stale). The files here stay the source of truth.

## 中文

| 文件 | 内容 |
| --- | --- |
| \`indicators.json\` | 指标目录：类别、名称、单位、口径、小数位、汇总规则（sum / ratio / weighted_mean）、对标值、表头别名 |
| \`regions.json\` | 行政区划目录：省、13个设区市、95个县（市、区），含简称、英文名和曾用名 |
| \`sample-annual.csv\` | 年度示例数据：江苏省95个县（市、区）× 2019—2024年 × 全部${CATALOGUE.length}项指标，共 ${cells.length} 行 |
| \`sample-monthly.json\` | 月度示例数据：各县（市、区）2019-01—2024-12 逐月帮扶慰问金额（relief_amount），共 ${monthly.length} 条 |

**sample-annual.csv**：UTF-8（无 BOM），LF 换行，无引号。列：

- \`region_code\`：县级行政区划代码（GB/T 2260），以此为准（南京、徐州都有“鼓楼区”）；
- \`region\`：县（市、区）现名；
- \`period\`：年份，如 \`2023\`；
- \`indicator\`：指标 id（见 indicators.json）；
- \`value\`：数值，按指标小数位书写（% 和 万元 1 位，其余为整数）；**空值表示“无数据”**，不是 0。共 ${blank} 个空值（${pct}%），模拟部分地区某些年份未报送的情况；
- \`source\`：来源。除下表所列公开数据外，其余每一行均为合成数据，来源为 \`${SAMPLE_SOURCE}\`。

比率指标由计数算出：职工稳定率 = round(100 × 稳定就业职工 ÷ 职工总数, 1)，技能提升率 = round(100 × 技能提升职工 ÷ 职工总数, 1)。

**sample-monthly.json**：\`{ meta, facts }\`，\`facts\` 每条为 \`{region_code, region, period: "2023-01", indicator: "relief_amount", value, source}\`，全部为合成数据（${SAMPLE_SOURCE}）。1—2月（春节前30天送温暖、春节期间慰问坚守岗位职工）和12月为高峰，7—8月送清凉，其余月份较低。每个县（市、区）每年12个月之和与年度 CSV 中当年 relief_amount 完全相等（保留1位小数）。

**公开数据**（无锡市锡山区，其余均为示例数据）：

| region_code | region | period | indicator | value | source |
| --- | --- | --- | --- | --- | --- |
${pubRows.join('\n')}

锡山区这些指标在其他年份的合成值已按公开值校准，避免出现跳变；锡山区2023年逐月帮扶慰问金额为合成数据，但12个月之和为 36.0 万元。

## English

| file | contents |
| --- | --- |
| \`indicators.json\` | indicator catalogue: categories, names, units, definitions (口径), decimals, roll-up rule (sum / ratio / weighted_mean), benchmarks, spreadsheet header aliases |
| \`regions.json\` | region catalogue: the province, 13 cities and 95 county-level divisions, with short, English and former names |
| \`sample-annual.csv\` | annual sample: the 95 county-level divisions of Jiangsu × 2019–2024 × all ${CATALOGUE.length} indicators, ${cells.length} rows |
| \`sample-monthly.json\` | monthly sample: relief_amount for every division, 2019-01 … 2024-12, ${monthly.length} facts |

**sample-annual.csv** — UTF-8 without BOM, LF line ends, no quoting. Columns:

- \`region_code\`: county-level GB/T 2260 code; this is the key (南京 and 徐州 both have a 鼓楼区);
- \`region\`: current name of the division;
- \`period\`: year, e.g. \`2023\`;
- \`indicator\`: indicator id from indicators.json;
- \`value\`: written with the indicator's decimals (1 for % and 万元, integers otherwise). **An empty value means "no data"**, never zero: ${blank} cells (${pct}%) are empty, as when a federation did not report a figure;
- \`source\`: where the row comes from. Apart from the rows listed under **Published rows** below, every row is synthetic, with source \`${SAMPLE_SOURCE}\`.

Rates are computed from the counts: worker_stability_rate = round(100 × stable_workers ÷ total_workers, 1); skill_upgrade_rate = round(100 × skilled_upgraded_workers ÷ total_workers, 1).

**sample-monthly.json** — \`{ meta, facts }\`; each fact is \`{region_code, region, period: "2023-01", indicator: "relief_amount", value, source}\`, all synthetic (${SAMPLE_SOURCE}). Peaks in January–February (winter visits in the 30 days before the Spring Festival, holiday visits to workers on duty after it) and December, a summer bump in July–August, low otherwise. For every division and year the 12 months add up exactly (at 1 decimal) to that year's relief_amount in the CSV.

**Published rows** are the ${PUBLISHED.length} rows for 无锡市锡山区 (320205) listed in the table of the 中文 section: 2023 figures from 江苏工人报《主席论坛》2023, and the 2022 mutual-insurance enrolment derived from the same article ("about 6,000 more than the year before"). The synthetic values of those indicators in the other years are scaled to meet the published figures without a jump. 锡山区's monthly relief for 2023 is synthetic but adds up to 36.0.

### How the synthetic values are made

- Size (职工总数 in 2019) = city scale × size tier × seeded factor in [${SIZE_FACTOR_MIN}, ${SIZE_FACTOR_MAX}), kept within ${thousands(SIZE_MIN)}–${thousands(SIZE_MAX)}.
  City scales: ${scales}. Tiers: ${tiers} (hub = large industrial district or county-level city, core = old city centre).
  Workers then grow about 1.2% a year (a slight dip in 2020).
- Stability rate 85–95% and skill upgrade rate 55–80% move by at most about 1.5 points a year with a gentle upward trend; the counts are derived from them, so stable_workers ≤ total_workers and skilled_upgraded_workers ≤ total_workers.
- Counts scale with size and move about −3% … +10% a year with a gentle upward trend (hardship households drift down); honours and contests are small integers; outdoor stations and mutual-insurance enrolment only grow.
- Negotiated wage growth 3–8% (lower in 2020).
`
}
