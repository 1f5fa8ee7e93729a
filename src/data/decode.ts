/**
 * Bytes → text. Chinese Excel writes "CSV (逗号分隔)" in GBK and "Unicode 文本" in UTF-16LE, so
 * statistical guessing is not used: a BOM decides, else strict UTF-8 is tried, else GB18030 (a
 * superset of GBK and GB2312) is used.
 */
export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const
export type Encoding = (typeof ENCODINGS)[number]

export function isEncoding(v: unknown): v is Encoding {
  return typeof v === 'string' && (ENCODINGS as readonly string[]).includes(v)
}

/**
 * Largest file the dashboard reads (50 MB). The data of a province's districts over many years is
 * a few megabytes; anything far bigger is almost certainly the wrong file.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024

/** U+FFFD, which TextDecoder puts where bytes are not valid in the chosen encoding. */
export const REPLACEMENT_CHAR = '\uFFFD'

export interface Decoded {
  text: string
  encoding: Encoding
  /** True when the encoding came from a byte-order mark. */
  bom: boolean
}

export function decodeBytes(bytes: Uint8Array, forced?: Encoding): Decoded {
  if (forced) return { text: new TextDecoder(forced).decode(stripBom(bytes, forced)), encoding: forced, bom: false }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false }
  }
}

function stripBom(bytes: Uint8Array, enc: Encoding): Uint8Array {
  if (enc === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3)
  if (enc === 'utf-16le' && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2)
  if (enc === 'utf-16be' && bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2)
  return bytes
}
