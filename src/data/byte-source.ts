/**
 * A file's bytes, whole or in pieces. A chosen file arrives in the loader worker as a Blob, and the
 * tidy-CSV path reads it piece by piece, so the worker holds the table it builds and one piece of
 * the file, not the file. The parser is a synchronous pull (the tokenizer asks for the next piece
 * when a record runs past the one it has), so a Blob is read with FileReaderSync, which only
 * workers have; tests and scripts hand in the bytes.
 */
export type FileBytes = ArrayBuffer | Uint8Array | Blob

/** Bytes per piece: large enough that refills cost nothing, small against any table. */
export const PIECE_BYTES = 4 * 1024 * 1024

/**
 * Largest file read whole (JSON, workbooks, CSV that is not a plain tidy UTF-8 file): its text and
 * the cells made from it take several times its size, and a JavaScript string cannot pass 512 MB.
 */
export const MAX_WHOLE_FILE_BYTES = 200 * 1024 * 1024

export function sizeOf(b: FileBytes): number {
  return b instanceof Blob ? b.size : b.byteLength
}

function view(b: ArrayBuffer | Uint8Array): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b)
}

/** Only workers have FileReaderSync (and only their lib types name it). */
type SyncReader = new () => { readAsArrayBuffer(b: Blob): ArrayBuffer }

function readBlob(b: Blob): ArrayBuffer {
  const Reader = (globalThis as { FileReaderSync?: SyncReader }).FileReaderSync
  if (!Reader) throw new Error('a Blob can only be read inside the loader worker')
  return new Reader().readAsArrayBuffer(b)
}

/** The first `n` bytes, or fewer when the file is shorter. */
export function headOf(b: FileBytes, n: number): Uint8Array {
  if (b instanceof Blob) return new Uint8Array(readBlob(b.slice(0, n)))
  return view(b).subarray(0, n)
}

/** The whole file in memory, for the paths that read it at once. */
export function wholeOf(b: FileBytes): Uint8Array {
  return b instanceof Blob ? new Uint8Array(readBlob(b)) : view(b)
}

/**
 * The bytes from `start` on, piece by piece; null after the last. Bytes in memory come in one
 * piece unless `piece` asks for smaller ones (tests use that to cut records at every place).
 */
export function piecesOf(b: FileBytes, start: number, piece?: number): () => Uint8Array | null {
  const size = sizeOf(b)
  const step = piece ?? (b instanceof Blob ? PIECE_BYTES : size)
  let at = start
  return () => {
    if (at >= size) return null
    const end = Math.min(size, at + Math.max(1, step))
    const out = b instanceof Blob ? new Uint8Array(readBlob(b.slice(at, end))) : view(b).subarray(at, end)
    at = end
    return out
  }
}

/** The whole file as an ArrayBuffer of its own (the Excel reader takes nothing else). */
export function wholeBufferOf(b: FileBytes): ArrayBuffer {
  if (b instanceof ArrayBuffer) return b
  const bytes = wholeOf(b)
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
  return own ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer)
}
