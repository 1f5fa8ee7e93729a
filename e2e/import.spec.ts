import { readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'

/**
 * Importing a union office's own files. The fixtures are in e2e/fixtures/import; the binary ones
 * (GBK, UTF-16LE, xlsx) are written by scripts/make-fixtures.ts and committed.
 */
test.use({ testIdAttribute: 'data-test' })

const FIXTURES = new URL('./fixtures/import/', import.meta.url)
const fixture = (name: string) => new URL(name, FIXTURES).pathname

function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

async function ready(page: Page) {
  await expect(page.locator('[data-test="map-panel"] canvas').first()).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
}

async function openPreview(page: Page, name: string) {
  await page.getByTestId('import-file').setInputFiles(fixture(name))
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('import-counts')).toBeVisible()
  return dialog
}

async function confirm(page: Page) {
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
}

async function kpi(page: Page, query: string) {
  await page.goto(`./#/?${query}`)
  await ready(page)
  return page.getByTestId('kpi-selected').getByTestId('kpi-value')
}

async function exportTidy(page: Page): Promise<string> {
  await page.getByTestId('datasets-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-tidy').click()
  const file = await (await download).path()
  await page.keyboard.press('Escape')
  return readFileSync(file, 'utf8')
}

test('a GBK wide CSV from Chinese Excel: preview, mapping, confirm, dashboard, tidy export, re-import', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('./')
  await ready(page)
  const dialog = await openPreview(page, 'wide-gbk.csv')
  await expect(dialog.getByTestId('import-encoding')).toContainText('GBK')
  await expect(dialog.getByTestId('import-delimiter')).toContainText('逗号')
  await expect(dialog.getByTestId('import-shape')).toHaveAttribute('data-shape', 'wide')
  await expect(dialog.getByTestId('count-rejected')).toContainText('1')
  // Every problem names its row and column and says what to do.
  const problems = dialog.getByTestId('problem-list')
  await expect(problems).toContainText('无法识别地区“火星区”')
  await expect(problems).toContainText('合计行为 270001，各行之和为 270000')
  await expect(problems).toContainText('五一劳动奖章为负数（-3）')
  await expect(dialog.getByTestId('region-matches')).toContainText('火星区')

  // The problem list downloads as CSV.
  const reportDownload = page.waitForEvent('download')
  await dialog.getByTestId('download-report').click()
  const report = readFileSync(await (await reportDownload).path(), 'utf8')
  expect(report).toMatch(/^\uFEFF文件,行,列,级别,代码,问题与处理办法,原文\r\n/)
  expect(report).toContain('wide-gbk.csv,5,地区,未导入,unknownRegion,无法识别地区“火星区”,火星区')

  // An unmatched column becomes a custom indicator.
  await dialog.getByTestId('map-职工书屋数量').click()
  await page.locator('.n-base-select-option', { hasText: '新建自定义指标' }).click()
  await expect(dialog.getByTestId('column-mapping')).toContainText('手动选择')
  await expect(dialog.getByTestId('count-facts')).toContainText('15')
  await dialog.getByTestId('import-name').locator('input').fill('扬州三区 2023')
  await confirm(page)
  await expect(page.getByTestId('data-notice')).toContainText('正在显示“扬州三区 2023”的数据')
  await expect(page.getByTestId('sample-notice')).toHaveCount(0)
  // The custom indicator is offered in the filters right away and adds up across the districts.
  await ready(page)
  await page.getByTestId('indicator-select').click()
  await page.keyboard.type('职工书屋数量')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toHaveText('60个')

  // Survives a reload (IndexedDB) and shows the file's values.
  await expect(await kpi(page, 'region=321012&indicator=may_day_medals&period=2023')).toHaveText('12人')
  await expect(page.getByTestId('data-notice')).toContainText('扬州三区 2023')
  // 扬州市 rolls up its districts: 12 + 8 − 3.
  await expect(await kpi(page, 'region=321000&indicator=may_day_medals&period=2023')).toHaveText('17人')

  const tidy = await exportTidy(page)
  expect(tidy.startsWith('\uFEFFregion_code,region_name,period,indicator,value,source\r\n')).toBe(true)
  expect(tidy).toContain('321012,江都区,2023,may_day_medals,12,wide-gbk.csv\r\n')
  expect(tidy).toContain('321084,高邮市,2023,may_day_medals,-3,wide-gbk.csv\r\n')
  expect(tidy.trim().split('\r\n')).toHaveLength(1 + 15)

  // The export reads back in with nothing lost.
  await page.getByTestId('import-file').setInputFiles({ name: 'tidy.csv', mimeType: 'text/csv', buffer: Buffer.from(tidy) })
  const again = page.getByTestId('import-dialog')
  await expect(again.getByTestId('count-facts')).toContainText('15')
  await expect(again.getByTestId('import-shape')).toHaveAttribute('data-shape', 'long')
  await expect(again.getByTestId('count-rejected')).toHaveCount(0)
  await confirm(page)
  expect(await exportTidy(page)).toBe(tidy)
  expect(errors).toEqual([])
})

const KINDS: { file: string; facts: number; shape: 'long' | 'wide'; check?: [string, string] }[] = [
  { file: 'long-utf8-bom.csv', facts: 6, shape: 'long', check: ['region=321012&indicator=legal_aid_cases&period=2023', '1,234件'] },
  { file: 'wide-utf16le.txt', facts: 6, shape: 'wide', check: ['region=321003&indicator=legal_aid_cases&period=2023', '45件'] },
  { file: 'wide-semicolon-cr.csv', facts: 6, shape: 'wide', check: ['region=320583&indicator=collective_contracts&period=2023', '1,260份'] },
  { file: 'wide-2023.xlsx', facts: 9, shape: 'wide', check: ['region=320508&indicator=outdoor_stations&period=2023', '21个'] },
  { file: 'rows.json', facts: 3, shape: 'long', check: ['region=320302&indicator=petitions_handled&period=2023', '41件'] },
  { file: 'facts.json', facts: 3, shape: 'long', check: ['region=321111&indicator=care_jobs&period=2023', '52个'] },
  { file: 'nested.json', facts: 6, shape: 'wide', check: ['region=321324&indicator=skill_contests&period=2023', '6项'] },
]

// The kinds are imported one after another in two pages: each must land its own figures.
for (const group of [KINDS.filter((_, i) => i % 2 === 0), KINDS.filter((_, i) => i % 2 === 1)]) {
  test(`imports ${group.map((k) => k.file).join(', ')}`, async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('./')
    await ready(page)
    for (const kind of group) {
      await test.step(kind.file, async () => {
        const dialog = await openPreview(page, kind.file)
        await expect(dialog.getByTestId('import-shape')).toHaveAttribute('data-shape', kind.shape)
        await expect(dialog.getByTestId('count-facts')).toContainText(String(kind.facts))
        await expect(dialog.getByTestId('count-rejected')).toHaveCount(0)
        await confirm(page)
        if (kind.check) await expect(await kpi(page, kind.check[0])).toHaveText(kind.check[1])
        expect(errors, kind.file).toEqual([])
      })
    }
  })
}

test('bad files are reported precisely and the data shown before stays', async ({ page }, testInfo) => {
  await page.goto('./')
  await ready(page)
  const dialog = await openPreview(page, 'bad-rows.csv')
  const problems = dialog.getByTestId('problem-list')
  await expect(problems).toContainText('与第2行重复')
  await expect(problems).toContainText('此行有 3 个单元格，表头有 4 个')
  await expect(problems).toContainText('无法识别期间“2023年13月”')
  await expect(problems).toContainText('无法识别指标“职工书屋”')
  await expect(problems).toContainText('职工稳定率为 130%，超过100%')
  await expect(problems).toContainText('引号没有配对')
  await page.getByTestId('import-cancel').click()
  await expect(dialog).toBeHidden()

  for (const [file, text] of [
    ['empty.csv', '文件是空的'],
    ['header-only.csv', '只有表头，没有数据行'],
  ] as const) {
    await openPreview(page, file)
    await expect(page.getByTestId('problem-list')).toContainText(text)
    await expect(page.getByTestId('import-confirm')).toBeDisabled()
    await page.getByTestId('import-cancel').click()
  }

  // A sparse JSON file just over the limit of files read whole.
  const huge = testInfo.outputPath('huge.json')
  writeFileSync(huge, '')
  truncateSync(huge, 201 * 1024 * 1024)
  await page.getByTestId('import-file').setInputFiles(huge)
  await expect(page.getByTestId('problem-list')).toContainText('超过此类文件一次读入的 200.0 MB 上限')
  await expect(page.getByTestId('import-confirm')).toBeDisabled()
  await page.getByTestId('import-cancel').click()
  await expect(page.getByTestId('sample-notice')).toBeVisible()
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).not.toHaveText('')
})

test('a large file shows progress and can be cancelled, leaving the dashboard as it was', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const lines = ['region_code,region,period,indicator,value']
  for (let i = 0; i < 400_000; i++) lines.push(`321012,江都区,${1990 + (i % 100)},legal_aid_cases,${i}`)
  await page.getByTestId('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) })
  await expect(page.getByTestId('import-progress')).toBeVisible()
  await page.getByTestId('import-cancel-parse').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expect(page.getByTestId('sample-notice')).toBeVisible()
})

test('drag and drop anywhere on the page opens the preview', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const bytes = [...readFileSync(fixture('wide-utf16le.txt'))]
  await page.evaluate((data) => {
    const dt = new DataTransfer()
    dt.items.add(new File([new Uint8Array(data)], 'wide-utf16le.txt', { type: 'text/plain' }))
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }))
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
  }, bytes)
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog.getByTestId('import-encoding')).toContainText('UTF-16LE')
  await expect(dialog.getByTestId('import-delimiter')).toContainText('制表符')
})

test('dataset manager: rename, combine with the sample, switch and delete', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  await openPreview(page, 'long-utf8-bom.csv')
  await confirm(page)
  await expect(page.getByTestId('data-notice')).toContainText('long-utf8-bom')
  await page.getByTestId('datasets-button').click()
  const manager = page.getByTestId('dataset-manager')
  await expect(manager.getByTestId('dataset-list')).toContainText('2023 – 2023-07')
  const name = manager.getByTestId('dataset-name').locator('input')
  await name.fill('江都数据')
  await name.press('Enter')
  await expect(page.getByTestId('data-notice')).toContainText('江都数据')
  await manager.getByRole('checkbox').first().click()
  await expect(page.getByTestId('data-notice')).toContainText('缺少的部分以示例数据补充')
  await expect(page.getByTestId('sample-notice')).toBeVisible()
  await manager.getByTestId('dataset-show').click()
  await expect(page.getByTestId('data-notice')).toHaveCount(0)
  await manager.getByTestId('dataset-show').click()
  await expect(page.getByTestId('data-notice')).toContainText('江都数据')
  await manager.getByTestId('dataset-delete').click()
  await page.getByRole('button', { name: /确认|Confirm/ }).click()
  await expect(manager.getByTestId('dataset-list')).not.toContainText('2023-07')
  await expect(page.getByTestId('sample-notice')).toBeVisible()
})

test('?data=<url> feeds the dashboard; a failing link is reported and the sample stays', async ({ page }) => {
  const body = readFileSync(fixture('long-utf8-bom.csv'))
  await page.route('**/feed/union.csv', (route) => route.fulfill({ body, contentType: 'text/csv' }))
  await page.route('**/feed/missing.csv', (route) => route.fulfill({ status: 404, body: 'not found' }))
  await page.route('https://other.example/**', (route) => route.abort('failed'))

  await page.goto('./?data=feed/union.csv#/?region=321012&indicator=legal_aid_cases&period=2023')
  await ready(page)
  await expect(page.getByTestId('kpi-selected').getByTestId('kpi-value')).toHaveText('1,234件')
  await expect(page.getByTestId('data-notice')).toContainText('union.csv')

  await page.goto('./?data=feed/missing.csv')
  await ready(page)
  await expect(page.getByTestId('link-error')).toContainText('服务器返回错误 404')
  await expect(page.getByTestId('sample-notice')).toBeVisible()

  await page.goto('./?data=https://other.example/export.csv')
  await ready(page)
  await expect(page.getByTestId('link-error')).toContainText('CORS')

  // The "load from link" box previews before importing.
  await page.getByTestId('datasets-button').click()
  await page.getByTestId('import-link').locator('input').fill('feed/union.csv')
  await page.getByTestId('import-link-load').click()
  await expect(page.getByTestId('import-dialog').getByTestId('count-facts')).toContainText('6')
  await confirm(page)
  await expect(page.getByTestId('data-notice')).toContainText('union')
})

test('the import dialog in English', async ({ page }) => {
  await page.goto('./?lang=en')
  await ready(page)
  await page.getByTestId('import-button').click({ trial: true })
  const dialog = await openPreview(page, 'wide-gbk.csv')
  await expect(dialog).toContainText('Import preview: wide-gbk.csv')
  await expect(dialog.getByTestId('problem-list')).toContainText('Unknown region “火星区”')
})

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the import preview and the dataset manager (${theme})`, async ({ page }) => {
    const serious = async () =>
      (await new AxeBuilder({ page }).include('.card-modal').analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
    await page.emulateMedia({ colorScheme: theme })
    await page.goto('./')
    await ready(page)
    await openPreview(page, 'wide-gbk.csv')
    await page.waitForTimeout(300)
    expect(await serious()).toEqual([])
    await confirm(page)
    await page.getByTestId('datasets-button').click()
    await expect(page.getByTestId('dataset-name').locator('input')).toHaveValue('wide-gbk')
    await page.waitForTimeout(300)
    expect(await serious()).toEqual([])
  })
}
