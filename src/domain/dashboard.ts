/**
 * What each part of the dashboard shows, computed from the fact index for one selection
 * (scope, period, indicator). Pure functions: the stores call them, option builders draw them.
 */
import type { Indicator, Region } from './types'
import type { FactIndex } from './aggregate'
import type { IndicatorCatalogue } from './indicators'
import type { RegionCatalogue } from './regions'
import { changeBetween, competitionRanks, meanOfPresent, type Change } from './compare'
import { frequencyOf, sameTimeLastYear } from './periods'

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

export function periodsFor(ctx: DashboardContext, indicatorId: string, frequency: 'annual' | 'monthly'): string[] {
  return ctx.index.periodsOf(indicatorId).filter((p) => frequencyOf(p) === frequency)
}

export interface KpiCard {
  indicator: Indicator
  value: number
  /** 同比 against the same period a year earlier. */
  yoy: Change | null
  /** Rank among peers (0 = no data or no peers) and how many peers have data. */
  rank: number
  rankedPeers: number
  /** Rank in the same period a year earlier (0 = unknown). */
  previousRank: number
  /** Source label when the figure was reported for the scope itself. */
  source: string | null
  /** Leaves under the scope that contributed, and how many there are. */
  coverage: { reported: number; expected: number }
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
  return {
    indicator: ind,
    value,
    yoy: changeBetween(value, previous, ind),
    rank: ranks.get(sel.scope) ?? 0,
    rankedPeers: [...ranks.values()].filter((r) => r > 0).length,
    previousRank: prevRanks.get(sel.scope) ?? 0,
    source: src >= 0 ? (index.table.sources[src] ?? null) : null,
    coverage: {
      reported: pos === undefined ? 0 : slice.coverage[pos]!,
      expected: pos === undefined ? 0 : index.hierarchy.leafCount[pos]!,
    },
  }
}

export interface MapItem {
  adcode: string
  value: number
  rank: number
}

export interface MapModel {
  /** The region whose children are drawn (its boundary file is `<adcode>.json`). */
  mapAdcode: string
  items: MapItem[]
  /** The selected region when it is one of the drawn children. */
  highlight: string | null
  /** Colour-scale range over every region of the drawn level in the whole catalogue, so a colour
   * means the same value whichever city is drilled into. */
  min: number
  max: number
}

export function mapModel(ctx: DashboardContext, ind: Indicator, sel: Selection): MapModel {
  const { regions } = ctx
  const scope = regions.get(sel.scope)
  const drawn = scope && regions.children(scope.adcode).length > 0 ? scope : regions.parentOf(sel.scope)
  const mapAdcode = drawn?.adcode ?? sel.scope
  const children = regions.children(mapAdcode)
  const ranks = ranksAmong(ctx, ind, sel.period, children)
  const level = children[0]?.level
  let min = Infinity
  let max = -Infinity
  for (const r of regions.all) {
    if (r.level !== level) continue
    const v = valueAt(ctx, ind, sel.period, r.adcode)
    if (Number.isNaN(v)) continue
    min = Math.min(min, v)
    max = Math.max(max, v)
  }
  return {
    mapAdcode,
    items: children.map((r) => ({ adcode: r.adcode, value: valueAt(ctx, ind, sel.period, r.adcode), rank: ranks.get(r.adcode) ?? 0 })),
    highlight: mapAdcode !== sel.scope ? sel.scope : null,
    min: Number.isFinite(min) ? min : 0,
    max: Number.isFinite(max) ? max : 0,
  }
}

export interface TrendModel {
  frequency: 'annual' | 'monthly'
  periods: string[]
  values: number[]
  /** The parent's reference over the same periods, null for the province. */
  reference: { parent: string; kind: ReferenceKind; values: number[] } | null
}

export function trendModel(ctx: DashboardContext, ind: Indicator, sel: Selection): TrendModel {
  const frequency = ind.frequencies.includes('monthly') ? 'monthly' : 'annual'
  const periods = periodsFor(ctx, ind.id, frequency)
  const parent = ctx.regions.parentOf(sel.scope)
  return {
    frequency,
    periods,
    values: periods.map((p) => valueAt(ctx, ind, p, sel.scope)),
    reference: parent
      ? { parent: parent.adcode, kind: referenceKind(ind), values: periods.map((p) => referenceValue(ctx, ind, p, parent.adcode)) }
      : null,
  }
}

export interface RankingItem extends MapItem {
  /** Rank in the same period a year earlier (0 = unknown). */
  previousRank: number
}

export interface RankingModel {
  /** Whose children are ranked. */
  parent: string
  /** Best first; regions with no data last. */
  items: RankingItem[]
  reference: { kind: ReferenceKind; value: number }
  highlight: string | null
}

export function rankingModel(ctx: DashboardContext, ind: Indicator, sel: Selection): RankingModel {
  const map = mapModel(ctx, ind, sel)
  const last = sameTimeLastYear(sel.period)
  const prev = last ? ranksAmong(ctx, ind, last, ctx.regions.children(map.mapAdcode)) : new Map<string, number>()
  const items = map.items
    .map((it) => ({ ...it, previousRank: prev.get(it.adcode) ?? 0 }))
    .sort((a, b) => (a.rank || Infinity) - (b.rank || Infinity) || a.adcode.localeCompare(b.adcode))
  return {
    parent: map.mapAdcode,
    items,
    reference: { kind: referenceKind(ind), value: referenceValue(ctx, ind, sel.period, map.mapAdcode) },
    highlight: map.highlight,
  }
}
