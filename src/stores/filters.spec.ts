import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { DEFAULT_INDICATOR, useFiltersStore } from './filters'
import { customIndicator } from '@/data/custom'
import { setCustomIndicators } from '@/data/catalogues'

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

  it('keeps the map per 10,000 workers in the link, and a chip takes it off', () => {
    const f = useFiltersStore()
    f.applyQuery({ indicator: 'may_day_medals', per: 'workers' })
    expect(f.perWorkers).toBe(true)
    expect(f.toQuery()).toEqual({ indicator: 'may_day_medals', per: 'workers' })
    f.clear('perWorkers')
    expect(f.perWorkers).toBe(false)
    expect(f.toQuery()).toEqual({ indicator: 'may_day_medals' })
    f.applyQuery({ per: 'people' })
    expect(f.perWorkers).toBe(false)
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

  it('keeps a custom indicator named in the URL until the dataset that defines it is shown', () => {
    const f = useFiltersStore()
    const custom = customIndicator({ name: '职工书屋数量', unit: '个', rule: 'sum' })
    f.applyQuery({ indicator: custom.id, period: '2023' })
    expect(f.indicator).toBe(DEFAULT_INDICATOR)
    // The link stays as it was while the dataset loads.
    expect(f.toQuery()).toEqual({ indicator: custom.id, period: '2023' })
    setCustomIndicators([custom])
    f.adoptPendingIndicator()
    expect(f.indicator).toBe(custom.id)
    setCustomIndicators([])
  })

  it('drops an indicator the URL names when the dataset shown does not have it', () => {
    const f = useFiltersStore()
    f.applyQuery({ indicator: 'custom_gone' })
    f.adoptPendingIndicator()
    expect(f.indicator).toBe(DEFAULT_INDICATOR)
    expect(f.toQuery()).toEqual({})
  })

  it('only accepts known regions and indicators from actions', () => {
    const f = useFiltersStore()
    f.setScope('nowhere')
    f.setIndicator('constructor')
    expect(f.scope).toBe('320000')
    expect(f.indicator).toBe(DEFAULT_INDICATOR)
  })

  it('round-trips a range, a category and a trend view, and clears one filter at a time', () => {
    const f = useFiltersStore()
    const q = { region: '320200', period: '2024', from: '2021', category: 'care', trend: 'ytd', indicator: 'relief_amount' }
    f.applyQuery(q)
    expect(f.toQuery()).toEqual(q)
    f.clear('from')
    f.clear('category')
    expect(f.toQuery()).toEqual({ region: '320200', period: '2024', trend: 'ytd', indicator: 'relief_amount' })
    f.applyQuery({ from: '2021-03', category: 'nothing', trend: 'weekly' })
    expect(f.toQuery()).toEqual({})
  })

  it('keeps at most seven regions to compare with the scope, and toggles them', () => {
    const f = useFiltersStore()
    f.setCompare(['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116'])
    expect(f.compare).toHaveLength(7)
    f.toggleCompare('320102')
    expect(f.compare).not.toContain('320102')
    f.toggleCompare('320102')
    expect(f.compare).toContain('320102')
  })

  it('marks the corrections the app makes itself, only when they change something, and forgets them once read', () => {
    const f = useFiltersStore()
    f.correct(() => f.setPeriod(null))
    expect(f.takeAutomatic()).toBe(false)
    f.correct(() => f.setScope('320205'))
    expect(f.scope).toBe('320205')
    expect(f.takeAutomatic()).toBe(true)
    expect(f.takeAutomatic()).toBe(false)
    f.setPeriod('2023')
    expect(f.takeAutomatic()).toBe(false)
  })
})
