/**
 * Writes the bundled sample data set:
 *
 *   data/sample-annual.csv    annual facts, 95 divisions × 2019–2024 × every indicator
 *   data/sample-monthly.json  monthly relief_amount per division, 2019-01 … 2024-12
 *   data/README.md            what the files hold, which rows are published, how to regenerate
 *
 *   npx tsx scripts/gen-sample.ts      (npm run gen:sample)
 *
 * The contents come from the pure functions in scripts/sample/generate.ts; this script only writes
 * them and prints a summary. `npm run gen:sample` then reshapes them for the page
 * (scripts/gen-sample-table.ts).
 */
import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SAMPLE_SOURCE } from '../src/domain/types'
import { buildSample, generateSample, PUBLISHED, SEED, YEARS, sampleReadme } from './sample/generate'

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data')

const { csv, monthlyJson } = generateSample()
writeFileSync(join(DATA_DIR, 'sample-annual.csv'), csv)
writeFileSync(join(DATA_DIR, 'sample-monthly.json'), monthlyJson)
writeFileSync(join(DATA_DIR, 'README.md'), sampleReadme())

const { cells, monthly, sizes } = buildSample()
const regions = new Set(cells.map((c) => c.regionCode))
const indicators = new Set(cells.map((c) => c.indicator))
const blank = cells.filter((c) => c.scaled === null)
const published = cells.filter((c) => c.source !== SAMPLE_SOURCE)
const sizeValues = [...sizes.values()].sort((a, b) => a - b)
const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KB`

console.log(`seed ${SEED}`)
console.log(
  `data/sample-annual.csv    ${cells.length} rows (${regions.size} divisions × ${YEARS.length} years × ${indicators.size} indicators), ${kb(csv)}`,
)
console.log(`  empty values ${blank.length} (${((100 * blank.length) / cells.length).toFixed(2)}%) in ${new Set(blank.map((c) => c.regionCode)).size} divisions`)
console.log(`  published rows ${published.length} (expected ${PUBLISHED.length})`)
console.log(`  职工总数 2019: ${sizeValues[0]} … ${sizeValues[sizeValues.length - 1]}`)
console.log(`data/sample-monthly.json  ${monthly.length} facts, ${kb(monthlyJson)}`)
console.log('data/README.md')
