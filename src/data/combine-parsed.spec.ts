// @vitest-environment node
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { parseFile, type Catalogues } from './parse'
import { combineParsed, describeWith } from './combine-parsed'

const catalogues: Catalogues = { regions: loadRegionCatalogue(regionsJson).all, indicators: loadIndicatorCatalogue(indicatorsJson).indicators }
const read = (file: string, text: string) => parseFile({ file, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer, defaultSource: file }, catalogues)
const facts = (t: ReturnType<typeof read>['table']) =>
  Array.from({ length: t.length }, (_, i) => `${t.regions[t.region[i]!]}|${t.indicators[t.indicator[i]!]}|${t.value[i]}|${t.sources[t.source[i]!]}`).sort()

describe('combineParsed', () => {
  it('puts returns together; a blank in one return gives way to a figure in another', () => {
    const a = read('江都.csv', '地区,年份,法律援助,五一劳动奖章\n江都区,2023,12,5\n仪征市,2023,,\n')
    const b = read('仪征.csv', '地区,年份,法律援助,五一劳动奖章\n江都区,2023,,\n仪征市,2023,8,3\n')
    const r = combineParsed([a, b], '2 个文件', describeWith(catalogues))
    expect(facts(r.table)).toEqual([
      '321012|legal_aid_cases|12|江都.csv',
      '321012|may_day_medals|5|江都.csv',
      '321081|legal_aid_cases|8|仪征.csv',
      '321081|may_day_medals|3|仪征.csv',
    ])
    expect(r.report.problems).toEqual([])
    expect(r.files).toEqual(['江都.csv', '仪征.csv'])
    expect(r.report.rowsRead).toBe(4)
    expect(r.columns.find((c) => c.indicator === 'legal_aid_cases')?.count).toBe(2)
  })

  it('keeps the first of two different figures and names both files; the same figure twice is a repeat', () => {
    const a = read('a.csv', '地区,年份,法律援助,五一劳动奖章\n江都区,2023,12,5\n')
    const b = read('b.csv', '地区,年份,法律援助,五一劳动奖章\n江都区,2023,13,5\n')
    const r = combineParsed([a, b], 'a.csv、b.csv', describeWith(catalogues))
    expect(facts(r.table)).toEqual(['321012|legal_aid_cases|12|a.csv', '321012|may_day_medals|5|a.csv'])
    expect(r.report.problems).toEqual([
      { code: 'conflictingReturn', file: 'b.csv', subject: '江都区 2023 法律援助办结案件', text: '13', other: 'a.csv', detail: '12' },
      { code: 'repeatedReturn', file: 'b.csv', subject: '江都区 2023 五一劳动奖章获得者', text: '5', other: 'a.csv', detail: '5' },
    ])
    expect(r.report.problemCount).toBe(2)
  })
})
