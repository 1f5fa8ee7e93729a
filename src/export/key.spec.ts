import { describe, expect, it } from 'vitest'
import { palettes } from '@/charts/theme'
import { keyElements, keyHeight, keyLayout, KEY_LINE, rankingKey } from './key'
import type { KeyItem } from './types'

const light = palettes.light

describe('rankingKey', () => {
  it('explains both bar colours, the reference line and the rank marks', () => {
    const key = rankingKey(light, { above: '高于江苏省整体', below: '低于江苏省整体', move: '较上年名次升降', reference: '江苏省整体 91.2%' })
    expect(key).toEqual([
      { kind: 'swatch', color: light.above, text: '高于江苏省整体' },
      { kind: 'swatch', color: light.below, text: '低于江苏省整体' },
      { kind: 'line', color: light.reference, dashed: true, text: '江苏省整体 91.2%' },
      { kind: 'text', text: '▲▼ 较上年名次升降' },
    ])
  })

  it('leaves out what the chart does not draw', () => {
    expect(rankingKey(light, { above: 'a', below: 'b' }).map((k) => k.kind)).toEqual(['swatch', 'swatch'])
  })
})

describe('key layout', () => {
  const items: KeyItem[] = Array.from({ length: 6 }, (_, i) => ({ kind: 'swatch', color: '#000', text: `第${i}项说明文字` }))

  it('wraps to new rows within the width, and no entry passes the right edge', () => {
    const placed = keyLayout(items, 300)
    expect(Math.max(...placed.map((p) => p.row))).toBeGreaterThan(0)
    for (const p of placed) expect(p.x + 18 + 12 * 7).toBeLessThanOrEqual(300 + 1)
    expect(keyHeight(items, 300)).toBe((Math.max(...placed.map((p) => p.row)) + 1) * KEY_LINE + 4)
    expect(keyHeight([], 300)).toBe(0)
  })

  it('draws a symbol and the text of each entry', () => {
    const els = keyElements(rankingKey(light, { above: '高于', below: '低于', reference: '整体 90%', move: '升降' }), { x: 24, y: 80 }, 600, light)
    const texts = els.flatMap((e) => ((e as { style?: { text?: string } }).style?.text ? [(e as { style: { text: string } }).style.text] : []))
    expect(texts).toEqual(['高于', '低于', '整体 90%', '▲▼ 升降'])
    expect(els.filter((e) => e.type === 'rect')).toHaveLength(2)
    expect(els.filter((e) => e.type === 'line')).toHaveLength(1)
  })
})
