/**
 * The shared vocabulary of the dashboard: catalogues (indicators, regions), periods and facts.
 * No Vue import here: everything in src/domain is plain TypeScript that runs in the page, in the
 * loader worker and in the Node scripts alike.
 */

/** Text in both UI languages. */
export interface Bilingual {
  zh: string
  en: string
}

export const UNITS = ['人', '人次', '户', '件', '份', '个', '项', '万元', '%'] as const
export type Unit = (typeof UNITS)[number]

/** 稳岗维权, 荣誉激励, 技能提升, 帮扶关爱, 保障服务 */
export const CATEGORIES = ['rights', 'honours', 'skills', 'care', 'services'] as const
export type CategoryId = (typeof CATEGORIES)[number]

/**
 * How an indicator rolls up from districts to a city and from cities to the province.
 * - sum: counts and amounts.
 * - ratio: a rate defined by two count indicators; the parent's rate is Σnumerator ÷ Σdenominator.
 * - weighted_mean: a rate with no counts behind it, weighted by another indicator (e.g. workers).
 * - mean: plain mean of the children; only for a rate with neither counts nor weights.
 */
export type AggregationRule =
  | { kind: 'sum' }
  | {
      kind: 'ratio'
      numerator: string
      denominator: string
      /** How many of the denominator the ratio counts per: 100 for a % (the default), 10,000 for 每万名职工. */
      per?: number
    }
  | { kind: 'weighted_mean'; weight: string }
  | { kind: 'mean' }

export interface Benchmark {
  value: number
  /** Where the figure comes from, e.g. 承德县 2022 (河北, outside the map). */
  label: Bilingual
  /**
   * Level of the region it was measured for. A rate benchmark compares at any level; a count one
   * only with regions of this level (a county's count is no yardstick for a province's total).
   */
  level: RegionLevel
  /** GB/T 2260 code of the region it was measured for, when it is one region. */
  region?: string
}

export type Frequency = 'annual' | 'monthly'

export interface Indicator {
  id: string
  name: Bilingual
  unit: Unit
  category: CategoryId
  /** 口径: what is counted and how. */
  definition: Bilingual
  decimals: number
  higherIsBetter: boolean
  benchmark?: Benchmark
  aggregation: AggregationRule
  /** Frequencies the indicator is reported at; most are annual only. */
  frequencies: Frequency[]
  /** Other names found in spreadsheet headers (e.g. 稳定率, 帮扶金额). */
  aliases: string[]
}

/** `country` is the root of the national catalogue (全国), above the provinces. */
export type RegionLevel = 'country' | 'province' | 'city' | 'district'

export interface Region {
  /** GB/T 2260 six-digit code. */
  adcode: string
  /** Current official name, e.g. 江都区. */
  name: string
  /** Short form without the suffix, e.g. 江都. */
  shortName: string
  /** Name in English UI, e.g. Jiangdu. */
  nameEn: string
  /** adcode of the parent, null for the province. */
  parent: string | null
  level: RegionLevel
  /**
   * Other names that resolve to this region: short and full forms (扬州市江都区) and former
   * names (海安县, 港闸区 merged into 崇川区 in 2020).
   */
  aliases: string[]
  /** Codes the region (or divisions merged into it) carried before, e.g. 320611 港闸区 for 崇川区. */
  formerCodes?: string[]
}

/**
 * A period code: `2023` (year), `2023-Q2` (quarter) or `2023-06` (month).
 */
export type PeriodCode = string

/** One tidy fact as read from a file, before it is encoded into the columnar table. */
export interface FactRow {
  region: string
  period: PeriodCode
  indicator: string
  /** null = no data (never the same as 0). */
  value: number | null
  source?: string
}

/** Marks rows that are synthetic in the bundled sample. */
export const SAMPLE_SOURCE = '示例数据'
