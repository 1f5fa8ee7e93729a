import { deflateSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { pixelsPerMetre, resolutionOf, withResolution } from './png'

/** A valid 1 × 1 PNG built by hand (signature, IHDR, IDAT, IEND), CRCs from zlib's table. */
function tinyPng(): Uint8Array {
  const crc = (b: Uint8Array) => {
    let c = 0xffffffff
    for (const x of b) {
      c ^= x
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    }
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length)
    const v = new DataView(out.buffer)
    v.setUint32(0, data.length)
    out.set([...type].map((c) => c.charCodeAt(0)), 4)
    out.set(data, 8)
    v.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)))
    return out
  }
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(new Uint8Array([0, 255, 0, 0]))), chunk('IEND', new Uint8Array())]
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0)
  return out
}

describe('withResolution', () => {
  it('declares 300 dpi right after the header, as pixels per metre', () => {
    const png = withResolution(tinyPng(), 300)
    expect(String.fromCharCode(...png.subarray(37, 41))).toBe('pHYs')
    expect(pixelsPerMetre(300)).toBe(11811)
    expect(resolutionOf(png)!.x).toBeCloseTo(300, 0)
    expect(resolutionOf(tinyPng())).toBeNull()
  })

  it('replaces a declared resolution rather than adding a second one, and keeps the CRC valid', () => {
    const png = withResolution(withResolution(tinyPng(), 300), 96)
    const text = String.fromCharCode(...png)
    expect(text.split('pHYs')).toHaveLength(2)
    expect(resolutionOf(png)!.x).toBeCloseTo(96, 0)
    expect(png.length).toBe(tinyPng().length + 21)
    // CRC over type and data, as a PNG reader checks it.
    const v = new DataView(png.buffer)
    let c = 0xffffffff
    for (const x of png.subarray(37, 50)) {
      c ^= x
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    }
    expect(v.getUint32(50)).toBe((c ^ 0xffffffff) >>> 0)
  })

  it('refuses what is not a PNG', () => {
    expect(() => withResolution(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 96)).toThrow()
  })
})
