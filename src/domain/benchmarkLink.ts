/**
 * A benchmark names the region it was measured in (承德县 2022, 河北省). When that region's own data
 * is loaded, its name in the benchmark's label becomes a way to go there: the label is cut around the
 * region's name so that only the name is the link, and the rest stays plain text.
 */
import type { Benchmark, Region } from './types'

export interface BenchmarkParts {
  before: string
  /** The region to link to, named as in the label (or by its own name when the label does not say it). */
  region: Region
  name: string
  after: string
}

/**
 * The label of `benchmark` in parts around its region's name, or null when it names no region, the
 * region is not in the catalogue, or none of its data is loaded (then it stays plain text).
 */
export function benchmarkParts(
  benchmark: Benchmark,
  locale: 'zh-CN' | 'en',
  lookup: (adcode: string) => Region | undefined,
  loaded: (adcode: string) => boolean,
): BenchmarkParts | null {
  const code = benchmark.region
  const region = code === undefined ? undefined : lookup(code)
  if (!region || !loaded(region.adcode)) return null
  const label = locale === 'zh-CN' ? benchmark.label.zh : benchmark.label.en
  const name = locale === 'zh-CN' ? region.name : region.nameEn
  const at = label.indexOf(name)
  if (at < 0) return { before: `${label} · `, region, name, after: '' }
  return { before: label.slice(0, at), region, name, after: label.slice(at + name.length) }
}
