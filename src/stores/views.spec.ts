// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { parseSavedViews, useViewsStore, VIEWS_STORAGE_KEY } from './views'

describe('saved views', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('persists views and reads them back in a new session', async () => {
    const v = useViewsStore()
    v.save('  无锡法律援助 ', { region: '320200', indicator: 'legal_aid_cases', level: undefined })
    await nextTick()
    setActivePinia(createPinia())
    const again = useViewsStore()
    expect(again.views).toHaveLength(1)
    expect(again.views[0]).toMatchObject({ name: '无锡法律援助', query: { region: '320200', indicator: 'legal_aid_cases' } })
  })

  it('replaces a view of the same name and removes by id', () => {
    const v = useViewsStore()
    v.save('a', { region: '320200' })
    const b = v.save('a', { region: '320500' })
    expect(v.views.map((x) => x.query.region)).toEqual(['320500'])
    v.remove(b.id)
    expect(v.views).toEqual([])
  })

  it('drops malformed stored entries', () => {
    localStorage.setItem(VIEWS_STORAGE_KEY, '{not json')
    expect(useViewsStore().views).toEqual([])
    expect(parseSavedViews([{ id: 1 }, null, { id: 'x', name: 'n', query: { region: 5, period: '2023' } }])).toEqual([
      { id: 'x', name: 'n', query: { period: '2023' }, savedAt: '', periodMode: 'fixed' },
    ])
  })

  it('saves the period shown for a fixed view, and none (nor a range start) for a latest one', () => {
    const v = useViewsStore()
    const fixed = v.save('fixed', { region: '320200' }, 'fixed', '2024')
    expect(fixed.query).toEqual({ region: '320200', period: '2024' })
    const latest = v.save('latest', { region: '320200', period: '2023', from: '2021' }, 'latest', '2023')
    expect(latest.query).toEqual({ region: '320200' })
    expect(latest.periodMode).toBe('latest')
    expect(parseSavedViews([{ id: 'x', name: 'old', query: { period: '2023' } }])[0]?.periodMode).toBe('fixed')
  })

  it('renames unless the name is empty or taken, and puts a deleted view back in its place', () => {
    const v = useViewsStore()
    const a = v.save('a', { region: '320200' })
    const b = v.save('b', { region: '320500' })
    expect(v.rename(a.id, '  无锡 ')).toBe(true)
    expect(v.rename(a.id, 'b')).toBe(false)
    expect(v.rename(a.id, ' ')).toBe(false)
    expect(v.views.map((x) => x.name)).toEqual(['b', '无锡'])
    const removed = v.remove(b.id)!
    expect(v.views.map((x) => x.name)).toEqual(['无锡'])
    v.restore(removed)
    expect(v.views.map((x) => x.name)).toEqual(['b', '无锡'])
    expect(v.remove('nope')).toBeNull()
  })
})
