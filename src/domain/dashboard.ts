/**
 * What each part of the dashboard shows, computed from the fact index for one selection
 * (scope, period, indicator). Pure functions: the stores call them, option builders draw them.
 */
import type { CategoryId, Indicator, Region } from './types'
import type { FactIndex } from './aggregate'
import type { IndicatorCatalogue } from './indicators'
import type { RegionCatalogue } from './regions'
import { changeBetween, competitionRanks, meanOfPresent, type Change } from './compare'
import { frequencyOf, previousPeriod, sameTimeLastYear } from './periods'

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

/** The regions a region is compared with: its siblings, itself included. The province has none. */
export function peersOf(regions: RegionCatalogue, adcode: string): readonly Region[] {
  const parent = regions.parentOf(adcode)
  return parent ? regions.children(parent.adcode) : []
}

/** Rank of each region among the given ones (0 = no data). */
export function ranksAmong(ctx: DashboardContext, ind: Indicator, period: string, members: readonly Region[]): Map<string, number> {
  const values = members.map((r) => valueAt(ctx, ind, period, r.adcode))
  const ranks = competitionRanks(values, ind.higherIsBetter)
  return new Map(members.map((r, k) => [r.adcode, ranks[k]!]))
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
    list = ctx.index.periodsOf(indicatorId).filter((p) => frequencyOf(p) === frequency)
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
  value: number
  /** 同比 against the same period a year earlier. */
  yoy: Change | null
  /** For monthly indicators: the latest month of the year and its 环比 against the month before. */
  latestMonth: { period: string; value: number; mom: Change | null } | null
  /** Rank among peers (0 = no data or no peers) and how many peers have data. */
  rank: number
  rankedPeers: number
  /** Rank in the same period a year earlier (0 = unknown). */
  previousRank: number
  /** Source label when the figure was reported for the scope itself. */
  source: string | null
  /** Leaves under the scope that contributed, and how many there are. */
  coverage: { reported: number; expected: number }
  /** The scope's yearly values up to the selected year, for a sparkline. */
  spark: { periods: string[]; values: number[] }
}

export function kpiCard(ctx: DashboardContext, ind: Indicator, sel: Omit<Selection, 'indicator'>): KpiCard {
  const { index, regions } = ctx
  const pos = index.hierarchy.indexOf.get(sel.scope)
  const slice = index.slice(ind, sel.period, ctx.indicators.byId)
  const value = pos === undefined ? NaN : slice.value[pos]!
  const last = sameTimeLastYear(sel.period)
  const previous = last ? valueAt(ctx, ind, last, sel.scope) : NaN
  const peers = peersOf(regions, sel.scope)
  const ranks = ranksAmong(ctx, ind, sel.period, peers)
  const prevRanks = last ? ranksAmong(ctx, ind, last, peers) : new Map<string, number>()
  const src = pos === undefined ? -1 : slice.source[pos]!
  const years = periodsFor(ctx, ind.id, 'annual').filter((p) => p <= sel.period)
  return {
    indicator: ind,
    value,
    yoy: changeBetween(value, previous, ind),
    latestMonth: latestMonthOf(ctx, ind, sel),
    rank: ranks.get(sel.scope) ?? 0,
    rankedPeers: [...ranks.values()].filter((r) => r > 0).length,
    previousRank: prevRanks.get(sel.scope) ?? 0,
    source: src >= 0 ? (index.table.sources[src] ?? null) : null,
    coverage: {
      reported: pos === undefined ? 0 : slice.coverage[pos]!,
      expected: pos === undefined ? 0 : index.hierarchy.leafCount[pos]!,
    },
    spark: { periods: years, values: years.map((p) => valueAt(ctx, ind, p, sel.scope)) },
  }
}

function latestMonthOf(ctx: DashboardContext, ind: Indicator, sel: Omit<Selection, 'indicator'>): KpiCard['latestMonth'] {
  if (!ind.frequencies.includes('monthly') || frequencyOf(sel.period) !== 'annual') return null
  const months = monthsOf(ctx, ind.id, sel.period)
  for (let k = months.length - 1; k >= 0; k--) {
    const period = months[k]!
    const value = valueAt(ctx, ind, period, sel.scope)
    if (Number.isNaN(value)) continue
    const before = previousPeriod(period)
    return { period, value, mom: before ? changeBetween(value, valueAt(ctx, ind, before, sel.scope), ind) : null }
  }
  return null
}

/** Which regions the map draws: a city's districts, the province's cities, or all the province's districts. */
export type MapLevel = 'city' | 'district'

export interface MapItem {
  adcode: string
  value: number
  rank: number
  /** 同比 against the same period a year earlier. */
  yoy: Change | null
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
  /** Class limits for a piecewise scale (ascending, min first, max last). */
  breaks: number[]
}

/** Regions the map draws, and under which parent (and boundary file). */
export function mapFrame(regions: RegionCatalogue, scope: string, level: MapLevel): { mapAdcode: string; geoKey: string; level: MapLevel; drawn: readonly Region[] } {
  const region = regions.get(scope)
  if (region && region.parent === null && level === 'district') {
    const drawn = regions.all.filter((r) => r.level === 'district')
    return { mapAdcode: region.adcode, geoKey: `${region.adcode}-districts`, level, drawn }
  }
  const parent = region && regions.children(region.adcode).length > 0 ? region : regions.parentOf(scope)
  const mapAdcode = parent?.adcode ?? scope
  const drawn = regions.children(mapAdcode)
  return { mapAdcode, geoKey: mapAdcode, level: drawn[0]?.level === 'district' ? 'district' : 'city', drawn }
}

/** Rounds a class limit to two significant figures so a legend reads 1,200–2,400, not 1,187.3–2,391.9. */
export function niceBreaks(min: number, max: number, classes: number): number[] {
  if (!(max > min)) return [min, max]
  const step = (max - min) / classes
  const mag = 10 ** (Math.floor(Math.log10(step)) - 1)
  const out = [min]
  for (let k = 1; k < classes; k++) {
    const b = Math.round((min + step * k) / mag) * mag
    if (b > out.at(-1)! && b < max) out.push(b)
  }
  out.push(max)
  return out
}

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
  for (const p of periods) {
    const slice = ctx.index.slice(ind, p, ctx.indicators.byId)
    for (const r of ctx.regions.all) {
      if (r.level !== drawnLevel) continue
      const i = ctx.index.hierarchy.indexOf.get(r.adcode)
      const v = i === undefined ? NaN : slice.value[i]!
      if (Number.isNaN(v)) continue
      min = Math.min(min, v)
      max = Math.max(max, v)
    }
  }
  if (!Number.isFinite(min)) min = max = 0
  const scale = scaleKindOf(ind)
  return {
    mapAdcode: frame.mapAdcode,
    geoKey: frame.geoKey,
    level: frame.level,
    items: frame.drawn.map((r) => {
      const value = valueAt(ctx, ind, sel.period, r.adcode)
      return {
        adcode: r.adcode,
        value,
        rank: ranks.get(r.adcode) ?? 0,
        yoy: last ? changeBetween(value, valueAt(ctx, ind, last, r.adcode), ind) : null,
      }
    }),
    highlight: frame.mapAdcode !== sel.scope && frame.drawn.some((r) => r.adcode === sel.scope) ? sel.scope : null,
    min,
    max,
    scale,
    breaks: scale === 'piecewise' ? niceBreaks(min, max, 5) : [min, max],
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

  if (mode === 'seasonal') {
    const years = [...new Set(all.map((p) => p.slice(0, 4)))].filter((y) => inRange(y, opts.from, opts.to)).slice(-MAX_TREND_LINES)
    const months = Array.from({ length: 12 }, (_, k) => String(k + 1).padStart(2, '0'))
    const series: TrendSeries[] = years.map((y) => ({ key: y, kind: 'year', values: months.map((m) => valueAt(ctx, ind, `${y}-${m}`, sel.scope)) }))
    return { mode, frequency, periods: months, series, values: series.at(-1)?.values ?? [], reference: null }
  }

  const periods = all.filter((p) => inRange(p.slice(0, 4), opts.from, opts.to))
  const shape = (vals: number[]) => (mode === 'ytd' ? cumulativeWithinYear(periods, vals) : vals)
  const series: TrendSeries[] = lines.map((a) => ({ key: a, kind: 'region', values: shape(periods.map((p) => valueAt(ctx, ind, p, a))) }))
  return {
    mode,
    frequency,
    periods,
    series,
    values: series[0]?.values ?? [],
    reference:
      parent && (mode !== 'ytd' || referenceKind(ind) === 'peerMean')
        ? {
            parent: parent.adcode,
            kind: referenceKind(ind),
            values: shape(periods.map((p) => referenceValue(ctx, ind, p, parent.adcode))),
          }
        : null,
  }
}

function inRange(year: string, from: string | null | undefined, to: string | null | undefined): boolean {
  return (!from || year >= from.slice(0, 4)) && (!to || year <= to.slice(0, 4))
}

export interface RankingItem extends MapItem {
  /** Rank in the same period a year earlier (0 = unknown). */
  previousRank: number
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
}

export function rankingModel(ctx: DashboardContext, ind: Indicator, sel: Selection, level: MapLevel = 'city'): RankingModel {
  const map = mapModel(ctx, ind, sel, level)
  const drawn = map.items.map((it) => ctx.regions.get(it.adcode)!)
  const last = sameTimeLastYear(sel.period)
  const prev = last ? ranksAmong(ctx, ind, last, drawn) : new Map<string, number>()
  const items = map.items
    .map((it) => ({ ...it, previousRank: prev.get(it.adcode) ?? 0 }))
    .sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity) || a.adcode.localeCompare(b.adcode))
  const refValue =
    !map.geoKey.endsWith('-districts')
      ? referenceValue(ctx, ind, sel.period, map.mapAdcode)
      : referenceKind(ind) === 'parentValue'
        ? valueAt(ctx, ind, sel.period, map.mapAdcode)
        : meanOfPresent(map.items.map((it) => it.value))
  return {
    parent: map.mapAdcode,
    level: map.level,
    items,
    reference: { kind: referenceKind(ind), value: refValue },
    highlight: map.highlight,
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
}

export interface RadarModel {
  adcode: string
  /** Whose children the region is compared with. */
  parent: string
  axes: RadarAxis[]
}

/** One region's profile across indicators, each normalised against its siblings; null for the province. */
export function radarModel(ctx: DashboardContext, sel: Omit<Selection, 'indicator'>, indicatorIds: readonly string[]): RadarModel | null {
  const parent = ctx.regions.parentOf(sel.scope)
  if (!parent) return null
  const peers = ctx.regions.children(parent.adcode)
  const axes = indicatorIds.flatMap((id) => {
    const ind = ctx.indicators.byId.get(id)
    if (!ind) return []
    const values = peers.map((r) => valueAt(ctx, ind, sel.period, r.adcode))
    const value = valueAt(ctx, ind, sel.period, sel.scope)
    const scores = values.map((v) => peerScore(v, values, ind.higherIsBetter))
    return [{ indicator: ind, value, score: peerScore(value, values, ind.higherIsBetter), peerMean: meanOfPresent(scores) }]
  })
  return { adcode: sel.scope, parent: parent.adcode, axes }
}

export interface TableCell {
  value: number
  rank: number
  /** 0–100 among the rows, for conditional colouring (NaN = no data). */
  score: number
}

export interface RegionTableModel {
  parent: string
  indicators: Indicator[]
  rows: { adcode: string; cells: TableCell[] }[]
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
    const values = frame.drawn.map((r) => valueAt(ctx, ind, sel.period, r.adcode))
    const ranks = competitionRanks(values, ind.higherIsBetter)
    return values.map((v, k) => ({ value: v, rank: ranks[k]!, score: peerScore(v, values, ind.higherIsBetter) }))
  })
  return {
    parent: frame.mapAdcode,
    indicators,
    rows: frame.drawn.map((r, k) => ({ adcode: r.adcode, cells: columns.map((c) => c[k]!) })),
  }
}

export interface SmallMultiplesModel {
  periods: string[]
  panels: { adcode: string; values: number[] }[]
  /** One y range for every panel, so heights compare across panels. */
  min: number
  max: number
  highlight: string | null
}

/** One indicator's yearly trend in each drawn region, on a shared scale. */
export function smallMultiplesModel(ctx: DashboardContext, ind: Indicator, sel: Selection, level: MapLevel = 'city'): SmallMultiplesModel {
  const frame = mapFrame(ctx.regions, sel.scope, level)
  const periods = periodsFor(ctx, ind.id, 'annual')
  const panels = frame.drawn.map((r) => ({ adcode: r.adcode, values: periods.map((p) => valueAt(ctx, ind, p, r.adcode)) }))
  let min = Infinity
  let max = -Infinity
  for (const p of panels)
    for (const v of p.values) {
      if (Number.isNaN(v)) continue
      min = Math.min(min, v)
      max = Math.max(max, v)
    }
  if (!Number.isFinite(min)) min = max = 0
  return { periods: [...periods], panels, min, max, highlight: frame.mapAdcode !== sel.scope ? sel.scope : null }
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
