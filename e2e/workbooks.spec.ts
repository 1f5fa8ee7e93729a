import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'

/**
 * Statistics workbooks as district federations keep them, imported through the dialog: each
 * fixture (written by scripts/make-workbooks.ts) must give exactly the facts of its
 * `.expected.csv`, compared on the dashboard's own tidy CSV export. Then the reporting template:
 * downloaded, filled in by script as a district would, imported back with no mapping; and several
 * returns imported at once.
 */
test.use({ testIdAttribute: 'data-test' })

const DIR = new URL('./fixtures/workbooks/', import.meta.url)
const fixture = (name: string) => new URL(name, DIR).pathname
const { cases } = JSON.parse(readFileSync(new URL('cases.json', DIR), 'utf8')) as {
  cases: { file: string; what: string; preview: string[]; choose?: { dots: 'october' | 'january' } }[]
}

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

async function openPreview(page: Page, files: string | string[] | { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByTestId('import-file').setInputFiles(files)
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByTestId('import-counts')).toBeVisible()
  return dialog
}

async function confirm(page: Page) {
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
}

/** The dataset shown, as the dashboard exports it: data lines sorted, without the header. */
async function exportedFacts(page: Page): Promise<string[]> {
  await page.getByTestId('datasets-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-tidy').click()
  const text = readFileSync(await (await download).path(), 'utf8')
  await page.keyboard.press('Escape')
  return text.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).sort()
}

const expected = (file: string) => readFileSync(fixture(`${file}.expected.csv`), 'utf8').trim().split('\n').slice(1).sort()

// Files are imported one after another in a page, as an office imports its returns: each import
// must show exactly its own figures, whatever was imported before it.
const GROUPS = 3
for (let g = 0; g < GROUPS; g++) {
  const group = cases.filter((_, i) => i % GROUPS === g)
  test(`imports, one after another: ${group.map((c) => c.file).join(', ')}`, async ({ page }) => {
    test.setTimeout(30_000 + group.length * 20_000)
    const errors = watchErrors(page)
    await page.goto('./')
    await ready(page)
    for (const c of group) {
      await test.step(`${c.file}: ${c.what}`, async () => {
        const dialog = await openPreview(page, fixture(c.file))
        if (c.choose) {
          await expect(dialog.getByTestId('count-rejected')).toBeVisible()
          await dialog.getByTestId(`dots-${c.choose.dots}`).first().click()
          await expect(dialog.getByTestId('count-rejected')).toHaveCount(0)
        }
        for (const text of c.preview) await expect(dialog).toContainText(text)
        await expect(dialog.getByTestId('count-facts')).toContainText(String(expected(c.file).length))
        await confirm(page)
        expect(await exportedFacts(page)).toEqual(expected(c.file))
        expect(errors, c.file).toEqual([])
      })
    }
  })
}

test('the header row can be moved, and found again', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const dialog = await openPreview(page, fixture('title-two-row-header.xlsx'))
  const picker = dialog.getByTestId('header-picker')
  await expect(picker.getByTestId('header-status')).toHaveText('自动识别：表头在第 3—4 行')
  await expect(picker.locator('tr[data-row="1"]')).toContainText('跳过')
  await picker.getByTestId('header-row-4').click()
  await expect(picker.getByTestId('header-status')).toHaveText('手动指定：表头在第 4—5 行')
  await picker.getByTestId('header-rows').click()
  await page.locator('.n-base-select-option', { hasText: /^1$/ }).click()
  await expect(picker.getByTestId('header-status')).toHaveText('手动指定：表头在第 4 行')
  await expect(dialog.getByTestId('column-mapping')).toContainText('总数（人）')
  await expect(picker.locator('tr[data-row="3"]')).toContainText('跳过')
  await picker.getByTestId('header-auto').click()
  await expect(picker.getByTestId('header-status')).toHaveText('自动识别：表头在第 3—4 行')
  await expect(dialog.getByTestId('count-facts')).toContainText('12')
})

test('one sheet of several can be chosen', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const dialog = await openPreview(page, fixture('sheets-by-year.xlsx'))
  await expect(dialog.getByTestId('sheets-as')).toBeVisible()
  await expect(dialog.getByTestId('count-facts')).toContainText('8')
  await dialog.getByTestId('sheet-2022年').click()
  await expect(dialog.getByTestId('count-facts')).toContainText('4')
  await expect(dialog.getByTestId('sheets-as')).toHaveCount(0)
  await confirm(page)
  expect(await exportedFacts(page)).toEqual(expected('sheets-by-year.xlsx').filter((l) => l.includes(',2023,')))
})

/** Fills a downloaded template as a district's statistician does; returns the facts it holds. */
async function fillTemplate(path: string, out: string, rows: readonly number[], value: (row: number, col: number, heading: string) => number) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const ws = wb.worksheets[0]!
  const heads = (ws.getRow(3).values as unknown[]).slice(1).map(String)
  const facts: { code: string; name: string; period: string; heading: string; value: number }[] = []
  let totalRow = 0
  ws.eachRow((row, r) => {
    if (row.getCell(2).value === '合计') totalRow = r
  })
  const sums = new Map<number, number>()
  for (const r of rows) {
    for (let c = 4; c <= heads.length; c++) {
      const v = value(r, c, heads[c - 1]!)
      ws.getCell(r, c).value = v
      sums.set(c, (sums.get(c) ?? 0) + v)
      facts.push({ code: String(ws.getCell(r, 1).value), name: String(ws.getCell(r, 2).value), period: String(ws.getCell(r, 3).value), heading: heads[c - 1]!, value: v })
    }
  }
  // As Excel saves a workbook: each 合计 formula with its computed result.
  for (let c = 4; c <= heads.length; c++) {
    const cell = ws.getCell(totalRow, c)
    const f = cell.value as { formula?: string } | null
    if (f?.formula) cell.value = { formula: f.formula, result: sums.get(c) ?? 0 }
  }
  await wb.xlsx.writeFile(out)
  return facts
}

/** Figures a district could report: rates within 0–100, the workforce above any of its parts. */
const plausible = (r: number, c: number, heading: string) => (heading.endsWith('（%）') ? 80 + ((r + c) % 19) + 0.5 : heading.startsWith('职工总数') ? 100000 + r : r * 100 + c)

async function downloadTemplate(page: Page, region: string, period: string): Promise<string> {
  await page.getByTestId('template-button').first().click()
  const form = page.getByTestId('template-dialog')
  await form.getByTestId('template-region').click()
  await page.keyboard.type(region)
  await page.locator('.n-base-select-option', { hasText: new RegExp(`^${region}$`) }).click()
  await form.getByTestId('template-period').locator('input').fill(period)
  await form.getByTestId('template-period').locator('input').press('Tab')
  const download = page.waitForEvent('download')
  await form.getByTestId('template-download').click()
  const file = await (await download).path()
  await form.getByTestId('template-close').click()
  return file
}

test('the reporting template imports back with no mapping: every figure lands, the 合计 row is checked', async ({ page }, info) => {
  const errors = watchErrors(page)
  await page.goto('./')
  await ready(page)
  const template = await downloadTemplate(page, '扬州市', '2023')
  const filled = info.outputPath('扬州市-2023-填报.xlsx')
  const facts = await fillTemplate(template, filled, [4, 5, 6, 7, 8, 9], plausible)
  const dialog = await openPreview(page, filled)
  // Zero mapping: every column matched by name and unit, nothing chosen by hand, nothing left out.
  await expect(dialog.getByTestId('column-mapping')).not.toContainText('未匹配')
  await expect(dialog.getByTestId('count-rejected')).toHaveCount(0)
  await expect(dialog.getByTestId('count-facts')).toContainText(String(facts.length))
  await expect(dialog).toContainText('合计行 1 行')
  await expect(dialog).toContainText('没有发现问题')
  await confirm(page)
  const exported = await exportedFacts(page)
  expect(exported).toHaveLength(facts.length)
  for (const f of facts) expect(exported).toContainEqual(expect.stringMatching(new RegExp(`^${f.code},${f.name},${f.period},[a-z_]+,${f.value},`)))
  expect(errors).toEqual([])
})

test('several returns imported at once combine into one dataset; a conflict names both files', async ({ page }, info) => {
  await page.goto('./')
  await ready(page)
  const template = await downloadTemplate(page, '扬州市', '2023')
  // 广陵区 (row 4) and 邗江区 (row 5) each fill their own row; 邗江区 also fills 广陵区's first figure, differently.
  const a = info.outputPath('广陵区.xlsx')
  const b = info.outputPath('邗江区.xlsx')
  const factsA = await fillTemplate(template, a, [4], (r, c, h) => (h.endsWith('（%）') ? 90.5 : h.startsWith('职工总数') ? 100000 : 1000 + c))
  const factsB = await fillTemplate(template, b, [5], (r, c, h) => (h.endsWith('（%）') ? 88.5 : h.startsWith('职工总数') ? 90000 : 2000 + c))
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(b)
  wb.worksheets[0]!.getCell(4, 4).value = 999
  await wb.xlsx.writeFile(b)
  const dialog = await openPreview(page, [a, b])
  await expect(page.getByTestId('import-dialog').locator('h2')).toContainText('2 个文件')
  const problems = dialog.getByTestId('problem-list')
  await expect(problems).toContainText('“邗江区.xlsx”中广陵区 2023 职工总数为 999，“广陵区.xlsx”中为 100000')
  await expect(dialog.getByTestId('count-facts')).toContainText(String(factsA.length * 6))
  await confirm(page)
  const exported = await exportedFacts(page)
  // Each district's own figures, the first return's value where they differ, blanks for the rest.
  expect(exported.filter((l) => (l.split(',')[4] ?? '') !== '')).toHaveLength(factsA.length + factsB.length)
  expect(exported).toContainEqual('321002,广陵区,2023,total_workers,100000,广陵区.xlsx')
})

test('a custom indicator named in the link survives a reload', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const dialog = await openPreview(page, new URL('./fixtures/import/wide-gbk.csv', import.meta.url).pathname)
  await dialog.getByTestId('map-职工书屋数量').click()
  await page.locator('.n-base-select-option', { hasText: '新建自定义指标' }).click()
  await expect(dialog.getByTestId('column-mapping')).toContainText('手动选择')
  await confirm(page)
  await ready(page)
  await page.getByTestId('indicator-select').click()
  await page.keyboard.type('职工书屋数量')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/indicator=custom_/)
  const url = page.url()
  await page.reload()
  await ready(page)
  await expect(page).toHaveURL(url)
  await expect(page.getByTestId('indicator-select')).toContainText('职工书屋数量')
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toHaveText('60个')
})

test('5,000 columns: the mapping pages and stays usable', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const heads = ['地区', '年份', ...Array.from({ length: 5000 }, (_, i) => `指标${i + 1}`)]
  const rows = ['江都区', '仪征市'].map((r) => [r, '2023', ...Array.from({ length: 5000 }, (_, i) => String(i))].join(','))
  const buffer = Buffer.from([heads.join(','), ...rows].join('\n'))
  const dialog = await openPreview(page, [{ name: 'wide-5000.csv', mimeType: 'text/csv', buffer }])
  const table = dialog.getByTestId('column-mapping')
  await expect(table).toContainText('共 5000 列')
  await expect(table.locator('tbody tr')).toHaveCount(25)
  await table.locator('.n-pagination-item', { hasText: /^3$/ }).click()
  await expect(table).toContainText('指标51')
  await table.getByTestId('map-指标51').click()
  await page.locator('.n-base-select-option', { hasText: '不导入此列' }).last().click()
  await expect(table.locator('tbody tr', { hasText: '指标51' }).first()).toContainText('不导入此列')
  // The filter finds a column on any page.
  await dialog.getByTestId('column-filter').locator('input').fill('指标4321')
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table).toContainText('指标4321')
})
