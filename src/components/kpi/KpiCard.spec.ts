import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import KpiCard from './KpiCard.vue'
import type { KpiCard as Card } from '@/domain/dashboard'
import { indicatorCatalogue } from '@/data/catalogues'

function card(over: Partial<Card> = {}): Card {
  return {
    indicator: indicatorCatalogue.byId.get('worker_stability_rate')!,
    value: 91.24,
    yoy: { kind: 'points', value: 0.8 },
    rank: 2,
    rankedPeers: 13,
    previousRank: 5,
    source: null,
    coverage: { reported: 95, expected: 95 },
    latestMonth: null,
    spark: { periods: ['2023', '2024'], values: [90.4, 91.24] },
    ...over,
  }
}

function mountCard(props: { card: Card; selected?: boolean; peerLabel?: string }) {
  setActivePinia(createPinia())
  return mount(KpiCard, { props, global: { plugins: [i18n] } })
}

describe('KpiCard', () => {
  it('shows the value with its decimals and unit, 同比 in points, and the rank and its move', () => {
    const w = mountCard({ card: card(), selected: true, peerLabel: '在江苏省设区市中' })
    expect(w.get('[data-test="kpi-value"]').text()).toBe('91.2%')
    expect(w.text()).toContain('+0.8个百分点')
    expect(w.text()).toContain('第2/13位')
    expect(w.text()).toContain('较上年上升3位')
    expect(w.text()).toContain('参照：91.6%')
    expect(w.find('.good').exists()).toBe(true)
  })

  it('says 暂无数据 for a missing value rather than 0', () => {
    const w = mountCard({ card: card({ value: NaN, yoy: null, rank: 0 }) })
    expect(w.get('[data-test="kpi-value"]').text()).toBe('暂无数据')
    expect(w.text()).not.toContain('排名')
  })

  it('names a published source and emits its indicator when clicked', async () => {
    const w = mountCard({ card: card({ source: '江苏工人报《主席论坛》2023' }) })
    expect(w.text()).toContain('来源：江苏工人报《主席论坛》2023')
    await w.trigger('click')
    expect(w.emitted('select')).toEqual([['worker_stability_rate']])
  })

  it('shows 环比 of the latest month and a labelled sparkline', () => {
    const relief = indicatorCatalogue.byId.get('relief_amount')!
    const w = mountCard({
      card: card({ indicator: relief, value: 1200, yoy: { kind: 'percent', value: 5 }, latestMonth: { period: '2024-12', value: 300, mom: { kind: 'percent', value: 150 } } }),
    })
    expect(w.get('[data-test="kpi-mom"]').text()).toBe('12月 环比 +150.0%')
    expect(w.get('svg').attributes('aria-label')).toBe('2023—2024年走势')
  })
})
