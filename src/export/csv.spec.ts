import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import Papa from 'papaparse'
import { neutraliseFormula, toCsv } from './csv'

describe('toCsv', () => {
  it('writes a BOM and CRLF line ends', () => {
    const csv = toCsv([
      ['地区', '值'],
      ['江都区', 91.6],
    ])
    expect(csv).toBe('\uFEFF地区,值\r\n江都区,91.6\r\n')
  })

  it('neutralises formula-like text, half- and full-width, but keeps negative numbers as numbers', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")')
    for (const s of ['+1', '-1+1', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x']) expect(neutraliseFormula(s)).toBe(`'${s}`)
    expect(toCsv([[-5, '-5']], { bom: false })).toBe("-5,'-5\r\n")
  })

  it('quotes delimiters, quotes and line breaks, and round-trips any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))
        const csv = toCsv(table, { bom: false })
        const back = Papa.parse<string[]>(csv.replace(/\r\n$/, ''), { delimiter: ',', newline: '\r\n' }).data
        const expected = table.map((r) => r.map((c) => neutraliseFormula(c)))
        expect(back).toEqual(expected)
      }),
    )
  })
})
