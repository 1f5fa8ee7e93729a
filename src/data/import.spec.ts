// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { decodeBytes } from './decode'
import { MAX_WHOLE_FILE_BYTES } from './byte-source'
import { IndicatorLookup } from './facts'
import { splitUnit } from './units'
import { parseFile, parseFileAsync, type Catalogues, type ParseRequest } from './parse'
import { customIndicator } from './custom'

const indicators = loadIndicatorCatalogue(indicatorsJson).indicators
const catalogues: Catalogues = { regions: loadRegionCatalogue(regionsJson).all, indicators }

function fixture(name: string): ArrayBuffer {
  const b = readFileSync(new URL(`../../e2e/fixtures/import/${name}`, import.meta.url))
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
}
const text = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer
const parse = (file: string, extra: Partial<ParseRequest> = {}) => parseFileAsync({ file, bytes: fixture(file), defaultSource: 'test', ...extra }, catalogues)
const facts = (r: Awaited<ReturnType<typeof parse>>) => {
  const t = r.table
  return Array.from({ length: t.length }, (_, i) => `${t.regions[t.region[i]!]}|${t.periods[t.period[i]!]}|${t.indicators[t.indicator[i]!]}|${t.value[i]}`)
}
const codes = (r: Awaited<ReturnType<typeof parse>>) => r.report.problems.map((p) => [p.code, p.row, p.column ?? null])

describe('decoding', () => {
  it('reads GBK, UTF-16LE with BOM and UTF-8 with BOM', () => {
    expect(decodeBytes(new Uint8Array(fixture('wide-gbk.csv'))).encoding).toBe('gb18030')
    expect(decodeBytes(new Uint8Array(fixture('wide-utf16le.txt')))).toMatchObject({ encoding: 'utf-16le', bom: true })
    expect(decodeBytes(new Uint8Array(fixture('long-utf8-bom.csv')))).toMatchObject({ encoding: 'utf-8', bom: true })
    expect(decodeBytes(new Uint8Array(fixture('wide-gbk.csv'))).text).toContain('职工稳定率(%)')
  })

  it('says which row has bytes the chosen encoding cannot read', async () => {
    const r = await parse('wide-gbk.csv', { encoding: 'utf-8' })
    expect(r.report.problems[0]).toMatchObject({ code: 'undecodable', row: 1, detail: 'utf-8' })
  })
})

describe('header matching', () => {
  const lookup = new IndicatorLookup(indicators)
  it.each([
    ['职工稳定率(%)', 'worker_stability_rate'],
    ['职工稳定率（％）', 'worker_stability_rate'],
    ['帮扶金额（万元）', 'relief_amount'],
    ['五一劳动奖章', 'may_day_medals'],
    ['Legal aid', null],
    ['legal_aid_cases', 'legal_aid_cases'],
    ['五一劳动奖章获得者（人）', 'may_day_medals'],
  ])('%s → %s', (header, id) => {
    const m = lookup.match(header)
    expect(m.indicator?.id ?? null).toBe(id)
  })

  it('does not match a name whose unit is of another kind', () => {
    const m = lookup.match('帮扶金额（人）')
    expect(m.indicator).toBeNull()
    expect('unitConflict' in m && m.unitConflict?.id).toBe('relief_amount')
  })

  it('matches a name in a unit of the same kind, with the factor to convert', () => {
    expect(lookup.match('帮扶金额（元）')).toMatchObject({ indicator: { id: 'relief_amount' }, via: 'unit', scale: 1e-4 })
    expect(lookup.match('帮扶 / 金额（万元）')).toMatchObject({ indicator: { id: 'relief_amount' }, via: 'unit' })
    expect(lookup.match('基本情况 / 职工稳定率(%)')).toMatchObject({ indicator: { id: 'worker_stability_rate' } })
  })

  it('splits units in half- and full-width brackets', () => {
    expect(splitUnit('帮扶金额（万元）')).toEqual({ name: '帮扶金额', unit: '万元' })
    expect(splitUnit('职工稳定率 (%)')).toEqual({ name: '职工稳定率', unit: '%' })
    expect(splitUnit('五一劳动奖章')).toEqual({ name: '五一劳动奖章' })
  })
})

describe('the import fixtures', () => {
  it('wide GBK CSV: matches headers, checks the total row, warns on a negative count, rejects an unknown region', async () => {
    const r = await parse('wide-gbk.csv')
    expect(r).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', shape: 'wide' })
    expect(r.report).toMatchObject({ rowsRead: 5, rowsAccepted: 3, totalRows: 1, rowsRejected: 1 })
    expect(codes(r)).toEqual([
      ['unmatchedColumn', 1, '职工书屋数量'],
      ['negativeCount', 4, '五一劳动奖章'],
      ['unknownRegion', 5, '地区'],
      ['totalMismatch', 6, '职工总数（人）'],
    ])
    expect(r.report.problems[3]).toMatchObject({ text: '270001', detail: '270000' })
    expect(facts(r)).toContain('321012|2023|may_day_medals|12')
    expect(r.unmatchedRegions).toEqual([{ text: '火星区', column: '地区', count: 1, firstRow: 5, reason: 'unknown', candidates: [] }])
  })

  it('wide GBK CSV with the user’s choices: a custom indicator and a region mapped by hand', async () => {
    const custom = customIndicator({ name: '职工书屋数量', unit: '个', rule: 'sum' })
    const r = await parseFileAsync(
      {
        file: 'wide-gbk.csv',
        bytes: fixture('wide-gbk.csv'),
        defaultSource: 't',
        options: { indicatorMap: [['职工书屋数量', custom.id]], regionMap: [['火星区', '321003']] },
      },
      { ...catalogues, indicators: [...indicators, custom] },
    )
    expect(r.report.rowsRejected).toBe(0)
    expect(facts(r)).toContain(`321012|2023|${custom.id}|30`)
    expect(facts(r)).toContain('321003|2023|total_workers|1')
    expect(r.columns.find((c) => c.label === '职工书屋数量')).toMatchObject({ indicator: custom.id, via: 'mapped' })
  })

  it('UTF-16LE tab-separated text', async () => {
    const r = await parse('wide-utf16le.txt')
    expect(r).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', shape: 'wide' })
    expect(facts(r)).toEqual(expect.arrayContaining(['321003|2023|legal_aid_cases|45', '321023|2023|legal_aid_cases|NaN', '321002|2023|may_day_medals|6']))
  })

  it('semicolons and CR line ends, codes before names', async () => {
    const r = await parse('wide-semicolon-cr.csv')
    expect(r).toMatchObject({ delimiter: ';', shape: 'wide' })
    expect(facts(r)).toContain('320583|2022|collective_contracts|1200')
    expect(r.table.length).toBe(6)
  })

  it('long UTF-8 with BOM: names, former names, full-width digits, 万, %', async () => {
    const r = await parse('long-utf8-bom.csv')
    expect(r.report.problems).toEqual([])
    expect(facts(r)).toEqual([
      '321012|2023|legal_aid_cases|1234',
      '320685|2023|legal_aid_cases|56',
      '321003|2023|mutual_insurance_enrolled|36000',
      '321012|2023|worker_stability_rate|91.6',
      '321081|2023-06|relief_amount|12.5',
      '321081|2023-07|relief_amount|NaN',
    ])
    expect(r.table.sources).toContain('扬州市总工会2023年报')
  })

  it('xlsx: first sheet by default, the period from the preview, another sheet on request', async () => {
    const none = await parse('wide-2023.xlsx')
    expect(none.workbook?.sheets.map((s) => [s.name, s.kind, s.chosen])).toEqual([
      ['区县数据', 'data', true],
      ['说明', 'cover', false],
    ])
    expect(codes(none)).toEqual([['noPeriod', 1, '期间']])
    const r = await parse('wide-2023.xlsx', { options: { period: '2023' } })
    expect(r.table.length).toBe(9)
    expect(facts(r)).toContain('320508|2023|relief_amount|120.5')
    const other = await parse('wide-2023.xlsx', { workbook: { sheets: ['说明'] } })
    expect(other.workbook?.sheets.find((s) => s.chosen)?.name).toBe('说明')
    expect(other.table.length).toBe(0)
  })

  it('JSON: rows with a city column, { indicators, regions, facts }, nested objects', async () => {
    expect(facts(await parse('rows.json'))).toEqual(['320106|2023|petitions_handled|77', '320302|2023|petitions_handled|41', '321322|2023-Q2|relief_amount|8.8'])
    const withDefs = await parse('facts.json')
    expect(withDefs.customIndicators.map((i) => i.id)).toEqual(['worker_libraries'])
    expect(facts(withDefs)).toEqual(['321102|2023|worker_libraries|14', '321111|2023|worker_libraries|9', '321111|2023|care_jobs|52'])
    const nested = await parse('nested.json')
    expect(nested.shape).toBe('wide')
    expect(facts(nested)).toContain('321324|2022|team_leaders_trained|300')
    expect(nested.table.length).toBe(6)
  })

  it('bad rows: each problem names its row and column, nothing is dropped silently', async () => {
    const r = await parse('bad-rows.csv')
    expect(codes(r)).toEqual([
      ['duplicate', 3, 'value'],
      ['raggedRow', 4, null],
      ['badPeriod', 5, 'period'],
      ['unknownIndicator', 6, 'indicator'],
      ['rateOver100', 7, 'value'],
      ['unbalancedQuotes', 8, null],
    ])
    const { rowsRead, rowsAccepted, rowsRejected } = r.report
    expect(rowsRead).toBe(7)
    expect(rowsAccepted + rowsRejected).toBe(rowsRead)
  })

  it('empty, header-only and oversized files', async () => {
    expect(codes(await parse('empty.csv'))).toEqual([['emptyFile', undefined, null]])
    expect(codes(await parse('header-only.csv'))).toEqual([['headerOnly', 1, null]])
    // Files read whole have a limit; a CSV the columnar reader leaves to papaparse (this wide one
    // names no period) is one of them, a UTF-8 table with a period is not.
    const big = parseFile({ file: 'big.json', bytes: new ArrayBuffer(MAX_WHOLE_FILE_BYTES + 1), defaultSource: 't' }, catalogues)
    expect(big.report.problems[0]).toMatchObject({ code: 'tooLarge', detail: '200.0' })
    const row = new TextEncoder().encode('玄武区,1,2\n')
    const wide = new Uint8Array(MAX_WHOLE_FILE_BYTES + row.length)
    const header = new TextEncoder().encode('地区,2022,2023\n')
    wide.set(header)
    for (let at = header.length; at + row.length <= wide.length; at += row.length) wide.set(row, at)
    const wideBig = parseFile({ file: 'wide.csv', bytes: wide.buffer, defaultSource: 't' }, catalogues)
    expect(wideBig.report.problems[0]).toMatchObject({ code: 'tooLarge', detail: '200.0' })
  }, 60_000)

  it('repeats of the same fact are reported but not rejected', () => {
    const r = parseFile({ file: 'r.csv', bytes: text('region,period,indicator,value\n江都区,2023,legal_aid_cases,5\n江都区,2023,legal_aid_cases,5.0\n'), defaultSource: 't' }, catalogues)
    expect(codes(r)).toEqual([['repeatedRow', 3, 'value']])
    expect(r.table.length).toBe(1)
    expect(r.report.rowsRejected).toBe(0)
  })

  it('keys from the file never reach an object prototype', () => {
    const r = parseFile(
      { file: 'p.json', bytes: text('[{"region":"__proto__","period":"2023","indicator":"constructor","value":1}]'), defaultSource: 't', options: { regionMap: [['constructor', '321012']] } },
      catalogues,
    )
    expect(codes(r)).toEqual([['unknownRegion', 1, 'region']])
  })
})
