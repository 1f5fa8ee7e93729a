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
      { id: 'x', name: 'n', query: { period: '2023' }, savedAt: '' },
    ])
  })
})
