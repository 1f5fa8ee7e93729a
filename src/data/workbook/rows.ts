/**
 * What each row of a sheet laid out for printing is: blank, a title, a note (注：…, 填报人, 审核人,
 * 填报日期), a unit note (单位：万元), a header row or a data row. Merged ranges count once, at
 * their master cell; a cell covered by a range that starts in a row above is "merged from above",
 * which is how a second header row under a group heading shows itself.
 */
import { parseCell } from '../values'
import { cellText, isBlankCell, type MergeIndex, type Sheet, type SheetCell } from './sheet'

export type RowKind = 'blank' | 'single' | 'note' | 'unit' | 'header' | 'data'

export interface RowInfo {
  kind: RowKind
  /** Texts of the row's master cells, left to right. */
  texts: string[]
  /** Some cell is covered by a merged range that starts in a row above. */
  fromAbove: boolean
  /** Some master cell spans two or more columns. */
  spans: boolean
}

/** Units a note or a header may name; 元, 千元, 亿元 and 万人 are converted (see units.ts). */
const UNIT = '亿元|万元|千元|元|万人|人次|人|户|件|份|个|项|%|％'
const UNIT_NOTE = new RegExp(`(?:金额|计量)?单位\\s*[:：]\\s*(${UNIT})(?![\\p{Script=Han}])`, 'u')
/** A header part that is only a unit, as a units row under the header writes it: （万元）, 万元, (%). */
const UNIT_ONLY = new RegExp(`^[(（]?\\s*(?:单位\\s*[:：]\\s*)?(${UNIT})\\s*[)）]?$`)
const NOTE_START =
  /^(?:注|备注|说明|附注|填报说明|填表说明|资料来源|数据来源)\s*[0-9一二三四五六七八九十]*\s*[:：、.．]|^(?:填报人|填表人|审核人|审核|制表人|制表|负责人|单位负责人|统计负责人|分管领导|填报日期|填表日期|报送日期|联系电话|电话|联系人|填报单位|报送单位|统计期|报告期)\s*[:：]/

/** The unit a note or header names, e.g. 单位：万元 → 万元. */
export function unitNoteOf(text: string): string | undefined {
  return UNIT_NOTE.exec(text.normalize('NFKC'))?.[1]?.replace('％', '%')
}

/** A header part that names only a unit. */
export function unitOnly(text: string): string | undefined {
  return UNIT_ONLY.exec(text.normalize('NFKC').trim())?.[1]?.replace('％', '%')
}

/** Text without its unit note: 帮扶（单位：元） → 帮扶. */
export function withoutUnitNote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(new RegExp(`[(（\\[]?\\s*(?:金额|计量)?单位\\s*[:：]\\s*(?:${UNIT})\\s*[)）\\]]?`), '')
    .trim()
}

export function isNoteText(text: string): boolean {
  return NOTE_START.test(text.normalize('NFKC').trim())
}

/** A cell a data row would hold: a number, a date, a number written as text, or a "no data" mark. */
export function isValueLike(cell: SheetCell | undefined): boolean {
  if (!cell || isBlankCell(cell)) return false
  const v = cell.value
  if (typeof v === 'number' || v instanceof Date || cell.noResult || cell.error) return true
  if (typeof v !== 'string') return false
  const parsed = parseCell(v)
  return parsed.ok
}

export function classifyRow(sheet: Sheet, merges: MergeIndex, r: number, width: number): RowInfo {
  const texts: string[] = []
  let values = 0
  let fromAbove = false
  let spans = false
  for (let c = 0; c < width; c++) {
    const m = merges.at(r, c)
    if (m && m.top < r) {
      fromAbove = true
      continue
    }
    if (m && m.left < c) continue
    const cell = sheet.rows[r]?.[c]
    if (isBlankCell(cell)) continue
    if (m && m.right > m.left) spans = true
    texts.push(cellText(cell))
    if (isValueLike(cell)) values++
  }
  const info = (kind: RowKind): RowInfo => ({ kind, texts, fromAbove, spans })
  if (texts.length === 0) return info('blank')
  if (isNoteText(texts[0]!)) return info('note')
  if (texts.length <= 3 && texts.some((t) => unitNoteOf(t))) return info('unit')
  if (texts.length === 1 && !fromAbove) return info('single')
  if (values > 0) return info('data')
  return info('header')
}
