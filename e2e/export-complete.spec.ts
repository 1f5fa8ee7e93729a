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

/** Each entry of a ZIP's central directory: its name, general-purpose flags and the host it was made on. */
function centralDirectory(zip: Buffer): { name: string; flags: number; madeOn: number }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(end).toBeGreaterThan(0)
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const out: { name: string; flags: number; madeOn: number }[] = []
  for (let k = 0; k < count; k++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50)
    const nameLength = zip.readUInt16LE(at + 28)
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      madeOn: zip.readUInt16LE(at + 4) >> 8,
    })
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return out
}

test('the ZIP of every chart names its files in UTF-8, made on Unix, so Linux unzip shows the Chinese names', async ({ page }) => {
  await page.goto('./#/?region=320200&period=2023')
  await ready(page)
  const zip = (await fromMenu(page, allMenu(page), 'export-all-zip')).bytes
  const entries = centralDirectory(zip)
  expect(entries).toHaveLength(PANELS.length * 2)
  expect(entries.some((e) => /[\u4e00-\u9fff]/.test(e.name))).toBe(true)
  for (const e of entries) {
    // General-purpose bit 11: the name is UTF-8; version made by, high byte 3: Unix.
    expect(e.flags & 0x0800, e.name).toBe(0x0800)
    expect(e.madeOn, e.name).toBe(3)
  }
  // The local headers say the same.
  let local = 0
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) {
    if (zip.readUInt16LE(at + 26) === 0) continue
    expect(zip.readUInt16LE(at + 6) & 0x0800).toBe(0x0800)
    local++
  }
  expect(local).toBeGreaterThanOrEqual(entries.length)
})

test('the Word brief keeps each heading and caption with the table after it, and is tagged zh-CN', async ({ page }) => {
  await page.goto('./#/?region=320200&period=2023')
  await ready(page)
  const docx = unzipSync(new Uint8Array((await fromMenu(page, allMenu(page), 'export-all-docx')).bytes))
  const documentXml = strFromU8(docx['word/document.xml']!)
  const stylesXml = strFromU8(docx['word/styles.xml']!)
  const checked = await page.evaluate(
    ({ documentXml, stylesXml }) => {
      const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
      const doc = new DOMParser().parseFromString(documentXml, 'application/xml')
      const styles = new DOMParser().parseFromString(stylesXml, 'application/xml')
      const keptStyles = new Set(
        Array.from(styles.getElementsByTagNameNS(W, 'style'))
          .filter((s) => s.getElementsByTagNameNS(W, 'keepNext').length > 0)
          .map((s) => s.getAttributeNS(W, 'styleId')),
      )
      const keeps = (p: Element) => {
        const style = p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val')
        return p.getElementsByTagNameNS(W, 'keepNext').length > 0 || (style !== undefined && keptStyles.has(style ?? ''))
      }
      const text = (p: Element) => Array.from(p.getElementsByTagNameNS(W, 't'), (t) => t.textContent).join('')
      const tables = Array.from(doc.getElementsByTagNameNS(W, 'tbl'))
      // The two paragraphs before each table: its heading and its caption.
      const before = tables.map((tbl) => {
        const prev = [tbl.previousElementSibling, tbl.previousElementSibling?.previousElementSibling].filter((e): e is Element => e !== null && e !== undefined)
        return prev.map((p) => ({ text: text(p), keeps: keeps(p), heading: /Heading/.test(p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '') }))
      })
      const langs = Array.from(styles.getElementsByTagNameNS(W, 'lang'), (l) => ({ val: l.getAttributeNS(W, 'val'), eastAsia: l.getAttributeNS(W, 'eastAsia') }))
      const headingColours = Array.from(styles.getElementsByTagNameNS(W, 'style'))
        .filter((s) => /^(Heading[12]|Title)$/.test(s.getAttributeNS(W, 'styleId') ?? ''))
        .map((s) => s.getElementsByTagNameNS(W, 'color')[0]?.getAttributeNS(W, 'val'))
      return { before, langs, headingColours }
    },
    { documentXml, stylesXml },
  )
  expect(checked.before.length).toBeGreaterThanOrEqual(2)
  for (const prev of checked.before) {
    expect(prev).toHaveLength(2)
    expect(prev.some((p) => p.heading)).toBe(true)
    for (const p of prev) expect(p.keeps, p.text).toBe(true)
  }
  expect(checked.langs).toContainEqual({ val: 'zh-CN', eastAsia: 'zh-CN' })
  expect(checked.headingColours.length).toBeGreaterThanOrEqual(2)
  for (const c of checked.headingColours) expect(c).toBe('000000')
})
