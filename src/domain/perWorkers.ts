/**
 * Counts per 10,000 workers (每万名职工): a count set against the catalogue's workforce indicator,
 * so a big city and a small one can be read on one map. A region's figure is a ratio of sums,
 * Σcount ÷ Σworkers × 10,000 over the districts that report both (never a mean of district
 * figures); its coverage counts those districts only. A region with a count but no workforce has
 * no figure, and says so.
 */
import type { DashboardContext, MapFrame, MapItem, MapModel, Selection } from './dashboard'
import { mapModelOf, valueAt } from './dashboard'
import type { IndicatorCatalogue } from './indicators'
import type { Indicator } from './types'

export const PER_WORKERS = 10_000

/** Whether a count indicator can be shown per 10,000 workers: a headcount-like sum, not money, not the workforce itself. */
export function hasPerWorkers(cat: Pick<IndicatorCatalogue, 'workforce' | 'byId'>, ind: Indicator): boolean {
  return (
    cat.workforce !== undefined &&
    cat.byId.has(cat.workforce) &&
    ind.id !== cat.workforce &&
    ind.aggregation.kind === 'sum' &&
    ind.unit !== '%' &&
    ind.unit !== '万元'
  )
}

/** The count as a rate per 10,000 of the workforce: a ratio rule over the count and the workforce. */
export function perWorkersIndicator(ind: Indicator, workforce: string): Indicator {
  return {
    ...ind,
    id: `${ind.id}.per_10k_workers`,
    // One decimal more than the count, so small counts per 10,000 still tell apart.
    decimals: Math.max(1, ind.decimals + 1),
    benchmark: undefined,
    aggregation: { kind: 'ratio', numerator: ind.id, denominator: workforce, per: PER_WORKERS },
  }
}

/** The context with `extra` in its catalogue, so roll-ups and period lists can look it up by id. */
export function withIndicator(ctx: DashboardContext, extra: Indicator): DashboardContext {
  const byId = new Map(ctx.indicators.byId)
  byId.set(extra.id, extra)
  return { ...ctx, indicators: { ...ctx.indicators, byId } }
}

export interface PerWorkersItem extends MapItem {
  /** True when the region has the count but no workforce to set it against. */
  lacksWorkers: boolean
}

export interface PerWorkersMap extends MapModel {
  items: PerWorkersItem[]
  /** The rate indicator the map draws (decimals, rule); named and described as the count. */
  indicator: Indicator
}

/** The map of `count` per 10,000 workers over the frame's regions. */
export function perWorkersMap(ctx: DashboardContext, count: Indicator, workforce: string, sel: Selection, frame: MapFrame): PerWorkersMap {
  const rate = perWorkersIndicator(count, workforce)
  const model = mapModelOf(withIndicator(ctx, rate), rate, sel, frame)
  const workers = ctx.indicators.byId.get(workforce)
  const items = model.items.map((it) => ({
    ...it,
    lacksWorkers:
      Number.isNaN(it.value) &&
      !Number.isNaN(valueAt(ctx, count, sel.period, it.adcode)) &&
      (!workers || Number.isNaN(valueAt(ctx, workers, sel.period, it.adcode))),
  }))
  return { ...model, items, indicator: rate }
}
