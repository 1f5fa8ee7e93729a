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

export function customIndicator(spec: CustomIndicatorSpec): Indicator {
  const unit: Unit = isUnit(spec.unit) ? spec.unit : '个'
  const id = spec.id && /^[a-z][a-z0-9_]*$/.test(spec.id) ? spec.id : customIndicatorId(spec.name)
  return {
    id,
    name: { zh: spec.name, en: spec.nameEn ?? spec.name },
    unit,
    category: 'services',
    definition: { zh: '', en: '' },
    decimals: spec.decimals ?? (unit === '%' || unit === '万元' ? 1 : 0),
    higherIsBetter: true,
    aggregation: { kind: spec.rule },
    frequencies: ['annual', 'monthly'],
    aliases: [],
  }
}
