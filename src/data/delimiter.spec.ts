import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DELIMITERS, detectDelimiter } from './delimiter'

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\tc\r\n1\t2\t3\r\n', '\t'],
    ['a;b;c\r1;2;3\r', ';'],
    ['a|b\n1|2\n', '|'],
    // Commas inside quotes or numbers do not outvote the real delimiter.
    ['地区;数值\n江都区;"1,234"\n仪征市;1,200\n', ';'],
    ['地区\t备注\n江都区\t甲,乙,丙\n', '\t'],
    ['single column\nvalue\n', ','],
    ['', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected)
  })

  it('finds the delimiter of any regular table', () => {
    const cell = fc.stringMatching(/^[\u4e00-\u4e2f0-9a-z]{1,6}$/)
    fc.assert(
      fc.property(fc.constantFrom(...DELIMITERS), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 6 }), cell, (d, cols, rows, c) => {
        const line = Array.from({ length: cols }, () => c).join(d)
        const text = Array.from({ length: rows + 1 }, () => line).join('\r\n')
        expect(detectDelimiter(text)).toBe(d)
      }),
    )
  })
})
