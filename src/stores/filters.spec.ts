import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { DEFAULT_INDICATOR, useFiltersStore } from './filters'

describe('filters store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('round-trips through the URL query', () => {
    const f = useFiltersStore()
    f.applyQuery({ region: '320205', indicator: 'legal_aid_cases', period: '2023', compare: '320205,320211', level: 'district' })
    expect(f.scope).toBe('320205')
    expect(f.toQuery()).toEqual({ region: '320205', indicator: 'legal_aid_cases', period: '2023', compare: '320205,320211', level: 'district' })
    const query = f.toQuery() as Record<string, string>
    f.reset()
    expect(f.indicator).toBe(DEFAULT_INDICATOR)
    f.applyQuery(query)
    expect(f.indicator).toBe('legal_aid_cases')
  })

  it('ignores values that name nothing known and keeps links short', () => {
    const f = useFiltersStore()
    f.applyQuery({ region: '999999', indicator: '__proto__', period: '2023-13', compare: 'x,320205,320205' })
    expect(f.scope).toBe('320000')
    expect(f.indicator).toBe(DEFAULT_INDICATOR)
    expect(f.period).toBeNull()
    expect(f.compare).toEqual(['320205'])
    expect(f.toQuery()).toEqual({ compare: '320205' })
  })

  it('only accepts known regions and indicators from actions', () => {
    const f = useFiltersStore()
    f.setScope('nowhere')
    f.setIndicator('constructor')
    expect(f.scope).toBe('320000')
    expect(f.indicator).toBe(DEFAULT_INDICATOR)
  })
})
