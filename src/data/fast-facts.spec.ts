// @vitest-environment node
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue, RegionCatalogue } from '@/domain/regions'
import { nationalRegions } from '@/domain/national'
import { readFileSync } from 'node:fs'
import { IndicatorLookup, type ImportOptions } from './facts'
import { FactKeys, PackedKeyMap, parseCsvFast } from './fast-facts'
import { parseFile, type Catalogues, type ParsedFile } from './parse'
import { regionLookup, review } from './parse-common'

const regionCatalogue = loadRegionCatalogue(regionsJson)
const indicatorCatalogue = loadIndicatorCatalogue(indicatorsJson)
const catalogues: Catalogues = { regions: regionCatalogue.all, indicators: indicatorCatalogue.indicators }
const lookup = new IndicatorLookup(catalogues.indicators)
// Both paths know the nation, so a province or city elsewhere (北京) is told from text that is no place.
const china = new RegionCatalogue(nationalRegions(JSON.parse(readFileSync(new URL('../../public/regions/china.json', import.meta.url), 'utf8'))))
regionCatalogue.world = china
regionLookup(catalogues, china)

function fastOnly(bytes: Uint8Array, file: string, piece?: number, options?: ImportOptions): ParsedFile | null {
  const raw = parseCsvFast({ file, bytes, defaultSource: 'test', ...(piece ? { piece } : {}), ...(options ? { options } : {}) }, regionCatalogue, lookup)
  if (raw && 'tooManyRows' in raw) throw new Error('no limit was set')
  return raw
}

function both(bytes: Uint8Array, file = 'test.csv', options?: ImportOptions) {
  // Both paths end in the same review of the whole table (plausibility checks).
  const raw = fastOnly(bytes, file, undefined, options)
  const asked = { file, defaultSource: 'test', ...(options ? { options } : {}) }
  const fast = raw && review(raw, { ...asked, bytes: bytes.slice().buffer as ArrayBuffer }, catalogues)
  const general = parseFile({ ...asked, bytes: bytes.slice().buffer as ArrayBuffer, generalPath: true }, catalogues)
  return { fast, general }
}

const encode = (s: string) => new TextEncoder().encode(s)

// Cells a real import holds, good and bad, for each tidy column.
const CELLS = {
  regionCode: ['320102', '320104', '321012', '320600', '320000', '999999', '', '32010', '320102000000'],
  region: ['玄武区', '秦淮区', '鼓楼区', '江都', '扬州市江都区', '海安县', '南京市', '未知区', '合计', '全市', '', ' 玄武区 ', '玄武区'],
  parent: ['南京市', '徐州', '', '扬州市', '合计', '连云港市'],
  province: ['江苏', '江苏省', '', '北京', '火星省'],
  period: ['2023', '2022', '2023-06', '2023年6月', '2023/6', '2023Q2', '2023年', 'abc', '', '2023-13', '１９９９'],
  indicator: ['total_workers', 'stable_workers', 'worker_stability_rate', '职工稳定率', '职工稳定率(%)', '帮扶金额（万元）', 'relief_amount', 'unknown_metric', '', 'may_day_medals', 'wage_growth'],
  value: ['12', '12.5', '0', '-3', '150', '91.6%', '1,234', '3.6万', '-', '', 'abc', ' 7 ', '１２', '1e3', '007', '.5', '5.', '12.50', '0.1', '99999999999999999', '91,6', '3,25%', '1,2345'],
  source: ['', '江苏工人报', "'=cmd", '示例数据', ' x '],
  extra: ['', 'note', 'a,b', '"q"'],
} as const
type Column = keyof typeof CELLS
const HEADERS: Record<Column, string[]> = {
  regionCode: ['region_code', '行政区划代码', ' code '],
  region: ['region', '地区', '县(市、区)'],
  parent: ['parent', '设区市'],
  province: ['province', '省份', '所属省'],
  period: ['period', '年份', '期间'],
  indicator: ['indicator', '指标'],
  value: ['value', '数值'],
  source: ['source', '来源'],
  extra: ['备注', ''],
}

/** A random tidy file: columns in random order, repeated rows, totals, blank and ragged lines, quoting. */
const fileArb = fc
  .record({
    // The columns a long table needs, in random order, with random optional ones.
    columns: fc
      .tuple(
        fc.subarray(['regionCode', 'region'] as Column[], { minLength: 1 }),
        fc.subarray(['parent', 'province', 'source', 'extra'] as Column[]),
        fc.nat(),
      )
      .map(([region, optional, seed]) => {
        const all: Column[] = [...region, 'period', 'indicator', 'value', ...optional]
        for (let i = all.length - 1; i > 0; i--) {
          const j = (seed + i * 7919) % (i + 1)
          ;[all[i], all[j]] = [all[j]!, all[i]!]
        }
        return all
      }),
    headerPick: fc.nat(),
    rows: fc.array(fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 40 }),
    repeats: fc.array(fc.nat(), { maxLength: 6 }),
    delimiter: fc.constantFrom(',', '\t', ';'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    blankEvery: fc.integer({ min: 0, max: 7 }),
    raggedEvery: fc.integer({ min: 0, max: 15 }),
    bom: fc.boolean(),
    trailing: fc.boolean(),
  })
  .map((f) => {
    const header = f.columns.map((c, i) => HEADERS[c][(f.headerPick + i) % HEADERS[c].length]!)
    const rows = f.rows.map((picks) => f.columns.map((c, i) => CELLS[c][picks[i]! % CELLS[c].length]!))
    for (const r of f.repeats) if (rows.length > 0) rows.push(rows[r % rows.length]!)
    const write = (cell: string) =>
      f.quoteAll || cell.includes(f.delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
    const lines = [header, ...rows].map((r, k) => {
      let cells = r.map(write)
      if (f.raggedEvery > 0 && k > 0 && k % f.raggedEvery === 0) cells = k % 2 ? cells.slice(1) : [...cells, 'x']
      return cells.join(f.delimiter)
    })
    const withBlanks = lines.flatMap((l, k) => (f.blankEvery > 0 && k % f.blankEvery === 1 ? ['', l] : [l]))
    return (f.bom ? '\ufeff' : '') + withBlanks.join(f.newline) + (f.trailing ? f.newline : '')
  })

describe('parseCsvFast gives what parseFile gives', () => {
  it('on random tidy files: same table, report, column matches and unmatched regions', () => {
    let handled = 0
    let runs = 0
    fc.assert(
      fc.property(fileArb, (text) => {
        const { fast, general } = both(encode(text))
        runs++
        if (fast === null) return
        handled++
        expect(fast).toStrictEqual(general)
      }),
      { numRuns: 300 },
    )
    // Most of these files are regular: the fast path must take them, not hand them all back.
    expect(handled / runs).toBeGreaterThan(0.6)
  }, 30_000)

  it('on a GB18030 file (Excel "CSV (逗号分隔)")', () => {
    // region,period,indicator,value / 玄武区,2023,职工总数,12 in GB18030.
    const hex = '726567696f6e2c706572696f642c696e64696361746f722c76616c75650d0ad0fecee4c7f82c323032332cd6b0b9a4d7dccafd2c31320d0a'
    const bytes = Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16))
    const { fast, general } = both(bytes)
    expect(fast).not.toBeNull()
    expect(fast!.encoding).toBe('gb18030')
    expect(fast).toStrictEqual(general)
    expect(fast!.table.length).toBe(1)
  })

  it('on a UTF-16LE file with a BOM', () => {
    const text = 'region\tperiod\tindicator\tvalue\r\n玄武区\t2023\ttotal_workers\t12\r\n'
    const bytes = new Uint8Array(2 + text.length * 2)
    bytes.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8
    }
    const { fast, general } = both(bytes)
    expect(fast?.encoding).toBe('utf-16le')
    expect(fast).toStrictEqual(general)
  })

  it('reports duplicates, repeated rows, totals that do not add up and suspicious values', () => {
    const text = [
      'region,period,indicator,value',
      '玄武区,2023,total_workers,10',
      '秦淮区,2023,total_workers,20',
      '玄武区,2023,total_workers,10',
      '玄武区,2023,total_workers,11',
      '合计,2023,total_workers,99',
      '秦淮区,2023,worker_stability_rate,120',
      '秦淮区,2023,legal_aid_cases,-1',
    ].join('\n')
    const { fast, general } = both(encode(text))
    expect(fast).toStrictEqual(general)
    expect(fast!.report.problems.map((p) => p.code)).toEqual(['repeatedRow', 'duplicate', 'totalMismatch', 'rateOver100', 'negativeCount'])
  })

  it('hands back what it does not read the same way', () => {
    const cases = [
      '', // empty file
      'region,period,indicator,value\n', // header only
      '地区,2022,2023\n玄武区,1,2\n', // wide
      'region,period,indicator,value\n玄武区,2023,"total_workers\n', // unclosed quote
      'region,period,indicator,value\n玄武区,2023,total_workers,1\r\n秦淮区,2023,total_workers,2\n', // mixed line endings
      'region,period,indicator,value\n玄武区,2023,total_workers,\ufffd\n', // replacement character
    ]
    for (const text of cases) expect(both(encode(text)).fast, JSON.stringify(text)).toBeNull()
  })
})

// The user's choices in the preview: labels and region texts mapped, a fixed period.
const LABELS = [...CELLS.indicator, '本单位职工人数', '帮扶慰问金额（元）', '其他']
const optionsArb: fc.Arbitrary<ImportOptions> = fc.record(
  {
    indicatorMap: fc.array(fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom('total_workers', 'relief_amount', 'worker_stability_rate', 'stable_workers', '', 'no_such_id')), { maxLength: 4 }),
    regionMap: fc.array(fc.tuple(fc.constantFrom(...CELLS.region, ...CELLS.regionCode), fc.constantFrom('320102', '321012', '320100', '999999')), { maxLength: 3 }),
    period: fc.constantFrom('2023', '2022-06', 'not a period'),
  },
  { requiredKeys: [] },
)

/** A random wide file: region and optional period, city and source columns, then indicator columns. */
const WIDE_HEADERS = ['职工总数', 'total_workers', '职工稳定率(%)', '帮扶慰问金额（元）', '帮扶慰问金额（万元）', '帮扶慰问金额(人)', '本单位职工人数', '其他', '稳定就业职工', '']
const wideArb = fc
  .record({
    fields: fc.tuple(fc.subarray(['regionCode', 'region'] as Column[], { minLength: 1 }), fc.subarray(['period', 'parent', 'source'] as Column[])).map(([a, b]) => [...a, ...b]),
    indicators: fc.array(fc.constantFrom(...WIDE_HEADERS), { minLength: 1, maxLength: 5 }),
    rows: fc.array(fc.array(fc.nat(), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 30 }),
    repeats: fc.array(fc.nat(), { maxLength: 4 }),
    delimiter: fc.constantFrom(',', '\t', ';'),
    newline: fc.constantFrom('\n', '\r\n'),
  })
  .map((f) => {
    const header = [...f.fields.map((c) => HEADERS[c][0]!), ...f.indicators]
    const rows = f.rows.map((picks) => [...f.fields.map((c, i) => CELLS[c][picks[i]! % CELLS[c].length]!), ...f.indicators.map((_, j) => CELLS.value[picks[f.fields.length + j]! % CELLS.value.length]!)])
    for (const r of f.repeats) rows.push(rows[r % rows.length]!)
    const write = (cell: string) => (cell.includes(f.delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
    return [header, ...rows].map((r) => r.map(write).join(f.delimiter)).join(f.newline)
  })

describe('the columnar reader gives what the grid path gives, with the choices of the preview', () => {
  it('on random long files (comma, tab, semicolon with decimal commas) with mappings and a fixed period', () => {
    let handled = 0
    let runs = 0
    fc.assert(
      fc.property(fileArb, optionsArb, (text, options) => {
        const { fast, general } = both(encode(text), 'test.csv', options)
        runs++
        if (fast === null) return
        handled++
        expect(fast).toStrictEqual(general)
      }),
      { numRuns: 300 },
    )
    expect(handled / runs).toBeGreaterThan(0.6)
  }, 60_000)

  it('on random wide files, with unit headings, repeated and unmatched columns, mappings and a fixed period', () => {
    let handled = 0
    let runs = 0
    fc.assert(
      fc.property(wideArb, optionsArb, (text, options) => {
        const { fast, general } = both(encode(text), 'wide.csv', options)
        runs++
        if (fast === null) return
        handled++
        expect(fast).toStrictEqual(general)
      }),
      { numRuns: 300 },
    )
    // Only files without a period (column or fixed) are left to the grid path.
    expect(handled / runs).toBeGreaterThan(0.6)
  }, 60_000)

  it('reads a wide file in pieces as it reads it whole', () => {
    fc.assert(
      fc.property(wideArb, optionsArb, fc.integer({ min: 1, max: 40 }), (text, options, piece) => {
        const bytes = encode(text)
        expect(fastOnly(bytes, 'wide.csv', piece, options)).toStrictEqual(fastOnly(bytes, 'wide.csv', undefined, options))
      }),
      { numRuns: 100 },
    )
  }, 60_000)

  it('maps a label once for every row that carries it, and reads 91,6 in a semicolon file as 91.6', () => {
    const text = ['地区;年份;指标;数值', '玄武区;2023;本单位职工人数;1200', '秦淮区;2023;本单位职工人数;800', '玄武区;2023;职工稳定率;91,6'].join('\n')
    const options: ImportOptions = { indicatorMap: [['本单位职工人数', 'total_workers']] }
    const { fast, general } = both(encode(text), 'm.csv', options)
    expect(fast).toStrictEqual(general)
    expect(fast!.table.value).toEqual(new Float64Array([1200, 800, 91.6]))
    expect(fast!.columns.find((c) => c.label === '本单位职工人数')).toMatchObject({ indicator: 'total_workers', via: 'mapped', count: 2 })
  })
})

describe('parseCsvFast reading a file in pieces', () => {
  it('gives what it gives for the whole file, wherever the pieces cut records, fields and characters', () => {
    fc.assert(
      fc.property(fileArb, fc.integer({ min: 1, max: 40 }), (text, piece) => {
        const bytes = encode(text)
        expect(fastOnly(bytes, 'test.csv', piece)).toStrictEqual(fastOnly(bytes, 'test.csv'))
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('hands back a file that turns out not to be UTF-8 in a later piece', () => {
    const head = encode('region,period,indicator,value\n玄武区,2023,total_workers,1\n')
    const bytes = new Uint8Array([...head, 0xd0, 0xfe, 0x2c, 0x0a])
    expect(fastOnly(bytes, 'test.csv', 8)).toStrictEqual(fastOnly(bytes, 'test.csv'))
  })

  it('refuses a file with more facts than the limit, naming the limit', () => {
    const rows = ['玄武区', '秦淮区', '江都区'].map((r) => `${r},2023,total_workers,1`)
    const bytes = encode(['region,period,indicator,value', ...rows].join('\n'))
    const limited = (maxRows: number) => parseCsvFast({ file: 'f.csv', bytes, defaultSource: 't', maxRows, piece: 16 }, regionCatalogue, lookup)
    expect(limited(2)).toEqual({ tooManyRows: 2 })
    expect(limited(3)).toMatchObject({ table: { length: 3 } })
    const refused = parseFile({ file: 'f.csv', bytes: bytes.slice().buffer as ArrayBuffer, defaultSource: 't', maxRows: 2 }, catalogues)
    expect(refused.table.length).toBe(0)
    expect(refused.report.problems).toEqual([{ code: 'tooManyRows', file: 'f.csv', text: '2', detail: '0.0' }])
  })
})

describe('FactKeys and PackedKeyMap', () => {
  it('remember the first fact of each key', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(300)), { maxLength: 400 }), fc.boolean(), (keys, hashed) => {
        const dense = new FactKeys(hashed ? 1 << 17 : 301, 16)
        const map = new PackedKeyMap(4)
        const first = new Map<string, number>()
        keys.forEach(([period, pair], fact) => {
          const k = `${period}|${pair}`
          const expected = first.get(k) ?? -1
          if (expected < 0) first.set(k, fact)
          expect(dense.putIfAbsent(period, pair, fact)).toBe(expected)
          expect(map.putIfAbsent(period * 1e9 + pair, fact)).toBe(expected)
        })
      }),
    )
  })
})
