/**
 * Cell text → number, the way values appear in Chinese spreadsheets: `91.6%`, `1,234`,
 * full-width `１２３`, `3.6万`, and the usual ways of writing "no data" (blank, -, —, /, 无, N/A).
 */
export type CellValue = { ok: true; value: number | null } | { ok: false }

const NO_DATA = new Set(['', '-', '--', '—', '——', '/', '无', '空', 'NA', 'N/A', 'NULL', '#N/A', '…', '...'])
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?$/

export function parseCell(raw: string): CellValue {
  // NFKC folds full-width digits, signs, the ideographic space and the full-width percent sign.
  let s = raw.normalize('NFKC').trim().toUpperCase()
  if (NO_DATA.has(s)) return { ok: true, value: null }
  let scale = 1
  if (s.endsWith('%')) s = s.slice(0, -1).trim()
  else if (s.endsWith('万')) {
    scale = 10000
    s = s.slice(0, -1).trim()
  } else if (s.endsWith('亿')) {
    scale = 1e8
    s = s.slice(0, -1).trim()
  }
  // Thousands separators only where they group digits in threes.
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '')
  if (!NUMBER.test(s)) return { ok: false }
  const n = Number(s) * scale
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false }
}
