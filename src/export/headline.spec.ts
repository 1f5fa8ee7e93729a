import { describe, expect, it } from 'vitest'
import { changeText, headlineSentences, type HeadlineInput } from './headline'

const rate = { unit: '%' as const, decimals: 1, higherIsBetter: true }
const cities = [
  { name: '南京市', value: 90.4 },
  { name: '苏州市', value: 93.5 },
  { name: '宿迁市', value: 88.1 },
  { name: '无锡市', value: 92.0 },
]

function input(over: Partial<HeadlineInput> = {}): HeadlineInput {
  return {
    locale: 'zh-CN',
    indicator: rate,
    indicatorName: '职工稳定率',
    unitLabel: '%',
    period: '2023',
    scopeName: '全省',
    value: 91.2,
    yoy: { kind: 'points', value: 0.8 },
    children: cities,
    childLevel: '设区市',
    ...over,
  }
}

describe('headlineSentences', () => {
  it('writes the example sentence: value, change in points, the highest of the children', () => {
    const [first, second] = headlineSentences(input())
    expect(first).toBe('2023年全省职工稳定率为91.2%，同比上升0.8个百分点，4个设区市中苏州市最高。')
    expect(second).toBe('最低为宿迁市（88.1%），2个设区市高于全省整体水平。')
  })

  it('counts use percent change, units and the average of the children', () => {
    const s = headlineSentences(
      input({
        indicator: { unit: '件', decimals: 0, higherIsBetter: true },
        indicatorName: '法律援助案件',
        unitLabel: '件',
        scopeName: '无锡市',
        value: 600,
        yoy: { kind: 'percent', value: -12.34 },
        children: [
          { name: '锡山区', value: 60 },
          { name: '江阴市', value: 300 },
          { name: '宜兴市', value: 240 },
          { name: '梁溪区', value: NaN },
        ],
        childLevel: '区县',
      }),
    )
    expect(s[0]).toBe('2023年无锡市法律援助案件为600件，同比下降12.3%，3个区县中江阴市最高。')
    expect(s[1]).toBe('最低为锡山区（60件），2个区县高于平均水平。')
  })

  it('names ties together and says when the value is flat', () => {
    const s = headlineSentences(
      input({ yoy: { kind: 'points', value: 0.04 }, children: [{ name: '苏州市', value: 93 }, { name: '无锡市', value: 93 }, { name: '宿迁市', value: 80 }] }),
    )
    expect(s[0]).toBe('2023年全省职工稳定率为91.2%，与上年持平，3个设区市中苏州市、无锡市并列最高。')
  })

  it('gives a region without children its rank among peers', () => {
    const s = headlineSentences(
      input({ scopeName: '锡山区', yoy: null, children: [], peerRank: { parentName: '无锡市', level: '区县', rank: 2, total: 7 } }),
    )
    expect(s).toEqual(['2023年锡山区职工稳定率为91.2%，在无锡市7个区县中排第2位。'])
  })

  it('says there is no data instead of inventing a zero', () => {
    expect(headlineSentences(input({ value: NaN }))).toEqual(['2023年全省职工稳定率暂无数据。'])
  })

  it('writes English', () => {
    const s = headlineSentences(
      input({ locale: 'en', indicatorName: 'worker stability rate', scopeName: 'Jiangsu', childLevel: 'cities', children: cities.map((c) => ({ ...c, name: c.name.replace('市', '') })) }),
    )
    expect(s[0]).toBe('In 2023, worker stability rate in Jiangsu was 91.2%, up 0.8 pp year on year, of 4 cities, 苏州 was highest.')
  })
})

describe('changeText', () => {
  it('is null without a comparison', () => {
    expect(changeText(null, 'zh-CN')).toBeNull()
    expect(changeText({ kind: 'percent', value: 5 }, 'zh-CN')).toBe('同比增长5.0%')
  })
})
