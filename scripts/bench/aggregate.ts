/**
 * One filter change at a million rows: a new scope, period or indicator → the indicator rolled up
 * for every region by its rule, 同比 against the same period a year earlier, ranks among the scope's
 * children (now and a year earlier) and the scope's trend over every period of that frequency.
 *
 *   ours     FactIndex (rows grouped by indicator × period once) → slices rolled up bottom-up over
 *            dense arrays indexed by region; the slice cache is emptied before each change, so each
 *            change is measured cold.
 *   Arquero  the same roll-up as verbs (filter, lookup parent, group-by + sum per level, full join
 *            with the level's own figures, pivot for ratio pairs, rank window) over the same facts.
 *   floor    one pass summing a Float64Array as long as the table.
 *
 * Both sides' numbers are compared, so the speed-up is for the same answer.
 */
import * as aq from 'arquero'
import { buildHierarchy, FactIndex, type Hierarchy } from '../../src/domain/aggregate'
import { competitionRanks } from '../../src/domain/compare'
import type { IndicatorCatalogue } from '../../src/domain/indicators'
import { frequencyOf, sameTimeLastYear } from '../../src/domain/periods'
import type { FactTable } from '../../src/domain/table'
import type { Indicator } from '../../src/domain/types'
import { collectGarbage, median, quantile, timed } from './stats'

const { op } = aq
type Table = ReturnType<typeof aq.table>

export interface Selection {
  scope: string
  period: string
  indicator: string
}

export interface Scenario {
  name: string
  table: FactTable
  regions: readonly { adcode: string; parent: string | null }[]
  indicators: IndicatorCatalogue
  selections: Selection[]
}

/** What one filter change produces (the numbers the KPI card, ranking and trend draw). */
interface ChangeResult {
  scopeValue: number
  previousValue: number
  children: string[]
  values: number[]
  previous: number[]
  ranks: number[]
  previousRanks: number[]
  trend: { periods: string[]; values: number[] }
}

function childLists(h: Hierarchy): number[][] {
  const out: number[][] = Array.from({ length: h.size }, () => [])
  for (let i = 0; i < h.size; i++) if (h.parent[i]! >= 0) out[h.parent[i]!]!.push(i)
  return out
}

function ourChange(index: FactIndex, children: number[][], indicators: IndicatorCatalogue, sel: Selection): ChangeResult {
  const ind = indicators.byId.get(sel.indicator)!
  const h = index.hierarchy
  const pos = h.indexOf.get(sel.scope)!
  const last = sameTimeLastYear(sel.period)!
  const now = index.slice(ind, sel.period, indicators.byId)
  const before = index.slice(ind, last, indicators.byId)
  const kids = children[pos]!
  const values = kids.map((c) => now.value[c]!)
  const previous = kids.map((c) => before.value[c]!)
  const frequency = frequencyOf(sel.period)
  const periods = index.periodsOf(ind.id).filter((p) => frequencyOf(p) === frequency)
  return {
    scopeValue: now.value[pos]!,
    previousValue: before.value[pos]!,
    children: kids.map((c) => h.adcodes[c]!),
    values,
    previous,
    ranks: Array.from(competitionRanks(values, ind.higherIsBetter)),
    previousRanks: Array.from(competitionRanks(previous, ind.higherIsBetter)),
    trend: { periods, values: periods.map((p) => index.slice(ind, p, indicators.byId).value[pos]!) },
  }
}

interface AqContext {
  facts: Table
  tree: Table
  maxDepth: number
  children: Map<string, string[]>
}

function aqContext(sc: Scenario, h: Hierarchy): AqContext {
  const t = sc.table
  const depthOf = new Int32Array(h.size)
  for (const i of Array.from(h.bottomUp).reverse()) depthOf[i] = h.parent[i]! >= 0 ? depthOf[h.parent[i]!]! + 1 : 0
  const regionDepth = t.regions.map((a) => depthOf[h.indexOf.get(a)!]!)
  const n = t.length
  const region: string[] = new Array(n)
  const period: string[] = new Array(n)
  const indicator: string[] = new Array(n)
  const value: (number | null)[] = new Array(n)
  const depth = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    region[i] = t.regions[t.region[i]!]!
    period[i] = t.periods[t.period[i]!]!
    indicator[i] = t.indicators[t.indicator[i]!]!
    const v = t.value[i]!
    value[i] = Number.isNaN(v) ? null : v
    depth[i] = regionDepth[t.region[i]!]!
  }
  const children = new Map<string, string[]>()
  for (const r of sc.regions) if (r.parent !== null) children.set(r.parent, [...(children.get(r.parent) ?? []), r.adcode])
  return {
    facts: aq.table({ region, period, indicator, value, depth }),
    tree: aq.table({ region: sc.regions.map((r) => r.adcode), parent: sc.regions.map((r) => r.parent) }),
    maxDepth: Math.max(...depthOf),
    children,
  }
}

const KEYS: [string[], string[]] = [
  ['region', 'period'],
  ['region', 'period'],
]

/** Values of every region in every period of the rows: a region's own figure, else its children's sum. */
function aqSumRollUp(ctx: AqContext, rows: Table): Table {
  let below: Table | null = null
  const levels: Table[] = []
  for (let depth = ctx.maxDepth; depth >= 0; depth--) {
    const reported = rows.params({ depth }).filter((d: { depth: number }, $: { depth: number }) => d.depth === $.depth).select('region', 'period', { value: 'reported' })
    let level: Table
    if (below) {
      const rolled = below
        .lookup(ctx.tree, 'region', 'parent')
        .groupby('parent', 'period')
        .rollup({ rolled: op.sum('value') })
        .rename({ parent: 'region' })
      level = reported
        .join_full(rolled, KEYS)
        .derive({ value: (d: { reported: number | null; rolled: number }) => (d.reported != null ? d.reported : d.rolled) })
        .select('region', 'period', 'value')
    } else level = reported.rename({ reported: 'value' })
    levels.push(level)
    below = level
  }
  return levels.reduce((a, b) => a.concat(b))
}

/** A rate: its own figure, else Σ numerator ÷ Σ denominator of the (numerator, denominator) pairs below. */
function aqRatioRollUp(ctx: AqContext, rows: Table, rate: Table, num: string, den: string, scale: number): Table {
  const pairs = rows
    .params({ num, den })
    .filter((d: { indicator: string }, $: { num: string; den: string }) => d.indicator === $.num || d.indicator === $.den)
    .groupby('region', 'period', 'depth')
    .pivot('indicator', 'value')
    .rename({ [num]: 'a', [den]: 'b' })
  let below: Table | null = null
  const levels: Table[] = []
  for (let depth = ctx.maxDepth; depth >= 0; depth--) {
    const own = pairs
      .params({ depth })
      .filter((d: { depth: number; a: number | null; b: number | null }, $: { depth: number }) => d.depth === $.depth && d.a != null && d.b != null)
      .select('region', 'period', { a: 'ra', b: 'rb' })
    const rateHere = rate.params({ depth }).filter((d: { depth: number }, $: { depth: number }) => d.depth === $.depth).select('region', 'period', { value: 'reported' })
    let level: Table
    if (below) {
      const rolled = below
        .lookup(ctx.tree, 'region', 'parent')
        .groupby('parent', 'period')
        .rollup({ sa: op.sum('a'), sb: op.sum('b') })
        .rename({ parent: 'region' })
      const joined = own.join_full(rolled, KEYS).join_full(rateHere, KEYS)
      level = joined.params({ scale }).derive({
        a: (d: { ra: number | null; sa: number | null }) => (d.ra != null ? d.ra : d.sa),
        b: (d: { rb: number | null; sb: number | null }) => (d.rb != null ? d.rb : d.sb),
        // Arquero reads these functions as expressions; a missing sa/sb compares false with > 0.
        value: (d: { reported: number | null; sa: number; sb: number }, $: { scale: number }) =>
          d.reported != null ? d.reported : d.sb > 0 ? (d.sa / d.sb) * $.scale : null,
      })
    } else {
      level = own.join_full(rateHere, KEYS).derive({ a: (d: { ra: number | null }) => d.ra, b: (d: { rb: number | null }) => d.rb, value: (d: { reported: number | null }) => d.reported })
    }
    levels.push(level.select('region', 'period', 'value'))
    // Only pairs with a positive denominator travel up.
    below = level.filter((d: { b: number }) => d.b > 0).select('region', 'period', 'a', 'b')
  }
  return levels.reduce((a, b) => a.concat(b)).filter((d: { value: number | null }) => d.value != null)
}

function aqChange(ctx: AqContext, indicators: IndicatorCatalogue, sel: Selection): ChangeResult {
  const ind = indicators.byId.get(sel.indicator)!
  const last = sameTimeLastYear(sel.period)!
  const rule = ind.aggregation
  const ids = rule.kind === 'ratio' ? [ind.id, rule.numerator, rule.denominator] : [ind.id]
  const length = sel.period.length
  // The indicator's rows at the selected frequency (annual 2023 vs monthly 2023-06, told apart by length).
  const rows = ctx.facts
    .params({ ids, length })
    .filter((d: { indicator: string; period: string; value: number | null }, $: { ids: string[]; length: number }) => op.includes($.ids, d.indicator) && op.length(d.period) === $.length && d.value != null)
  let values: Table
  if (rule.kind === 'ratio') {
    const rate = rows.params({ id: ind.id }).filter((d: { indicator: string }, $: { id: string }) => d.indicator === $.id)
    values = aqRatioRollUp(ctx, rows, rate, rule.numerator, rule.denominator, ind.unit === '%' ? 100 : 1)
  } else values = aqSumRollUp(ctx, rows)
  const kids = ctx.children.get(sel.scope) ?? []
  const at = (p: string) =>
    values
      .params({ p, kids: [...kids, sel.scope] })
      .filter((d: { period: string; region: string }, $: { p: string; kids: string[] }) => d.period === $.p && op.includes($.kids, d.region))
  const desc = ind.higherIsBetter
  const ranked = (t: Table) =>
    new Map(
      (t.params({ scope: sel.scope }).filter((d: { region: string }, $: { scope: string }) => d.region !== $.scope).orderby(desc ? aq.desc('value') : 'value').derive({ rank: () => op.rank() }).objects() as { region: string; value: number; rank: number }[]).map((r) => [r.region, r]),
    )
  const own = (t: Table) => (t.objects() as { region: string; value: number }[]).find((r) => r.region === sel.scope)?.value ?? NaN
  const nowT = at(sel.period)
  const beforeT = at(last)
  const now = ranked(nowT)
  const before = ranked(beforeT)
  const trendRows = values
    .params({ scope: sel.scope })
    .filter((d: { region: string }, $: { scope: string }) => d.region === $.scope)
    .orderby('period')
    .objects() as { period: string; value: number }[]
  return {
    scopeValue: own(nowT),
    previousValue: own(beforeT),
    children: kids,
    values: kids.map((k) => now.get(k)?.value ?? NaN),
    previous: kids.map((k) => before.get(k)?.value ?? NaN),
    ranks: kids.map((k) => now.get(k)?.rank ?? 0),
    previousRanks: kids.map((k) => before.get(k)?.rank ?? 0),
    trend: { periods: trendRows.map((r) => r.period), values: trendRows.map((r) => r.value) },
  }
}

function close(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b)
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

/** Where two results differ (trend periods without data on one side are compared as no data). */
function differences(ours: ChangeResult, theirs: ChangeResult): number {
  let bad = 0
  if (!close(ours.scopeValue, theirs.scopeValue)) bad++
  if (!close(ours.previousValue, theirs.previousValue)) bad++
  ours.values.forEach((v, k) => (bad += close(v, theirs.values[k]!) ? 0 : 1))
  ours.previous.forEach((v, k) => (bad += close(v, theirs.previous[k]!) ? 0 : 1))
  ours.ranks.forEach((r, k) => (bad += r === theirs.ranks[k] ? 0 : 1))
  ours.previousRanks.forEach((r, k) => (bad += r === theirs.previousRanks[k] ? 0 : 1))
  const theirTrend = new Map(theirs.trend.periods.map((p, k) => [p, theirs.trend.values[k]!]))
  ours.trend.periods.forEach((p, k) => (bad += close(ours.trend.values[k]!, theirTrend.get(p) ?? NaN) ? 0 : 1))
  return bad
}

/** A Float64Array summed in one pass: the least any answer over the table can cost. */
function floorPass(values: Float64Array): number {
  let s = 0
  for (let i = 0; i < values.length; i++) s += values[i]!
  return s
}

export interface AggregationResult {
  scenario: string
  rows: number
  regions: number
  periods: number
  changes: number
  oursP50: number
  oursP95: number
  arqueroChanges: number
  arqueroP50: number
  floorP50: number
  mismatches: number
  indexBuildMs: number
}

export function benchAggregation(sc: Scenario, arqueroChanges: number): AggregationResult {
  const h = buildHierarchy(sc.regions)
  const children = childLists(h)
  const build = timed(() => new FactIndex(sc.table, h))
  let index = build.result
  const floorValues = Float64Array.from({ length: sc.table.length }, (_, i) => (i % 97) * 0.5)
  // Warm up both paths (JIT) on a selection outside the measured list.
  const ctx = aqContext(sc, h)
  ourChange(index, children, sc.indicators, sc.selections[0]!)
  aqChange(ctx, sc.indicators, sc.selections[0]!)
  for (let k = 0; k < 20; k++) floorPass(floorValues)

  const ours: number[] = []
  const floor: number[] = []
  const oursResults: ChangeResult[] = []
  for (const sel of sc.selections) {
    // A fresh index has an empty slice cache: every change below is computed, none is remembered.
    index = new FactIndex(sc.table, h)
    collectGarbage()
    const f = timed(() => floorPass(floorValues))
    floor.push(f.ms)
    const r = timed(() => ourChange(index, children, sc.indicators, sel))
    ours.push(r.ms)
    oursResults.push(r.result)
  }
  const theirs: number[] = []
  let mismatches = 0
  sc.selections.slice(0, arqueroChanges).forEach((sel, k) => {
    collectGarbage()
    const r = timed(() => aqChange(ctx, sc.indicators, sel))
    theirs.push(r.ms)
    mismatches += differences(oursResults[k]!, r.result)
  })
  return {
    scenario: sc.name,
    rows: sc.table.length,
    regions: h.size,
    periods: sc.table.periods.length,
    changes: ours.length,
    oursP50: median(ours),
    oursP95: quantile(ours, 0.95),
    arqueroChanges: theirs.length,
    arqueroP50: median(theirs),
    floorP50: median(floor),
    mismatches,
    indexBuildMs: build.ms,
  }
}

/** 50 filter changes: each changes one of scope, period or indicator, cycling through them. */
export function selectionsFor(
  scopes: readonly string[],
  years: readonly string[],
  months: readonly string[],
  indicators: readonly Indicator[],
  count = 50,
): Selection[] {
  let seed = 7
  const pick = <T>(xs: readonly T[]): T => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return xs[(seed >>> 16) % xs.length]!
  }
  const monthly = new Set(indicators.filter((i) => i.frequencies.includes('monthly')).map((i) => i.id))
  let sel: Selection = { scope: scopes[0]!, period: years.at(-1)!, indicator: indicators[0]!.id }
  const out: Selection[] = []
  for (let k = 0; k < count; k++) {
    const what = k % 3
    if (what === 0) sel = { ...sel, scope: pick(scopes) }
    else if (what === 1) sel = { ...sel, period: monthly.has(sel.indicator) && months.length > 0 && k % 2 ? pick(months) : pick(years) }
    else {
      const ind = pick(indicators)
      sel = { ...sel, indicator: ind.id, period: frequencyOf(sel.period) === 'monthly' && !monthly.has(ind.id) ? pick(years) : sel.period }
    }
    out.push(sel)
  }
  return out
}
