// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { renderSvg } from './image'
import { ExportError } from './errors'
import type { ChartExportSpec } from './types'

function spec(title: string): ChartExportSpec {
  return {
    kind: 'trend',
    option: (p) => ({
      color: [p.primary],
      grid: { left: 8, right: 8, top: 8, bottom: 8 },
      xAxis: { type: 'category', data: ['2022', '2023'] },
      yAxis: { type: 'value' },
      series: [{ type: 'line', name: '江苏省', data: [90.1, 91.2] }],
    }),
    title,
    filters: ['2022—2023年', '江苏省', '按年'],
    unit: '单位：%',
    definition: '口径：稳定就业职工 ÷ 职工总数 <含"劳务派遣">',
    source: '数据来源：示例数据 & 公开报道',
    asOf: '数据截至 2023年12月31日',
    coverage: '',
    fileName: { indicator: '职工稳定率', scope: '江苏省趋势', period: '2022—2023' },
    table: () => ({ name: 't', header: [], rows: [] }),
    screenSize: () => ({ width: 600, height: 400 }),
  }
}

const image = { width: 800, height: 500, scale: 2, background: 'white' as const, watermark: '内部资料' }

describe('renderSvg', () => {
  it('draws the report layout as well-formed SVG with user text escaped', async () => {
    const title = '职工稳定率 <script>alert("x")</script> & 趋势'
    const svg = await renderSvg(spec(title), image)
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true)
    expect(svg).not.toContain('<script>')
    expect(svg).toContain('&lt;script&gt;')
    const doc = new DOMParser().parseFromString(svg.replace(/^<\?xml[^>]*>\n/, ''), 'image/svg+xml')
    expect(doc.documentElement.nodeName.toLowerCase()).toBe('svg')
    expect(svg).toContain('2022—2023年 · 江苏省 · 按年')
    expect(svg).toContain('内部资料')
    expect(svg).toMatch(/viewBox="0 0 800 500"/)
    // Attribute values stay quoted correctly, font names included.
    expect(svg).not.toMatch(/font-family:"/)
  })

  it('prints the coverage note above the definition, and none for whole figures', async () => {
    const svg = await renderSvg({ ...spec('x'), coverage: '江苏省数据覆盖 7/95 个县（市、区）' }, image)
    expect(svg).toContain('江苏省数据覆盖 7/95 个县（市、区）')
    expect(svg.indexOf('数据覆盖')).toBeLessThan(svg.indexOf('口径'))
    expect(await renderSvg(spec('x'), image)).not.toContain('数据覆盖')
  })

  it('refuses an oversized image before drawing', async () => {
    await expect(renderSvg(spec('x'), { ...image, width: 20000 })).rejects.toBeInstanceOf(ExportError)
  })

  it('says when the chart cannot be drawn yet', async () => {
    const notReady = { ...spec('x'), option: () => null }
    await expect(renderSvg(notReady, image)).rejects.toMatchObject({ problem: { kind: 'notReady' } })
  })
})
