/**
 * What each part of the dashboard shows, computed from the fact index for one selection
 * (scope, period, indicator). Pure functions: the stores call them, option builders draw them.
 */
import type { Benchmark, CategoryId, Indicator, Region } from './types'
import { isMonthlyFlow, type FactIndex } from './aggregate'
import type { IndicatorCatalogue } from './indicators'
import type { RegionCatalogue } from './regions'
import { competitionRanks, meanOfPresent } from './compare'
import { frequencyOf, previousPeriod, sameTimeLastYear } from './periods'
import { benchmarkApplies, combinedCoverage, figureOf, NO_FIGURE, sourcesOf, type Coverage, type Figure } from './figures'
import { changeDetail, ranksInBoth, type ChangeDetail } from './likeforlike'
import { classBreaks, type ClassRange } from './encodings'
import { inSeasonWindow, isStrongSeason, seasonalProfile } from './seasons'
import { offendersBehind, type Offender } from './provenance'

export interface DashboardContext {
  index: FactIndex
  regions: RegionCatalogue
  indicators: IndicatorCatalogue
}

export interface Selection {
  scope: string
  period: string
  indicator: string
}

/** A parent's reference level: the mean of its children for counts, its own rate for rates. */
export type ReferenceKind = 'peerMean' | 'parentValue'

export function referenceKind(ind: Indicator): ReferenceKind {
  return ind.aggregation.kind === 'sum' ? 'peerMean' : 'parentValue'
}

export function valueAt(ctx: DashboardContext, ind: Indicator, period: string, adcode: string): number {
  const i = ctx.index.hierarchy.indexOf.get(adcode)
  if (i === undefined || !period) return NaN
  return ctx.index.slice(ind, period, ctx.indicators.byId).value[i]!
}

/** The figure of one region: value, kind, coverage and sources (see figures.ts). */
export function figureAt(ctx: DashboardContext, ind: Indicator, period: string, adcode: string): Figure {
  return figureOf(ctx.index, ctx.indicators.byId, ind, period, adcode)
}

/** Like-for-like change of a region's figure from `earlier` to `period` (null when either is missing). */
export function changeAt(ctx: DashboardContext, ind: Indicator, period: string, earlier: string | null, adcode: string): ChangeDetail | null {
  const pos = ctx.index.hierarchy.indexOf.get(adcode)
  if (pos === undefined || !earlier || !period) return null
  return changeDetail(ctx.index, ind, ctx.indicators.byId, pos, period, earlier)
}

/** The regions a region is compared with: its siblings, itself included. The province has none. */
export function peersOf(regions: RegionCatalogue, adcode: string): readonly Region[] {
  const parent = regions.parentOf(adcode)
  return parent ? regions.children(parent.adcode) : []
}

/** Rank of each region among the given ones (0 = no data). */
export function ranksAmong(ctx: DashboardContext, ind: Indicator, period: string, members: readonly Region[]): Map<string, number> {
  const values = members.map((r) => valueAt(ctx, ind, period, r.adcode))
  const ranks = competitionRanks(values, ind.higherIsBetter, ind.decimals)
  return new Map(members.map((r, k) => [r.adcode, ranks[k]!]))
}

/**
 * Each member's rank in `period` and in `earlier`, both counted among the members that have a
 * figure in both periods: a move up or down is never caused by a region that reported only once.
 */
export function rankMovesAmong(ctx: DashboardContext, ind: Indicator, period: string, earlier: string | null, members: readonly Region[]): Map<string, { now: number; then: number }> {
  if (!earlier) return new Map()
  const now = members.map((r) => valueAt(ctx, ind, period, r.adcode))
  const then = members.map((r) => valueAt(ctx, ind, earlier, r.adcode))
  const r = ranksInBoth(now, then, (v) => competitionRanks(v, ind.higherIsBetter, ind.decimals))
  return new Map(members.map((m, k) => [m.adcode, { now: r.now[k]!, then: r.then[k]! }]))
}

/** The reference line for a group of peers under `parent`. */
export function referenceValue(ctx: DashboardContext, ind: Indicator, period: string, parent: string): number {
  if (referenceKind(ind) === 'parentValue') return valueAt(ctx, ind, period, parent)
  return meanOfPresent(ctx.regions.children(parent).map((r) => valueAt(ctx, ind, period, r.adcode)))
}

/** Per index (the data loaded), per indicator and frequency: every panel asks on every change. */
const periodLists = new WeakMap<FactIndex, Map<string, readonly string[]>>()

export function periodsFor(ctx: DashboardContext, indicatorId: string, frequency: 'annual' | 'monthly'): readonly string[] {
  let byKey = periodLists.get(ctx.index)
  if (!byKey) periodLists.set(ctx.index, (byKey = new Map()))
  const key = `${indicatorId}\u0000${frequency}`
  let list = byKey.get(key)
  if (!list) {
    const ind = ctx.indicators.byId.get(indicatorId)
    let all = ctx.index.periodsOf(indicatorId)
    // A ratio has a figure wherever both its counts do, reported rate or not.
    if (ind?.aggregation.kind === 'ratio') {
      const den = new Set(ctx.index.periodsOf(ind.aggregation.denominator))
      const both = ctx.index.periodsOf(ind.aggregation.numerator).filter((p) => den.has(p))
      all = [...new Set([...all, ...both])].sort()
    }
    list = all.filter((p) => frequencyOf(p) === frequency)
    // A monthly flow has a year wherever it has months: the year is built from them.
    if (frequency === 'annual' && ind && isMonthlyFlow(ind)) {
      const years = new Set(list)
      for (const p of all) if (frequencyOf(p) === 'monthly') years.add(p.slice(0, 4))
      list = [...years].sort()
    }
    byKey.set(key, list)
  }
  return list
}

/** Months of one year in the data, e.g. 2024-01 … 2024-12 (empty for an annual-only indicator). */
export function monthsOf(ctx: DashboardContext, indicatorId: string, year: string): string[] {
  return periodsFor(ctx, indicatorId, 'monthly').filter((p) => p.startsWith(`${year}-`))
}

export interface KpiCard {
  indicator: Indicator
  /** The scope's figure; `value` is its number (NaN when there is none to show). */
  figure: Figure
  value: number
  /** The period of the figure, and the one 同比 compares with (the same period a year earlier). */
  period: string
  earlier: string | null
  /** 同比, like for like. */
  yoy: ChangeDetail | null
  /**
   * For monthly indicators: the latest month of the year, its 环比 against the month before and its
   * 同比 against the same month a year earlier. `seasonal`: the scope's earlier years show a strong
   * season (a December peak), so the month is read against the same month, not the one before.
   */
  latestMonth: { period: string; value: number; figure: Figure; mom: ChangeDetail | null; yoy: ChangeDetail | null; seasonal: boolean } | null
  /** Rank among peers (0 = no data or no peers) and how many peers have data. */
  rank: number
  rankedPeers: number
  /** Rank a year earlier and now, among the peers that have a figure in both years (0 = unknown). */
  previousRank: number
  rankInBoth: number
  /** Leaves under the scope that contributed, and how many there are. */
  coverage: Coverage
  /** The benchmark, where it compares with this scope's level; null otherwise. */
  benchmark: Benchmark | null
  /** For a figure out of range: the regions whose own rows make it so. */
  offenders: Offender[]
  /** The scope's yearly values up to the selected year, for a sparkline. */
  spark: { periods: string[]; values: number[] }
}

export function kpiCard(ctx: DashboardContext, ind: Indicator, sel: Omit<Selection, 'indicator'>): KpiCard {
  const { index, regions } = ctx
  const figure = figureAt(ctx, ind, sel.period, sel.scope)
  const earlier = sameTimeLastYear(sel.period)
  const peers = peersOf(regions, sel.scope)
  const ranks = ranksAmong(ctx, ind, sel.period, peers)
  const moves = rankMovesAmong(ctx, ind, sel.period, earlier, peers).get(sel.scope)
  const frequency = frequencyOf(sel.period) ?? 'annual'
  const spark = periodsFor(ctx, ind.id, frequency).filter((p) => p <= sel.period).slice(-12)
  const pos = index.hierarchy.indexOf.get(sel.scope)
  return {
    indicator: ind,
    figure,
    value: figure.value,
    period: sel.period,
    earlier,
    yoy: changeAt(ctx, ind, sel.period, earlier, sel.scope),
    latestMonth: latestMonthOf(ctx, ind, sel),
    rank: ranks.get(sel.scope) ?? 0,
    rankedPeers: [...ranks.values()].filter((r) => r > 0).length,
    previousRank: moves?.then ?? 0,
    rankInBoth: moves?.now ?? 0,
    coverage: figure.coverage,
    benchmark: benchmarkApplies(ind, regions.level(sel.scope)),
    offenders: figure.state === 'invalid' && pos !== undefined ? offendersBehind(index, ind, sel.period, ctx.indicators.byId, pos) : [],
    spark: { periods: spark, values: spark.map((p) => valueAt(ctx, ind, p, sel.scope)) },
  }
}

function latestMonthOf(ctx: DashboardContext, ind: Indicator, sel: Omit<Selection, 'indicator'>): KpiCard['latestMonth'] {
  if (!ind.frequencies.includes('monthly') || frequencyOf(sel.period) !== 'annual') return null
  const months = monthsOf(ctx, ind.id, sel.period)
  for (let k = months.length - 1; k >= 0; k--) {
    const period = months[k]!
    const figure = figureAt(ctx, ind, period, sel.scope)
    if (Number.isNaN(figure.value)) continue
    // Only the months the seasonal profile reads: each is a roll-up of its own.
    const year = sel.period.slice(0, 4)
    const history = new Map(
      periodsFor(ctx, ind.id, 'monthly')
        .filter((p) => inSeasonWindow(p, year))
        .map((p) => [p, valueAt(ctx, ind, p, sel.scope)]),
    )
    return {
      period,
      value: figure.value,
      figure,
      mom: changeAt(ctx, ind, period, previousPeriod(period), sel.scope),
      yoy: changeAt(ctx, ind, period, sameTimeLastYear(period), sel.scope),
      seasonal: isStrongSeason(seasonalProfile(history, year)),
    }
  }
  return null
}

/** Which regions the map draws: a city's districts, the province's cities, or all the province's districts. */
export type MapLevel = 'city' | 'district'

export interface MapItem {
  adcode: string
  value: number
  figure: Figure
  rank: number
  /** 同比 against the same period a year earlier, like for like. */
  yoy: ChangeDetail | null
}

/** Graded scales for counts (classes read as ranges), a continuous ramp for rates. */
export type ScaleKind = 'continuous' | 'piecewise'

export function scaleKindOf(ind: Indicator): ScaleKind {
  return ind.unit === '%' ? 'continuous' : 'piecewise'
}

export interface MapModel {
  /** The region whose children are drawn. */
  mapAdcode: string
  /** Boundary file to draw (`public/geo/<geoKey>.json`). */
  geoKey: string
  level: MapLevel
  items: MapItem[]
  /** The selected region when it is one of the drawn regions. */
  highlight: string | null
  /** Colour-scale range over every region of the drawn level in the whole catalogue and in every
   * period of the same frequency, so a colour means the same value whichever city is drilled into
   * and whichever year is shown. */
  min: number
  max: number
  scale: ScaleKind
  /** Classes of a piecewise scale, by quantiles of the same values as min and max (empty for a continuous one). */
  classes: ClassRange[]
  /** Step of the class limits: the indicator's last printed digit (1 for whole counts). */
  classStep: number
  /** Leaves behind the drawn figures together, and the sources of their rows. */
  coverage: Coverage
  sources: number[]
}

/** Regions the map draws, and under which parent (and boundary file). */
export function mapFrame(regions: RegionCatalogue, scope: string, level: MapLevel): { mapAdcode: string; geoKey: string; level: MapLevel; drawn: readonly Region[] } {
  const region = regions.get(scope)
  if (region && region.level === 'province' && level === 'district') {
    const drawn = regions.all.filter((r) => r.level === 'district' && regions.ancestors(r.adcode).includes(region))
    return { mapAdcode: region.adcode, geoKey: `${region.adcode}-districts`, level, drawn }
  }
  const parent = region && regions.children(region.adcode).length > 0 ? region : regions.parentOf(scope)
  const mapAdcode = parent?.adcode ?? scope
  const drawn = regions.children(mapAdcode)
  // The whole country is drawn from the overview map of the provinces.
  const geoKey = parent?.level === 'country' ? 'china' : mapAdcode
  return { mapAdcode, geoKey, level: drawn[0]?.level === 'district' ? 'district' : 'city', drawn }
}

/** Classes of a count map at most: five shades tell apart at a glance. */
export const MAP_CLASSES = 5

/** What a map draws: the regions, under which parent, from which boundary file. */
export type MapFrame = ReturnType<typeof mapFrame>

export function mapModel(ctx: DashboardContext, ind: Indicator, sel: Selection, level: MapLevel = 'city'): MapModel {
  return mapModelOf(ctx, ind, sel, mapFrame(ctx.regions, sel.scope, level))
}

/** The map model for any set of drawn regions (the bundled frames, or a user's own boundary file). */
export function mapModelOf(ctx: DashboardContext, ind: Indicator, sel: Selection, frame: MapFrame): MapModel {
  const ranks = ranksAmong(ctx, ind, sel.period, frame.drawn)
  const last = sameTimeLastYear(sel.period)
  const drawnLevel = frame.drawn[0]?.level
  const freq = frequencyOf(sel.period)
  const periods = freq ? periodsFor(ctx, ind.id, freq) : [sel.period]
  let min = Infinity
  let max = -Infinity
  const pooled: number[] = []
  for (const p of periods) {
    const slice = ctx.index.slice(ind, p, ctx.indicators.byId)
    for (const r of ctx.regions.all) {
      if (r.level !== drawnLevel) continue
      const i = ctx.index.hierarchy.indexOf.get(r.adcode)
      const v = i === undefined ? NaN : slice.value[i]!
      if (Number.isNaN(v)) continue
      pooled.push(v)
      min = Math.min(min, v)
      max = Math.max(max, v)
    }
  }
  if (!Number.isFinite(min)) min = max = 0
  const scale = scaleKindOf(ind)
  const classStep = 10 ** -Math.max(0, Math.min(6, Math.trunc(ind.decimals) || 0))
  const items = frame.drawn.map((r): MapItem => {
    const figure = figureAt(ctx, ind, sel.period, r.adcode)
    return { adcode: r.adcode, value: figure.value, figure, rank: ranks.get(r.adcode) ?? 0, yoy: changeAt(ctx, ind, sel.period, last, r.adcode) }
  })
  return {
    mapAdcode: frame.mapAdcode,
    geoKey: frame.geoKey,
    level: frame.level,
    items,
    highlight: frame.mapAdcode !== sel.scope && frame.drawn.some((r) => r.adcode === sel.scope) ? sel.scope : null,
    min,
    max,
    scale,
    classes: scale === 'piecewise' ? classBreaks(pooled, MAP_CLASSES, classStep) : [],
    classStep,
    coverage: combinedCoverage(items.map((it) => it.figure)),
    sources: sourcesOf(items.map((it) => it.figure)),
  }
}

/**
 * What the trend chart plots:
 * - annual: one line per region over the years;
 * - monthly: one line per region over every month;
 * - ytd: cumulative year-to-date per region over every month (sums only);
 * - seasonal: one line per year over January–December, for the scope (relief campaigns).
 */
export type TrendMode = 'annual' | 'monthly' | 'ytd' | 'seasonal'

export function trendModesOf(ind: Indicator): TrendMode[] {
  if (!ind.frequencies.includes('monthly')) return ['annual']
  return ind.aggregation.kind === 'sum' ? ['annual', 'monthly', 'ytd', 'seasonal'] : ['annual', 'monthly', 'seasonal']
}

export interface TrendSeries {
  /** adcode for region lines, the year for seasonal lines. */
  key: string
  kind: 'region' | 'year'
  values: number[]
  /** The figure behind each point (for the year-to-date view, the month's own figure). */
  figures: Figure[]
}

export interface TrendModel {
  mode: TrendMode
  frequency: 'annual' | 'monthly'
  /** x-axis categories: years, months (2024-03) or month numbers (03) for the seasonal view. */
  periods: string[]
  series: TrendSeries[]
  /** The scope's own line: `series[0]` (the latest year's in the seasonal view). */
  values: number[]
  /** The parent's reference over the same periods, null for the province or the seasonal view. */
  reference: { parent: string; kind: ReferenceKind; values: number[] } | null
  /** The benchmark line, where it compares with the scope's level (annual view only). */
  benchmark: Benchmark | null
  /** Sources of the rows behind every point drawn, reference included. */
  sources: number[]
}

export interface TrendOptions {
  mode?: TrendMode
  /** Other regions drawn as extra lines (up to 8 in all). */
  compare?: readonly string[]
  /** First period shown (inclusive); the selected period is the last. */
  from?: string | null
  to?: string | null
}

export const MAX_TREND_LINES = 8

/** Running total within each year; from the first missing month on, the year's total is unknown. */
export function cumulativeWithinYear(periods: readonly string[], values: readonly number[]): number[] {
  const out: number[] = []
  let year = ''
  let acc = 0
  periods.forEach((p, k) => {
    const y = p.slice(0, 4)
    if (y !== year) {
      year = y
      acc = 0
    }
    acc += values[k]!
    out.push(acc)
  })
  return out
}

export function trendModel(ctx: DashboardContext, ind: Indicator, sel: Selection, opts: TrendOptions = {}): TrendModel {
  const modes = trendModesOf(ind)
  const mode = opts.mode && modes.includes(opts.mode) ? opts.mode : 'annual'
  const frequency = mode === 'annual' ? 'annual' : 'monthly'
  const lines = [sel.scope, ...(opts.compare ?? []).filter((a) => a !== sel.scope && ctx.regions.has(a))].slice(0, MAX_TREND_LINES)
  const parent = ctx.regions.parentOf(sel.scope)
  const all = periodsFor(ctx, ind.id, frequency)

  const lineOf = (key: string, kind: TrendSeries['kind'], figures: Figure[], shape: (v: number[]) => number[] = (v) => v): TrendSeries => ({
    key,
    kind,
    values: shape(figures.map((f) => f.value)),
    figures,
  })
  if (mode === 'seasonal') {
    const years = [...new Set(all.map((p) => p.slice(0, 4)))].filter((y) => inRange(y, opts.from, opts.to)).slice(-MAX_TREND_LINES)
    const months = Array.from({ length: 12 }, (_, k) => String(k + 1).padStart(2, '0'))
    const series = years.map((y) => lineOf(y, 'year', months.map((m) => figureAt(ctx, ind, `${y}-${m}`, sel.scope))))
    const sources = sourcesOf(series.flatMap((l) => l.figures))
    return { mode, frequency, periods: months, series, values: series.at(-1)?.values ?? [], reference: null, benchmark: null, sources }
  }

  const periods = all.filter((p) => inRange(p.slice(0, 4), opts.from, opts.to))
  const shape = (vals: number[]) => (mode === 'ytd' ? cumulativeWithinYear(periods, vals) : vals)
  const series = lines.map((a) => lineOf(a, 'region', periods.map((p) => figureAt(ctx, ind, p, a)), shape))
  const reference =
    parent && (mode !== 'ytd' || referenceKind(ind) === 'peerMean')
      ? { parent: parent.adcode, kind: referenceKind(ind), values: shape(periods.map((p) => referenceValue(ctx, ind, p, parent.adcode))) }
      : null
  // The reference stands on the parent's figure (a rate) or on all its children's (a mean of counts).
  const referenceFigures = !reference
    ? []
    : reference.kind === 'parentValue'
      ? periods.map((p) => figureAt(ctx, ind, p, reference.parent))
      : periods.flatMap((p) => ctx.regions.children(reference.parent).map((r) => figureAt(ctx, ind, p, r.adcode)))
  return {
    mode,
    frequency,
    periods,
    series,
    values: series[0]?.values ?? [],
    reference,
    benchmark: mode === 'annual' ? benchmarkApplies(ind, ctx.regions.level(sel.scope)) : null,
    sources: sourcesOf([...series.flatMap((l) => l.figures), ...referenceFigures]),
  }
}

function inRange(year: string, from: string | null | undefined, to: string | null | undefined): boolean {
  return (!from || year >= from.slice(0, 4)) && (!to || year <= to.slice(0, 4))
}

export interface RankingItem extends MapItem {
  /** Rank a year earlier and now, among the regions ranked in both years (0 = unknown). */
  previousRank: number
  rankInBoth: number
}

export interface RankingModel {
  /** Whose children are ranked. */
  parent: string
  level: MapLevel
  /** Best first; regions with no data last. */
  items: RankingItem[]
  /** The peers' average (counts) or the parent's own rate. */
  reference: { kind: ReferenceKind; value: number }
  highlight: string | null
  /** Leaves behind the ranked figures together, and the sources of their rows (reference included). */
  coverage: Coverage
  sources: number[]
}

export function rankingModel(ctx: DashboardContext, ind: Indicator, sel: Selection, level: MapLevel = 'city'): RankingModel {
  return rankingOf(ctx, ind, sel, mapModel(ctx, ind, sel, level))
}

/** The ranking of the regions a map model draws. */
export function rankingOf(ctx: DashboardContext, ind: Indicator, sel: Selection, map: MapModel): RankingModel {
  const drawn = map.items.map((it) => ctx.regions.get(it.adcode)).filter((r): r is Region => r !== undefined)
  const moves = rankMovesAmong(ctx, ind, sel.period, sameTimeLastYear(sel.period), drawn)
  const items = map.items
    .map((it) => ({ ...it, previousRank: moves.get(it.adcode)?.then ?? 0, rankInBoth: moves.get(it.adcode)?.now ?? 0 }))
    .sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity) || a.adcode.localeCompare(b.adcode))
  const kind = referenceKind(ind)
  const allDistricts = map.geoKey.endsWith('-districts')
  const refValue = !allDistricts
    ? referenceValue(ctx, ind, sel.period, map.mapAdcode)
    : kind === 'parentValue'
      ? valueAt(ctx, ind, sel.period, map.mapAdcode)
      : meanOfPresent(map.items.map((it) => it.value))
  const refFigure = kind === 'parentValue' ? figureAt(ctx, ind, sel.period, map.mapAdcode) : NO_FIGURE
  return {
    parent: map.mapAdcode,
    level: map.level,
    items,
    reference: { kind, value: refValue },
    highlight: map.highlight,
    coverage: map.coverage,
    sources: sourcesOf([...map.items.map((it) => it.figure), refFigure]),
  }
}

/**
 * Where a value sits among its peers, 0 (worst) to 100 (best): min–max over the peers that have
 * data, turned round when lower is better. NaN for no data; 50 when all peers are equal.
 */
export function peerScore(value: number, peerValues: readonly number[], higherIsBetter: boolean): number {
  if (Number.isNaN(value)) return NaN
  let lo = Infinity
  let hi = -Infinity
  for (const v of peerValues) {
    if (Number.isNaN(v)) continue
    lo = Math.min(lo, v)
    hi = Math.max(hi, v)
  }
  if (!(hi > lo)) return 50
  const s = ((Math.min(hi, Math.max(lo, value)) - lo) / (hi - lo)) * 100
  return higherIsBetter ? s : 100 - s
}

export interface RadarAxis {
  indicator: Indicator
  value: number
  /** The region's and the peers' average score, 0–100. */
  score: number
  peerMean: number
  /** The region's figure: its coverage and kind, for the chart's 数据覆盖 note. */
  figure: Figure
}

export interface RadarModel {
  adcode: string
  /** Whose children the region is compared with. */
  parent: string
  axes: RadarAxis[]
  /** Sources of the rows behind the region's and its peers' figures. */
  sources: number[]
}

/** One region's profile across indicators, each normalised against its siblings; null for the province. */
export function radarModel(ctx: DashboardContext, sel: Omit<Selection, 'indicator'>, indicatorIds: readonly string[]): RadarModel | null {
  const parent = ctx.regions.parentOf(sel.scope)
  if (!parent) return null
  const peers = ctx.regions.children(parent.adcode)
  const figures: Figure[] = []
  const axes = indicatorIds.flatMap((id) => {
    const ind = ctx.indicators.byId.get(id)
    if (!ind) return []
    const peerFigures = peers.map((r) => figureAt(ctx, ind, sel.period, r.adcode))
    figures.push(...peerFigures)
    const values = peerFigures.map((f) => f.value)
    const figure = figureAt(ctx, ind, sel.period, sel.scope)
    const value = figure.value
    const scores = values.map((v) => peerScore(v, values, ind.higherIsBetter))
    return [{ indicator: ind, value, score: peerScore(value, values, ind.higherIsBetter), peerMean: meanOfPresent(scores), figure }]
  })
  return { adcode: sel.scope, parent: parent.adcode, axes, sources: sourcesOf(figures) }
}

export interface TableCell {
  value: number
  figure: Figure
  rank: number
  /** 0–100 among the rows, for conditional colouring (NaN = no data). */
  score: number
}

export interface RegionTableModel {
  parent: string
  indicators: Indicator[]
  rows: { adcode: string; cells: TableCell[] }[]
  sources: number[]
}

/** The drawn regions × the given indicators, with each column's ranks and peer scores. */
export function regionTableModel(
  ctx: DashboardContext,
  sel: Omit<Selection, 'indicator'>,
  indicatorIds: readonly string[],
  level: MapLevel = 'city',
): RegionTableModel {
  const frame = mapFrame(ctx.regions, sel.scope, level)
  const indicators = indicatorIds.map((id) => ctx.indicators.byId.get(id)).filter((i): i is Indicator => i !== undefined)
  const columns = indicators.map((ind) => {
    const figures = frame.drawn.map((r) => figureAt(ctx, ind, sel.period, r.adcode))
    const values = figures.map((f) => f.value)
    const ranks = competitionRanks(values, ind.higherIsBetter, ind.decimals)
    return figures.map((f, k): TableCell => ({ value: f.value, figure: f, rank: ranks[k]!, score: peerScore(f.value, values, ind.higherIsBetter) }))
  })
  return {
    parent: frame.mapAdcode,
    indicators,
    rows: frame.drawn.map((r, k) => ({ adcode: r.adcode, cells: columns.map((c) => c[k]!) })),
    sources: sourcesOf(columns.flat().map((c) => c.figure)),
  }
}

export interface SmallMultiplesModel {
  periods: string[]
  /** Each region's yearly values, and the figures behind them (coverage for the 数据覆盖 note). */
  panels: { adcode: string; values: number[]; figures: Figure[] }[]
  /** One y range for every panel, so heights compare across panels. */
  min: number
  max: number
  highlight: string | null
  sources: number[]
}

/** One indicator's yearly trend in each drawn region, on a shared scale; up to the year of `to` when given. */
export function smallMultiplesModel(ctx: DashboardContext, ind: Indicator, sel: Selection, level: MapLevel = 'city', to: string | null = null): SmallMultiplesModel {
  const frame = mapFrame(ctx.regions, sel.scope, level)
  const periods = periodsFor(ctx, ind.id, 'annual').filter((p) => inRange(p, null, to))
  const figures = frame.drawn.map((r) => periods.map((p) => figureAt(ctx, ind, p, r.adcode)))
  const panels = frame.drawn.map((r, k) => ({ adcode: r.adcode, values: figures[k]!.map((f) => f.value), figures: figures[k]! }))
  let min = Infinity
  let max = -Infinity
  for (const p of panels)
    for (const v of p.values) {
      if (Number.isNaN(v)) continue
      min = Math.min(min, v)
      max = Math.max(max, v)
    }
  if (!Number.isFinite(min)) min = max = 0
  return { periods: [...periods], panels, min, max, highlight: frame.mapAdcode !== sel.scope ? sel.scope : null, sources: sourcesOf(figures.flat()) }
}

/** The headline indicators of each category, in catalogue order. */
export const CATEGORY_HEADLINES: Readonly<Record<CategoryId, readonly string[]>> = {
  rights: ['worker_stability_rate', 'collective_contracts', 'legal_aid_cases'],
  honours: ['may_day_medals', 'national_provincial_honours', 'municipal_honours'],
  skills: ['skill_upgrade_rate', 'team_leaders_trained', 'innovation_results'],
  care: ['relief_amount', 'hardship_households', 'model_workers_supported'],
  services: ['mutual_insurance_enrolled', 'outdoor_stations', 'care_jobs'],
}

export interface CategoryOverview {
  category: CategoryId
  cards: KpiCard[]
}

export function categoryOverview(ctx: DashboardContext, sel: Omit<Selection, 'indicator'>): CategoryOverview[] {
  return ctx.indicators.categories.map((c) => ({
    category: c.id,
    cards: (CATEGORY_HEADLINES[c.id] ?? [])
      .map((id) => ctx.indicators.byId.get(id))
      .filter((i): i is Indicator => i !== undefined)
      .map((ind) => kpiCard(ctx, ind, sel)),
  }))
}
