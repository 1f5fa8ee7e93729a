/** Number and text formatting shared by cards, tooltips, tables and exports. */
import { isFlat, type Change } from './compare'
import type { Indicator } from './types'

export type Locale = 'zh-CN' | 'en'

const formatters = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`
  let f = formatters.get(key)
  if (!f) {
    // Clamped: an indicator from a file must never make a panel throw (Intl allows 0–100).
    const d = Math.min(20, Math.max(0, Math.trunc(decimals) || 0))
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })
    formatters.set(key, f)
  }
  return f
}

/** The number alone, with the indicator's decimals; '—' for no data. */
export function formatNumber(v: number, decimals: number, locale: Locale): string {
  if (Number.isNaN(v)) return '—'
  return numberFormat(locale, decimals).format(v)
}

// Made once: a formatter costs far more to create than to use, and axes format every tick on each paint.
const axisFormatters = new Map<Locale, Intl.NumberFormat>()

/** An axis tick: the value as ECharts chose it, grouped, without trailing zeros. */
export function axisNumber(v: number, locale: Locale): string {
  let f = axisFormatters.get(locale)
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
    axisFormatters.set(locale, f)
  }
  return f.format(v)
}

/** Value with its unit: `91.6%`, `20,270 人` (`20,270 people` in English; money as `CNY 3.98 million`). */
export function formatValue(v: number, ind: Pick<Indicator, 'unit' | 'decimals'>, locale: Locale, unitLabel?: string): string {
  if (Number.isNaN(v)) return '—'
  const n = formatNumber(v, ind.decimals, locale)
  if (ind.unit === '%') return `${n}%`
  if (ind.unit === '万元' && locale === 'en') return formatMoneyEn(v)
  const u = unitLabel ?? ind.unit
  return locale === 'zh-CN' ? `${n}${u}` : `${n} ${u}`
}

const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' })
const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' }

/** A rank as read: `5th`, `22nd`, `13th` in English; the bare number in Chinese (第…位 is in the sentence). */
export function formatRank(rank: number, locale: Locale): string {
  if (locale === 'zh-CN') return String(rank)
  return `${rank}${ORDINAL_SUFFIX[ordinalRules.select(rank)] ?? 'th'}`
}

/**
 * An amount in 万元 (10,000 yuan) as an English reader counts money: `CNY 3.98 million` for
 * 398.2 万元, `CNY 1.20 billion`, and whole yuan below a million (`CNY 123,000`).
 */
export function formatMoneyEn(tenThousands: number): string {
  if (Number.isNaN(tenThousands)) return '—'
  const yuan = tenThousands * 10_000
  const abs = Math.abs(yuan)
  const fixed = (v: number) => new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v)
  if (abs >= 1e9) return `CNY ${fixed(yuan / 1e9)} billion`
  if (abs >= 1e6) return `CNY ${fixed(yuan / 1e6)} million`
  return `CNY ${new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(yuan)}`
}

/** 同比 text: `+0.8个百分点` / `+0.8 pp` for rates, `+42.0%` for counts. */
export function formatChange(c: Change | null, locale: Locale): string {
  if (!c) return '—'
  const sign = isFlat(c) ? '±' : c.value > 0 ? '+' : '−'
  const n = numberFormat(locale, 1).format(Math.abs(c.value))
  if (c.kind === 'points') return locale === 'zh-CN' ? `${sign}${n}个百分点` : `${sign}${n} pp`
  return `${sign}${n}%`
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** For the few places ECharts takes HTML (tooltips): user text must never become markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!)
}

/** A period as read in text: `2023年`, `2023年6月`, `2023年第2季度` / `2023`, `Jun 2023`, `2023 Q2`. */
export function formatPeriod(code: string, locale: Locale): string {
  const m = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})))?$/.exec(code)
  if (!m) return code
  const [, y, q, mm] = m
  if (locale === 'zh-CN') return q ? `${y}年第${q}季度` : mm ? `${y}年${Number(mm)}月` : `${y}年`
  if (q) return `${y} Q${q}`
  if (!mm) return y!
  return `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(mm) - 1]} ${y}`
}
