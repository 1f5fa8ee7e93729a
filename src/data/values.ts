/**
 * Cell text → number, the way values appear in Chinese spreadsheets: `91.6%`, `1,234`,
 * full-width `１２３`, `3.6万`, and the usual ways of writing "no data" (blank, -, —, /, 无, N/A).
 *
 * A suffix is read against the unit of the indicator the cell belongs to (docs/DATA-FORMATS.md):
 *   万元 (an amount)   3.6万 = 3.6万元 = 3.6 · 1.2亿 = 12,000 · 36,000元 = 3.6 · a % is a problem
 *   a count (人, 件 …)  3.6万 = 36,000 · 1.2亿 = 120,000,000 · 20,270人 = 20,270 · a % is a problem
 *   %  (a rate)        91.6% = 91.6 · 万 or 亿 is a problem
 * Without a unit (a total row of an unknown column) 万 and 亿 multiply and % is dropped.
 */
import type { Unit } from '@/domain/types'

export type CellValue = { ok: true; value: number | null } | { ok: false; reason?: 'unit' }

const NO_DATA = new Set(['', '-', '--', '—', '——', '/', '无', '空', 'NA', 'N/A', 'NULL', '#N/A', '…', '...'])
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?$/
/** The number and what follows it: a magnitude (万, 亿), then a unit word, or a per cent sign. */
const SUFFIXED = /^(.*?)(万|亿)?(元|人次|人|户|件|份|个|项)?$/

/** Multiplier of a magnitude written in a cell, for a value in the indicator's unit; null when it cannot apply. */
function magnitude(mag: string | undefined, word: string | undefined, unit: Unit | undefined): number | null {
  const times = mag === '亿' ? 1e8 : mag === '万' ? 1e4 : 1
  if (unit === undefined) return times
  if (unit === '%') return mag || word ? null : 1
  if (unit === '万元') {
    // The cell's amount in 元, then in 万元: 3.6万 and 3.6万元 are 3.6, 36000元 is 3.6.
    if (word !== undefined && word !== '元') return null
    if (word === undefined && mag === undefined) return 1
    return times / 1e4
  }
  // A count: its own unit word may follow (20,270人); 元 may not.
  if (word !== undefined && word !== unit) return null
  return times
}

export function parseCell(raw: string, unit?: Unit): CellValue {
  // NFKC folds full-width digits, signs, the ideographic space and the full-width percent sign.
  let s = raw.normalize('NFKC').trim().toUpperCase()
  if (NO_DATA.has(s)) return { ok: true, value: null }
  let scale = 1
  if (s.endsWith('%')) {
    if (unit !== undefined && unit !== '%') return { ok: false, reason: 'unit' }
    s = s.slice(0, -1).trim()
  } else {
    const m = SUFFIXED.exec(s)
    if (m && (m[2] || m[3])) {
      const k = magnitude(m[2], m[3], unit)
      if (k === null) return NUMBER.test(m[1]!.trim().replace(/,/g, '')) ? { ok: false, reason: 'unit' } : { ok: false }
      scale = k
      s = m[1]!.trim()
    }
  }
  // Thousands separators only where they group digits in threes.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '')
  if (!NUMBER.test(s)) return { ok: false }
  const n = Number(s) * scale
  if (!Number.isFinite(n)) return { ok: false }
  // 1.2亿 in 万元 is 12000 exactly, not 11999.999999999998.
  return { ok: true, value: scale === 1 ? n : Number(n.toPrecision(15)) }
}
