import { describe, expect, it } from 'vitest'
import { decodeBytes, utf16WithoutBom } from './decode'
import { sniffBytes } from './sniff'
import { unifyRowEnds } from './linebreak'
import { scaled, unitFactor } from './units'

const utf8 = (s: string) => new TextEncoder().encode(s)
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))
function utf16(text: string, le: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out[i * 2 + (le ? 0 : 1)] = c & 0xff
    out[i * 2 + (le ? 1 : 0)] = c >> 8
  }
  return out
}

describe('decodeBytes', () => {
  it('keeps a UTF-8 file with one stray byte as UTF-8 and names the line', () => {
    const bytes = join(utf8('地区,年份\n江都区,2023\n仪征市,20'), Uint8Array.of(0xff), utf8('23\n高邮市,2023\n'))
    const d = decodeBytes(bytes)
    expect(d.encoding).toBe('utf-8')
    expect(d.text).toContain('江都区')
    expect(d.badLines).toEqual([{ line: 3, bytes: 'FF' }])
  })

  it('reads GBK as GB18030 when its bytes are not UTF-8', () => {
    // 江都区 in GBK.
    const d = decodeBytes(join(utf8('a,'), Uint8Array.of(0xbd, 0xad, 0xb6, 0xbc, 0xc7, 0xf8), utf8('\n')))
    expect(d).toMatchObject({ encoding: 'gb18030', text: 'a,江都区\n' })
    expect(d.unsure).toBeUndefined()
  })

  it('says so when neither UTF-8 nor GB18030 fits (Latin-1)', () => {
    const d = decodeBytes(join(utf8('Z'), Uint8Array.of(0xfc), utf8('rich,Caf'), Uint8Array.of(0xe9), utf8('s\n')))
    expect(d.unsure).toBe(true)
  })

  it('finds UTF-16 without a byte-order mark, either way round', () => {
    const text = '地区\t年份\r\n江都区\t2023\r\n'
    expect(utf16WithoutBom(utf16(text, true))).toBe('utf-16le')
    expect(utf16WithoutBom(utf16(text, false))).toBe('utf-16be')
    expect(decodeBytes(utf16(text, true))).toMatchObject({ encoding: 'utf-16le', text, bom: false })
    expect(utf16WithoutBom(utf8(text))).toBeNull()
  })

  it('uses the encoding the user chose, whatever the bytes look like', () => {
    expect(decodeBytes(utf8('江都'), 'gb18030').encoding).toBe('gb18030')
  })
})

describe('sniffBytes', () => {
  it('tells a workbook, an old .xls, another zip, JSON and text by their first bytes', () => {
    const zip = (name: string) => join(Uint8Array.of(0x50, 0x4b, 0x03, 0x04), utf8(`....${name}....`))
    expect(sniffBytes(zip('xl/workbook.xml'))).toBe('xlsx')
    expect(sniffBytes(zip('word/document.xml'))).toBe('zip')
    expect(sniffBytes(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('xls')
    expect(sniffBytes(utf8('\uFEFF  [{"a":1}]'))).toBe('json')
    expect(sniffBytes(utf8('地区,年份\n'))).toBe('text')
  })
})

describe('unifyRowEnds', () => {
  it('makes mixed row ends LF and keeps line breaks inside quoted cells as written', () => {
    expect(unifyRowEnds('a,b\r\n1,"x\r\ny"\n2,z\r3,w')).toBe('a,b\n1,"x\r\ny"\n2,z\n3,w')
  })
  it('leaves a file whose row ends agree alone, quoted breaks not counted', () => {
    expect(unifyRowEnds('a,b\r\n1,"x\ny"\r\n')).toBeNull()
  })
})

describe('units', () => {
  it('converts within one kind of quantity only', () => {
    expect(unitFactor('元', '万元')).toBe(1e-4)
    expect(unitFactor('亿元', '万元')).toBe(1e4)
    expect(unitFactor('万人', '人')).toBe(1e4)
    expect(unitFactor('万元', '人')).toBeUndefined()
    expect(unitFactor('%', '%')).toBe(1)
    expect(scaled(1234500, 1e-4)).toBe(123.45)
  })
})
