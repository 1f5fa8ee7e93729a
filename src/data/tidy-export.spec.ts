// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { FactTableBuilder, type FactTable } from '@/domain/table'
import { parseFile } from './parse'
import { tidyCsv } from './tidy-export'

const regions = loadRegionCatalogue(regionsJson)
const indicators = loadIndicatorCatalogue(indicatorsJson).indicators
const catalogues = { regions: regions.all, indicators }

function factsOf(t: FactTable): string[] {
  return Array.from({ length: t.length }, (_, i) => {
    const v = t.value[i]!
    return [t.regions[t.region[i]!], t.periods[t.period[i]!], t.indicators[t.indicator[i]!], Number.isNaN(v) ? 'null' : String(v), t.sources[t.source[i]!]].join('|')
  }).sort()
}

const period = fc.oneof(
  fc.integer({ min: 1990, max: 2099 }).map(String),
  fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
)
const value = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
)
// Sources as people write them, including text a spreadsheet would read as a formula.
const source = fc.oneof(
  fc.constantFrom('示例数据', '江苏工人报《主席论坛》2023', '=SUM(A1)', '-据统计', '+86', '@note', 'a,"b"', '第1行\n第2行'),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && !s.startsWith("'") && !/^[\t\r]/.test(s)),
)
const fact = fc.record({
  region: fc.constantFrom(...regions.all.map((r) => r.adcode)),
  period,
  indicator: fc.constantFrom(...indicators.map((i) => i.id)),
  value,
  source,
})

describe('tidy CSV export', () => {
  it('writes the canonical columns, with a BOM and CRLF', () => {
    const b = new FactTableBuilder()
    b.add('321012', '2023', 'legal_aid_cases', 1234, '扬州市总工会')
    b.add('321012', '2023', 'may_day_medals', null, '=x')
    expect(tidyCsv(b.build(), regions)).toBe(
      "\uFEFFregion_code,region_name,period,indicator,value,source\r\n321012,江都区,2023,legal_aid_cases,1234,扬州市总工会\r\n321012,江都区,2023,may_day_medals,,'=x\r\n",
    )
  })

  it('import → export → import loses nothing', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fact, { minLength: 1, maxLength: 40, selector: (f) => `${f.region}|${f.period}|${f.indicator}` }), (list) => {
        const b = new FactTableBuilder()
        for (const f of list) b.add(f.region, f.period, f.indicator, f.value, f.source)
        const table = b.build()
        const csv = tidyCsv(table, regions)
        const back = parseFile({ file: 'tidy.csv', bytes: new TextEncoder().encode(csv).buffer as ArrayBuffer, defaultSource: 'x' }, catalogues)
        expect(back.report.rowsRejected).toBe(0)
        expect(factsOf(back.table)).toEqual(factsOf(table))
        // And once more: the second export is byte-identical to the first.
        expect(tidyCsv(back.table, regions)).toBe(csv)
      }),
      { numRuns: 200 },
    )
  })
})
