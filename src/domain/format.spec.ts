import { describe, expect, it } from 'vitest'
import { escapeHtml, formatChange, formatMoneyEn, formatRank, formatValue } from './format'

describe('format', () => {
  it('writes values with the catalogue decimals and unit', () => {
    expect(formatValue(91.6, { unit: '%', decimals: 1 }, 'zh-CN')).toBe('91.6%')
    expect(formatValue(20270, { unit: '人', decimals: 0 }, 'zh-CN')).toBe('20,270人')
    expect(formatValue(20270, { unit: '人', decimals: 0 }, 'en', 'people')).toBe('20,270 people')
    expect(formatValue(NaN, { unit: '人', decimals: 0 }, 'en')).toBe('—')
  })
  it('writes 同比 in points for rates and percent for counts', () => {
    expect(formatChange({ kind: 'points', value: 0.8 }, 'zh-CN')).toBe('+0.8个百分点')
    expect(formatChange({ kind: 'points', value: -1.25 }, 'en')).toBe('−1.3 pp')
    expect(formatChange({ kind: 'percent', value: 42.04 }, 'en')).toBe('+42.0%')
    expect(formatChange(null, 'en')).toBe('—')
  })
  it('writes money in English as a reader counts it, from 万元', () => {
    expect(formatValue(398.2, { unit: '万元', decimals: 1 }, 'en', '×10k yuan')).toBe('CNY 3.98 million')
    expect(formatValue(398.2, { unit: '万元', decimals: 1 }, 'zh-CN')).toBe('398.2万元')
    expect(formatMoneyEn(120_000)).toBe('CNY 1.20 billion')
    expect(formatMoneyEn(12.3)).toBe('CNY 123,000')
    expect(formatMoneyEn(-2849.9)).toBe('CNY -28.50 million')
  })
  it('writes English ranks as ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => formatRank(n, 'en'))).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th',
    ])
    expect(formatRank(5, 'zh-CN')).toBe('5')
  })
  it('escapes markup', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;')
  })
})
