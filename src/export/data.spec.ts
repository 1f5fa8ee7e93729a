import { describe, expect, it } from 'vitest'
import { chartCsv, numberFormat, sheetNames, sheetTitle, viewCsv } from './data'
import { tableCellText } from './docx'
import type { ChartExportSpec } from './types'

function spec(over: Partial<ChartExportSpec> = {}): ChartExportSpec {
  return {
    kind: 'ranking',
    option: () => null,
    title: '无锡市各区县法律援助案件排名（2023年）',
    filters: ['2023年', '无锡市', '各区县'],
    unit: '单位：件',
    definition: '口径：工会法律援助案件数。',
    source: '数据来源：示例数据（合成）',
    asOf: '数据截至 2023年12月31日',
    coverage: '',
    fileName: { indicator: '法律援助案件', scope: '无锡市各区县排名', period: '2023' },
    table: () => ({
      name: '法律援助案件 2023',
      header: ['地区', '法律援助案件（件）', '来源'],
      rows: [
        ['锡山区', 60, '=HYPERLINK("x")'],
        ['梁溪区', -3, '＋1'],
        ['江阴市', null, '@SUM(A1)'],
      ],
    }),
    screenSize: () => ({ width: 600, height: 400 }),
    ...over,
  }
}

describe('chartCsv', () => {
  it('writes BOM, CRLF, numbers as numbers and neutralised text', () => {
    const csv = chartCsv(spec())
    expect(csv.startsWith('\uFEFF地区,法律援助案件（件）,来源\r\n')).toBe(true)
    expect(csv).toContain('\r\n锡山区,60,"\'=HYPERLINK(""x"")"\r\n')
    expect(csv).toContain('\r\n梁溪区,-3,\'＋1\r\n')
    expect(csv).toContain('\r\n江阴市,,\'@SUM(A1)\r\n')
    expect(csv).toContain('\r\n口径：工会法律援助案件数。\r\n')
    expect(csv.endsWith('数据截至 2023年12月31日\r\n')).toBe(true)
    expect(csv).not.toContain('数据覆盖')
  })

  it('carries the coverage of a figure built from part of its region', () => {
    const csv = chartCsv(spec({ coverage: '无锡市数据覆盖 8/9 个县（市、区）' }))
    expect(csv).toContain('\r\n无锡市数据覆盖 8/9 个县（市、区）\r\n口径：')
  })
})

describe('viewCsv', () => {
  it('has one block per chart, each starting with its title', () => {
    const csv = viewCsv([spec(), spec({ title: '第二个' })])
    expect(csv.match(/\uFEFF/g)).toHaveLength(1)
    expect(csv).toContain('\r\n\r\n第二个\r\n2023年 · 无锡市 · 各区县\r\n')
  })
})

describe('sheetNames', () => {
  it('fits Excel: 31 characters, no []:*?/\\, unique', () => {
    expect(sheetNames(['a/b:c', 'x'.repeat(40), 'x'.repeat(40), ''])).toEqual(['a_b_c', 'x'.repeat(31), `${'x'.repeat(29)}_2`, 'Sheet'])
  })
})

describe('sheetTitle', () => {
  it('names a sheet by subject, kind and period, shortening only the subject to fit 31 characters', () => {
    expect(sheetTitle({ subject: '职工稳定率', kind: '地图', period: '2023' })).toBe('职工稳定率_地图_2023')
    expect(sheetNames([sheetTitle({ subject: '职工稳定率', kind: '地图', period: '2023' }), sheetTitle({ subject: '职工稳定率', kind: '排名', period: '2023' })])).toEqual([
      '职工稳定率_地图_2023',
      '职工稳定率_排名_2023',
    ])
    const long = sheetTitle({ subject: 'Collective contracts signed or renewed', kind: 'trend', period: '2019—2023' })
    expect([...long]).toHaveLength(31)
    expect(long.endsWith('_trend_2019—2023')).toBe(true)
  })
})

describe('numberFormat', () => {
  it('follows the indicator decimals', () => {
    expect([0, 1, 2].map(numberFormat)).toEqual(['0', '0.0', '0.00'])
  })
})

describe('tableCellText', () => {
  it('prints the indicator decimals, grouping, and nothing for no data', () => {
    expect(tableCellText(91, 'zh-CN', 1)).toBe('91.0')
    expect(tableCellText(20270, 'zh-CN', 0)).toBe('20,270')
    expect(tableCellText(null, 'zh-CN', 1)).toBe('')
    expect(tableCellText('锡山区', 'zh-CN')).toBe('锡山区')
  })
})
