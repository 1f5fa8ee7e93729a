/**
 * Headline sentences for a brief, generated from the dashboard's models, e.g.
 * `2023年全省职工稳定率为91.2%，同比上升0.8个百分点，13个设区市中苏州市最高。`
 * Pure: the numbers come in already rolled up; only wording happens here.
 */
import { roundTo, sideOf, type Change } from '@/domain/compare'
import { formatValue, type Locale } from '@/domain/format'
import type { Indicator } from '@/domain/types'

export interface HeadlineRegion {
  name: string
  value: number
}

export interface HeadlineInput {
  locale: Locale
  indicator: Pick<Indicator, 'unit' | 'decimals' | 'higherIsBetter'>
  indicatorName: string
  unitLabel: string
  /** Year as written in text, e.g. 2023 (monthly periods like 2023-06 are accepted too). */
  period: string
  /** 全省 for the province, otherwise the region's name. */
  scopeName: string
  value: number
  /** Why there is no value (inputs missing, out of range); the plain "no data" sentence when absent. */
  withoutValue?: string
  /** 数据覆盖 7/95 个县（市、区） when the figure stands on part of the scope; absent when whole. */
  coverage?: string
  yoy: Change | null
  /** Regions left out of a like-for-like 同比 (reported in one year only); absent when none were. */
  likeForLike?: { left: string[] }
  /** The scope's children with their values, e.g. the 13 cities of the province. */
  children: HeadlineRegion[]
  /** Level of the children in words: 设区市, 区县 (cities, districts). */
  childLevel: string
  /** For a region without children: its rank among its peers. */
  peerRank?: { parentName: string; level: string; rank: number; total: number }
}

function periodText(period: string, locale: Locale): string {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period)
  if (!m) return period
  if (locale === 'zh-CN') return m[2] ? `${m[1]}年${Number(m[2])}月` : `${m[1]}年`
  return m[2] ? `${m[1]}-${m[2]}` : m[1]!
}

/** `同比上升0.8个百分点` / `up 0.8 pp year on year`; flat when it rounds to zero. */
export function changeText(c: Change | null, locale: Locale): string | null {
  if (!c) return null
  const n = Math.round(Math.abs(c.value) * 10) / 10
  const zh = locale === 'zh-CN'
  if (n === 0) return zh ? '与上年持平' : 'unchanged year on year'
  const up = c.value > 0
  const amount = n.toFixed(1)
  if (c.kind === 'points') return zh ? `同比${up ? '上升' : '下降'}${amount}个百分点` : `${up ? 'up' : 'down'} ${amount} pp year on year`
  return zh ? `同比${up ? '增长' : '下降'}${amount}%` : `${up ? 'up' : 'down'} ${amount}% year on year`
}

function joinNames(names: string[], locale: Locale): string {
  if (locale === 'zh-CN') return names.join('、')
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** The children with the highest and the lowest value as printed (ties kept together). */
function extremes(children: HeadlineRegion[], decimals: number): { top: HeadlineRegion[]; bottom: HeadlineRegion[]; count: number } {
  const present = children.filter((c) => !Number.isNaN(c.value))
  if (present.length === 0) return { top: [], bottom: [], count: 0 }
  const shown = (c: HeadlineRegion) => roundTo(c.value, decimals)
  const max = Math.max(...present.map(shown))
  const min = Math.min(...present.map(shown))
  return { top: present.filter((c) => shown(c) === max), bottom: present.filter((c) => shown(c) === min), count: present.length }
}

export function headlineSentences(input: HeadlineInput): string[] {
  const { locale } = input
  const zh = locale === 'zh-CN'
  const period = periodText(input.period, locale)
  const fmt = (v: number) => formatValue(v, input.indicator, locale, input.unitLabel)
  if (Number.isNaN(input.value)) {
    if (input.withoutValue)
      return [zh ? `${period}${input.scopeName}${input.indicatorName}：${input.withoutValue}。` : `${input.indicatorName} for ${input.scopeName} in ${period}: ${input.withoutValue}.`]
    return [zh ? `${period}${input.scopeName}${input.indicatorName}暂无数据。` : `No data on ${input.indicatorName} for ${input.scopeName} in ${period}.`]
  }
  const covered = input.coverage ? (zh ? `（${input.coverage}）` : ` (${input.coverage})`) : ''
  const clauses: string[] = [
    zh
      ? `${period}${input.scopeName}${input.indicatorName}为${fmt(input.value)}${covered}`
      : `In ${period}, ${input.indicatorName} in ${input.scopeName} was ${fmt(input.value)}${covered}`,
  ]
  const change = changeText(input.yoy, locale)
  if (change) {
    const left = input.likeForLike?.left ?? []
    const note = left.length === 0 ? '' : zh ? `（可比口径，不含${joinNames(left, locale)}）` : ` (like for like, excluding ${joinNames(left, locale)})`
    clauses.push(change + note)
  }

  const { top, bottom, count } = extremes(input.children, input.indicator.decimals)
  if (count >= 2) {
    const names = joinNames(top.map((c) => c.name), locale)
    const tie = top.length > 1
    clauses.push(
      zh
        ? `${count}个${input.childLevel}中${names}${tie ? '并列' : ''}最高`
        : `of ${count} ${input.childLevel}, ${names} ${tie ? 'were jointly' : 'was'} highest`,
    )
  } else if (input.peerRank && input.peerRank.rank > 0) {
    const p = input.peerRank
    clauses.push(
      zh
        ? `在${p.parentName}${p.total}个${p.level}中排第${p.rank}位`
        : `ranking ${p.rank} of ${p.total} ${p.level} in ${p.parentName}`,
    )
  }
  const sentences = [zh ? `${clauses.join('，')}。` : `${clauses.join(', ')}.`]

  if (count >= 2) {
    const low = joinNames(bottom.map((c) => c.name), locale)
    const lowValue = fmt(bottom[0]!.value)
    const present = input.children.filter((c) => !Number.isNaN(c.value))
    // A rate is compared with the scope's own rate; a count with the children's mean, since every
    // child's count is below the total.
    const rate = input.indicator.unit === '%'
    const level = rate ? input.value : present.reduce((s, c) => s + c.value, 0) / present.length
    // Above as printed: a child that shows the same figure as the level is not above it.
    const above = present.filter((c) => sideOf(c.value, level, { decimals: input.indicator.decimals, higherIsBetter: true }) > 0).length
    sentences.push(
      zh
        ? `最低为${low}（${lowValue}），${above}个${input.childLevel}高于${rate ? `${input.scopeName}整体水平` : '平均水平'}。`
        : `The lowest was ${low} (${lowValue}); ${above} of ${count} ${input.childLevel} were above ${rate ? `the rate of ${input.scopeName} as a whole` : 'the average'}.`,
    )
  }
  return sentences
}
