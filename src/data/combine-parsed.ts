/**
 * Several read files (or sheets of one workbook) → one result: the districts' monthly returns a
 * city federation collects, imported in one go. Facts are put together in the order the parts
 * come; the same region, period and indicator in two parts is reported with both parts named:
 * with the same value it is a repeat and kept once, with another value it is a conflict and the
 * first part's value is kept until the user corrects one of the returns.
 */
import { FactTableBuilder, type FactTable } from '@/domain/table'
import { MAX_LISTED_PROBLEMS, type LoadProblem, type LoadReport } from './facts'
import type { Catalogues, ParsedFile } from './parse-common'

/** Names a fact for a message: 江都区 2023 职工总数. */
export type DescribeFact = (adcode: string, period: string, indicator: string) => string

/** Names from the catalogues the parse was given. */
export function describeWith(c: Catalogues): DescribeFact {
  const regions = new Map(c.regions.map((r) => [r.adcode, r.name]))
  const indicators = new Map(c.indicators.map((i) => [i.id, i.name.zh]))
  return (adcode, period, indicator) => `${regions.get(adcode) ?? adcode} ${period} ${indicators.get(indicator) ?? indicator}`
}

export function combineParsed(parts: readonly ParsedFile[], label: string, describe: DescribeFact): ParsedFile {
  const first = parts[0]!
  if (parts.length === 1) return first
  const seen = new Map<string, { value: number; file: string }>()
  const conflicts: LoadProblem[] = []
  const b = new FactTableBuilder(parts.reduce((s, p) => s + p.table.length, 0))
  for (const p of parts) addFacts(b, p.table, p.report.file, seen, conflicts, describe)

  const problems = [...parts.flatMap((p) => p.report.problems), ...conflicts].slice(0, MAX_LISTED_PROBLEMS)
  const report: LoadReport = {
    file: label,
    rowsRead: sum(parts, (p) => p.report.rowsRead),
    rowsAccepted: sum(parts, (p) => p.report.rowsAccepted),
    totalRows: sum(parts, (p) => p.report.totalRows),
    rowsRejected: sum(parts, (p) => p.report.rowsRejected),
    problems,
    problemCount: sum(parts, (p) => p.report.problemCount) + conflicts.length,
  }
  const custom = new Map(parts.flatMap((p) => p.customIndicators).map((i) => [i.id, i]))
  return {
    ...first,
    table: b.build(),
    report,
    shape: parts.find((p) => p.shape)?.shape ?? null,
    columns: mergeCounted(parts.map((p) => p.columns), (c) => c.label),
    unmatchedRegions: mergeCounted(parts.map((p) => p.unmatchedRegions), (r) => r.text),
    customIndicators: [...custom.values()],
    bytes: sum(parts, (p) => p.bytes),
    files: [...new Set(parts.flatMap((p) => p.files ?? [p.report.file]))],
  }
}

function sum<T>(list: readonly T[], f: (x: T) => number): number {
  return list.reduce((s, x) => s + f(x), 0)
}

function addFacts(
  b: FactTableBuilder,
  t: FactTable,
  file: string,
  seen: Map<string, { value: number; file: string }>,
  conflicts: LoadProblem[],
  describe: DescribeFact,
) {
  for (let i = 0; i < t.length; i++) {
    const adcode = t.regions[t.region[i]!]!
    const period = t.periods[t.period[i]!]!
    const indicator = t.indicators[t.indicator[i]!]!
    const value = t.value[i]!
    const key = `${adcode}|${period}|${indicator}`
    const before = seen.get(key)
    if (before && before.file !== file) {
      const same = Object.is(before.value, value) || Math.abs(before.value - value) < 1e-9
      const shown = (v: number) => (Number.isNaN(v) ? '—' : String(v))
      conflicts.push({
        code: same ? 'repeatedReturn' : 'conflictingReturn',
        file,
        text: `${describe(adcode, period, indicator)}：${shown(value)}`,
        detail: `${before.file}：${shown(before.value)}`,
      })
      continue
    }
    if (!before) seen.set(key, { value, file })
    b.add(adcode, period, indicator, Number.isNaN(value) ? null : value, t.sources[t.source[i]!]!)
  }
}

/** One entry per key: counts add up; the first part's entry stands (every part had the same options). */
function mergeCounted<T extends { count: number }>(lists: readonly (readonly T[])[], key: (x: T) => string): T[] {
  const out = new Map<string, T>()
  for (const list of lists)
    for (const x of list) {
      const had = out.get(key(x))
      if (had) had.count += x.count
      else out.set(key(x), { ...x })
    }
  return [...out.values()]
}
