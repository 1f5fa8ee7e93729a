// @vitest-environment node
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import regionsJson from '../../data/regions.json'
import { loadIndicatorCatalogue } from '@/domain/indicators'
import { loadRegionCatalogue } from '@/domain/regions'
import { formatNumber } from '@/domain/format'
import { customIndicator, readCustomSpec, safeIndicator } from './custom'
import { parseFile, type Catalogues } from './parse'

const catalogues: Catalogues = { regions: loadRegionCatalogue(regionsJson).all, indicators: loadIndicatorCatalogue(indicatorsJson).indicators }

describe('custom indicator definitions from a file', () => {
  it('checks every field: a bad decimals, unit or id is reported and replaced by its default', () => {
    const { spec, problems } = readCustomSpec({ id: 'Bad Id', name: '职工书屋', unit: '本', decimals: 101, aggregation: 'sum' })
    expect(problems).toEqual([
      { field: 'id', value: 'Bad Id' },
      { field: 'unit', value: '本' },
      { field: 'decimals', value: '101' },
    ])
    const ind = customIndicator(spec!)
    expect(ind).toMatchObject({ unit: '个', decimals: 0 })
    expect(readCustomSpec({ name: 'x', unit: '个', decimals: -1 }).problems).toEqual([{ field: 'decimals', value: '-1' }])
    expect(readCustomSpec({ name: 'x', unit: '个', decimals: 2.5 }).problems).toEqual([{ field: 'decimals', value: '2.5' }])
  })

  it('refuses a definition without a name or with a roll-up other than sum or mean', () => {
    expect(readCustomSpec({ unit: '个' }).spec).toBeUndefined()
    expect(readCustomSpec({ name: '书屋', aggregation: 'ratio' }).spec).toBeUndefined()
  })

  it('reports each bad field of a JSON file with the indicator and row, and still imports its facts', () => {
    const json = JSON.stringify({
      indicators: [{ id: 'worker_libraries', name: '职工书屋', unit: '个', decimals: 101, aggregation: 'sum' }],
      facts: [{ region: '江都区', period: '2023', indicator: 'worker_libraries', value: 14 }],
    })
    const r = parseFile({ file: 'books.json', bytes: new TextEncoder().encode(json).buffer as ArrayBuffer, defaultSource: 'books.json' }, catalogues)
    expect(r.report.problems).toContainEqual({ code: 'badIndicatorField', file: 'books.json', row: 1, column: '职工书屋', text: '101', detail: 'decimals' })
    expect(r.customIndicators[0]).toMatchObject({ id: 'worker_libraries', decimals: 0 })
    expect(r.table.length).toBe(1)
  })

  it('makes an indicator kept from before safe to show, and numbers format whatever the decimals', () => {
    const kept = { ...customIndicator({ name: '书屋', unit: '个', rule: 'sum' }), decimals: 101 }
    expect(safeIndicator(kept).decimals).toBe(0)
    expect(() => formatNumber(1.5, 101, 'zh-CN')).not.toThrow()
    expect(formatNumber(1.5, -1, 'zh-CN')).toBe('2')
  })
})
