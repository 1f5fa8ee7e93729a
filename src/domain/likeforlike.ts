/**
 * 同比 / 环比 that compare like with like. When the regions behind a rolled-up figure differ from
 * one period to the other (a district that did not report this year), the plain change between the
 * two figures mixes a real change with a change of coverage. The headline change then compares only
 * what reported in both periods, and names what was left out.
 *
 * The walk follows the pairs the roll-up handed up (aggregate.ts): a region whose pair covers all
 * its leaves in both periods is taken whole; one that reported in one period only is named and left
 * out; one covered in part in either period is opened up into its children, unless its own figure
 * (a city's own row) stands in the way, in which case it is named and left out.
 */
import { childrenOf, ratioScale, type FactIndex, type Slice } from './aggregate'
import { changeBetween, type Change } from './compare'
import type { Indicator } from './types'

export interface ChangeDetail {
  /** The change to show: like-for-like where the regions behind the two figures differ; null when nothing compares. */
  change: Change | null
  /** The change between the two figures as shown, whatever lies behind them. */
  plain: Change | null
  /** True when the headline change leaves out regions that are behind only one of the figures. */
  likeForLike: boolean
  /** Regions behind the earlier figure but not (or only in part) the current one… */
  missingNow: string[]
  /** …and behind the current figure but not (or only in part) the earlier one. */
  missingBefore: string[]
  /** The values the headline change is between: the comparable part of each figure. */
  current: number
  previous: number
}

type ById = ReadonlyMap<string, Indicator>

/** The value a pair stands for under the indicator's rule. */
function valueOfPair(ind: Indicator, a: number, b: number): number {
  if (!(b > 0)) return NaN
  if (ind.aggregation.kind === 'sum') return a
  return ind.aggregation.kind === 'ratio' ? (a / b) * ratioScale(ind) : a / b
}

/** The change of region `pos` from `earlier` to `period`, like for like; null when either figure is missing. */
export function changeDetail(index: FactIndex, ind: Indicator, byId: ById, pos: number, period: string, earlier: string): ChangeDetail | null {
  const now = index.slice(ind, period, byId)
  const then = index.slice(ind, earlier, byId)
  const current = now.value[pos]!
  const previous = then.value[pos]!
  if (Number.isNaN(current) || Number.isNaN(previous)) return null
  const plain = changeBetween(current, previous, ind)
  const h = index.hierarchy
  const full = h.leafCount[pos]!
  if (now.coverage[pos] === full && then.coverage[pos] === full) {
    return { change: plain, plain, likeForLike: false, missingNow: [], missingBefore: [], current, previous }
  }

  const missingNow: string[] = []
  const missingBefore: string[] = []
  let aNow = 0
  let bNow = 0
  let aThen = 0
  let bThen = 0
  let bad = false
  const complete = (s: Slice, i: number) => s.pairCoverage[i] === h.leafCount[i]
  const visit = (i: number) => {
    const inNow = now.pairB[i]! > 0
    const inThen = then.pairB[i]! > 0
    if (!inNow && !inThen) return
    if (inNow !== inThen) {
      ;(inNow ? missingBefore : missingNow).push(h.adcodes[i]!)
      return
    }
    if (complete(now, i) && complete(then, i)) {
      aNow += now.pairA[i]!
      bNow += now.pairB[i]!
      aThen += then.pairA[i]!
      bThen += then.pairB[i]!
      bad ||= now.pairBad[i] === 1 || then.pairBad[i] === 1
      return
    }
    const kids = childrenOf(h, i)
    if (now.pairOwn[i] || then.pairOwn[i] || kids.length === 0) {
      if (!complete(now, i)) missingNow.push(h.adcodes[i]!)
      if (!complete(then, i)) missingBefore.push(h.adcodes[i]!)
      return
    }
    for (const c of kids) visit(c)
  }
  // A figure of the region's own (its row, or a ratio of its own counts) cannot be opened up.
  const ownNow = now.reported[pos] === 1 || now.pairOwn[pos] === 1
  const ownThen = then.reported[pos] === 1 || then.pairOwn[pos] === 1
  if (ownNow || ownThen) {
    const partial = ownNow ? then : now
    const list = ownNow ? missingBefore : missingNow
    for (const c of childrenOf(h, pos)) if (!(partial.pairB[c]! > 0)) list.push(h.adcodes[c]!)
    return { change: null, plain, likeForLike: true, missingNow, missingBefore, current: NaN, previous: NaN }
  }
  for (const c of childrenOf(h, pos)) visit(c)

  const likeNow = valueOfPair(ind, aNow, bNow)
  const likeThen = valueOfPair(ind, aThen, bThen)
  const likeForLike = missingNow.length > 0 || missingBefore.length > 0
  if (!likeForLike) return { change: plain, plain, likeForLike, missingNow, missingBefore, current, previous }
  const change = bad ? null : changeBetween(likeNow, likeThen, ind)
  return { change, plain, likeForLike, missingNow, missingBefore, current: likeNow, previous: likeThen }
}

/**
 * Rank now and rank then of each member, counting only the members that have a figure in both
 * periods, so a move up or down is never caused by a region that reported in one period only.
 */
export function ranksInBoth(now: ArrayLike<number>, then: ArrayLike<number>, rank: (values: number[]) => ArrayLike<number>): { now: number[]; then: number[] } {
  const both: number[] = []
  for (let k = 0; k < now.length; k++) if (!Number.isNaN(now[k]!) && !Number.isNaN(then[k]!)) both.push(k)
  const rNow = rank(both.map((k) => now[k]!))
  const rThen = rank(both.map((k) => then[k]!))
  const outNow = new Array<number>(now.length).fill(0)
  const outThen = new Array<number>(now.length).fill(0)
  both.forEach((k, j) => {
    outNow[k] = rNow[j]!
    outThen[k] = rThen[j]!
  })
  return { now: outNow, then: outThen }
}
