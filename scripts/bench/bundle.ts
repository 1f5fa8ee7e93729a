/**
 * What the first view's JavaScript is made of: each first-view chunk's gzip size shared out among
 * the packages its source map traces its bytes to (in proportion to their raw bytes), summed into
 * the groups a reader would name. An estimate — gzip does not split exactly along sources — but it
 * comes from the build that is measured, so it cannot go stale.
 *
 *   bundleShares('.bench/dist-map')   (a build made with --sourcemap)
 */
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js'
// @ts-expect-error: a plain ES module without types
import { firstViewJs } from '../check-bundle.mjs'

const GROUPS: [name: string, test: RegExp][] = [
  ['ECharts (echarts, zrender, vue-echarts)', /node_modules\/(echarts|zrender|vue-echarts)\//],
  ['Naive UI and its helpers', /node_modules\/(naive-ui|vueuc|vooks|vdirs|seemly|css-render|@css-render|treemate|lodash-es|date-fns|evtd|@juggle|@emotion|async-validator)\//],
  ['Vue, vue-router, Pinia', /node_modules\/(vue|@vue|vue-router|pinia)\//],
  ['vue-i18n', /node_modules\/(vue-i18n|@intlify)\//],
  ['the app (src/)', /(^|\/)src\//],
]

/** Code no source map names: module glue, the inlined JSON catalogues (data/*.json), runtime helpers. */
const UNMAPPED = 'unmapped (module glue, the inlined catalogues)'

export interface Share {
  group: string
  gzip: number
}

export function bundleShares(distDir: string): Share[] {
  const { chunks } = firstViewJs(distDir) as { chunks: { file: string; bytes: number; gzip: number }[] }
  const totals = new Map<string, number>()
  const add = (group: string, n: number) => totals.set(group, (totals.get(group) ?? 0) + n)
  for (const c of chunks) {
    const mapFile = join(distDir, `${c.file}.map`)
    if (!existsSync(mapFile)) {
      add(UNMAPPED, c.gzip)
      continue
    }
    const lines = readFileSync(join(distDir, c.file), 'utf8').split('\n')
    const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')) as RawSourceMap)
    const perSource = new Map<string, number>()
    let prev: { line: number; column: number; source: string } | null = null
    let mapped = 0
    consumer.eachMapping((m) => {
      if (prev) {
        const len = prev.line === m.generatedLine ? m.generatedColumn - prev.column : (lines[prev.line - 1]?.length ?? 0) - prev.column
        perSource.set(prev.source, (perSource.get(prev.source) ?? 0) + len)
        mapped += len
      }
      prev = { line: m.generatedLine, column: m.generatedColumn, source: m.source ?? '' }
    })
    const ratio = c.gzip / c.bytes
    for (const [source, len] of perSource) add(source ? (GROUPS.find(([, re]) => re.test(source))?.[0] ?? 'other packages') : UNMAPPED, len * ratio)
    add(UNMAPPED, Math.max(0, c.bytes - mapped) * ratio)
  }
  return [...totals].map(([group, gzip]) => ({ group, gzip })).sort((a, b) => b.gzip - a.gzip)
}
