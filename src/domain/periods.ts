import type { Frequency, PeriodCode } from './types'

/**
 * Periods are strings in one canonical form: `2023` (year), `2023-Q2` (quarter), `2023-06` (month).
 * They sort correctly as strings within one frequency.
 */
export type PeriodKind = 'year' | 'quarter' | 'month'

export interface Period {
  kind: PeriodKind
  year: number
  /** Quarter 1–4 or month 1–12; 0 for a year. */
  sub: number
}

const YEAR = /^(\d{4})$/
const QUARTER = /^(\d{4})-Q([1-4])$/
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function parsePeriod(code: PeriodCode): Period | null {
  let m = YEAR.exec(code)
  if (m) return { kind: 'year', year: Number(m[1]), sub: 0 }
  m = QUARTER.exec(code)
  if (m) return { kind: 'quarter', year: Number(m[1]), sub: Number(m[2]) }
  m = MONTH.exec(code)
  if (m) return { kind: 'month', year: Number(m[1]), sub: Number(m[2]) }
  return null
}

export function formatPeriodCode(p: Period): PeriodCode {
  if (p.kind === 'year') return String(p.year)
  if (p.kind === 'quarter') return `${p.year}-Q${p.sub}`
  return `${p.year}-${String(p.sub).padStart(2, '0')}`
}

// Asked for the same few hundred codes over and over on every filter change (each panel filters
// an indicator's periods by frequency), so each code is read once.
const frequencies = new Map<PeriodCode, Frequency | null>()

export function frequencyOf(code: PeriodCode): Frequency | null {
  let f = frequencies.get(code)
  if (f === undefined) {
    const p = parsePeriod(code)
    f = !p ? null : p.kind === 'year' ? 'annual' : p.kind === 'month' ? 'monthly' : null
    // Codes come from the loaded data; beyond a few thousand something else is going on, so start over.
    if (frequencies.size > 8192) frequencies.clear()
    frequencies.set(code, f)
  }
  return f
}

/** The same period one year earlier, for 同比 (year-on-year). */
export function sameTimeLastYear(code: PeriodCode): PeriodCode | null {
  const p = parsePeriod(code)
  return p ? formatPeriodCode({ ...p, year: p.year - 1 }) : null
}

/** The immediately preceding period, for 环比 (period-on-period). For a year it is the previous year. */
export function previousPeriod(code: PeriodCode): PeriodCode | null {
  const p = parsePeriod(code)
  if (!p) return null
  if (p.kind === 'year') return String(p.year - 1)
  const perYear = p.kind === 'month' ? 12 : 4
  return p.sub > 1
    ? formatPeriodCode({ ...p, sub: p.sub - 1 })
    : formatPeriodCode({ ...p, year: p.year - 1, sub: perYear })
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 }

/**
 * Reads a period the way people write it in spreadsheets and returns the canonical code, or null.
 * Accepts 2023, 2023年, 2023-06, 2023/6, 202306, 2023年6月, 2023.6, 2023Q2, 2023-Q2, 2023年第二季度,
 * 2023年二季度, full-width digits.
 */
export function normalisePeriod(input: string): PeriodCode | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  let m = /^(\d{4})年?(?:度)?$/.exec(s)
  if (m) return validYear(Number(m[1])) ? m[1]! : null
  m = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s)
  if (m) {
    const year = Number(m[1])
    const month = Number(m[2])
    if (!validYear(year) || month < 1 || month > 12) return null
    return formatPeriodCode({ kind: 'month', year, sub: month })
  }
  m = /^(\d{4})[-/]?Q([1-4])$/.exec(s) ?? /^(\d{4})年?第?([1-4一二三四])季度?$/.exec(s)
  if (m) {
    const year = Number(m[1])
    const q = CN_DIGITS[m[2]!] ?? Number(m[2])
    return validYear(year) ? formatPeriodCode({ kind: 'quarter', year, sub: q }) : null
  }
  return null
}

function validYear(y: number): boolean {
  return y >= 1949 && y <= 2100
}

/** Sort key that orders periods chronologically regardless of frequency (year before its months). */
export function comparePeriods(a: PeriodCode, b: PeriodCode): number {
  const pa = parsePeriod(a)
  const pb = parsePeriod(b)
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0
  if (pa.year !== pb.year) return pa.year - pb.year
  const ma = pa.kind === 'year' ? 0 : pa.kind === 'quarter' ? pa.sub * 3 : pa.sub
  const mb = pb.kind === 'year' ? 0 : pb.kind === 'quarter' ? pb.sub * 3 : pb.sub
  return ma - mb || (pa.kind < pb.kind ? -1 : pa.kind > pb.kind ? 1 : 0)
}

/** Today as period codes: the year and the month. */
export function todayCodes(today: Date): { year: string; month: string } {
  const year = String(today.getFullYear())
  return { year, month: `${year}-${String(today.getMonth() + 1).padStart(2, '0')}` }
}

/** True for a period after today: a year after this one, a quarter or month after this one. */
export function isFuturePeriod(period: PeriodCode, today: Date): boolean {
  const p = parsePeriod(period)
  if (!p) return false
  const year = today.getFullYear()
  if (p.year !== year) return p.year > year
  const month = today.getMonth() + 1
  return p.kind === 'month' ? p.sub > month : p.kind === 'quarter' ? (p.sub - 1) * 3 + 1 > month : false
}
