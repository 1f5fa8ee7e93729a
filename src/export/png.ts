/**
 * The resolution a PNG declares (its pHYs chunk), so that Word, WPS and LibreOffice place a report
 * image at its intended width instead of assuming 96 dpi. Browsers' encoders write none.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const INCH = 0.0254

/** Pixels per metre for a resolution in dots per inch. */
export function pixelsPerMetre(dpi: number): number {
  return Math.round(dpi / INCH)
}

/** The PNG with a pHYs chunk right after its header (any earlier one dropped). */
export function withResolution(png: Uint8Array, dpi: number): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG')
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const chunks: Uint8Array[] = [png.subarray(0, 8)]
  let at = 8
  while (at + 12 <= png.length) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    const end = at + 12 + length
    if (type !== 'pHYs') chunks.push(png.subarray(at, end))
    if (type === 'IHDR') chunks.push(physChunk(pixelsPerMetre(dpi)))
    at = end
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let k = 0
  for (const c of chunks) {
    out.set(c, k)
    k += c.length
  }
  return out
}

function physChunk(ppm: number): Uint8Array {
  const chunk = new Uint8Array(4 + 4 + 9 + 4)
  const v = new DataView(chunk.buffer)
  v.setUint32(0, 9)
  chunk.set([0x70, 0x48, 0x59, 0x73], 4) // pHYs
  v.setUint32(8, ppm)
  v.setUint32(12, ppm)
  chunk[16] = 1 // unit: metre
  v.setUint32(17, crc32(chunk.subarray(4, 17)))
  return chunk
}

/** The declared resolution of a PNG in dots per inch, or null when it declares none. */
export function resolutionOf(png: Uint8Array): { x: number; y: number } | null {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  for (let at = 8; at + 12 <= png.length; at += 12 + view.getUint32(at)) {
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) !== 'pHYs' || png[at + 16] !== 1) continue
    return { x: view.getUint32(at + 8) * INCH, y: view.getUint32(at + 12) * INCH }
  }
  return null
}
