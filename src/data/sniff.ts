/**
 * A file's type by its leading bytes, not its name: a workbook saved as .csv, or a CSV renamed
 * .xlsx, is read as what it is (and the preview says so).
 *   PK\3\4 with an xl/ part  an .xlsx workbook (a zip without one is no workbook)
 *   D0 CF 11 E0              an Excel 97–2003 .xls workbook (not read; the user is told to save as .xlsx)
 *   { or [ first             JSON
 *   anything else            text (CSV, TSV, TXT)
 */
export type Sniffed = 'xlsx' | 'xls' | 'zip' | 'json' | 'text'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b)
}

/** The zip's file names sit in its central directory at the end and in each local header. */
function hasWorkbookPart(bytes: Uint8Array): boolean {
  const name = [0x78, 0x6c, 0x2f] // "xl/"
  const scan = (from: number, to: number) => {
    for (let i = from; i < to - name.length; i++) if (bytes[i] === name[0] && bytes[i + 1] === name[1] && bytes[i + 2] === name[2]) return true
    return false
  }
  const n = bytes.length
  return scan(Math.max(0, n - 65536), n) || scan(0, Math.min(n, 65536))
}

export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, ZIP)) return hasWorkbookPart(bytes) ? 'xlsx' : 'zip'
  if (startsWith(bytes, OLE)) return 'xls'
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'json' : 'text'
}
