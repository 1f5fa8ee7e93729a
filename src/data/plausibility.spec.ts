// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { parseFile, type Catalogues, type ParseRequest } from './parse'
import { parseCell } from './values'
import { reviewFacts } from './plausibility'
import { FactTableBuilder } from '@/domain/table'

const catalogues: Catalogues = { regions: loadRegionCatalogue(regionsJson).all, indicators: loadIndicatorCatalogue(indicatorsJson).indicators }
const bytes = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer

/** Parses a tidy CSV by both paths and checks they agree; returns the general path's result. */
function parse(csv: string, extra: Partial<ParseRequest> = {}) {
  const req = { file: 'returns.csv', bytes: bytes(csv), defaultSource: 'returns.csv', ...extra }
  const general = parseFile({ ...req, bytes: bytes(csv), generalPath: true }, catalogues)
  const fast = parseFile(req, catalogues)
  expect(fast.report).toEqual(general.report)
  return general
}
const problems = (r: ReturnType<typeof parse>) => r.report.problems.map((p) => [p.code, p.row, p.column ?? null])
const H = 'region,period,indicator,value\n'

describe('unit suffixes read against the indicator’s unit', () => {
  it.each([
    ['3.6万', '万元', 3.6],
    ['3.6万元', '万元', 3.6],
    ['1.2亿', '万元', 12000],
    ['36,000元', '万元', 3.6],
    ['3.6万', '人', 36000],
    ['20,270人', '人', 20270],
    ['1.2亿', '人', 120000000],
    ['91.6%', '%', 91.6],
    ['91.6', '%', 91.6],
  ] as const)('%s in %s is %d', (raw, unit, value) => {
    expect(parseCell(raw, unit)).toEqual({ ok: true, value })
  })

  it.each([
    ['91.6%', '人'],
    ['91.6%', '万元'],
    ['3.6万', '%'],
    ['20,270人', '万元'],
    ['12件', '人'],
  ] as const)('%s does not fit %s', (raw, unit) => {
    expect(parseCell(raw, unit)).toEqual({ ok: false, reason: 'unit' })
  })

  it('property: 万 and 亿 scale a count and an amount consistently', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (n) => {
        const x = n / 100
        expect(parseCell(`${x}万`, '人')).toEqual({ ok: true, value: Number((x * 1e4).toPrecision(15)) })
        expect(parseCell(`${x}亿`, '万元')).toEqual({ ok: true, value: Number((x * 1e4).toPrecision(15)) })
        expect(parseCell(`${x}万`, '万元')).toEqual({ ok: true, value: x })
      }),
    )
  })

  it('rejects a mismatched cell at import with its row and column, and keeps the others', () => {
    const r = parse(`${H}江都区,2023,帮扶慰问金额,3.6万\n邗江区,2023,帮扶慰问金额,1.2亿\n仪征市,2023,五一劳动奖章获得者,91.6%\n`)
    expect(problems(r)).toEqual([['unitMismatch', 4, 'value']])
    expect(r.report.problems[0]).toMatchObject({ text: '91.6%', detail: '人' })
    expect(Array.from(r.table.value)).toEqual([3.6, 12000])
  })
})

describe('plausibility warnings', () => {
  it('a rate outside 0–100% and a negative count, named by the indicator as the file writes it', () => {
    const r = parse(`${H}江都区,2023,职工稳定率,122.2\n邗江区,2023,职工稳定率,-3\n仪征市,2023,法律援助办结案件,-1\n`)
    expect(problems(r)).toEqual([
      ['rateOver100', 2, 'value'],
      ['rateBelow0', 3, 'value'],
      ['negativeCount', 4, 'value'],
    ])
    expect(r.report.problems[0]).toMatchObject({ text: '122.2', subject: '职工稳定率' })
    expect(r.table.length).toBe(3)
  })

  it('a numerator over its denominator, with the row of each', () => {
    const r = parse(`${H}江都区,2023,稳定就业职工,1100\n江都区,2023,职工总数,900\n邗江区,2023,稳定就业职工,80\n邗江区,2023,职工总数,100\n`)
    expect(problems(r)).toEqual([['numeratorOverDenominator', 2, 'value']])
    expect(r.report.problems[0]).toMatchObject({ text: '1100', detail: '900', otherRow: 3, subject: '稳定就业职工', other: '职工总数' })
  })

  it('a share written as fractions: one warning for the column, with the indicator to multiply', () => {
    const r = parse(`${H}江都区,2023,职工稳定率,0.916\n邗江区,2023,职工稳定率,0.902\n`)
    expect(problems(r)).toEqual([['fractionRates', 2, 'value']])
    expect(r.report.problems[0]).toMatchObject({ indicator: 'worker_stability_rate', detail: '2', text: '0.916' })
  })

  it('×100 turns the fractions into percentages, and the warning goes', () => {
    const r = parse(`${H}江都区,2023,职工稳定率,0.916\n邗江区,2023,职工稳定率,0.902\n`, { options: { scale: [['worker_stability_rate', 100]] } })
    expect(problems(r)).toEqual([])
    expect(Array.from(r.table.value)).toEqual([91.6, 90.2])
  })

  it('a fraction among percentages in one share', () => {
    const r = parse(`${H}江都区,2023,职工稳定率,91.2\n邗江区,2023,职工稳定率,0.916\n仪征市,2023,职工稳定率,90.5\n`)
    expect(problems(r)).toEqual([['mixedRateScale', 3, 'value']])
  })

  it('ten times (or a tenth of) the same region a year before; a month against the same month a year before', () => {
    const r = parse(
      `${H}江都区,2022,帮扶慰问金额,40\n江都区,2023,帮扶慰问金额,450\n邗江区,2022,帮扶慰问金额,40\n邗江区,2023,帮扶慰问金额,41\n` +
        `仪征市,2023-01,帮扶慰问金额,50\n仪征市,2023-02,帮扶慰问金额,2\n仪征市,2024-01,帮扶慰问金额,4\n`,
    )
    expect(problems(r)).toEqual([
      ['jump', 3, 'value'],
      ['jump', 8, 'value'],
    ])
    expect(r.report.problems[0]).toMatchObject({ text: '450', detail: '40', other: '2022' })
  })

  it('a period after today, once per period at its first row', () => {
    const r = parse(`${H}江都区,2024,五一劳动奖章获得者,3\n江都区,2032,五一劳动奖章获得者,4\n邗江区,2032,五一劳动奖章获得者,5\n`)
    expect(problems(r)).toEqual([['futurePeriod', 3, null]])
    expect(r.report.problems[0]).toMatchObject({ text: '2032', detail: '2' })
  })

  it('a region code and a name that disagree: the code decides, the conflict is questioned', () => {
    const r = parse('region_code,region,period,indicator,value\n321012,邗江区,2023,五一劳动奖章获得者,3\n321012,江都区,2023,集体协商合同签订,4\n')
    expect(problems(r)).toEqual([['regionConflict', 2, 'region_code']])
    expect(r.report.problems[0]).toMatchObject({ text: '321012', detail: '邗江区', subject: '扬州市江都区', other: '扬州市邗江区' })
    expect(r.table.regions).toEqual(['321012'])
  })

  it('a city’s own count that differs from the sum of all its districts', () => {
    const districts = ['广陵区', '邗江区', '江都区', '宝应县', '仪征市', '高邮市']
    const rows = districts.map((d) => `${d},2023,集体协商合同签订,10`).join('\n')
    const r = parse(`${H}${rows}\n扬州市,2023,集体协商合同签订,61\n`)
    expect(problems(r)).toEqual([['parentMismatch', 8, 'value']])
    expect(r.report.problems[0]).toMatchObject({ text: '61', detail: '60', other: '扬州市' })
    // Where a district is missing, the city's own figure is not questioned.
    expect(problems(parse(`${H}${rows.split('\n').slice(1).join('\n')}\n扬州市,2023,集体协商合同签订,61\n`))).toEqual([])
  })

  it('the bundled sample raises none of them', () => {
    const r = parse(`${H}江都区,2023,职工稳定率,91.2\n江都区,2024,职工稳定率,91.6\n`)
    expect(problems(r)).toEqual([])
  })
})

describe('many questions: the first ones listed, all counted', () => {
  const regionCat = loadRegionCatalogue(regionsJson)
  const indicatorMap = new Map(catalogues.indicators.map((i) => [i.id, i]))
  const districts = regionCat.all.filter((r) => r.level === 'district').map((r) => r.adcode)
  const amounts = catalogues.indicators.find((i) => i.id === 'relief_amount')!
  const rate = catalogues.indicators.find((i) => i.id === 'worker_stability_rate')!

  /** Each district's relief over years, and a rate now and then: jumps, rates over 100 and negatives. */
  const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2019, max: 2024 }), fc.constantFrom(-5, 1, 40, 450, 5000), fc.boolean()), { minLength: 1, maxLength: 120 })

  it('property: a limit lists the first questions of the whole list, by row, and counts every one', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 30 }), (facts, limit) => {
        const b = new FactTableBuilder()
        const seen = new Set<string>()
        const rows: number[] = []
        facts.forEach(([d, year, v, asRate], k) => {
          const ind = asRate ? rate.id : amounts.id
          const key = `${d}|${year}|${ind}`
          if (seen.has(key)) return
          seen.add(key)
          b.add(districts[d]!, String(year), ind, asRate ? v + 60 : v, 'returns.csv')
          rows.push(2 + k)
        })
        const table = b.build()
        const places = { rows, columnOf: () => 'value', labelOf: (id: string) => id }
        const today = new Date('2026-12-02')
        const all = reviewFacts('returns.csv', table, places, indicatorMap, regionCat, today)
        const some = reviewFacts('returns.csv', table, places, indicatorMap, regionCat, today, limit)
        expect(some.count).toBe(all.count)
        expect(all.problems).toHaveLength(all.count)
        expect(some.problems).toEqual(all.problems.slice(0, limit))
        const listed = all.problems.map((p) => p.row!)
        expect(listed).toEqual([...listed].sort((x, y) => x - y))
        // Every jump names the year before and its value.
        for (const p of all.problems.filter((q) => q.code === 'jump')) expect(Number(p.other)).toBe(Number(table.periods[table.period[rows.indexOf(p.row!)]!]) - 1)
      }),
      { numRuns: 200 },
    )
  })
})
