/**
 * Several read files (or sheets of one workbook) → one result: the districts' monthly returns a
 * city federation collects, imported in one go. Facts are put together in the order the parts
 * come; the same region, period and indicator with a figure in two parts is reported with both
 * parts named: with the same value it is a repeat and kept once, with another value it is a
 * conflict and the first part's value is kept until the user corrects one of the returns.
 */
import { FactTableBuilder } from '@/domain/table'
import { MAX_LISTED_PROBLEMS, type LoadProblem, type LoadReport } from './facts'
import type { Catalogues, ParsedFile } from './parse-types'

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
  const conflicts: LoadProblem[] = []
  const facts = keptFacts(parts, conflicts, describe)
  const b = new FactTableBuilder(facts.length)
  for (const f of facts) b.add(f.adcode, f.period, f.indicator, Number.isNaN(f.value) ? null : f.value, f.source)

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

interface Kept {
  value: number
  file: string
  source: string
  adcode: string
  period: string
  indicator: string
}

/**
 * One fact per region, period and indicator: the first part's value, where a blank (no data) in
 * one return gives way to a figure in another: a city's template sent to each district comes back
 * with every other district's row left blank, which contradicts nothing.
 */
function keptFacts(parts: readonly ParsedFile[], conflicts: LoadProblem[], describe: DescribeFact): Kept[] {
  const kept = new Map<string, Kept>()
  for (const p of parts) {
    const t = p.table
    const file = p.report.file
    for (let i = 0; i < t.length; i++) {
      const fact: Kept = {
        adcode: t.regions[t.region[i]!]!,
        period: t.periods[t.period[i]!]!,
        indicator: t.indicators[t.indicator[i]!]!,
        value: t.value[i]!,
        source: t.sources[t.source[i]!]!,
        file,
      }
      const key = `${fact.adcode}|${fact.period}|${fact.indicator}`
      const before = kept.get(key)
      if (!before || (Number.isNaN(before.value) && !Number.isNaN(fact.value))) {
        kept.set(key, fact)
        continue
      }
      if (Number.isNaN(fact.value) || before.file === file) continue
      const same = Math.abs(before.value - fact.value) < 1e-9
      conflicts.push({
        code: same ? 'repeatedReturn' : 'conflictingReturn',
        file,
        subject: describe(fact.adcode, fact.period, fact.indicator),
        text: String(fact.value),
        other: before.file,
        detail: String(before.value),
      })
    }
  }
  return [...kept.values()]
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
