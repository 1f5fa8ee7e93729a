import { describe, expect, it } from 'vitest'
import { chartFileBase, safeFileName, uniqueNames } from './filename'

describe('safeFileName', () => {
  it('replaces the characters Windows forbids', () => {
    expect(safeFileName('a\\b/c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j')
    expect(safeFileName('tab\there\u0001')).toBe('tab_here_')
  })

  it('trims trailing dots and spaces and avoids reserved device names', () => {
    expect(safeFileName('报告. . ')).toBe('报告')
    expect(safeFileName('CON')).toBe('_CON')
    expect(safeFileName('nul.txt')).toBe('_nul.txt')
    expect(safeFileName('   ')).toBe('_')
  })

  it('limits the length', () => {
    expect(safeFileName('职'.repeat(300))).toHaveLength(120)
  })
})

describe('chartFileBase', () => {
  it('joins indicator, scope and period', () => {
    expect(chartFileBase({ indicator: '职工稳定率', scope: '无锡市各区县排名', period: '2023' })).toBe('职工稳定率_无锡市各区县排名_2023')
    expect(chartFileBase({ indicator: 'A/B', scope: 'x:y', period: '2016—2023' })).toBe('A_B_x_y_2016—2023')
  })
})

describe('uniqueNames', () => {
  it('numbers repeats, ignoring case as Windows does', () => {
    expect(uniqueNames(['a.png', 'A.png', 'a.png', 'b.svg'])).toEqual(['a.png', 'A (2).png', 'a (3).png', 'b.svg'])
  })
})
