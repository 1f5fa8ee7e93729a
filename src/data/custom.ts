/**
 * Indicators a user adds for columns the catalogue does not know (e.g. 职工书屋数量). They carry the
 * same fields as catalogue indicators so the rest of the dashboard treats them alike; the user picks
 * the unit and whether the figure adds up (sum) or is averaged (mean) when rolling up.
 */
import { UNITS, type Indicator, type Unit } from '@/domain/types'

export interface CustomIndicatorSpec {
  id?: string
  name: string
  nameEn?: string
  unit: string
  rule: 'sum' | 'mean'
  decimals?: number
}

export const CUSTOM_PREFIX = 'custom_'

export function isUnit(v: unknown): v is Unit {
  return typeof v === 'string' && (UNITS as readonly string[]).includes(v)
}

/** A stable snake_case id from the name, so the same column gets the same id in every import. */
export function customIndicatorId(name: string): string {
  let h = 0x811c9dc5
  for (const ch of name.normalize('NFKC')) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `${CUSTOM_PREFIX}${h.toString(36)}`
}

/** Decimals a number can be shown with: Intl.NumberFormat and toFixed refuse anything else. */
export const MAX_DECIMALS = 6

export function isDecimals(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_DECIMALS
}

const ID = /^[a-z][a-z0-9_]*$/

export function customIndicator(spec: CustomIndicatorSpec): Indicator {
  const unit: Unit = isUnit(spec.unit) ? spec.unit : '个'
  const id = spec.id && ID.test(spec.id) ? spec.id : customIndicatorId(spec.name)
  return {
    id,
    name: { zh: spec.name, en: spec.nameEn ?? spec.name },
    unit,
    category: 'services',
    definition: { zh: '', en: '' },
    decimals: isDecimals(spec.decimals) ? spec.decimals : unit === '%' || unit === '万元' ? 1 : 0,
    higherIsBetter: true,
    aggregation: { kind: spec.rule },
    frequencies: ['annual', 'monthly'],
    aliases: [],
  }
}

/** A field of an indicator definition that cannot be used as given; a default is used instead. */
export interface SpecFieldProblem {
  field: 'id' | 'unit' | 'decimals'
  value: string
}

/**
 * An indicator definition from a file (JSON "indicators"), every field checked: without a name or
 * with a roll-up other than sum or mean it is refused (undefined); a bad id, unit or decimals is
 * reported and replaced by its default, so nothing from a file reaches a panel unchecked.
 */
export function readCustomSpec(x: unknown): { spec?: CustomIndicatorSpec; problems: SpecFieldProblem[] } {
  const problems: SpecFieldProblem[] = []
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return { problems }
  const o = x as Record<string, unknown>
  const names = typeof o.name === 'object' && o.name !== null ? (o.name as Record<string, unknown>) : {}
  const name = typeof o.name === 'string' ? o.name : typeof names.zh === 'string' ? names.zh : undefined
  const nameEn = typeof names.en === 'string' ? names.en : undefined
  const agg = o.aggregation
  const rule = agg === undefined ? 'sum' : typeof agg === 'string' ? agg : typeof agg === 'object' && agg !== null ? (agg as { kind?: unknown }).kind : undefined
  if (!name?.trim() || (rule !== 'sum' && rule !== 'mean')) return { problems }
  const shown = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)).slice(0, 40)
  if (o.id !== undefined && !(typeof o.id === 'string' && ID.test(o.id))) problems.push({ field: 'id', value: shown(o.id) })
  if (!isUnit(o.unit)) problems.push({ field: 'unit', value: shown(o.unit ?? '') })
  if (o.decimals !== undefined && !isDecimals(o.decimals)) problems.push({ field: 'decimals', value: shown(o.decimals) })
  const spec: CustomIndicatorSpec = {
    ...(typeof o.id === 'string' && ID.test(o.id) ? { id: o.id } : {}),
    name: name.trim(),
    ...(nameEn ? { nameEn } : {}),
    unit: isUnit(o.unit) ? o.unit : '个',
    rule,
    ...(isDecimals(o.decimals) ? { decimals: o.decimals } : {}),
  }
  return { spec, problems }
}

/** A custom indicator kept from before (a saved dataset), made safe to show whatever it holds. */
export function safeIndicator(ind: Indicator): Indicator {
  return isDecimals(ind.decimals) && isUnit(ind.unit) ? ind : { ...ind, unit: isUnit(ind.unit) ? ind.unit : '个', decimals: isDecimals(ind.decimals) ? ind.decimals : 0 }
}
