/**
 * Writes the bundled sample pre-shaped for the page:
 *
 *   public/sample/sample-table.bin   the fact table and load reports that parsing data/sample-annual.csv
 *                                    and data/sample-monthly.json gives (layout: src/data/table-file.ts)
 *
 *   npx tsx --tsconfig tsconfig.node.json scripts/gen-sample-table.ts   (npm run gen:sample-table;
 *   npm run gen:sample runs it after rewriting data/)
 *
 * Run it whenever the sample files or the catalogues in data/ change; src/data/sample-table.spec.ts
 * fails while the file is stale. The output is deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { encodeTableFile } from '../src/data/table-file'
import { SAMPLE_TABLE_FILE, shapeSample } from './sample/shape'

const { table, reports } = shapeSample()
const bytes = encodeTableFile(table, reports)
mkdirSync(dirname(SAMPLE_TABLE_FILE), { recursive: true })
writeFileSync(SAMPLE_TABLE_FILE, bytes)

console.log(`${relative(process.cwd(), SAMPLE_TABLE_FILE)}  ${table.length} facts, ${(bytes.length / 1024).toFixed(0)} KB`)
for (const r of reports) console.log(`  ${r.file}: ${r.rowsAccepted} of ${r.rowsRead} rows, ${r.problemCount} problems`)
console.log(`  ${table.regions.length} regions, ${table.periods.length} periods, ${table.indicators.length} indicators, ${table.sources.length} sources`)
