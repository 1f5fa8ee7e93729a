// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue, RegionCatalogue } from '@/domain/regions'
import { nationalRegions } from '@/domain/national'
import { fieldOfHeader } from './facts'
import { parseFile, type Catalogues, type ParsedFile } from './parse'
import { regionLookup } from './parse-common'

const indicators = loadIndicatorCatalogue(indicatorsJson).indicators
const china = new RegionCatalogue(nationalRegions(JSON.parse(readFileSync(new URL('../../public/regions/china.json', import.meta.url), 'utf8'))))
/** A national deployment and the default 江苏 one; both know the nation. */
const national: Catalogues = { regions: china.all, indicators }
const jiangsu: Catalogues = { regions: loadRegionCatalogue(regionsJson).all, indicators }

const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer
/** The file read by the fast path and by the general one: both must say the same. */
function read(csv: string, catalogues: Catalogues): ParsedFile {
  regionLookup(catalogues, china)
  const fast = parseFile({ file: 'p.csv', bytes: bytes(csv), defaultSource: 'test' }, catalogues)
  const general = parseFile({ file: 'p.csv', bytes: bytes(csv), defaultSource: 'test', generalPath: true }, catalogues)
  expect(fast).toStrictEqual(general)
  return fast
}
const booked = (r: ParsedFile) => Array.from({ length: r.table.length }, (_, i) => r.table.regions[r.table.region[i]!])
const problems = (r: ParsedFile) => r.report.problems.map((p) => [p.code, p.row, p.column])

describe('a province column in a file', () => {
  it('is recognised by its usual headers', () => {
    for (const h of ['省份', '所属省', '省', 'province', 'Province', '省（区、市）']) expect(fieldOfHeader(h), h).toBe('province')
  })

  it('settles namesakes, alone or with the city column', () => {
    const csv = ['地区,省份,所属市,年份,指标,数值', '通州区,北京,,2023,职工总数,10', '通州区,江苏省,南通市,2023,职工总数,20', '鼓楼区,福建省,,2023,职工总数,30'].join('\n')
    const r = read(csv, national)
    expect(booked(r)).toEqual(['110112', '320612', '350102'])
    expect(r.report.problems).toEqual([])
  })

  it('reports a province or city that contradicts the code or the name, with row and column', () => {
    const csv = [
      '行政区划代码,地区,所属市,省,年份,指标,数值',
      '320612,,,北京市,2023,职工总数,10',
      ',海州区,阜新市,江苏,2023,职工总数,20',
      ',海州区,南京市,,2023,职工总数,30',
      ',海州区,连云港市,江苏,2023,职工总数,40',
    ].join('\n')
    const r = read(csv, national)
    expect(problems(r)).toEqual([
      ['placeConflict', 2, '省'],
      ['cityOutsideProvince', 3, '所属市'],
      ['regionOutsidePlace', 4, '地区'],
    ])
    expect(r.report.problems[0]).toMatchObject({ text: '北京市', detail: '320612', subject: '江苏省南通市通州区', other: '北京市' })
    expect(r.report.problems[1]).toMatchObject({ text: '阜新市', other: '辽宁省阜新市', subject: '江苏省', detail: '江苏' })
    // The coded row is booked by its code; the contradicted rows are not booked at all.
    expect(booked(r)).toEqual(['320612', '320706'])
    expect(r.report.rowsRejected).toBe(2)
  })

  it('in a 江苏 deployment, leaves a row of another province unbooked and says where to look', () => {
    const r = read(['地区,省份,年份,指标,数值', '通州区,北京,2023,职工总数,10', '通州区,江苏,2023,职工总数,20'].join('\n'), jiangsu)
    expect(booked(r)).toEqual(['320612'])
    expect(r.unmatchedRegions).toEqual([{ text: '通州区', column: '地区', count: 1, firstRow: 2, reason: 'unknown', candidates: ['320612'], within: '北京' }])
  })

  it('can be given to an unnamed column of a wide table in the preview', () => {
    const csv = ['地区,所在省区,年份,职工总数(人)', '通州区,北京,2023,10', '鼓楼区,福建,2023,30'].join('\n')
    regionLookup(national, china)
    const before = parseFile({ file: 'w.csv', bytes: bytes(csv), defaultSource: 'test' }, national)
    expect(before.columns.find((c) => c.label === '所在省区')).toMatchObject({ indicator: null })
    expect(booked(before)).toEqual([])
    expect(before.unmatchedRegions.map((u) => u.reason)).toEqual(['ambiguous', 'ambiguous'])
    const after = parseFile({ file: 'w.csv', bytes: bytes(csv), defaultSource: 'test', options: { indicatorMap: [['所在省区', '@province']] } }, national)
    expect(after.columns.find((c) => c.label === '所在省区')).toMatchObject({ role: '@province', indicator: null })
    expect(booked(after)).toEqual(['110112', '350102'])
    expect(after.report.problems.map((p) => p.code)).toEqual([])
  })
})
