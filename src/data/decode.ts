/**
 * Bytes → text. Chinese Excel writes "CSV (逗号分隔)" in GBK and "Unicode 文本" in UTF-16LE, so
 * statistical guessing is not used:
 *   1. a BOM decides;
 *   2. UTF-16 without a BOM shows itself by the zero bytes of its ASCII characters;
 *   3. UTF-8 is used unless the bytes are clearly not UTF-8: a few stray bytes in an otherwise
 *      UTF-8 file are reported by line, not taken as a reason to read the whole file otherwise;
 *   4. else GB18030 (a superset of GBK and GB2312), when the bytes read as Chinese text;
 *   5. when neither fits (Latin-1, a binary file), the text is read as UTF-8 and the caller says so.
 */
export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const
export type Encoding = (typeof ENCODINGS)[number]

export function isEncoding(v: unknown): v is Encoding {
  return typeof v === 'string' && (ENCODINGS as readonly string[]).includes(v)
}

/** U+FFFD, which TextDecoder puts where bytes are not valid in the chosen encoding. */
export const REPLACEMENT_CHAR = '\uFFFD'

/** A line with bytes that are not valid in the encoding used: 1-based line and the bytes in hex. */
export interface BadLine {
  line: number
  bytes: string
}

export interface Decoded {
  text: string
  encoding: Encoding
  /** True when the encoding came from a byte-order mark. */
  bom: boolean
  /** UTF-8 read despite a few invalid bytes: where they are (the first 100 lines). */
  badLines?: BadLine[]
  /** Neither UTF-8 nor GB18030 fits the bytes; the text is a best effort. */
  unsure?: boolean
}

const MAX_BAD_LINES = 100

export function decodeBytes(bytes: Uint8Array, forced?: Encoding): Decoded {
  if (forced) return { text: new TextDecoder(forced).decode(stripBom(bytes, forced)), encoding: forced, bom: false }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true }
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false }
  const scan = scanUtf8(bytes)
  const text = new TextDecoder('utf-8').decode(bytes)
  if (scan.invalid.length === 0) return { text, encoding: 'utf-8', bom: false }
  // Mostly valid multi-byte sequences with a few bad ones: a UTF-8 file with stray bytes.
  if (scan.multibyte > 0 && scan.invalid.length <= Math.max(2, scan.multibyte * 0.02))
    return { text, encoding: 'utf-8', bom: false, badLines: badLinesOf(bytes, scan.invalid) }
  if (readsAsChinese(bytes)) {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030', bom: false }
    } catch {
      // Not valid GB18030 either.
    }
  }
  return { text, encoding: 'utf-8', bom: false, unsure: true }
}

function stripBom(bytes: Uint8Array, enc: Encoding): Uint8Array {
  if (enc === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3)
  if (enc === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2)
  if (enc === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2)
  return bytes
}

/**
 * UTF-16 without a byte-order mark: a CSV's delimiters, digits and line ends are ASCII, which
 * UTF-16 writes with a zero byte, on the odd side (LE) or the even side (BE). Other text has no
 * zero bytes at all.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1
  if (n < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const pairs = n / 2
  if (odd >= pairs * 0.25 && even <= pairs * 0.02) return 'utf-16le'
  if (even >= pairs * 0.25 && odd <= pairs * 0.02) return 'utf-16be'
  return null
}

/** Valid multi-byte sequences and the offsets of invalid ones. */
function scanUtf8(bytes: Uint8Array): { multibyte: number; invalid: number[] } {
  let multibyte = 0
  const invalid: number[] = []
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= n
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80
    // Overlong and surrogate forms are invalid too.
    if (ok && len === 3) ok = !(b === 0xe0 && bytes[i + 1]! < 0xa0) && !(b === 0xed && bytes[i + 1]! >= 0xa0)
    if (ok && len === 4) ok = !(b === 0xf0 && bytes[i + 1]! < 0x90) && !(b === 0xf4 && bytes[i + 1]! >= 0x90)
    if (ok) {
      multibyte++
      i += len
    } else {
      // Too many to matter beyond the decision; keep a bounded list.
      if (invalid.length < 1_000_000) invalid.push(i)
      i++
    }
  }
  return { multibyte, invalid }
}

function badLinesOf(bytes: Uint8Array, offsets: readonly number[]): BadLine[] {
  const out: BadLine[] = []
  let line = 1
  let pos = 0
  for (const at of offsets) {
    for (; pos < at; pos++) if (bytes[pos] === 0x0a) line++
    const hex = Array.from(bytes.subarray(at, at + 1), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
    const last = out.at(-1)
    if (last?.line === line) last.bytes = `${last.bytes} ${hex}`
    else if (out.length < MAX_BAD_LINES) out.push({ line, bytes: hex })
    else break
  }
  return out
}

/**
 * GB18030 fits: its two-byte characters are mostly in the GB2312 block (both bytes A1–FE), as the
 * characters of names, places and indicators are. Latin-1 text read as GB18030 pairs a letter
 * like é with the ASCII byte after it, which GB2312 never does.
 */
function readsAsChinese(bytes: Uint8Array): boolean {
  let pairs = 0
  let common = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b < 0x81 || b === 0xff) continue
    const t = bytes[i + 1] ?? 0
    if (t >= 0x30 && t <= 0x39) {
      i += 3
      pairs++
      continue
    }
    pairs++
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common++
    i++
  }
  return pairs > 0 && common >= pairs * 0.5
}
