// @vitest-environment node
import { describe, expect, it } from 'vitest'
import indicatorsJson from '../../data/indicators.json'
import { loadIndicatorCatalogue } from './indicators'
import { benchmarkParts } from './benchmarkLink'
import type { Benchmark, Region } from './types'

const CHENGDE: Region = { adcode: '130821', name: '承德县', shortName: '承德', nameEn: 'Chengde County', parent: '130800', level: 'district', aliases: [] }
const lookup = (a: string) => (a === CHENGDE.adcode ? CHENGDE : undefined)
const bench = loadIndicatorCatalogue(indicatorsJson).indicators.find((i) => i.benchmark?.region === '130821')!.benchmark!

describe('a benchmark that names a region', () => {
  it('cuts its label around the region’s name, in both languages, while the region’s data is loaded', () => {
    const zh = benchmarkParts(bench, 'zh-CN', lookup, () => true)
    expect(zh).toMatchObject({ name: '承德县', region: { adcode: '130821' } })
    expect(`${zh!.before}${zh!.name}${zh!.after}`).toBe(bench.label.zh)
    const en = benchmarkParts(bench, 'en', lookup, () => true)
    expect(en?.name).toBe('Chengde County')
    expect(`${en!.before}${en!.name}${en!.after}`).toBe(bench.label.en)
  })

  it('stays plain text when the region’s data is not loaded, the region is unknown, or none is named', () => {
    expect(benchmarkParts(bench, 'zh-CN', lookup, (a) => a !== '130821')).toBeNull()
    expect(benchmarkParts(bench, 'zh-CN', () => undefined, () => true)).toBeNull()
    const unnamed: Benchmark = { value: bench.value, label: bench.label, level: bench.level }
    expect(benchmarkParts(unnamed, 'zh-CN', lookup, () => true)).toBeNull()
  })

  it('names the region after the label when the label does not spell it out', () => {
    const other: Benchmark = { ...bench, label: { zh: '河北省对标县 2022', en: 'A Hebei county, 2022' } }
    expect(benchmarkParts(other, 'zh-CN', lookup, () => true)).toMatchObject({ before: '河北省对标县 2022 · ', name: '承德县', after: '' })
  })
})
