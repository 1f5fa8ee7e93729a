/**
 * The bundled sample as the dashboard shows it: data/sample-annual.csv and data/sample-monthly.json
 * read by the loader (parseFile) with the catalogues in data/ and the sample's source label, the
 * two tables concatenated in that order, and each file's load report. scripts/gen-sample-table.ts
 * writes it to SAMPLE_TABLE_FILE, which the page fetches instead of parsing the files itself.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadIndicatorCatalogue } from '../../src/domain/indicators'
import { loadRegionCatalogue } from '../../src/domain/regions'
import { concatTables } from '../../src/domain/table'
import { SAMPLE_SOURCE } from '../../src/domain/types'
import { parseFile, type Catalogues } from '../../src/data/parse'
import type { TableFile } from '../../src/data/table-file'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DATA_DIR = resolve(ROOT, 'data')
/** Under public/, so the dev server and the static build both serve it beside index.html. */
export const SAMPLE_TABLE_FILE = resolve(ROOT, 'public', 'sample', 'sample-table.bin')
export const SAMPLE_FILE_NAMES = ['sample-annual.csv', 'sample-monthly.json'] as const

export function fileBytes(path: string): ArrayBuffer {
  const b = readFileSync(path)
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
}

export function sampleCatalogues(dataDir = DATA_DIR): Catalogues {
  const json = (name: string): unknown => JSON.parse(readFileSync(resolve(dataDir, name), 'utf8'))
  return {
    regions: loadRegionCatalogue(json('regions.json')).all,
    indicators: loadIndicatorCatalogue(json('indicators.json')).indicators,
  }
}

export function shapeSample(dataDir = DATA_DIR): TableFile {
  const catalogues = sampleCatalogues(dataDir)
  const parsed = SAMPLE_FILE_NAMES.map((file) => parseFile({ file, bytes: fileBytes(resolve(dataDir, file)), defaultSource: SAMPLE_SOURCE }, catalogues))
  return { table: concatTables(parsed.map((p) => p.table)), reports: parsed.map((p) => p.report) }
}
