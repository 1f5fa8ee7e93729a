import { describe, expect, it } from 'vitest'
import { periodIn, sheetLayout } from './layout'
import type { Merge, Sheet, SheetCell } from './sheet'
import { readDots, numberPeriod } from './period-dots'
import { datePeriod, isPercentFormat, formatDecimals } from './cells'

/** A sheet from rows of plain values; null is a blank cell. */
function sheet(rows: (string | number | null)[][], merges: Merge[] = [], hidden: { rows?: number[]; columns?: number[] } = {}): Sheet {
  return {
    name: 'Sheet1',
    hidden: false,
    rows: rows.map((r) => r.map((v): SheetCell | undefined => (v === null ? undefined : { value: v }))),
    merges,
    hiddenRows: new Set(hidden.rows ?? []),
    hiddenColumns: new Set(hidden.columns ?? []),
  }
}

describe('sheetLayout', () => {
  it('takes a plain first row as the header', () => {
    const l = sheetLayout(sheet([['地区', '年份', '法律援助'], ['江都区', 2023, 12]]))
    expect(l.header).toEqual({ top: 0, rows: 1 })
    expect(l.columns.map((c) => c.label)).toEqual(['地区', '年份', '法律援助'])
    expect(l.dataRows).toEqual([1])
  })

  it('skips a title, a 填报单位 line and blank rows above the header', () => {
    const l = sheetLayout(
      sheet([['2023年某市统计表', null, null], [null, null, null], ['填报单位：某市总工会', null, '单位：万元'], ['地区', '年份', '帮扶金额'], ['江都区', 2023, 12.5]], [
        { top: 0, left: 0, bottom: 0, right: 2 },
      ]),
    )
    expect(l.header).toEqual({ top: 3, rows: 1 })
    expect(l.skipped.map((s) => [s.row, s.kind])).toEqual([
      [0, 'title'],
      [1, 'blank'],
      [2, 'note'],
    ])
    expect(l.periodHint).toBe('2023')
    expect(l.columns[2]!.unitNote).toBe('万元')
  })

  it('joins a heading over sub-columns only when merged cells tie the rows', () => {
    const tied = sheetLayout(
      sheet([['地区', '帮扶', null], [null, '金额（万元）', '户数'], ['江都区', 12, 30]], [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 0, right: 2 },
      ]),
    )
    expect(tied.header).toEqual({ top: 0, rows: 2 })
    expect(tied.columns.map((c) => c.label)).toEqual(['地区', '帮扶 / 金额（万元）', '帮扶 / 户数'])
    // Without merges the upper text row is not taken for part of the header.
    const loose = sheetLayout(sheet([['某市', '2023年'], ['地区', '法律援助'], ['江都区', 12]]))
    expect(loose.header).toEqual({ top: 1, rows: 1 })
  })

  it('reads a units row under the header into each label', () => {
    const l = sheetLayout(sheet([['地区', '帮扶金额', '职工总数'], [null, '（万元）', '（人）'], ['江都区', 12, 30]]))
    expect(l.header).toEqual({ top: 0, rows: 2 })
    expect(l.columns.map((c) => c.label)).toEqual(['地区', '帮扶金额（万元）', '职工总数（人）'])
    expect(l.dataRows).toEqual([2])
  })

  it('skips notes and signatures after the data, a repeated header, and counts blank separators', () => {
    const l = sheetLayout(
      sheet([
        ['地区', '法律援助'],
        ['江都区', 12],
        [null, null],
        ['地区', '法律援助'],
        ['仪征市', 8],
        ['注：不含开发区', null],
        ['附：口径见说明', null],
        ['填报人：张三', '审核人：李四'],
      ]),
    )
    expect(l.dataRows).toEqual([1, 4])
    expect(l.skipped.map((s) => [s.row, s.kind])).toEqual([
      [2, 'blank'],
      [3, 'repeatedHeader'],
      [5, 'note'],
      [6, 'note'],
      [7, 'note'],
    ])
  })

  it('leaves out 序号 and 备注 columns, and reads hidden rows after visible ones', () => {
    const l = sheetLayout(sheet([['序号', '地区', '法律援助', '备注'], [1, '江都区', 12, null], [2, '仪征市', 8, '含开发区'], [3, '高邮市', 9, null]], [], { rows: [1] }))
    expect(l.columns.map((c) => c.label)).toEqual(['地区', '法律援助'])
    expect(l.leftOut.map((c) => c.label)).toEqual(['序号', '备注'])
    expect(l.dataRows).toEqual([2, 3, 1])
  })
})

describe('periodIn', () => {
  it('reads a year or a month from a title, never from a range', () => {
    expect(periodIn('2023年扬州市各区工会工作统计表')).toBe('2023')
    expect(periodIn('扬州市2023年10月帮扶情况')).toBe('2023-10')
    expect(periodIn('2023年1—10月帮扶情况')).toBeUndefined()
    expect(periodIn('2022—2023年对比')).toBeUndefined()
    expect(periodIn('填报日期：2024年1月10日')).toBeUndefined()
  })
})

describe('cells and the 2023.10 trap', () => {
  const n = (value: number, format?: string): SheetCell => ({ value, ...(format ? { format } : {}) })

  it('reads 2023.1 as October beside two-digit months, as January beside one-digit months, else asks', () => {
    expect(readDots([n(2023.1), n(2023.11), n(2023.12)])).toEqual({ one: 'october', by: 'column', needed: true })
    expect(readDots([n(2023.1), n(2023.2), n(2023.3)])).toEqual({ one: 'january', by: 'column', needed: true })
    expect(readDots([n(2023.1)])).toEqual({ one: null, by: null, needed: true })
    expect(readDots([n(2023.1), n(2023.2), n(2023.12)]).one).toBeNull()
    expect(readDots([n(2023.1)], 'january')).toEqual({ one: 'january', by: 'user', needed: true })
    expect(numberPeriod(n(2023.1), readDots([n(2023.1)]))).toBe('ambiguous')
    expect(numberPeriod(n(2023.1, '0.00'), readDots([n(2023.1, '0.00')]))).toBe('2023-10')
    expect(numberPeriod(n(2023), readDots([]))).toBe('2023')
    expect(numberPeriod(n(202310), readDots([]))).toBe('2023-10')
  })

  it('reads a date cell by its column: a year in 年份, a month in 月份', () => {
    const d = new Date(Date.UTC(2023, 11, 31))
    expect(datePeriod(d, 'year', 'yyyy"年"')).toBe('2023')
    expect(datePeriod(d, 'month', 'yyyy-mm-dd')).toBe('2023-12')
    expect(datePeriod(d, 'period', 'yyyy"年"m"月"')).toBe('2023-12')
  })

  it('tells percent formats and decimals from a number format', () => {
    expect(isPercentFormat('0.0%')).toBe(true)
    expect(isPercentFormat('0.0"%"')).toBe(false)
    expect(formatDecimals('#,##0.00')).toBe(2)
    expect(formatDecimals(undefined)).toBeUndefined()
  })
})
