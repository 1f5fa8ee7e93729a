// @vitest-environment node
/**
 * The reporting template: what the file holds (title, locked codes, validation, comments, 合计
 * formulas, the definitions and instructions sheets), and that a filled-in copy imports back with
 * no mapping, every figure landing and the 合计 row checked.
 */
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { parseFileAsync, type Catalogues } from '@/data/parse'
import type { Indicator } from '@/domain/types'
import zh from '@/i18n/lazy/workbook.zh-CN'
import { buildTemplate, type TemplateTexts } from './template'

const regions = loadRegionCatalogue(regionsJson)
const { indicators } = loadIndicatorCatalogue(indicatorsJson)
const catalogues: Catalogues = { regions: regions.all, indicators }
const f = zh.workbook.template.file
const texts: TemplateTexts = {
  ...f,
  title: '扬州市各县（市、区）工会工作统计表（2023）',
  definitionHead: Object.values(f.definitionHead),
  help: Object.values(f.help),
}
const annual = indicators.filter((i) => i.frequencies.includes('annual'))
const districts = regions.children('321000')

async function template(): Promise<ExcelJS.Workbook> {
  const blob = await buildTemplate({ regions: districts, period: '2023', indicators: annual, name: (i) => i.name.zh, definition: (i) => i.definition.zh, texts })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await blob.arrayBuffer())
  return wb
}

/** A plausible figure for each district and indicator: rates within 0–100, counts whole, workers above their parts. */
const figure = (row: number, col: number, ind: Indicator) =>
  ind.unit === '%' ? 80 + ((row * 7 + col) % 20) + 0.5 : ind.id === 'total_workers' ? 100000 + row : (row + 1) * 100 + col

describe('reporting template', () => {
  it('has a title, locked codes, validated inputs, comments, 合计 formulas and its other sheets', async () => {
    const wb = await template()
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报表', '指标口径', '填报说明'])
    const ws = wb.worksheets[0]!
    expect(ws.getCell('A1').value).toBe(texts.title)
    expect(ws.getRow(3).values).toEqual([undefined, '行政区划代码', '地区', '期间', ...annual.map((i) => `${i.name.zh}（${i.unit}）`)])
    expect(ws.getCell('A4').value).toBe(districts[0]!.adcode)
    // Locked is a cell's default; only the inputs are unlocked.
    expect(ws.getCell('A4').protection?.locked).not.toBe(false)
    expect(ws.getCell('D4').protection?.locked).toBe(false)
    const rate = annual.findIndex((i) => i.unit === '%')
    expect(ws.getCell(4, 4 + rate).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] })
    expect(ws.getCell('D4').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' })
    expect(String(ws.getCell('D3').note)).toContain(annual[0]!.definition.zh)
    const total = 4 + districts.length
    expect(ws.getCell(total, 2).value).toBe('合计')
    expect(ws.getCell(total, 4).value).toEqual({ formula: `SUM(D4:D${total - 1})` })
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true)
    expect(wb.worksheets[1]!.getRow(2).values).toContain(annual[0]!.definition.zh)
  })

  it('filled in, imports back with no mapping: every figure lands and the 合计 row is checked', async () => {
    const wb = await template()
    const ws = wb.worksheets[0]!
    const expected: string[] = []
    const total = 4 + districts.length
    annual.forEach((ind, k) => {
      let sum = 0
      districts.forEach((d, r) => {
        const v = figure(r, k, ind)
        ws.getCell(4 + r, 4 + k).value = v
        sum += v
        expected.push(`${d.adcode}|2023|${ind.id}|${v}`)
      })
      // As Excel saves it: the formula with its computed result; one total is wrong on purpose.
      if (ind.aggregation.kind === 'sum') ws.getCell(total, 4 + k).value = { formula: `SUM(A1:A2)`, result: ind.id === 'legal_aid_cases' ? sum + 1 : sum }
    })
    const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer
    const r = await parseFileAsync({ file: 'return.xlsx', bytes, defaultSource: 'return.xlsx' }, catalogues)
    expect(r.columns.every((c) => c.indicator !== null && c.via !== 'mapped')).toBe(true)
    const t = r.table
    const got = Array.from({ length: t.length }, (_, i) => `${t.regions[t.region[i]!]}|${t.periods[t.period[i]!]}|${t.indicators[t.indicator[i]!]}|${t.value[i]}`)
    expect(got.sort()).toEqual(expected.sort())
    expect(r.report.totalRows).toBe(1)
    expect(r.report.problems.map((p) => [p.code, p.column])).toEqual([['totalMismatch', '法律援助办结案件（件）']])
  })
})
