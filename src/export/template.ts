/**
 * The reporting template (报表模板): an .xlsx a city federation sends to its districts, which
 * imports back with no mapping once filled in.
 *
 *   报表      a title row; 填报单位 line; a header of 行政区划代码 | 地区 | 期间 | each indicator with its
 *            unit (its 口径 as the cell's comment); one row per region, code, name and period locked;
 *            input cells that take numbers only (rates 0–100); a 合计 row of SUM formulas; a
 *            sign-off line. The sheet is protected without a password, so only input cells change.
 *   指标口径  each indicator's unit, definition and roll-up rule.
 *   填报说明  how to fill it in and send it back.
 *
 * Every text comes in `texts` (the UI language's messages), so the builder stays free of i18n.
 */
import type { Cell, Worksheet } from 'exceljs'
import type { AggregationRule, Indicator, Region } from '@/domain/types'
import { loadExcel } from '@/data/exceljs'
import { numberFormat } from './data'

export interface TemplateTexts {
  title: string
  unitLine: string
  code: string
  region: string
  period: string
  total: string
  signature: string
  sheetData: string
  sheetDefinitions: string
  sheetHelp: string
  definitionHead: readonly string[]
  rules: Record<AggregationRule['kind'], string>
  numbersOnly: string
  rateOnly: string
  help: readonly string[]
}

export interface TemplateSpec {
  /** One row each. */
  regions: readonly Region[]
  period: string
  indicators: readonly Indicator[]
  /** Indicator name and definition in the UI language. */
  name: (ind: Indicator) => string
  definition: (ind: Indicator) => string
  texts: TemplateTexts
}

const LOCKED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } } as const
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } } as const
const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
/** Printed on A4 landscape, as wide as the page, as many pages down as it takes. */
const PRINT = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as const
/** 行政区划代码 | 地区 | 期间, then the indicators. */
const FIRST_VALUE_COLUMN = 4
const HEADER_ROW = 3

/** The heading an indicator's column carries: its name and unit, as the importer matches them. */
export function templateHeading(name: string, ind: Indicator): string {
  return `${name}（${ind.unit}）`
}

export async function buildTemplate(spec: TemplateSpec): Promise<Blob> {
  const { Workbook } = await loadExcel()
  const wb = new Workbook()
  wb.creator = '工会数据看板'
  const ws = wb.addWorksheet(spec.texts.sheetData, { views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }], pageSetup: PRINT })
  ws.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`
  writeReturn(ws, spec)
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true })
  writeDefinitions(wb.addWorksheet(spec.texts.sheetDefinitions, { pageSetup: PRINT }), spec)
  const help = wb.addWorksheet(spec.texts.sheetHelp, { pageSetup: PRINT })
  help.getColumn(1).width = 90
  spec.texts.help.forEach((line, i) => (help.getCell(i + 1, 1).value = line))
  const buffer = await wb.xlsx.writeBuffer()
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
}

function writeReturn(ws: Worksheet, spec: TemplateSpec) {
  const { texts, indicators, regions } = spec
  const width = FIRST_VALUE_COLUMN - 1 + indicators.length
  ws.mergeCells(1, 1, 1, width)
  Object.assign(ws.getCell(1, 1), { value: texts.title, font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } })
  ws.getCell(2, 1).value = texts.unitLine
  const heads = [texts.code, texts.region, texts.period, ...indicators.map((i) => templateHeading(spec.name(i), i))]
  heads.forEach((h, k) => {
    const cell = ws.getCell(HEADER_ROW, k + 1)
    Object.assign(cell, { value: h, font: { bold: true }, fill: HEAD_FILL, border: BORDER, alignment: { wrapText: true, vertical: 'middle', horizontal: 'center' } })
    const ind = indicators[k - (FIRST_VALUE_COLUMN - 1)]
    if (ind) cell.note = `${spec.name(ind)}（${ind.unit}）\n${spec.definition(ind)}`
  })
  ws.getRow(HEADER_ROW).height = 36
  ws.getColumn(1).width = 14
  ws.getColumn(2).width = 14
  ws.getColumn(3).width = 10
  indicators.forEach((ind, k) => (ws.getColumn(FIRST_VALUE_COLUMN + k).width = Math.max(12, Math.min(28, heads[FIRST_VALUE_COLUMN - 1 + k]!.length * 2))))

  const first = HEADER_ROW + 1
  regions.forEach((r, i) => {
    const row = first + i
    locked(ws.getCell(row, 1), r.adcode)
    locked(ws.getCell(row, 2), r.name)
    locked(ws.getCell(row, 3), spec.period)
    indicators.forEach((ind, k) => input(ws.getCell(row, FIRST_VALUE_COLUMN + k), ind, texts))
    ws.getRow(row).height = 20
  })
  const last = first + regions.length - 1
  const total = last + 1
  locked(ws.getCell(total, 1), null)
  locked(ws.getCell(total, 2), texts.total)
  locked(ws.getCell(total, 3), spec.period)
  indicators.forEach((ind, k) => {
    const col = FIRST_VALUE_COLUMN + k
    const letter = ws.getColumn(col).letter
    // Only what adds up has a total; a rate's total is not a sum (the dashboard rolls it up itself).
    locked(ws.getCell(total, col), ind.aggregation.kind === 'sum' ? { formula: `SUM(${letter}${first}:${letter}${last})` } : null)
    ws.getCell(total, col).numFmt = indicatorFormat(ind)
  })
  ws.getRow(total).height = 20
  ws.getCell(total + 2, 1).value = texts.signature
}

function locked(cell: Cell, value: Cell['value']) {
  Object.assign(cell, { value, fill: LOCKED_FILL, border: BORDER, protection: { locked: true } })
}

function input(cell: Cell, ind: Indicator, texts: TemplateTexts) {
  const rate = ind.unit === '%'
  Object.assign(cell, {
    border: BORDER,
    numFmt: indicatorFormat(ind),
    protection: { locked: false },
    dataValidation: {
      type: 'decimal',
      operator: rate ? 'between' : 'greaterThanOrEqual',
      allowBlank: true,
      formulae: rate ? [0, 100] : [0],
      showErrorMessage: true,
      errorStyle: 'stop',
      error: rate ? texts.rateOnly : texts.numbersOnly,
      showInputMessage: true,
      prompt: rate ? texts.rateOnly : texts.numbersOnly,
    },
  })
}

/** Rates are typed as percentages (91.6), so no percent format: 0.0, never 0.0%. */
const indicatorFormat = (ind: Indicator): string => numberFormat(ind.decimals)

function writeDefinitions(ws: Worksheet, spec: TemplateSpec) {
  ws.addRow([...spec.texts.definitionHead]).font = { bold: true }
  for (const ind of spec.indicators) {
    const row = ws.addRow([spec.name(ind), ind.unit, spec.definition(ind), spec.texts.rules[ind.aggregation.kind]])
    row.alignment = { wrapText: true, vertical: 'top' }
    // Spreadsheets do not all grow a row to its wrapped text: about 30 Chinese characters a line.
    row.height = 16 * Math.max(1, Math.ceil(spec.definition(ind).length / 34))
  }
  ws.getColumn(1).width = 22
  ws.getColumn(2).width = 8
  ws.getColumn(3).width = 64
  ws.getColumn(4).width = 22
}
