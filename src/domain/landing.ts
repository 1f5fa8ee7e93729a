/**
 * Where the dashboard opens: on the latest period up to today that has data (a year dated in the
 * future is a typo to question, not the default), and after an import on the data just loaded —
 * the smallest region that holds all of its rows, an indicator with a figure there.
 */
import { periodsFor, monthsOf, figureAt, type DashboardContext } from './dashboard'
import { isMonthlyFlow } from './aggregate'
import { isFuturePeriod } from './periods'
import type { Indicator } from './types'

export { isFuturePeriod } from './periods'

/** The periods one can choose for an indicator: years (built from months for a monthly flow) and months. */
export interface PeriodChoices {
  years: readonly string[]
  months: readonly string[]
}

export function periodChoices(ctx: DashboardContext, indicatorId: string): PeriodChoices {
  return { years: periodsFor(ctx, indicatorId, 'annual'), months: periodsFor(ctx, indicatorId, 'monthly') }
}

/**
 * The period shown when none is chosen: the latest year up to today, unless that year is only
 * a few months so far (a monthly flow with no annual rows and fewer than 12 months), or there are
 * no years at all; then the latest month up to today. '' when there is no data.
 */
export function defaultPeriod(ctx: DashboardContext, ind: Indicator, today: Date): string {
  const { years, months } = periodChoices(ctx, ind.id)
  const pastYears = years.filter((y) => !isFuturePeriod(y, today))
  const pastMonths = months.filter((m) => !isFuturePeriod(m, today))
  const year = pastYears.at(-1)
  const month = pastMonths.at(-1)
  if (!year) return month ?? ''
  const builtFromMonths = isMonthlyFlow(ind) && !ctx.index.periodsOf(ind.id).includes(year)
  if (builtFromMonths && month?.startsWith(year) && monthsOf(ctx, ind.id, year).length < 12) return month
  return year
}

/** The smallest region that holds every row of the table that can be placed, or null for none. */
export function smallestCommonRegion(ctx: DashboardContext): string | null {
  const h = ctx.index.hierarchy
  const t = ctx.index.table
  const used = new Uint8Array(t.regions.length)
  for (let i = 0; i < t.length; i++) used[t.region[i]!] = 1
  let common: number[] | null = null
  t.regions.forEach((adcode, code) => {
    const pos = h.indexOf.get(adcode)
    if (!used[code] || pos === undefined) return
    const chain: number[] = []
    for (let p = pos; p >= 0; p = h.parent[p]!) chain.unshift(p)
    if (common === null) common = chain
    else {
      let k = 0
      while (k < common.length && k < chain.length && common[k] === chain[k]) k++
      common = common.slice(0, k)
    }
  })
  const list = common as number[] | null
  return list && list.length > 0 ? h.adcodes[list.at(-1)!]! : null
}

/**
 * The view to open on freshly loaded data: its smallest common region, the preferred indicator if
 * it has a figure there, else the first of `order` that has one; the period is left to the default.
 */
export function landingView(ctx: DashboardContext, preferred: string, order: readonly string[], today: Date): { scope: string; indicator: string } | null {
  const scope = smallestCommonRegion(ctx)
  if (!scope) return null
  const hasFigure = (id: string) => {
    const ind = ctx.indicators.byId.get(id)
    if (!ind) return false
    const period = defaultPeriod(ctx, ind, today)
    return period !== '' && !Number.isNaN(figureAt(ctx, ind, period, scope).value)
  }
  const candidates = [preferred, ...order, ...ctx.indicators.indicators.map((i) => i.id)]
  const indicator = candidates.find(hasFigure) ?? candidates.find((id) => ctx.index.hasIndicator(id)) ?? preferred
  return { scope, indicator }
}
