import { expect, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { allMenu, chartMenu, fromMenu, pngStats, ready, svgText } from './export-helpers'

test.use({ testIdAttribute: 'data-test', acceptDownloads: true })

/** The resolution a PNG declares in its pHYs chunk (dots per inch), or null. */
function physDpi(png: Buffer): number | null {
  for (let at = 8; at + 12 <= png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === 'pHYs' && png[at + 16] === 1) return png.readUInt32BE(at + 8) * 0.0254
  }
  return null
}

const PANELS = ['map-panel', 'trend-panel', 'ranking-panel', 'radar-panel', 'table-panel', 'multiples-panel']

test('every chart panel exports, and export all carries every panel before it is scrolled to', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto('./#/?region=320200&period=2023')
  await ready(page)

  // Export all first: the panels below the fold have not been scrolled near yet.
  const zip = unzipSync(new Uint8Array((await fromMenu(page, allMenu(page), 'export-all-zip')).bytes))
  const names = Object.keys(zip)
  expect(names).toHaveLength(PANELS.length * 2)
  expect(names).toEqual(expect.arrayContaining(['指标画像_无锡市_2023.png', '地区指标一览表_无锡市各区县一览_2023.svg']))

  for (const panel of PANELS) {
    await page.getByTestId(panel).scrollIntoViewIfNeeded()
    const png = await fromMenu(page, chartMenu(page, panel), 'export-png')
    const stats = await pngStats(page, png.bytes)
    expect(stats.inked, panel).toBeGreaterThan(2000)
    // Report size: 16.5 cm at 300 dpi, and the PNG says so.
    expect(stats.width).toBe(1949)
    expect(physDpi(png.bytes)).toBeCloseTo(300, 0)
    const svg = await svgText(page, (await fromMenu(page, chartMenu(page, panel), 'export-svg')).bytes)
    expect(svg.error).toBeNull()
    expect(svg.text).toContain((await page.getByTestId(panel).locator('h2').innerText()).trim())
    expect(svg.text).toContain('数据来源：')
    expect(svg.text).toContain('数据截至 2023年12月31日')
  }

  // The table as an image names every district with its figures and what the shading means.
  const table = await svgText(page, (await fromMenu(page, chartMenu(page, 'table-panel'), 'export-svg')).bytes)
  for (const name of ['锡山区', '江阴市', '宜兴市']) expect(table.text).toContain(name)
  expect(table.text).toContain('底色越深')

  // In Word, the table is a real table; in Excel, one sheet a panel.
  const brief = strFromU8(unzipSync(new Uint8Array((await fromMenu(page, allMenu(page), 'export-all-docx')).bytes))['word/document.xml']!)
  expect(brief.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(2)
  const book = unzipSync(new Uint8Array((await fromMenu(page, allMenu(page), 'export-all-viewXlsx')).bytes))
  expect(Object.keys(book).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(PANELS.length)
})

test('the exported ranking carries its key: colours, rank marks and the reference line', async ({ page }) => {
  let moves = 0
  for (const [query, ref] of [
    ['region=320200&period=2023', '无锡市整体'],
    ['period=2023', '江苏省整体'],
    ['period=2024', '江苏省整体'],
  ] as const) {
    await page.goto(`./#/?${query}`)
    await ready(page)
    const svg = await svgText(page, (await fromMenu(page, chartMenu(page, 'ranking-panel'), 'export-svg')).bytes)
    expect(svg.text).toContain(`高于${ref}`)
    expect(svg.text).toContain(`低于${ref}`)
    expect(svg.text).toMatch(new RegExp(`${ref} \\d+\\.\\d%`))
    // ▲▼ are explained wherever a bar carries one.
    const moved = /[▲▼]\d/.test(svg.text)
    expect(svg.text.includes('▲▼ 较上年名次升降')).toBe(moved)
    if (moved) moves++
  }
  expect(moves).toBeGreaterThan(0)
})
