// @vitest-environment node
/**
 * The pre-shaped sample the page loads (public/sample/sample-table.bin) is what the loader makes of
 * the files in data/ today: the same table column by column, the same dictionaries and reports, and
 * the same bytes the generator writes. When this fails, run `npm run gen:sample-table`.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { concatTables } from '@/domain/table'
import { SAMPLE_SOURCE } from '@/domain/types'
import { DATA_DIR, fileBytes, SAMPLE_FILE_NAMES, SAMPLE_TABLE_FILE, sampleCatalogues, shapeSample } from '../../scripts/sample/shape'
import { parseFileAsync } from './parse-common'
import { decodeTableFile, encodeTableFile } from './table-file'

const committed = readFileSync(SAMPLE_TABLE_FILE)
const shaped = decodeTableFile(fileBytes(SAMPLE_TABLE_FILE), 'sample-table.bin')
const STALE = 'public/sample/sample-table.bin is stale: run npm run gen:sample-table'
const fresh = shapeSample()
const bytesOf = (a: Uint32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)

describe('public/sample/sample-table.bin', () => {
  it('holds the table parsing data/ gives, column by column', () => {
    expect(shaped.table.length).toBe(fresh.table.length)
    expect(shaped.table.length).toBe(13110 + 6840)
    for (const k of ['regions', 'periods', 'indicators', 'sources'] as const) expect(shaped.table[k], `${k}: ${STALE}`).toEqual(fresh.table[k])
    // Compared as bytes: values bit for bit, so no-data NaN is checked as well.
    for (const k of ['region', 'period', 'indicator', 'source', 'value'] as const) expect(bytesOf(shaped.table[k]).equals(bytesOf(fresh.table[k])), `${k}: ${STALE}`).toBe(true)
  })

  it('holds the load reports of both files, which the sample notices read', () => {
    expect(shaped.reports, STALE).toEqual(fresh.reports)
    expect(shaped.reports.map((r) => r.file)).toEqual(['sample-annual.csv', 'sample-monthly.json'])
    expect(shaped.table.sources).toContain(SAMPLE_SOURCE)
    expect(shaped.table.sources).toContain('江苏工人报《主席论坛》2023')
  })

  it('is what the loader worker gives as well', async () => {
    const catalogues = sampleCatalogues()
    const parsed = await Promise.all(
      SAMPLE_FILE_NAMES.map((file) => parseFileAsync({ file, bytes: fileBytes(resolve(DATA_DIR, file)), defaultSource: SAMPLE_SOURCE }, catalogues)),
    )
    expect(Buffer.from(encodeTableFile(concatTables(parsed.map((p) => p.table)), parsed.map((p) => p.report))).equals(committed), STALE).toBe(true)
  })

  it('is byte for byte what the generator writes', () => {
    expect(Buffer.from(encodeTableFile(fresh.table, fresh.reports)).equals(committed), STALE).toBe(true)
  })
})
