/**
 * Where a figure comes from: the sources of the rows behind it, and, for a figure that cannot be
 * shown because it is out of range, the regions whose own rows make it so. Both walk down the
 * hierarchy the way the roll-up went up (see aggregate.ts): a reported value stands for its own row,
 * a built one for the pairs its children handed up.
 */
import { childrenOf, figureState, MIXED_SOURCES, type FactIndex, type Slice } from './aggregate'
import type { Indicator } from './types'

type ById = ReadonlyMap<string, Indicator>

function dependency(byId: ById, id: string): Indicator {
  const d = byId.get(id)
  if (!d) throw new Error(`indicator ${id} is not in the catalogue`)
  return d
}

/** Sources of the region's own value: its row, or the rows of its months. */
function ownSources(index: FactIndex, ind: Indicator, period: string, slice: Slice, pos: number, out: Set<number>): void {
  const code = slice.source[pos]!
  if (code >= 0) out.add(code)
  else if (code === MIXED_SOURCES) {
    const t = index.table
    for (let m = 1; m <= 12; m++) {
      index.forEachRow(ind.id, `${period}-${String(m).padStart(2, '0')}`, (row, p) => {
        if (p === pos && !Number.isNaN(t.value[row]!)) out.add(t.source[row]!)
      })
    }
  }
}

/** Per slice and region, the sources found so far: a walk up a tree is repeated on every panel. */
const memo = new WeakMap<Slice, { value: (readonly number[] | undefined)[]; pair: (readonly number[] | undefined)[] }>()

function memoOf(slice: Slice) {
  let m = memo.get(slice)
  if (!m) memo.set(slice, (m = { value: [], pair: [] }))
  return m
}

function addAll(out: Set<number>, codes: readonly number[]): void {
  for (const c of codes) out.add(c)
}

/** Sources behind the pair a region hands its parent. */
function pairSources(index: FactIndex, ind: Indicator, period: string, byId: ById, pos: number): readonly number[] {
  const slice = index.slice(ind, period, byId)
  const m = memoOf(slice)
  const known = m.pair[pos]
  if (known) return known
  const out = new Set<number>()
  if (slice.pairB[pos]! > 0) {
    const rule = ind.aggregation
    if (!slice.pairOwn[pos]) {
      for (const c of childrenOf(index.hierarchy, pos)) addAll(out, pairSources(index, ind, period, byId, c))
    } else if (rule.kind === 'ratio') {
      for (const id of [rule.numerator, rule.denominator]) {
        const d = dependency(byId, id)
        ownSources(index, d, period, index.slice(d, period, byId), pos, out)
      }
    } else {
      ownSources(index, ind, period, slice, pos, out)
      if (rule.kind === 'weighted_mean') addAll(out, sourcesBehind(index, dependency(byId, rule.weight), period, byId, pos))
    }
  }
  const list = [...out].sort((a, b) => a - b)
  m.pair[pos] = list
  return list
}

/**
 * The source codes (into the table's `sources`) of every row behind the figure of region `pos`,
 * ascending: its own row when it reported one, else the rows its value was built from.
 */
export function sourcesBehind(index: FactIndex, ind: Indicator, period: string, byId: ById, pos: number): readonly number[] {
  const slice = index.slice(ind, period, byId)
  const m = memoOf(slice)
  const known = m.value[pos]
  if (known) return known
  const out = new Set<number>()
  const state = figureState(slice, pos)
  if (state === 'none' || state === 'needsInputs') {
    // Nothing is behind no figure.
  } else if (slice.reported[pos]) {
    ownSources(index, ind, period, slice, pos, out)
  } else if (ind.aggregation.kind === 'ratio' && slice.pairOwn[pos]) {
    addAll(out, pairSources(index, ind, period, byId, pos))
  } else {
    for (const c of childrenOf(index.hierarchy, pos)) addAll(out, pairSources(index, ind, period, byId, c))
  }
  const list = [...out].sort((a, b) => a - b)
  m.value[pos] = list
  return list
}

/** A region whose own rows put a figure out of range. */
export interface Offender {
  adcode: string
  /** The reported value out of range, or the ratio worked out from its own counts. */
  value: number
  /** For a ratio worked out from counts: the numerator and denominator as reported. */
  numerator?: number
  denominator?: number
}

/**
 * The regions under `pos` (itself included) whose own data make the figure invalid: a share
 * reported outside 0–100%, or a numerator over its denominator (or a negative count) in a ratio.
 */
export function offendersBehind(index: FactIndex, ind: Indicator, period: string, byId: ById, pos: number): Offender[] {
  const slice = index.slice(ind, period, byId)
  const h = index.hierarchy
  const out: Offender[] = []
  if (figureState(slice, pos) !== 'invalid') return out
  if (slice.reported[pos]) return [{ adcode: h.adcodes[pos]!, value: index.reportedValue(ind.id, period, pos) }]
  const rule = ind.aggregation
  if (rule.kind !== 'ratio') return out
  const num = index.slice(dependency(byId, rule.numerator), period, byId)
  const den = index.slice(dependency(byId, rule.denominator), period, byId)
  const scale = ind.unit === '%' ? 100 : 1
  const walk = (i: number) => {
    if (!slice.pairBad[i]) return
    if (slice.pairOwn[i]) {
      const n = num.value[i]!
      const d = den.value[i]!
      out.push({ adcode: h.adcodes[i]!, value: d > 0 ? (n / d) * scale : NaN, numerator: n, denominator: d })
      return
    }
    for (const c of childrenOf(h, i)) walk(c)
  }
  if (slice.pairOwn[pos]) walk(pos)
  else for (const c of childrenOf(h, pos)) walk(c)
  return out
}
