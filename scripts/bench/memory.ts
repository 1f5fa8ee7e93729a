/**
 * Memory retained by a loaded file, in a process of its own (run with --expose-gc):
 *
 *   tsx --expose-gc --tsconfig tsconfig.node.json scripts/bench/memory.ts <file.csv> <table|papaparse>
 *
 * Prints one JSON line: bytes retained on the JS heap plus ArrayBuffer memory (typed-array columns
 * live outside the heap proper), measured after full collections, before and after loading. The file's
 * own bytes and any intermediate text are released before the second measurement.
 */
import { readFileSync, statSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import Papa from 'papaparse'
import { IndicatorLookup } from '../../src/data/facts'
import { parseCsvFast } from '../../src/data/fast-facts'
import { indicators, regions } from './data'
import { collectGarbage } from './stats'

function used(): { heap: number; arrayBuffers: number } {
  collectGarbage()
  const m = process.memoryUsage()
  return { heap: getHeapStatistics().used_heap_size, arrayBuffers: m.arrayBuffers }
}

const [file, mode] = process.argv.slice(2)
if (!file || (mode !== 'table' && mode !== 'papaparse')) throw new Error('usage: memory.ts <file.csv> <table|papaparse>')
const lookup = new IndicatorLookup(indicators.indicators)

function load(): unknown {
  const bytes = new Uint8Array(readFileSync(file!))
  if (mode === 'table') {
    const r = parseCsvFast({ file: file!, bytes, defaultSource: 'bench' }, regions, lookup)
    if (!r || 'tooManyRows' in r) throw new Error('the fast path declined the bench file')
    return r.table
  }
  return Papa.parse(new TextDecoder().decode(bytes), { header: true, dynamicTyping: true }).data
}

// Warm the modules once so their code and caches are not counted as the table's.
parseCsvFast({ file: 'warm.csv', bytes: new TextEncoder().encode('region,period,indicator,value\n玄武区,2023,total_workers,1\n'), defaultSource: 'x' }, regions, lookup)
const before = used()
const kept = load()
const after = used()
const retained = after.heap - before.heap + (after.arrayBuffers - before.arrayBuffers)
console.log(JSON.stringify({ mode, csvBytes: statSync(file).size, retained, heap: after.heap - before.heap, arrayBuffers: after.arrayBuffers - before.arrayBuffers, kept: Array.isArray(kept) ? kept.length : (kept as { length: number }).length }))
