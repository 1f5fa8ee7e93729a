// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { SAMPLE_SOURCE } from '@/domain/types'
import { parseFile, type Catalogues } from './parse'

const catalogues: Catalogues = {
  regions: loadRegionCatalogue(regionsJson).all,
  indicators: loadIndicatorCatalogue(indicatorsJson).indicators,
}

function bytesOf(text: string): ArrayBuffer {
  return new TextEncoder().encode(text).buffer as ArrayBuffer
}

function parseText(text: string, file = 'test.csv') {
  return parseFile({ file, bytes: bytesOf(text), defaultSource: 'test' }, catalogues)
}

function fileBytes(path: string): ArrayBuffer {
  const b = readFileSync(new URL(path, import.meta.url))
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
}

describe('parseFile on the bundled sample', () => {
  it('reads every row of the annual CSV with no problem', () => {
    const r = parseFile({ file: 'sample-annual.csv', bytes: fileBytes('../../data/sample-annual.csv'), defaultSource: SAMPLE_SOURCE }, catalogues)
    const lines = readFileSync(new URL('../../data/sample-annual.csv', import.meta.url), 'utf8').trim().split('\n').length - 1
    expect(r.report.problems).toEqual([])
    expect(r.report.rowsRead).toBe(lines)
    expect(r.report.rowsAccepted).toBe(lines)
    expect(r.table.length).toBe(lines)
    expect(r.encoding).toBe('utf-8')
    expect(r.delimiter).toBe(',')
    // Blank cells are kept as explicit "no data", not dropped.
    expect(Array.from(r.table.value).some(Number.isNaN)).toBe(true)
  })

  it('reads the monthly JSON with no problem', () => {
    const r = parseFile({ file: 'sample-monthly.json', bytes: fileBytes('../../data/sample-monthly.json'), defaultSource: SAMPLE_SOURCE }, catalogues)
    expect(r.format).toBe('json')
    expect(r.report.problems).toEqual([])
    expect(r.table.length).toBe(r.report.rowsRead)
    expect(r.table.periods.every((p) => /^\d{4}-\d{2}$/.test(p))).toBe(true)
  })
})

describe('parseFile reports what it cannot use, with row and column', () => {
  const header = 'region_code,region,period,indicator,value,source\n'

  it('accepts names, aliases, former names and spreadsheet-style values', () => {
    const r = parseText(
      '地区,年份,指标,数值\n扬州市江都区,2023年,职工稳定率,91.6%\n海安县,2023,legal_aid_cases,"1,234"\n锡山,2023,五一劳动奖章获得者,５５\n',
    )
    expect(r.report.problems).toEqual([])
    expect(r.table.regions).toEqual(['321012', '320685', '320205'])
    expect(Array.from(r.table.value)).toEqual([91.6, 1234, 55])
  })

  it('rejects an unknown region, naming the file, row and column', () => {
    const r = parseText(`${header},火星区,2023,legal_aid_cases,5,\n`)
    expect(r.report.rowsRejected).toBe(1)
    expect(r.report.problems[0]).toEqual({ code: 'unknownRegion', file: 'test.csv', row: 2, column: 'region', text: '火星区' })
  })

  it('asks for the city when a name is ambiguous, and resolves it when the city is given', () => {
    const r = parseText('region,period,indicator,value\n鼓楼区,2023,legal_aid_cases,5\n')
    expect(r.report.problems[0]?.code).toBe('ambiguousRegion')
    expect(r.report.problems[0]?.detail).toContain('徐州市鼓楼区')
    const ok = parseText('city,region,period,indicator,value\n徐州市,鼓楼区,2023,legal_aid_cases,5\n')
    expect(ok.report.problems).toEqual([])
    expect(ok.table.regions).toEqual(['320302'])
  })

  it('rejects bad periods, indicators and values, and duplicates of an earlier row', () => {
    const r = parseText(
      `${header}321012,,2023年13月,legal_aid_cases,5,\n321012,,2023,no_such,5,\n321012,,2023,legal_aid_cases,abc,\n321012,,2023,legal_aid_cases,5,\n321012,,2023,legal_aid_cases,6,\n`,
    )
    expect(r.report.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['badPeriod', 2, 'period'],
      ['unknownIndicator', 3, 'indicator'],
      ['badValue', 4, 'value'],
      ['duplicate', 6, 'value'],
    ])
    expect(r.report.problems[3]?.detail).toBe('5')
    expect(r.report.rowsAccepted).toBe(1)
    expect(r.report.rowsRead).toBe(5)
  })

  it('recognises total rows instead of rejecting or loading them', () => {
    const r = parseText('region,period,indicator,value\n江都区,2023,legal_aid_cases,5\n合计,2023,legal_aid_cases,5\n')
    expect(r.report.totalRows).toBe(1)
    expect(r.report.rowsAccepted).toBe(1)
    expect(r.report.problems).toEqual([])
  })

  it('names the columns it needs when they are missing', () => {
    const r = parseText('foo,bar\n1,2\n')
    expect(r.report.problems.map((p) => p.column)).toEqual(['地区', '期间', '指标', '值'])
    expect(r.table.length).toBe(0)
  })

  it('reports an empty file and malformed JSON as such', () => {
    expect(parseText('   \n').report.problems[0]?.code).toBe('emptyFile')
    expect(parseText('{"facts": [', 'x.json').report.problems[0]?.code).toBe('badJson')
    expect(parseText('{"rows": []}', 'x.json').report.problems[0]?.code).toBe('badJson')
  })

  it('reads GBK bytes as Chinese text', () => {
    // "江都区,2023,legal_aid_cases,7" with 江都区 in GBK, after a UTF-8-compatible header.
    const head = new TextEncoder().encode('region,period,indicator,value\n')
    const gbk = new Uint8Array([0xbd, 0xad, 0xb6, 0xbc, 0xc7, 0xf8])
    const rest = new TextEncoder().encode(',2023,legal_aid_cases,7\n')
    const bytes = new Uint8Array([...head, ...gbk, ...rest])
    const r = parseFile({ file: 'gbk.csv', bytes: bytes.buffer, defaultSource: 't' }, catalogues)
    expect(r.encoding).toBe('gb18030')
    expect(r.table.regions).toEqual(['321012'])
  })
})
