import { expect, test, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { decodeTableFile, encodeTableFile } from '../src/data/table-file'
import { allMenu, chartMenu, fromMenu, pngStats, ready, svgText } from './export-helpers'

test.use({ testIdAttribute: 'data-test', acceptDownloads: true })

/** A published source turned into formula injections, to check that exports neutralise them. */
const INJECTED = '=HYPERLINK("http://example.invalid","x")'

/** Gives the published 锡山区 2023 legal-aid row of the sample the injected source. */
async function injectFormulaSource(page: Page) {
  await page.route(/\/sample\/sample-table\.bin$/, async (route) => {
    const res = await route.fetch()
    const { table, reports } = decodeTableFile(new Uint8Array(await res.body()).slice().buffer, 'sample-table.bin')
    const row = Array.from({ length: table.length }, (_, i) => i).find(
      (i) =>
        table.regions[table.region[i]!] === '320205' && table.periods[table.period[i]!] === '2023' && table.indicators[table.indicator[i]!] === 'legal_aid_cases',
    )!
    const source = Uint32Array.from(table.source)
    source[row] = table.sources.length
    const patched = encodeTableFile({ ...table, source, sources: [...table.sources, INJECTED] }, reports)
    await route.fulfill({ response: res, body: Buffer.from(patched) })
  })
}

async function chooseSize(page: Page, preset: string) {
  await page.getByTestId('export-preset').click()
  await page.locator('.n-base-select-option').filter({ hasText: preset }).click()
}

test('each chart exports a report-laid-out PNG and SVG with its title, filters and notes', async ({ page }) => {
  await page.goto('./#/?region=320200&period=2023')
  await ready(page)
  const title = (await page.getByTestId('ranking-panel').locator('h2').innerText()).trim()
  expect(title).toContain('无锡市各区县')

  for (const panel of ['map-panel', 'trend-panel', 'ranking-panel']) {
    const png = await fromMenu(page, chartMenu(page, panel), 'export-png')
    expect(png.name).toMatch(/^职工稳定率_.+\.png$/)
    expect(png.name).not.toMatch(/[\\/:*?"<>|]/)
    const stats = await pngStats(page, png.bytes)
    // 报告 preset: A4 text width at 300 dpi.
    expect(stats.width).toBe(1949)
    expect(stats.height).toBeGreaterThan(900)
    expect(stats.inked).toBeGreaterThan(2000)
    expect(stats.colours).toBeGreaterThan(5)
    expect(stats.topLeftAlpha).toBe(255)

    const svg = await fromMenu(page, chartMenu(page, panel), 'export-svg')
    expect(svg.name).toMatch(/\.svg$/)
    const parsed = await svgText(page, svg.bytes)
    expect(parsed.error).toBeNull()
    expect(parsed.root).toBe('svg')
    const panelTitle = (await page.getByTestId(panel).locator('h2').innerText()).trim()
    expect(parsed.text).toContain(panelTitle)
    expect(parsed.text).toContain('口径：')
    expect(parsed.text).toContain('数据截至')
  }
  const rankingSvg = await svgText(page, (await fromMenu(page, chartMenu(page, 'ranking-panel'), 'export-svg')).bytes)
  expect(rankingSvg.text).toContain('2023年 · 无锡市 · 各区县')
  expect(rankingSvg.text).toContain('单位：%')
})

test('image size presets, custom sizes, watermark and the size limit', async ({ page }) => {
  await page.goto('./')
  await ready(page)
  const menu = chartMenu(page, 'trend-panel')
  await menu.click()
  await page.getByTestId('export-options').click()
  await chooseSize(page, '幻灯片')
  await expect(page.getByTestId('export-result')).toContainText('1920 × 1080')
  await page.getByTestId('export-background').click()
  await page.locator('.n-base-select-option').filter({ hasText: '透明' }).click()
  await page.getByTestId('export-watermark').click()
  await expect(page.getByTestId('export-watermark-text').locator('input')).toHaveValue('内部资料')
  await page.getByTestId('export-dialog-close').click()

  const slide = await pngStats(page, (await fromMenu(page, menu, 'export-png')).bytes)
  expect(slide).toMatchObject({ width: 1920, height: 1080, topLeftAlpha: 0 })
  const svg = await svgText(page, (await fromMenu(page, menu, 'export-svg')).bytes)
  expect(svg.text).toContain('内部资料')

  await menu.click()
  await page.getByTestId('export-options').click()
  await chooseSize(page, '自定义')
  await page.getByTestId('export-width').locator('input').fill('640')
  await page.getByTestId('export-height').locator('input').fill('400')
  await page.getByTestId('export-scale').locator('input').fill('1.5')
  await page.getByTestId('export-scale').locator('input').blur()
  await expect(page.getByTestId('export-result')).toContainText('960 × 600')
  await page.getByTestId('export-dialog-close').click()
  expect(await pngStats(page, (await fromMenu(page, menu, 'export-png')).bytes)).toMatchObject({ width: 960, height: 600 })

  await menu.click()
  await page.getByTestId('export-options').click()
  await page.getByTestId('export-width').locator('input').fill('12000')
  await page.getByTestId('export-width').locator('input').blur()
  await expect(page.getByTestId('export-result')).toContainText('16384')
  await page.getByTestId('export-dialog-close').click()
  await menu.click()
  await page.getByTestId('export-png').click()
  await expect(page.getByRole('alert').or(page.locator('.n-message')).filter({ hasText: '图片过大' })).toBeVisible()

  await menu.click()
  await page.getByTestId('export-options').click()
  await chooseSize(page, '与屏幕一致')
  await page.getByTestId('export-dialog-close').click()
  const box = (await page.getByTestId('trend-panel').boundingBox())!
  const screen = await pngStats(page, (await fromMenu(page, menu, 'export-png')).bytes)
  expect(screen.width).toBe(Math.round(box.width))
  expect(screen.height).toBe(Math.round(box.height))
})

test('copy to clipboard puts a PNG there or says why it cannot', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('./')
  await ready(page)
  await chartMenu(page, 'ranking-panel').click()
  await page.getByTestId('export-copy').click()
  const message = page.locator('.n-message').filter({ hasText: /剪贴板/ })
  await expect(message).toBeVisible({ timeout: 30_000 })
  const text = await message.innerText()
  if (text.includes('已复制')) {
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((i) => i.types))
    expect(types).toContain('image/png')
  } else {
    expect(text).toMatch(/下载 PNG/)
  }
})

test('data exports: CSV with BOM, CRLF and neutralised cells; XLSX', async ({ page }) => {
  await injectFormulaSource(page)
  await page.goto('./#/?region=320200&indicator=legal_aid_cases&period=2023')
  await ready(page)
  const csv = await fromMenu(page, chartMenu(page, 'ranking-panel'), 'export-csv')
  expect(csv.name).toMatch(/^法律援助[^_]*_无锡市各区县排名_2023\.csv$/)
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = csv.bytes.toString('utf8').slice(1)
  expect(text).toContain('\r\n')
  expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/)
  const row = text.split('\r\n').find((l) => l.startsWith('320205,'))!
  // Code, region, value, rank, rank last year, note (empty for a whole figure), source.
  expect(row).toBe(`320205,锡山区,60,${row.split(',')[3]},${row.split(',')[4]},,"'${INJECTED.replaceAll('"', '""')}"`)
  expect(text).not.toMatch(/(^|,)"?=/m)

  const xlsx = await fromMenu(page, chartMenu(page, 'ranking-panel'), 'export-xlsx')
  expect(xlsx.name).toMatch(/\.xlsx$/)
  const book = unzipSync(new Uint8Array(xlsx.bytes))
  expect(Object.keys(book)).toContain('xl/workbook.xml')
  const sheet = strFromU8(book['xl/worksheets/sheet1.xml']!)
  const strings = book['xl/sharedStrings.xml'] ? strFromU8(book['xl/sharedStrings.xml']) : ''
  expect(sheet + strings).toContain('锡山区')
  expect(sheet).not.toContain('<f>')

  const all = await fromMenu(page, allMenu(page), 'export-all-viewCsv')
  const allText = all.bytes.toString('utf8')
  expect(allText.charCodeAt(0)).toBe(0xfeff)
  for (const panel of ['map-panel', 'trend-panel', 'ranking-panel'])
    expect(allText).toContain((await page.getByTestId(panel).locator('h2').innerText()).trim())
  const allXlsx = unzipSync(new Uint8Array((await fromMenu(page, allMenu(page), 'export-all-viewXlsx')).bytes))
  // Map, trend, ranking, radar, table and small multiples.
  expect(Object.keys(allXlsx).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(6)
})

test('export all: ZIP of PNG and SVG, PPTX deck and DOCX brief', async ({ page }) => {
  await page.goto('./#/?period=2023')
  await ready(page)

  const zip = await fromMenu(page, allMenu(page), 'export-all-zip')
  expect(zip.name).toMatch(/\.zip$/)
  const files = unzipSync(new Uint8Array(zip.bytes))
  const names = Object.keys(files).sort()
  // Map, trend, ranking, table and small multiples (no radar for the province).
  expect(names).toHaveLength(10)
  expect(names).toEqual(
    expect.arrayContaining([
      '职工稳定率_江苏省各设区市分布_2023.png',
      '职工稳定率_江苏省各设区市分布_2023.svg',
      '职工稳定率_江苏省各设区市排名_2023.png',
      '职工稳定率_江苏省各设区市排名_2023.svg',
    ]),
  )
  expect(names.filter((n) => n.startsWith('职工稳定率_江苏省趋势_'))).toHaveLength(2)
  for (const n of names) expect(n).not.toMatch(/[\\/:*?"<>|]/)
  const zipPng = await pngStats(page, Buffer.from(files['职工稳定率_江苏省各设区市分布_2023.png']!))
  expect(zipPng.width).toBe(1949)
  expect(zipPng.inked).toBeGreaterThan(2000)

  const titles = await Promise.all(['map-panel', 'trend-panel', 'ranking-panel'].map(async (p) => (await page.getByTestId(p).locator('h2').innerText()).trim()))

  const pptx = await fromMenu(page, allMenu(page), 'export-all-pptx')
  expect(pptx.name).toMatch(/\.pptx$/)
  const deck = unzipSync(new Uint8Array(pptx.bytes))
  const slides = Object.keys(deck).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
  expect(slides).toHaveLength(6)
  expect(strFromU8(deck['ppt/slides/slide1.xml']!)).toContain('职工稳定率')
  titles.forEach((title, i) => expect(strFromU8(deck[`ppt/slides/slide${i + 2}.xml`]!)).toContain(title.replace(/&/g, '&amp;')))
  expect(Object.keys(deck).filter((n) => /^ppt\/media\/.+\.png$/.test(n))).toHaveLength(5)
  const notes = Object.keys(deck)
    .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
    .map((n) => strFromU8(deck[n]!))
    .join('\n')
  expect(notes).toContain('口径：')
  expect(notes).toContain('数据来源：')
  expect(notes).toContain('筛选条件：2023年 · 江苏省 · 各设区市')
  expect(strFromU8(deck['ppt/presentation.xml']!)).toMatch(/<p:sldSz cx="9144000" cy="5143500"/)

  const docx = await fromMenu(page, allMenu(page), 'export-all-docx')
  expect(docx.name).toMatch(/\.docx$/)
  const brief = unzipSync(new Uint8Array(docx.bytes))
  const body = strFromU8(brief['word/document.xml']!)
  // The sample leaves a few districts blank, so the sentence says how much of the province the figure
  // covers and that its change compares like with like.
  expect(body).toMatch(/2023年全省职工稳定率为\d+(\.\d)?%(（数据覆盖 \d+\/95 个县（市、区））)?，(同比(上升|下降)\d+\.\d个百分点|与上年持平)(（可比口径，不含[^）]+）)?，13个设区市中.{2,4}市(并列)?最高。/)
  for (const title of titles) expect(body).toContain(title)
  expect(body).toContain('<w:tbl>')
  expect(body).toContain('苏州市')
  // The region × indicator table is a table in the brief, not an image.
  expect(Object.keys(brief).filter((n) => /^word\/media\/.+\.png$/.test(n))).toHaveLength(4)
})

test('exports are light-themed even on the dark theme, and cost nothing until used', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (r) => requested.push(r.url()))
  await page.addInitScript(() => localStorage.setItem('union-dashboard.ui', JSON.stringify({ theme: 'dark', locale: 'zh-CN' })))
  await page.goto('./')
  await ready(page)
  expect(requested.filter((u) => /pptx|docx|write-excel|fflate|zip/i.test(u))).toEqual([])
  const png = await fromMenu(page, chartMenu(page, 'ranking-panel'), 'export-png')
  const light = await page.evaluate(async (b64) => {
    const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(bmp.width, bmp.height)
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(bmp, 0, 0)
    const d = ctx.getImageData(0, 0, bmp.width, bmp.height).data
    let white = 0
    for (let i = 0; i < d.length; i += 4 * 11) if (d[i]! > 250 && d[i + 1]! > 250 && d[i + 2]! > 250) white++
    return white / (d.length / (4 * 11))
  }, png.bytes.toString('base64'))
  expect(light).toBeGreaterThan(0.6)
})

test('English exports: file names, slide notes and brief headlines in English', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('union-dashboard.ui', JSON.stringify({ locale: 'en', theme: 'light' })))
  await page.goto('./#/?period=2023')
  await ready(page)
  const png = await fromMenu(page, chartMenu(page, 'ranking-panel'), 'export-png')
  expect(png.name).toBe('Worker stability rate_Jiangsu cities ranking_2023.png')
  const docx = unzipSync(new Uint8Array((await fromMenu(page, allMenu(page), 'export-all-docx')).bytes))
  const body = strFromU8(docx['word/document.xml']!)
  expect(body).toMatch(/In 2023, Worker stability rate in Jiangsu was \d+\.\d%/)
  expect(body).toMatch(/of 13 cities, \S+ (was|were jointly) highest/)
  const deck = unzipSync(new Uint8Array((await fromMenu(page, allMenu(page), 'export-all-pptx')).bytes))
  const notes = strFromU8(deck['ppt/notesSlides/notesSlide2.xml']!)
  expect(notes).toContain('Definition:')
  expect(notes).toContain('Filters: 2023 · Jiangsu · cities')
})
