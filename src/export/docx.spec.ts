import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { briefColumnWidths, headerLines } from './docx'

const TOTAL = 9026
/** Twips of a text on one line at 10 pt: a CJK character is 200, a digit or Latin letter at most 115. */
const line = (t: string) => [...t].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 200 : 115), 0)
/** Of a CJK name set in two lines broken between characters: its longer half. */
const twoLines = (t: string) => line([...t].slice(0, Math.ceil([...t].length / 2)).join(''))

describe('headerLines', () => {
  it('puts the unit on a line of its own', () => {
    expect(headerLines('职工稳定率（%）')).toEqual(['职工稳定率', '（%）'])
    expect(headerLines('Relief and support funds (10,000 CNY)')).toEqual(['Relief and support funds', '(10,000 CNY)'])
    expect(headerLines('地区')).toEqual(['地区', ''])
    expect(headerLines('说明')).toEqual(['说明', ''])
  })
})

describe('briefColumnWidths', () => {
  const header = ['地区', '职工稳定率（%）', '集体协商合同签订（份）', '五一劳动奖章获得者（人）', '技能提升率（%）', '帮扶慰问金额（万元）', '职工互助保障参保（人）', '说明']
  const rows = [
    ['南京市', '90.5', '5,926', '505', '67.9', '404.6', '288,899', '职工稳定率 数据覆盖 9/11；集体协商合同签订 数据覆盖 10/11'],
    ['连云港市', '90.1', '900', '101', '66.0', '59.2', '46,240', ''],
  ]
  const numeric = [false, true, true, true, true, true, true, false]

  it('keeps every region and figure on one line and each header name in two, the notes taking the rest', () => {
    const w = briefColumnWidths(header, rows, numeric, TOTAL)
    expect(w.reduce((a, b) => a + b, 0)).toBe(TOTAL)
    // 连云港市: four characters of 200 twips, with the cell's margins (80 a side).
    expect(w[0]).toBeGreaterThanOrEqual(4 * 200 + 160)
    header.slice(1, -1).forEach((h, i) => {
      const [name, unit] = headerLines(h)
      const k = i + 1
      expect(w[k]).toBeGreaterThanOrEqual(Math.max(twoLines(name), line(unit), ...rows.map((r) => line(r[k]!))) + 160)
    })
    expect(w[7]).toBeGreaterThanOrEqual(1800)
  })

  it('property: widths sum to the page, each at least its one-line need when the needs fit', () => {
    const cell = fc.string({ unit: fc.constantFrom('南', '京', '市', '9', '1', ',', '.', 'a'), maxLength: 8 })
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (n, table) => {
        const head = table[0]!.slice(0, n).map((t, k) => (k === 0 ? '地区' : `${t}名（人）`))
        const body = table.map((r) => r.slice(0, n))
        const num = head.map((_, k) => k > 0 && k % 2 === 1)
        const w = briefColumnWidths(head, body, num, TOTAL)
        expect(w).toHaveLength(n)
        expect(w.reduce((a, b) => a + b, 0)).toBe(TOTAL)
        const need = head.map((h, k) => {
          const [name, unit] = headerLines(h)
          // However the name is broken in two, its longer line holds at least half of it.
          const own = Math.max(line(name) / 2, line(unit), ...body.map((r) => line(r[k]!))) + 240
          return num[k] || k === 0 ? own : 1800
        })
        if (need.reduce((a, b) => a + b, 0) <= TOTAL) w.forEach((x, k) => expect(x).toBeGreaterThanOrEqual(need[k]! - 1))
        else w.forEach((x) => expect(x).toBeGreaterThan(0))
      }),
    )
  })
})
