// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '@/i18n'
import KpiCard from './KpiCard.vue'
import type { KpiCard as Card } from '@/domain/dashboard'
import { indicatorCatalogue } from '@/data/catalogues'
import { figureFixture } from '@/domain/testing'
import type { Change } from '@/domain/compare'
import type { ChangeDetail } from '@/domain/likeforlike'
import { useDatasetStore } from '@/stores/dataset'
import { FactTableBuilder } from '@/domain/table'

const detail = (change: Change | null, over: Partial<ChangeDetail> = {}): ChangeDetail => ({
  change,
  plain: change,
  likeForLike: false,
  missingNow: [],
  missingBefore: [],
  current: NaN,
  previous: NaN,
  ...over,
})

function card(over: Partial<Card> = {}): Card {
  const value = over.value ?? 91.24
  const figure = over.figure ?? figureFixture(value, 95, 95)
  return {
    indicator: indicatorCatalogue.byId.get('worker_stability_rate')!,
    value,
    figure,
    period: '2024',
    earlier: '2023',
    yoy: detail({ kind: 'points', value: 0.8 }),
    rank: 2,
    rankedPeers: 13,
    previousRank: 5,
    rankInBoth: 2,
    coverage: figure.coverage,
    benchmark: indicatorCatalogue.byId.get('worker_stability_rate')!.benchmark!,
    offenders: [],
    latestMonth: null,
    spark: { periods: ['2023', '2024'], values: [90.4, 91.24] },
    ...over,
  }
}

function mountCard(props: { card: Card; selected?: boolean; peerLabel?: string }, sources: string[] = []) {
  setActivePinia(createPinia())
  if (sources.length) {
    // The card names sources by their codes in the loaded table.
    const b = new FactTableBuilder()
    for (const s of sources) b.add('320000', '2024', 'total_workers', 1, s)
    useDatasetStore().table = b.build()
  }
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
    const w = mountCard({ card: card({ value: NaN, figure: figureFixture(NaN, 0, 95), yoy: null, rank: 0 }) })
    expect(w.get('[data-test="kpi-value"]').text()).toBe('暂无数据')
    expect(w.text()).not.toContain('排名')
  })

  it('names a published source and emits its indicator when clicked', async () => {
    const w = mountCard({ card: card({ figure: figureFixture(91.24, 1, 1, { sources: [1] }) }) }, ['示例数据', '江苏工人报《主席论坛》2023'])
    expect(w.text()).toContain('来源：江苏工人报《主席论坛》2023')
    await w.trigger('click')
    expect(w.emitted('select')).toEqual([['worker_stability_rate']])
  })

  it('shows 环比 of the latest month and a labelled sparkline', () => {
    const relief = indicatorCatalogue.byId.get('relief_amount')!
    const w = mountCard({
      card: card({
        indicator: relief,
        value: 1200,
        yoy: detail({ kind: 'percent', value: 5 }),
        latestMonth: { period: '2024-12', value: 300, figure: figureFixture(300), mom: detail({ kind: 'percent', value: 150 }), yoy: null, seasonal: false },
      }),
    })
    expect(w.get('[data-test="kpi-mom"]').text()).toBe('12月 环比 +150.0%')
    expect(w.get('svg').attributes('aria-label')).toBe('2023—2024年走势')
  })

  it('reads a strongly seasonal month against the same month a year earlier, or says the swing is seasonal', () => {
    const relief = indicatorCatalogue.byId.get('relief_amount')!
    const month = { period: '2024-12', value: 300, figure: figureFixture(300), mom: detail({ kind: 'percent', value: 202.5 }), seasonal: true }
    const w = mountCard({ card: card({ indicator: relief, value: 1200, latestMonth: { ...month, yoy: detail({ kind: 'percent', value: 4.1 }) } }) })
    expect(w.get('[data-test="kpi-mom"]').text()).toBe('12月 同比 +4.1%')
    expect(w.get('[data-test="kpi-mom"]').attributes('title')).toContain('按上年同月比较')
    const first = mountCard({ card: card({ indicator: relief, value: 1200, latestMonth: { ...month, yoy: null } }) })
    expect(first.get('[data-test="kpi-mom"]').text()).toBe('12月 环比 +202.5%（含季节性波动）')
  })

  it('marks a figure built from part of its region with 数据覆盖, and a whole one with nothing', () => {
    const partial = mountCard({ card: card({ figure: figureFixture(374, 7, 95) }) })
    expect(partial.get('[data-test="kpi-note"]').text()).toBe('数据覆盖 7/95 个县（市、区）')
    const whole = mountCard({ card: card() })
    expect(whole.text()).not.toContain('数据覆盖')
  })

  it('prints a like-for-like 同比 as such and keeps what it left out for the tooltip', () => {
    const w = mountCard({
      card: card({
        yoy: detail({ kind: 'percent', value: 3.8 }, { plain: { kind: 'percent', value: -10.4 }, likeForLike: true, missingNow: ['320282'] }),
        indicator: indicatorCatalogue.byId.get('collective_contracts')!,
        value: 5107,
      }),
    })
    expect(w.get('[data-test="kpi-yoy"]').text()).toBe('+3.8%（可比口径）')
    const hint = w.get('[data-test="kpi-yoy"]').element.parentElement!.getAttribute('title')!
    expect(hint).toContain('按全部数据：−10.4%')
    expect(hint).toContain('2024年无数据：宜兴市')
  })

  it('says why a rate cannot be rolled up instead of a bare 暂无数据', () => {
    const w = mountCard({ card: card({ value: NaN, figure: figureFixture(NaN, 0, 95, { state: 'needsInputs' }), yoy: null, rank: 0 }) })
    expect(w.get('[data-test="kpi-value"]').text()).toBe('需要稳定就业职工和职工总数才能汇总')
  })

  it('shows an out-of-range rate as an error with the rows behind it, never as a number', () => {
    const w = mountCard({
      card: card({
        value: NaN,
        figure: figureFixture(NaN, 95, 95, { state: 'invalid' }),
        offenders: [{ adcode: '321012', value: 122.2, numerator: 1100, denominator: 900 }],
        yoy: null,
      }),
    })
    expect(w.get('[data-test="kpi-value"]').text()).toBe('数值超出可能范围，不予显示')
    expect(w.get('[data-test="kpi-offender"]').text()).toBe('江都区：稳定就业职工 1,100 大于 职工总数 900')
    expect(w.text()).not.toContain('122.2')
  })

  it('colours a change that prints as zero neither good nor bad', () => {
    const w = mountCard({ card: card({ yoy: detail({ kind: 'points', value: 0 }) }) })
    expect(w.get('[data-test="kpi-yoy"]').classes()).toContain('flat')
    expect(w.get('[data-test="kpi-yoy"]').text()).toBe('±0.0个百分点')
  })
})
