// @vitest-environment node
import Papa from 'papaparse'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteInterner, CsvTokenizer, readCsvColumns, readNumber } from './fast-csv'

const encode = (s: string) => new TextEncoder().encode(s)

/** Every record of `text` as the tokenizer reads it, or its irregularity. */
function records(text: string, delimiter = ','): string[][] | string {
  const tok = new CsvTokenizer(encode(text), delimiter.charCodeAt(0))
  const out: string[][] = []
  while (tok.next()) out.push(Array.from({ length: tok.count }, (_, f) => tok.text(f)))
  return tok.irregular ?? out
}

/** A cell written the way a spreadsheet writes it: quoted when it holds a delimiter, quote or line break. */
function writeCell(cell: string, delimiter: string, alwaysQuote: boolean): string {
  return alwaysQuote || cell.includes(delimiter) || /["\r\n]/.test(cell) || cell.startsWith('"') ? `"${cell.replaceAll('"', '""')}"` : cell
}

const cellArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '\t', '"', '\n', '\r\n', '区', '𠀀', '１', '.', '-', '7'), maxLength: 8 }),
  fc.constantFrom('', '玄武区', '1,234', '91.6%', '"quoted"', ' 12 '),
)

describe('CsvTokenizer', () => {
  it('reads the records papaparse reads (quotes, delimiters, line endings, multi-byte text)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', '\t', ';', '|'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        (rows, delimiter, newline, alwaysQuote, trailing) => {
          const text = rows.map((r) => r.map((c) => writeCell(c, delimiter, alwaysQuote)).join(delimiter)).join(newline) + (trailing ? newline : '')
          // An empty file never reaches the tokenizer: the loader reports it as empty first.
          fc.pre(text !== '')
          const papa = Papa.parse<string[]>(text, { delimiter, newline }).data
          // papaparse ends with an empty record after a final line break; the tokenizer stops there.
          if (text.endsWith(newline)) expect(papa.pop()).toEqual([''])
          expect(records(text, delimiter)).toEqual(papa)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('stops at what it does not read the way papaparse does', () => {
    expect(records('a,"b\nc')).toBe('badQuotes')
    expect(records('a,"b"x,c\n')).toBe('badQuotes')
    expect(records('a,b\nc,d\r\ne,f\n')).toBe('mixedLineEndings')
    expect(records('a,\u{fffd}\n')).toBe('replacementChar')
    const latin1 = new Uint8Array([0x61, 0x2c, 0xe9, 0x0a])
    const tok = new CsvTokenizer(latin1, 0x2c)
    while (tok.next());
    expect(tok.irregular).toBe('notUtf8')
  })

  it('rejects overlong, surrogate and truncated UTF-8 sequences, as a fatal TextDecoder does', () => {
    const cases = [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8], [0xf5, 0x80, 0x80, 0x80], [0xe4, 0xb8, 0xad]]
    for (const seq of cases) {
      const bytes = new Uint8Array([...seq, 0x0a])
      const tok = new CsvTokenizer(bytes, 0x2c)
      while (tok.next());
      let fatalOk = true
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        fatalOk = false
      }
      expect(tok.irregular === null, seq.map((b) => b.toString(16)).join(' ')).toBe(fatalOk)
    }
  })

  it('tells blank records from others', () => {
    const tok = new CsvTokenizer(encode(' , \t\n\u3000,\n"",x\n'), 0x2c)
    const blank: boolean[] = []
    while (tok.next()) blank.push(tok.isBlank())
    expect(blank).toEqual([true, true, false])
  })
})

describe('readNumber', () => {
  it('equals Number() for plain decimals and is NaN for everything it leaves to parseCell', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ' ', ','), maxLength: 18 }), (s) => {
        const b = encode(s)
        const v = readNumber(b, 0, b.length)
        if (!Number.isNaN(v)) expect(v).toBe(Number(s))
        else if (/^-?\d{1,15}(\.\d+)?$/.test(s) && s.replace(/\D/g, '').length <= 15) expect.unreachable(s)
      }),
      { numRuns: 2000 },
    )
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const s = x.toFixed(d)
        const b = encode(s)
        const v = readNumber(b, 0, b.length)
        if (!Number.isNaN(v)) expect(v).toBe(Number(s))
      }),
    )
  })
})

describe('ByteInterner', () => {
  it('gives equal byte strings one id, in order of first sight', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', 'a', '玄武区', 'ab', 'b', '2023-06', '2023'), { maxLength: 50 }), (words) => {
        const interner = new ByteInterner()
        const firstSeen: string[] = []
        for (const w of words) {
          const b = encode(w)
          const id = interner.id(b, 0, b.length)
          if (!firstSeen.includes(w)) firstSeen.push(w)
          expect(id).toBe(firstSeen.indexOf(w))
          expect(interner.text(id)).toBe(w)
        }
        expect(interner.size).toBe(firstSeen.length)
      }),
    )
  })

  it('reads a field with escaped quotes as its unescaped text', () => {
    const tok = new CsvTokenizer(encode('"a""b",a"b,x\n'), 0x2c)
    tok.next()
    const interner = new ByteInterner()
    expect(interner.field(tok, 0)).toBe(interner.field(tok, 1))
    expect(interner.text(0)).toBe('a"b')
    expect(interner.field(tok, 3)).toBe(-1)
  })
})

describe('readCsvColumns', () => {
  it('keeps numeric columns as Float64Array and text as dictionary codes', () => {
    const cols = readCsvColumns(encode('\ufeffregion,2023,note\n玄武区,1.5,a\n\n秦淮区,"1,234",-\n鼓楼区,,b\n'))
    if (typeof cols === 'string') throw new Error(cols)
    expect(cols.headers).toEqual(['region', '2023', 'note'])
    expect(cols.rows).toBe(3)
    const [region, value, note] = cols.columns
    expect(region).toEqual({ kind: 'text', codes: Uint32Array.from([1, 2, 3]), dictionary: ['', '玄武区', '秦淮区', '鼓楼区'] })
    expect(value).toEqual({ kind: 'number', values: Float64Array.from([1.5, 1234, NaN]) })
    expect(note?.kind).toBe('text')
  })
})
