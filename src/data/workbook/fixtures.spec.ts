// @vitest-environment node
/**
 * The workbook fixtures (e2e/fixtures/workbooks, written by scripts/make-workbooks.ts) through the
 * loader: each imports exactly the facts its `.expected.csv` lists, and the choices the preview
 * offers (sheets, header rows, the reading of 2023.1) change what is read as they say.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../../data/indicators.json'
import regionsJson from '../../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { WARNING_CODES } from '../facts'
import { parseFileAsync, type Catalogues, type ParseRequest, type ParsedFile } from '../parse'
import { tidyRows } from '../tidy-export'
import { csvCell } from '@/export/csv'

const regionCatalogue = loadRegionCatalogue(regionsJson)
const catalogues: Catalogues = { regions: regionCatalogue.all, indicators: loadIndicatorCatalogue(indicatorsJson).indicators }
const dir = new URL('../../../e2e/fixtures/workbooks/', import.meta.url)
const { cases } = JSON.parse(readFileSync(new URL('cases.json', dir), 'utf8')) as { cases: { file: string; what: string; choose?: { dots: 'october' | 'january' } }[] }

function bytes(name: string): ArrayBuffer {
  const b = readFileSync(new URL(name, dir))
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
}
const parse = (file: string, extra: Partial<ParseRequest> = {}) => parseFileAsync({ file, bytes: bytes(file), defaultSource: file, ...extra }, catalogues)
const tidy = (r: ParsedFile) => tidyRows(r.table, regionCatalogue).map((row) => row.map((c) => csvCell(c)).join(',')).sort()
const expected = (file: string) => readFileSync(new URL(`${file}.expected.csv`, dir), 'utf8').trim().split('\n').slice(1)
const errors = (r: ParsedFile) => r.report.problems.filter((p) => !WARNING_CODES.has(p.code))

describe('workbook fixtures', () => {
  it.each(cases)('$file: $what', async (c) => {
    const r = await parse(c.file, c.choose ? { workbook: { dots: c.choose.dots } } : {})
    expect(errors(r)).toEqual([])
    expect(tidy(r)).toEqual(expected(c.file))
  })
})

describe('workbook reading in detail', () => {
  it('finds the header under a title and reports the rows it skipped', async () => {
    const r = await parse('title-two-row-header.xlsx')
    const report = r.workbook!.reports[0]!
    expect(report.header).toEqual({ top: 3, rows: 2 })
    expect(report.notes).toContainEqual({ kind: 'skipped', what: 'title', rows: [1] })
    expect(report.notes).toContainEqual({ kind: 'skipped', what: 'note', rows: [2, 10, 11] })
    expect(report.notes).toContainEqual({ kind: 'skipped', what: 'blank', rows: [9] })
    expect(report.notes).toContainEqual({ kind: 'leftOut', column: '备注' })
    expect(report.notes).toContainEqual({ kind: 'periodHint', period: '2023' })
    expect(r.columns.map((c) => c.label)).toEqual(['职工 / 总数（人）', '职工 / 稳定率（%）', '帮扶 / 金额（万元）', '帮扶 / 特困职工户数'])
    // The 合计 row of formulas is checked against the rows: it agrees.
    expect(r.report.totalRows).toBe(1)
    expect(r.report.problems.filter((p) => p.code === 'totalMismatch')).toEqual([])
  })

  it('moves the header where the user puts it', async () => {
    const r = await parse('title-two-row-header.xlsx', { workbook: { header: { top: 4, rows: 1 } } })
    expect(r.workbook!.reports[0]!.header).toEqual({ top: 4, rows: 1 })
    expect(r.workbook!.reports[0]!.detected).toBe(false)
    expect(r.columns.map((c) => c.label)).toContain('总数（人）')
  })

  it('converts 元 to 万元 by the note over the table, and says so per column', async () => {
    const r = await parse('unit-yuan.xlsx')
    const relief = r.columns.find((c) => c.indicator === 'relief_amount')!
    expect(relief).toMatchObject({ scale: 1e-4, fromUnit: '元' })
    expect(r.columns.find((c) => c.indicator === 'total_workers')!.scale).toBeUndefined()
  })

  it('reports a formula without a value, percent and date cells', async () => {
    const r = await parse('cells.xlsx')
    expect(r.report.problems).toContainEqual({ code: 'formulaNoValue', file: 'cells.xlsx', row: 4, column: '职工互助保障参保', text: '=B99*2' })
    const notes = r.workbook!.reports[0]!.notes
    expect(notes).toContainEqual({ kind: 'percent', column: '职工稳定率', cells: 3 })
    expect(notes).toContainEqual({ kind: 'dates', column: '年份', as: 'year' })
  })

  it('leaves a hidden repeat of a visible column out, and reads it if mapped, as a conflict', async () => {
    const r = await parse('hidden-column.xlsx')
    const hidden = r.columns.find((c) => c.label === '职工总数（人） · C列')!
    expect(hidden).toMatchObject({ hidden: true, ignored: true, indicator: 'total_workers' })
    expect(r.workbook!.reports[0]!.notes).toContainEqual({ kind: 'hiddenRows', rows: [4] })
    const mapped = await parse('hidden-column.xlsx', { options: { indicatorMap: [['职工总数（人） · C列', 'total_workers']] } })
    expect(mapped.report.problems.map((p) => p.code)).toContain('columnConflict')
    expect(tidy(mapped).some((l) => l.includes('total_workers'))).toBe(false)
  })

  it('asks how 2023.1 reads when its column cannot tell, and reads it as answered', async () => {
    const asked = await parse('month-dot-ambiguous.xlsx')
    expect(asked.table.length).toBe(0)
    expect(asked.report.problems.map((p) => [p.code, p.row])).toEqual([
      ['ambiguousPeriod', 2],
      ['ambiguousPeriod', 3],
    ])
    const jan = await parse('month-dot-ambiguous.xlsx', { workbook: { dots: 'january' } })
    expect(tidy(jan)[0]).toContain(',2023-01,')
    const told = await parse('month-dots.xlsx')
    expect(told.workbook!.reports[0]!.notes).toContainEqual({ kind: 'dots', column: '年月', one: 'october', by: 'column' })
  })

  it('reads sheets named by year together, skips the cover, and lets one sheet be chosen', async () => {
    const r = await parse('sheets-by-year.xlsx')
    expect(r.workbook!.sheets.map((s) => [s.name, s.kind, s.chosen])).toEqual([
      ['封面', 'cover', false],
      ['2022年', 'data', true],
      ['2023年', 'data', true],
      ['填表说明', 'cover', false],
    ])
    expect(r.workbook!.sheetsAs).toBe('period')
    const one = await parse('sheets-by-year.xlsx', { workbook: { sheets: ['2023年'] } })
    expect(new Set(one.table.periods)).toEqual(new Set(['2023']))
  })

  it('reads a workbook named .csv as a workbook, and says so', async () => {
    const r = await parse('workbook-named.csv')
    expect(r.format).toBe('xlsx')
    expect(r.report.problems[0]).toMatchObject({ code: 'typeMismatch', text: 'csv', detail: 'xlsx' })
  })
})
