/**
 * A CSV tokenizer over UTF-8 bytes: no decoded copy of the file, no per-value regex, no row objects.
 * Each row is reported as byte ranges (start, end) of its fields; callers decode only the distinct
 * strings they need (see `ByteInterner`) and read numbers straight from the bytes (`readNumber`).
 *
 * It reads the CSV dialect papaparse reads with a given delimiter: a field is quoted when it starts
 * with `"`, `""` inside quotes is one quote, one kind of line ending ends a record. Anything papaparse
 * would report or read in its own way is not guessed at: the tokenizer stops and says why
 * (`irregular`), so that the caller can hand the file to papaparse. That covers malformed quotes,
 * mixed line endings, bytes that are not UTF-8 and U+FFFD replacement characters.
 */
import { parseCell } from './values'

export type Irregularity = 'badQuotes' | 'mixedLineEndings' | 'notUtf8' | 'replacementChar'

const QUOTE = 0x22
/** Byte classes outside quotes: plain ASCII, end of field (delimiter, CR, LF), start of a multi-byte sequence. */
const PLAIN = 0
const STOP = 1
const MULTI_BYTE = 2
const LF = 0x0a
const CR = 0x0d

export class CsvTokenizer {
  /** Fields of the current row: byte offsets [start, end) inside the quotes, if quoted. */
  starts = new Int32Array(64)
  ends = new Int32Array(64)
  /** 1 where a quoted field holds `""` pairs, so its text needs unescaping. */
  escaped = new Uint8Array(64)
  count = 0
  /** Set when the tokenizer stopped before the end of the input. */
  irregular: Irregularity | null = null
  /** The line ending in use once the first one is seen: '\n', '\r\n' or '\r'. */
  newline: '' | '\n' | '\r\n' | '\r' = ''
  /** Records read so far, blank ones included: the current record's number, counting from 1. */
  record = 0
  private pos: number
  private n: number
  /** True once every piece has been read (always, for bytes given whole). */
  private final: boolean
  /** Set when a record ran past the bytes at hand and more are to come. */
  private starved = false
  private readonly classes = new Uint8Array(256)

  constructor(
    /** The bytes at hand: the whole file, or the pieces read so far from the current record on. */
    public bytes: Uint8Array,
    readonly delimiter: number,
    /** Check that multi-byte sequences are well-formed UTF-8 (skip for bytes from TextEncoder). */
    private readonly validate = true,
    start = 0,
    /** The next piece of the file, null after the last; absent when `bytes` is the whole file. */
    private readonly more?: () => Uint8Array | null,
  ) {
    this.pos = start
    this.n = bytes.length
    this.final = more === undefined
    this.classes.fill(MULTI_BYTE, 0x80)
    this.classes[delimiter] = STOP
    this.classes[LF] = STOP
    this.classes[CR] = STOP
  }

  /** Reads the next record; false at the end of input or when irregular. */
  next(): boolean {
    for (;;) {
      if (this.irregular !== null) return false
      if (this.pos >= this.n && (this.final || !this.refill())) return false
      if (this.readRow()) break
      if (!this.starved) return false
      // The record runs past the bytes at hand: read it again with the next piece.
      this.starved = false
      this.refill()
    }
    this.record++
    return true
  }

  /**
   * Keeps the bytes from the current record on and appends at least as many as it keeps (so a
   * record longer than a piece is copied a bounded number of times); false at the end.
   */
  private refill(): boolean {
    const rest = this.n - this.pos
    const pieces: Uint8Array[] = []
    let added = 0
    while (!this.final && (added === 0 || added < rest)) {
      const piece = this.more!()
      if (piece === null) this.final = true
      else {
        pieces.push(piece)
        added += piece.length
      }
    }
    if (added === 0) return false
    const joined = new Uint8Array(rest + added)
    joined.set(this.bytes.subarray(this.pos, this.n))
    let at = rest
    for (const piece of pieces) {
      joined.set(piece, at)
      at += piece.length
    }
    this.bytes = joined
    this.n = joined.length
    this.pos = 0
    return true
  }

  /** The bytes at hand end inside the record: more are needed before it can be read. */
  private starve(): false {
    this.starved = true
    return false
  }

  /** Scans one record into the field arrays; false when the input is irregular. */
  private readRow(): boolean {
    const b = this.bytes
    const n = this.n
    const d = this.delimiter
    let i = this.pos
    let f = 0
    for (;;) {
      if (f === this.starts.length) this.growFields()
      let end: number
      if (b[i] === QUOTE) {
        const start = ++i
        let esc = 0
        for (;;) {
          if (i >= n) return this.final ? this.fail('badQuotes') : this.starve()
          const c = b[i]!
          if (c === QUOTE) {
            if (i + 1 >= n && !this.final) return this.starve()
            if (b[i + 1] === QUOTE) {
              esc = 1
              i += 2
              continue
            }
            break
          }
          if (c < 0x80) i++
          else if ((i = this.multiByte(i)) < 0) return false
        }
        end = i++
        this.starts[f] = start
        this.ends[f] = end
        this.escaped[f] = esc
        f++
        if (i >= n) {
          if (!this.final) return this.starve()
          break
        }
        const c = b[i]!
        if (c === d) {
          i++
          continue
        }
        if (c !== LF && c !== CR) return this.fail('badQuotes')
      } else {
        const start = i
        const cls = this.classes
        while (i < n) {
          const k = cls[b[i]!]!
          if (k === PLAIN) i++
          else if (k === STOP) break
          else if ((i = this.multiByte(i)) < 0) return false
        }
        this.starts[f] = start
        this.ends[f] = i
        this.escaped[f] = 0
        f++
        if (i >= n) {
          if (!this.final) return this.starve()
          break
        }
        if (b[i] === d) {
          i++
          continue
        }
      }
      // A line ending: one kind for the whole file, as papaparse assumes.
      if (b[i] === CR && i + 1 >= n && !this.final) return this.starve()
      const nl = b[i] === LF ? '\n' : b[i + 1] === LF ? '\r\n' : '\r'
      if (this.newline === '') this.newline = nl
      else if (this.newline !== nl) return this.fail('mixedLineEndings')
      i += nl.length
      break
    }
    this.pos = i
    this.count = f
    return true
  }

  /** Validates the UTF-8 sequence at `i` (WHATWG rules: no overlongs, surrogates or > U+10FFFF). */
  private multiByte(i: number): number {
    if (!this.validate) return i + 1
    if (i + 4 > this.n && !this.final) return (this.starve(), -1)
    const b = this.bytes
    const c = b[i]!
    let len: number
    let lo = 0x80
    let hi = 0xbf
    if (c >= 0xc2 && c <= 0xdf) len = 2
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3
      if (c === 0xe0) lo = 0xa0
      else if (c === 0xed) hi = 0x9f
      // U+FFFD in a file usually marks text that was already mis-decoded once: the general path reports it.
      else if (c === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) {
        this.irregular = 'replacementChar'
        return -1
      }
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4
      if (c === 0xf0) lo = 0x90
      else if (c === 0xf4) hi = 0x8f
    } else return this.notUtf8()
    const c1 = b[i + 1]
    if (c1 === undefined || c1 < lo || c1 > hi) return this.notUtf8()
    for (let k = 2; k < len; k++) {
      const ck = b[i + k]
      if (ck === undefined || ck < 0x80 || ck > 0xbf) return this.notUtf8()
    }
    return i + len
  }

  private notUtf8(): number {
    this.irregular = 'notUtf8'
    return -1
  }

  private fail(why: Irregularity): false {
    this.irregular = why
    return false
  }

  /** True when every field of the current record is blank (whitespace only). */
  isBlank(): boolean {
    const b = this.bytes
    let nonAscii = false
    for (let f = 0; f < this.count; f++) {
      for (let i = this.starts[f]!; i < this.ends[f]!; i++) {
        const c = b[i]!
        if (c >= 0x80) nonAscii = true
        else if (c !== 0x20 && (c < 0x09 || c > 0x0d)) return false
      }
    }
    if (!nonAscii) return true
    let text = ''
    for (let f = 0; f < this.count; f++) text += this.text(f)
    return text.trim() === ''
  }

  private growFields(): void {
    const size = this.starts.length * 2
    const grow = <T extends Int32Array | Uint8Array>(a: T, to: T): T => (to.set(a), to)
    this.starts = grow(this.starts, new Int32Array(size))
    this.ends = grow(this.ends, new Int32Array(size))
    this.escaped = grow(this.escaped, new Uint8Array(size))
  }

  /** The text of field `f` of the current row ('' when the row is shorter). */
  text(f: number): string {
    if (f >= this.count) return ''
    const s = utf8.decode(this.bytes.subarray(this.starts[f]!, this.ends[f]!))
    return this.escaped[f] ? s.replaceAll('""', '"') : s
  }
}

const utf8 = new TextDecoder('utf-8')

/**
 * Gives each distinct byte string a dense id (0, 1, 2 … in order of first sight), so that text is
 * decoded and resolved once per distinct value instead of once per row.
 */
export class ByteInterner {
  private slots = new Int32Array(256)
  private hashes = new Int32Array(64)
  private offsets = new Int32Array(64)
  private lengths = new Int32Array(64)
  private pool = new Uint8Array(4096)
  private used = 0
  private readonly scratch: number[] = []
  /** The last field looked up: files repeat a value over runs of rows (a region, a period). */
  private lastBytes: Uint8Array | null = null
  private lastStart = 0
  private lastLength = -1
  private lastId = -1
  size = 0

  /** Id of the field `f` of the tokenizer's current row; -1 when the row has no such field. */
  field(tok: CsvTokenizer, f: number): number {
    if (f >= tok.count) return -1
    const start = tok.starts[f]!
    const end = tok.ends[f]!
    if (!tok.escaped[f]) {
      const b = tok.bytes
      const len = end - start
      if (len === this.lastLength && b === this.lastBytes) {
        const o = this.lastStart
        let k = 0
        while (k < len && b[o + k] === b[start + k]) k++
        if (k === len) {
          this.lastStart = start
          return this.lastId
        }
      }
      const id = this.id(b, start, end)
      this.lastBytes = b
      this.lastStart = start
      this.lastLength = len
      this.lastId = id
      return id
    }
    // `""` → `"`: intern the unescaped bytes.
    const s = this.scratch
    s.length = 0
    for (let i = start; i < end; i++) {
      s.push(tok.bytes[i]!)
      if (tok.bytes[i] === QUOTE) i++
    }
    return this.id(Uint8Array.from(s), 0, s.length)
  }

  id(b: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193)
    const len = end - start
    const mask = this.slots.length - 1
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s]!
      if (slot === 0) return this.insert(s, h, b, start, len)
      const id = slot - 1
      if (this.hashes[id] === h && this.lengths[id] === len && this.equals(id, b, start, len)) return id
    }
  }

  /** The bytes of id `id`, decoded. */
  text(id: number): string {
    const o = this.offsets[id]!
    return utf8.decode(this.pool.subarray(o, o + this.lengths[id]!))
  }

  private equals(id: number, b: Uint8Array, start: number, len: number): boolean {
    const p = this.pool
    const o = this.offsets[id]!
    for (let k = 0; k < len; k++) if (p[o + k] !== b[start + k]) return false
    return true
  }

  private insert(slot: number, h: number, b: Uint8Array, start: number, len: number): number {
    const id = this.size++
    if (id === this.hashes.length) {
      const grow = (a: Int32Array) => {
        const to = new Int32Array(a.length * 2)
        to.set(a)
        return to
      }
      this.hashes = grow(this.hashes)
      this.offsets = grow(this.offsets)
      this.lengths = grow(this.lengths)
    }
    if (this.used + len > this.pool.length) {
      const to = new Uint8Array(Math.max(this.pool.length * 2, this.used + len))
      to.set(this.pool)
      this.pool = to
    }
    this.pool.set(b.subarray(start, start + len), this.used)
    this.hashes[id] = h
    this.offsets[id] = this.used
    this.lengths[id] = len
    this.used += len
    this.slots[slot] = id + 1
    if (this.size * 2 > this.slots.length) this.rehash()
    return id
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let id = 0; id < this.size; id++) {
      let s = this.hashes[id]! & mask
      while (slots[s] !== 0) s = (s + 1) & mask
      slots[s] = id + 1
    }
    this.slots = slots
  }
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k)

/**
 * A plain decimal (`-12`, `3.25`) read straight from the bytes; NaN for anything else (spaces,
 * signs other than a leading '-', exponents, separators, units, more than 15 digits), which the
 * caller reads the slow way. For these inputs the result equals `Number(text)` exactly: an integer
 * mantissa below 2^53 divided by an exact power of ten is correctly rounded.
 */
export function readNumber(b: Uint8Array, start: number, end: number): number {
  let i = start
  const neg = b[i] === 0x2d
  if (neg) i++
  let mantissa = 0
  let digits = 0
  let frac = -1
  for (; i < end; i++) {
    const c = b[i]!
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30)
      digits++
      if (frac >= 0) frac++
    } else if (c === 0x2e && frac < 0 && digits > 0) frac = 0
    else return NaN
  }
  if (digits === 0 || digits > 15 || frac === 0) return NaN
  const v = frac > 0 ? mantissa / POW10[frac]! : mantissa
  return neg ? -v : v
}

export interface CsvColumns {
  headers: string[]
  rows: number
  /** Per column: numbers where every non-blank cell is a plain decimal, else dictionary codes. */
  columns: ({ kind: 'number'; values: Float64Array } | { kind: 'text'; codes: Uint32Array; dictionary: string[] })[]
}

/**
 * Bytes → typed columns, for files read as plain tables: a column is numeric while each cell reads
 * as a number or as "no data" (NaN) the way `parseCell` reads it, otherwise dictionary-encoded text.
 * Returns the irregularity instead when the file needs papaparse.
 */
export function readCsvColumns(bytes: Uint8Array, delimiter = 0x2c): CsvColumns | Irregularity {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const tok = new CsvTokenizer(bytes, delimiter, true, start)
  let found = false
  while (!found && tok.next()) found = !tok.isBlank()
  if (tok.irregular) return tok.irregular
  if (!found) return { headers: [], rows: 0, columns: [] }
  const headers = Array.from({ length: tok.count }, (_, f) => tok.text(f))
  const width = headers.length
  let cap = Math.max(1024, bytes.length >> 6)
  let values = headers.map(() => new Float64Array(cap))
  const interners: (ByteInterner | null)[] = headers.map(() => null)
  let codes: (Uint32Array | null)[] = headers.map(() => null)
  let rows = 0
  while (tok.next()) {
    if (tok.isBlank()) continue
    if (rows === cap) {
      cap *= 2
      values = values.map((v) => extend(v, new Float64Array(cap)))
      codes = codes.map((c) => (c ? extend(c, new Uint32Array(cap)) : null))
    }
    for (let f = 0; f < width; f++) {
      const interner = interners[f]
      if (interner) {
        codes[f]![rows] = interner.field(tok, f) + 1
        continue
      }
      const s = tok.starts[f]!
      const e = f < tok.count ? tok.ends[f]! : s
      let v = e === s ? NaN : readNumber(bytes, s, e)
      let isText = false
      if (Number.isNaN(v) && e !== s) {
        const cell = parseCell(tok.text(f).trim())
        if (cell.ok) v = cell.value ?? NaN
        else isText = true
      }
      if (isText) {
        // First text cell: the column becomes text, earlier numbers become their own strings.
        const dict = new ByteInterner()
        const c = new Uint32Array(cap)
        const enc = new TextEncoder()
        const before = values[f]!
        for (let r = 0; r < rows; r++) {
          const t = Number.isNaN(before[r]!) ? new Uint8Array(0) : enc.encode(String(before[r]))
          c[r] = dict.id(t, 0, t.length) + 1
        }
        c[rows] = dict.field(tok, f) + 1
        interners[f] = dict
        codes[f] = c
      } else values[f]![rows] = v
    }
    rows++
  }
  if (tok.irregular) return tok.irregular
  return {
    headers,
    rows,
    columns: headers.map((_, f) => {
      const dict = interners[f]
      if (!dict) return { kind: 'number' as const, values: values[f]!.slice(0, rows) }
      return { kind: 'text' as const, codes: codes[f]!.slice(0, rows), dictionary: ['', ...Array.from({ length: dict.size }, (_, k) => dict.text(k))] }
    }),
  }
}

function extend<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from)
  return to
}
