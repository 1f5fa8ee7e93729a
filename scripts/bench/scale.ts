/**
 * One parse of one file by one parser, in a process of its own (run with --expose-gc), for the
 * ingest and memory figures and the plot against rows:
 *
 *   tsx --expose-gc --tsconfig tsconfig.node.json scripts/bench/scale.ts <file.csv> <ours|udsv|papaparse>
 *
 *   ours       the app's path: parseFile (the tidy path, piece by piece over the bytes, then the checks)
 *   udsv       uDSV's typed columns (inferSchema on the first piece, then `chunk(…, typedCols)`)
 *   papaparse  papaparse with header and dynamicTyping, as a developer would write it
 *
 * The text is decoded in 4 MB pieces for uDSV and papaparse's chunked parse is not used (its rows
 * are kept anyway). Prints one JSON line: wall-clock ms, rows, and the memory retained (JS heap plus
 * ArrayBuffers, after full collections, before and after, the file's bytes released).
 */
import { openSync, readSync, closeSync, statSync, readFileSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import Papa from 'papaparse'
import { inferSchema, initParser } from 'udsv'
import { parseFile } from '../../src/data/parse'
import { indicators, regions } from './data'
import { collectGarbage } from './stats'

function used(): number {
  collectGarbage()
  return getHeapStatistics().used_heap_size + process.memoryUsage().arrayBuffers
}

const [file, mode] = process.argv.slice(2)
if (!file || !['ours', 'udsv', 'papaparse'].includes(mode ?? '')) throw new Error('usage: scale.ts <file.csv> <ours|udsv|papaparse>')

/** The file's text in 4 MB pieces, decoded as a stream (a piece may end inside a character). */
function* textPieces(path: string): Generator<string> {
  const fd = openSync(path, 'r')
  const buf = Buffer.alloc(4 << 20)
  const dec = new TextDecoder()
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) yield dec.decode(buf.subarray(0, n), { stream: true })
    const last = dec.decode()
    if (last) yield last
  } finally {
    closeSync(fd)
  }
}

function ours(): { kept: unknown; rows: number } {
  const bytes = readFileSync(file!)
  const r = parseFile({ file: file!, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), defaultSource: 'bench' }, { regions: regions.all, indicators: indicators.indicators })
  return { kept: r.table, rows: r.table.length }
}

function udsv(): { kept: unknown; rows: number } {
  let parser: ReturnType<typeof initParser> | undefined
  for (const piece of textPieces(file!)) {
    parser ??= initParser(inferSchema(piece))
    parser.chunk<unknown[]>(piece, parser.typedCols)
  }
  const cols = parser!.end() as unknown[][]
  return { kept: cols, rows: cols[0]?.length ?? 0 }
}

function papaparse(): { kept: unknown; rows: number } {
  const text = new TextDecoder().decode(readFileSync(file!))
  const data = Papa.parse(text, { header: true, dynamicTyping: true }).data
  return { kept: data, rows: data.length }
}

// Warm the code paths on a small file so compilation is not counted.
const warm = 'region_code,region,period,indicator,value\n320102,玄武区,2023,total_workers,1\n'
Papa.parse(warm, { header: true, dynamicTyping: true })
initParser(inferSchema(warm)).typedCols(warm)
parseFile({ file: 'warm.csv', bytes: new TextEncoder().encode(warm), defaultSource: 'x' }, { regions: regions.all, indicators: indicators.indicators })

const before = used()
const t0 = performance.now()
const { kept, rows } = mode === 'ours' ? ours() : mode === 'udsv' ? udsv() : papaparse()
const ms = performance.now() - t0
const retained = used() - before
console.log(JSON.stringify({ mode, csvBytes: statSync(file).size, ms, rows, retained, alive: kept !== null }))
