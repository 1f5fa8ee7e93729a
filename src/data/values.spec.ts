import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseCell } from './values'
import { decodeBytes } from './decode'

describe('parseCell', () => {
  it.each([
    ['91.6%', 91.6],
    ['１２３', 123],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    ['3.6万', 36000],
    [' 28 ', 28],
    ['-5', -5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['９１．６％', 91.6],
  ])('reads %s as %d', (raw, expected) => {
    expect(parseCell(raw)).toEqual({ ok: true, value: expected })
  })

  it.each(['', '-', '—', '/', '无', 'N/A', '  '])('reads %j as no data', (raw) => {
    expect(parseCell(raw)).toEqual({ ok: true, value: null })
  })

  it.each(['abc', '1,23', '12a', 'NaN', 'Infinity', '1.2.3', '1e999'])('rejects %j', (raw) => {
    expect(parseCell(raw)).toEqual({ ok: false })
  })

  it('round-trips any finite number written by toString', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = parseCell(String(n))
        expect(r.ok && r.value).toBe(n === 0 ? 0 : n)
      }),
    )
  })
})

describe('decodeBytes', () => {
  const text = '地区,职工稳定率\n江都区,91.6%\n'
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = new TextEncoder().encode(text)
    expect(decodeBytes(utf8)).toEqual({ text, encoding: 'utf-8', bom: false })
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
    expect(decodeBytes(withBom)).toEqual({ text, encoding: 'utf-8', bom: true })
  })

  it('falls back to GB18030 for GBK bytes', () => {
    // "江都区" in GBK.
    const gbk = new Uint8Array([0xbd, 0xad, 0xb6, 0xbc, 0xc7, 0xf8])
    expect(decodeBytes(gbk)).toEqual({ text: '江都区', encoding: 'gb18030', bom: false })
  })

  it('reads UTF-16LE with its BOM', () => {
    const units = [...'江都\t1'].map((c) => c.charCodeAt(0))
    const bytes = new Uint8Array(2 + units.length * 2)
    bytes.set([0xff, 0xfe])
    units.forEach((u, i) => {
      bytes[2 + 2 * i] = u & 0xff
      bytes[3 + 2 * i] = u >> 8
    })
    expect(decodeBytes(bytes)).toEqual({ text: '江都\t1', encoding: 'utf-16le', bom: true })
  })

  it('honours an encoding the user chose', () => {
    const gbk = new Uint8Array([0xbd, 0xad, 0xb6, 0xbc])
    expect(decodeBytes(gbk, 'gb18030').text).toBe('江都')
  })
})
