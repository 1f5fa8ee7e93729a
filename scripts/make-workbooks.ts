/**
 * Writes the workbook fixtures of e2e/workbooks.spec.ts and src/data/workbook/fixtures.spec.ts:
 * statistics workbooks laid out for printing, as district federations keep them, each with the
 * facts it must import (`<name>.expected.csv`, tidy CSV as the dashboard exports it, sorted) and
 * what the preview must say about it (`cases.json`).
 *
 *   title-two-row-header.xlsx  a merged title, 单位/填报单位 line, a two-row header under merged group
 *                              headings, a 合计 row of formulas, notes and 填报人 lines under it
 *   three-row-header.xlsx      a three-row header (地区 merged down through it)
 *   unit-yuan.xlsx             单位：元 above the table: money converted to 万元, people left alone
 *   cells.xlsx                 percent, date, text-number and formula cells, a formula with no value
 *   hidden-column.xlsx         a hidden column of last year's figures under the same heading, a hidden row
 *   merged-regions.xlsx        a long table whose region cells are merged down
 *   month-dots.xlsx            a month column of 2023.1, 2023.11, 2023.12 (the 2023.10 trap)
 *   month-dot-ambiguous.xlsx   a month column of 2023.1 alone: asked, read as chosen
 *   sheets-by-year.xlsx        a cover sheet, one sheet per year, an instructions sheet
 *   sheets-by-city.xlsx        one sheet per city, each a table of its districts
 *   workbook-named.csv         a workbook saved under a .csv name
 *
 * Run with `npx tsx scripts/make-workbooks.ts`; the outputs are committed.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'

const OUT = new URL('../e2e/fixtures/workbooks/', import.meta.url)
mkdirSync(OUT, { recursive: true })

type Fact = [adcode: string, name: string, period: string, indicator: string, value: number | null]

interface Case {
  file: string
  what: string
  /** Texts the preview must show (notes, readings). */
  preview: string[]
  /** A choice the user makes in the preview before the facts are as expected. */
  choose?: { dots: 'october' | 'january' }
}

const cases: Case[] = []
const FIXED_DATE = new Date(Date.UTC(2024, 0, 10))

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = '扬州市总工会'
  wb.created = FIXED_DATE
  wb.modified = FIXED_DATE
  return wb
}

async function save(wb: ExcelJS.Workbook, file: string, facts: Fact[], c: Omit<Case, 'file'>, source = file) {
  await wb.xlsx.writeFile(new URL(file, OUT).pathname)
  writeExpected(file, facts, source)
  cases.push({ file, ...c })
}

function writeExpected(file: string, facts: Fact[], source: string) {
  const lines = facts.map(([code, name, period, ind, v]) => [code, name, period, ind, v === null ? '' : String(v), source].join(','))
  lines.sort()
  writeFileSync(new URL(`${file}.expected.csv`, OUT), `region_code,region_name,period,indicator,value,source\n${lines.join('\n')}\n`)
}

const YZ: [string, string][] = [
  ['321012', '江都区'],
  ['321081', '仪征市'],
  ['321084', '高邮市'],
]

// ── A title, a two-row header under merged headings, 合计 of formulas, notes below ──────────
{
  const wb = book()
  const ws = wb.addWorksheet('统计表')
  ws.mergeCells('A1:F1')
  ws.getCell('A1').value = '2023年扬州市各区工会工作统计表'
  ws.getCell('A2').value = '填报单位：扬州市总工会'
  ws.getCell('E2').value = '单位：万元'
  ws.mergeCells('A3:A4')
  ws.getCell('A3').value = '地区'
  ws.mergeCells('B3:C3')
  ws.getCell('B3').value = '职工'
  ws.getCell('B4').value = '总数（人）'
  ws.getCell('C4').value = '稳定率（%）'
  ws.mergeCells('D3:E3')
  ws.getCell('D3').value = '帮扶'
  ws.getCell('D4').value = '金额（万元）'
  ws.getCell('E4').value = '特困职工户数'
  ws.mergeCells('F3:F4')
  ws.getCell('F3').value = '备注'
  const rows: [string, number, number, number, number][] = [
    ['江都区', 120000, 92.1, 88.5, 310],
    ['仪征市', 80000, 90.5, 40.2, 150],
    ['高邮市', 70000, 91, 35, 120],
  ]
  rows.forEach((r, i) => ws.getRow(5 + i).values = [...r, i === 0 ? '含开发区' : null])
  ws.getRow(8).values = ['合计']
  for (const [col, result] of [['B', 270000], ['D', 163.7], ['E', 580]] as const) ws.getCell(`${col}8`).value = { formula: `SUM(${col}5:${col}7)`, result }
  ws.getCell('A10').value = '注：本表数据截至2023年12月31日。'
  ws.getCell('A11').value = '填报人：张三'
  ws.getCell('C11').value = '审核人：李四'
  ws.getCell('E11').value = '填报日期：2024年1月10日'
  const facts: Fact[] = YZ.flatMap(([code, name], i) => [
    [code, name, '2023', 'total_workers', rows[i]![1]],
    [code, name, '2023', 'worker_stability_rate', rows[i]![2]],
    [code, name, '2023', 'relief_amount', rows[i]![3]],
    [code, name, '2023', 'hardship_households', rows[i]![4]],
  ])
  await save(wb, 'title-two-row-header.xlsx', facts, {
    what: 'a merged title, a two-row header under merged headings, a 合计 row of formulas, notes and signatures below',
    preview: ['职工 / 总数（人）', '帮扶 / 金额（万元）', '标题行：第 1 行', '期间读自标题：2023'],
  })
  copyFileSync(new URL('title-two-row-header.xlsx', OUT), new URL('workbook-named.csv', OUT))
  writeExpected('workbook-named.csv', facts, 'workbook-named.csv')
  cases.push({ file: 'workbook-named.csv', what: 'a workbook saved under a .csv name', preview: ['文件名是 .csv，内容却是 xlsx 格式'] })
}

// ── A three-row header ──────────────────────────────────────────────────────────────────────
{
  const wb = book()
  const ws = wb.addWorksheet('Sheet1')
  ws.mergeCells('A1:E1')
  ws.getCell('A1').value = '泰州市各市（区）职工技能提升情况表（2023年度）'
  ws.mergeCells('A2:A4')
  ws.getCell('A2').value = '地区'
  ws.mergeCells('B2:E2')
  ws.getCell('B2').value = '技能提升'
  ws.mergeCells('B3:C3')
  ws.getCell('B3').value = '职工'
  ws.getCell('B4').value = '技能提升职工（人）'
  ws.getCell('C4').value = '技能提升率（%）'
  ws.mergeCells('D3:E3')
  ws.getCell('D3').value = '竞赛'
  ws.getCell('D4').value = '区级技能大赛（项）'
  ws.getCell('E4').value = '五小创新成果（件）'
  const data: [string, string, number, number, number, number][] = [
    ['321202', '海陵区', 5200, 18.4, 6, 41],
    ['321203', '高港区', 3100, 16.2, 4, 25],
    ['321204', '姜堰区', 4800, 15.9, 5, 33],
  ]
  data.forEach(([, name, ...v], i) => (ws.getRow(5 + i).values = [name, ...v]))
  const facts: Fact[] = data.flatMap(([code, name, a, b, c, d]) => [
    [code, name, '2023', 'skilled_upgraded_workers', a],
    [code, name, '2023', 'skill_upgrade_rate', b],
    [code, name, '2023', 'skill_contests', c],
    [code, name, '2023', 'innovation_results', d],
  ])
  await save(wb, 'three-row-header.xlsx', facts, {
    what: 'a three-row header under a title, 地区 merged down through it',
    preview: ['技能提升 / 职工 / 技能提升职工（人）', '表头在第 2—4 行'],
  })
}

// ── 单位：元 over the table ─────────────────────────────────────────────────────────────────
{
  const wb = book()
  const ws = wb.addWorksheet('帮扶')
  ws.getCell('A1').value = '2023年帮扶慰问情况'
  ws.getCell('D2').value = '单位：元'
  ws.getRow(3).values = ['地区', '年份', '帮扶慰问金额', '劳模慰问金', '职工总数（人）']
  const data: [string, string, number, number, number][] = [
    ['321002', '广陵区', 1234500, 86000, 95000],
    ['321003', '邗江区', 987650, 54300, 88000],
  ]
  data.forEach(([, name, a, b, c], i) => (ws.getRow(4 + i).values = [name, 2023, a, b, c]))
  const facts: Fact[] = data.flatMap(([code, name, a, b, c]) => [
    [code, name, '2023', 'relief_amount', a / 10000],
    [code, name, '2023', 'model_worker_funds', b / 10000],
    [code, name, '2023', 'total_workers', c],
  ])
  await save(wb, 'unit-yuan.xlsx', facts, { what: '单位：元 above the table: money to 万元, people unchanged', preview: ['元 → 万元，÷10,000'] })
}

// ── Cell types and formats ──────────────────────────────────────────────────────────────────
{
  const wb = book()
  const ws = wb.addWorksheet('数据')
  ws.getRow(1).values = ['地区', '年份', '职工稳定率', '法律援助办结案件', '五一劳动奖章', '职工互助保障参保']
  const years = [new Date(Date.UTC(2023, 11, 31)), new Date(Date.UTC(2023, 0, 1)), new Date(Date.UTC(2023, 5, 30))]
  const rows: [string, string, number, string, number, number | null][] = [
    ['321002', '广陵区', 0.916, '1,234', 7, 20100],
    ['321003', '邗江区', 0.902, '56', 9, 18800],
    ['321023', '宝应县', 0.887, '０４２', 3, null],
  ]
  rows.forEach(([, name, rate, legal, medals], i) => {
    const r = ws.getRow(2 + i)
    r.getCell(1).value = name
    r.getCell(2).value = years[i]!
    r.getCell(2).numFmt = 'yyyy"年"'
    r.getCell(3).value = rate
    r.getCell(3).numFmt = '0.0%'
    r.getCell(4).value = legal
    r.getCell(5).value = { formula: `${medals - 1}+1`, result: medals }
    r.getCell(6).value = rows[i]![5] === null ? { formula: 'B99*2' } : rows[i]![5]
  })
  const facts: Fact[] = rows.flatMap(([code, name, rate, legal, medals, insured]) => [
    [code, name, '2023', 'worker_stability_rate', Math.round(rate * 1000) / 10],
    [code, name, '2023', 'legal_aid_cases', Number(legal.normalize('NFKC').replace(',', ''))],
    [code, name, '2023', 'may_day_medals', medals],
    [code, name, '2023', 'mutual_insurance_enrolled', insured],
  ])
  await save(wb, 'cells.xlsx', facts, { what: 'percent, date, text-number and formula cells, one formula without a value', preview: ['百分比格式', '按年份读取', '公式 =B99*2 没有保存计算结果'] })
}

// ── A hidden column repeating a heading, a hidden row ───────────────────────────────────────
{
  const wb = book()
  const ws = wb.addWorksheet('2023')
  ws.getRow(1).values = ['地区', '年份', '职工总数（人）', '职工总数（人）', '五一劳动奖章']
  ws.getColumn(3).hidden = true
  const data: [string, string, number, number, number][] = [
    ['321002', '广陵区', 91000, 95000, 6],
    ['321003', '邗江区', 84000, 88000, 9],
    ['321023', '宝应县', 60000, 62000, 4],
  ]
  data.forEach(([, name, last, now, medals], i) => (ws.getRow(2 + i).values = [name, 2023, last, now, medals]))
  ws.getRow(4).hidden = true
  const facts: Fact[] = data.flatMap(([code, name, , now, medals]) => [
    [code, name, '2023', 'total_workers', now],
    [code, name, '2023', 'may_day_medals', medals],
  ])
  await save(wb, 'hidden-column.xlsx', facts, { what: 'a hidden column of last year under the same heading, a hidden row', preview: ['隐藏列 C', '隐藏行：第 4 行'] })
}

// ── A long table with its region cells merged down ──────────────────────────────────────────
{
  const wb = book()
  const ws = wb.addWorksheet('长表')
  ws.getRow(1).values = ['地区', '年份', '指标', '数值']
  const inds: [string, string][] = [
    ['legal_aid_cases', '法律援助办结案件'],
    ['may_day_medals', '五一劳动奖章获得者'],
    ['care_jobs', '爱心岗位'],
  ]
  const data: [string, string, number[]][] = [
    ['321012', '江都区', [45, 12, 30]],
    ['321081', '仪征市', [31, 8, 22]],
  ]
  data.forEach(([, name, values], k) => {
    const top = 2 + k * 3
    ws.mergeCells(`A${top}:A${top + 2}`)
    ws.getCell(`A${top}`).value = name
    ws.mergeCells(`B${top}:B${top + 2}`)
    ws.getCell(`B${top}`).value = 2023
    values.forEach((v, i) => {
      ws.getCell(`C${top + i}`).value = inds[i]![1]
      ws.getCell(`D${top + i}`).value = v
    })
  })
  const facts: Fact[] = data.flatMap(([code, name, values]) => values.map((v, i): Fact => [code, name, '2023', inds[i]![0], v]))
  await save(wb, 'merged-regions.xlsx', facts, { what: 'a long table whose region and year cells are merged down', preview: ['合并单元格已向下填充'] })
}

// ── The 2023.10 trap ────────────────────────────────────────────────────────────────────────
{
  const wb = book()
  const ws = wb.addWorksheet('月报')
  ws.getRow(1).values = ['地区', '年月', '帮扶慰问金额（万元）']
  const data: [number, number][] = [
    [2023.1, 12.5],
    [2023.11, 8.25],
    [2023.12, 30],
  ]
  data.forEach(([month, v], i) => (ws.getRow(2 + i).values = ['江都区', month, v]))
  const facts: Fact[] = data.map(([, v], i): Fact => ['321012', '江都区', `2023-${10 + i}`, 'relief_amount', v])
  await save(wb, 'month-dots.xlsx', facts, { what: 'a month column of 2023.1, 2023.11, 2023.12: October to December', preview: ['读作 10 月（同列其他月份是这样写的）'] })
}
{
  const wb = book()
  const ws = wb.addWorksheet('月报')
  ws.getRow(1).values = ['地区', '年月', '帮扶慰问金额（万元）']
  ws.getRow(2).values = ['江都区', 2023.1, 12.5]
  ws.getRow(3).values = ['仪征市', 2023.1, 6]
  const facts: Fact[] = [
    ['321012', '江都区', '2023-10', 'relief_amount', 12.5],
    ['321081', '仪征市', '2023-10', 'relief_amount', 6],
  ]
  await save(wb, 'month-dot-ambiguous.xlsx', facts, { what: 'a month column of 2023.1 alone: January or October is asked', preview: ['读作 10 月（按您的选择）'], choose: { dots: 'october' } })
}

// ── Several sheets: a cover, one per year, instructions ─────────────────────────────────────
{
  const wb = book()
  const cover = wb.addWorksheet('封面')
  cover.getCell('B4').value = '扬州市工会工作统计年报'
  cover.getCell('B6').value = '扬州市总工会 编'
  const years: [string, number[][]][] = [
    ['2022年', [[40, 10], [28, 7]]],
    ['2023年', [[45, 12], [31, 8]]],
  ]
  for (const [name, values] of years) {
    const ws = wb.addWorksheet(name)
    ws.mergeCells('A1:C1')
    ws.getCell('A1').value = `${name.slice(0, 4)}年各区法律援助与劳模情况`
    ws.getRow(2).values = ['区县', '法律援助办结案件', '五一劳动奖章']
    YZ.slice(0, 2).forEach(([, n], i) => (ws.getRow(3 + i).values = [n, ...values[i]!]))
  }
  wb.addWorksheet('填表说明').getCell('A1').value = '1. 各区按年度填报。'
  const facts: Fact[] = years.flatMap(([name, values]) =>
    YZ.slice(0, 2).flatMap(([code, n], i): Fact[] => [
      [code, n, name.slice(0, 4), 'legal_aid_cases', values[i]![0]!],
      [code, n, name.slice(0, 4), 'may_day_medals', values[i]![1]!],
    ]),
  )
  await save(wb, 'sheets-by-year.xlsx', facts, { what: 'a cover, one sheet per year, an instructions sheet', preview: ['封面或说明，不导入', '名称读作期间 2022', '名称读作期间 2023'] })
}

// ── Several sheets: one per city ────────────────────────────────────────────────────────────
{
  const wb = book()
  const cities: [string, [string, string, number][]][] = [
    ['扬州市', [['321002', '广陵区', 15], ['321003', '邗江区', 18]]],
    ['泰州市', [['321202', '海陵区', 21], ['321203', '高港区', 11]]],
  ]
  for (const [city, rows] of cities) {
    const ws = wb.addWorksheet(city)
    ws.getRow(1).values = ['县（市、区）', '年份', '户外劳动者服务站']
    rows.forEach(([, n, v], i) => (ws.getRow(2 + i).values = [n, 2023, v]))
  }
  const facts: Fact[] = cities.flatMap(([, rows]) => rows.map(([code, n, v]): Fact => [code, n, '2023', 'outdoor_stations', v]))
  await save(wb, 'sheets-by-city.xlsx', facts, { what: 'one sheet per city, each a table of its districts', preview: ['名称读作地区 扬州市', '名称读作地区 泰州市'] })
}

writeFileSync(new URL('cases.json', OUT), `${JSON.stringify({ cases }, null, 2)}\n`)
console.log(`wrote ${cases.length} workbook fixtures to ${OUT.pathname}`)
