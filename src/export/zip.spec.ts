import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { UNIX_FILE } from './zip'

/** The central directory entry of the one file in a ZIP: who made it, its flags and mode. */
function centralEntry(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let at = zip.length - 22
  while (v.getUint32(at, true) !== 0x06054b50) at--
  const cd = v.getUint32(at + 16, true)
  return { madeBy: zip[cd + 5], flags: v.getUint16(cd + 8, true), mode: v.getUint32(cd + 38, true) >>> 16 }
}

describe('ZIP entries', () => {
  it('are made on Unix as ordinary files, with Chinese names flagged UTF-8', () => {
    const zip = zipSync({ '职工稳定率_江苏省各设区市排名_2023.png': [strToU8('x'), { level: 0, ...UNIX_FILE }] })
    const entry = centralEntry(zip)
    expect(entry.madeBy).toBe(3)
    expect(entry.flags & 0x800).toBe(0x800)
    expect(entry.mode).toBe(0o100644)
  })
})
