import { CATEGORIES, UNITS } from './types'
import type { AggregationRule, Bilingual, CategoryId, Frequency, Indicator, Unit } from './types'

export interface Category {
  id: CategoryId
  name: Bilingual
}

export interface IndicatorCatalogue {
  categories: Category[]
  indicators: Indicator[]
  byId: ReadonlyMap<string, Indicator>
  /** The count of workers that counts can be set against (每万名职工), when the catalogue names one. */
  workforce?: string
}

/** Indicators whose values another indicator's rule needs (numerator, denominator, weight). */
export function dependenciesOf(ind: Indicator): string[] {
  const r = ind.aggregation
  if (r.kind === 'ratio') return [r.numerator, r.denominator]
  if (r.kind === 'weighted_mean') return [r.weight]
  return []
}

export function isRate(ind: Indicator): boolean {
  return ind.unit === '%'
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function bilingual(v: unknown, where: string): Bilingual {
  if (isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string') return { zh: v.zh, en: v.en }
  throw new Error(`${where}: expected {zh, en} strings`)
}

function rule(v: unknown, where: string): AggregationRule {
  if (!isObject(v)) throw new Error(`${where}: aggregation must be an object`)
  switch (v.kind) {
    case 'sum':
    case 'mean':
      return { kind: v.kind }
    case 'ratio':
      if (typeof v.numerator === 'string' && typeof v.denominator === 'string')
        return { kind: 'ratio', numerator: v.numerator, denominator: v.denominator }
      break
    case 'weighted_mean':
      if (typeof v.weight === 'string') return { kind: 'weighted_mean', weight: v.weight }
      break
  }
  throw new Error(`${where}: unknown or incomplete aggregation rule ${JSON.stringify(v)}`)
}

/** Validates the JSON of data/indicators.json (or a user's catalogue) at the boundary. */
export function loadIndicatorCatalogue(json: unknown): IndicatorCatalogue {
  if (!isObject(json) || !Array.isArray(json.indicators) || !Array.isArray(json.categories))
    throw new Error('indicator catalogue: expected { categories: [...], indicators: [...] }')
  const categories: Category[] = json.categories.map((c: unknown, i) => {
    const where = `categories[${i}]`
    if (!isObject(c) || !CATEGORIES.includes(c.id as CategoryId)) throw new Error(`${where}: unknown category id`)
    return { id: c.id as CategoryId, name: bilingual(c.name, where) }
  })
  const indicators: Indicator[] = json.indicators.map((x: unknown, i) => {
    const where = `indicators[${i}]`
    if (!isObject(x) || typeof x.id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(x.id))
      throw new Error(`${where}: id must be snake_case`)
    if (!UNITS.includes(x.unit as Unit)) throw new Error(`${where} (${x.id}): unknown unit ${String(x.unit)}`)
    if (!CATEGORIES.includes(x.category as CategoryId))
      throw new Error(`${where} (${x.id}): unknown category ${String(x.category)}`)
    const frequencies = Array.isArray(x.frequencies) ? (x.frequencies as unknown[]) : ['annual']
    if (!frequencies.every((f) => f === 'annual' || f === 'monthly'))
      throw new Error(`${where} (${x.id}): frequencies must be annual and/or monthly`)
    let benchmark: Indicator['benchmark']
    if (x.benchmark !== undefined) {
      if (!isObject(x.benchmark) || typeof x.benchmark.value !== 'number' || !Number.isFinite(x.benchmark.value))
        throw new Error(`${where} (${x.id}): benchmark needs a numeric value`)
      const level = x.benchmark.level
      if (level !== 'province' && level !== 'city' && level !== 'district')
        throw new Error(`${where} (${x.id}): benchmark.level must be province, city or district (the level it was measured at)`)
      const region = x.benchmark.region
      if (region !== undefined && (typeof region !== 'string' || !/^\d{6}$/.test(region)))
        throw new Error(`${where} (${x.id}): benchmark.region must be a six-digit region code`)
      benchmark = { value: x.benchmark.value, label: bilingual(x.benchmark.label, `${where}.benchmark.label`), level, ...(region ? { region } : {}) }
    }
    return {
      id: x.id,
      name: bilingual(x.name, `${where}.name`),
      unit: x.unit as Unit,
      category: x.category as CategoryId,
      definition: bilingual(x.definition, `${where}.definition`),
      decimals: typeof x.decimals === 'number' ? x.decimals : 0,
      higherIsBetter: x.higherIsBetter !== false,
      ...(benchmark ? { benchmark } : {}),
      aggregation: rule(x.aggregation, `${where}.aggregation`),
      frequencies: frequencies as Frequency[],
      aliases: Array.isArray(x.aliases) ? x.aliases.filter((a): a is string => typeof a === 'string') : [],
    }
  })
  const byId = new Map<string, Indicator>()
  for (const ind of indicators) {
    if (byId.has(ind.id)) throw new Error(`indicator catalogue: duplicate id ${ind.id}`)
    byId.set(ind.id, ind)
  }
  for (const ind of indicators) {
    for (const dep of dependenciesOf(ind)) {
      const d = byId.get(dep)
      if (!d) throw new Error(`indicator ${ind.id}: rule refers to unknown indicator ${dep}`)
      if (d.aggregation.kind !== 'sum') throw new Error(`indicator ${ind.id}: ${dep} must roll up by sum`)
    }
  }
  let workforce: string | undefined
  if (json.workforce !== undefined) {
    const w = typeof json.workforce === 'string' ? byId.get(json.workforce) : undefined
    if (!w || w.aggregation.kind !== 'sum' || w.unit !== '人')
      throw new Error(`indicator catalogue: workforce must name a count of people that rolls up by sum (got ${JSON.stringify(json.workforce)})`)
    workforce = w.id
  }
  return { categories, indicators, byId, ...(workforce ? { workforce } : {}) }
}
