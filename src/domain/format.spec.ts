import { describe, expect, it } from 'vitest'
import { escapeHtml, formatChange, formatValue } from './format'

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
  it('escapes markup', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">&\'')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;')
  })
})
