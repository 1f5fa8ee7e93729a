import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { guessLinebreak } from './linebreak'

const papaLinebreak = (text: string) => Papa.parse<string[]>(text, { delimiter: ',', preview: 1 }).meta.linebreak

describe('guessLinebreak', () => {
  it('picks the line ending papaparse picks', () => {
    const piece = fc.constantFrom('a', ',', '"', '""', '\r', '\n', '\r\n', '\uFEFF', '地区', ' ')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('')
        expect(guessLinebreak(text)).toBe(papaLinebreak(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('reads the usual files', () => {
    expect(guessLinebreak('')).toBe('\n')
    expect(guessLinebreak('a,b\r\n1,2\r\n')).toBe('\r\n')
    expect(guessLinebreak('a,b\r1,2\r')).toBe('\r')
    expect(guessLinebreak('"x\r\ny",b\n1,2\n')).toBe('\n')
  })
})
