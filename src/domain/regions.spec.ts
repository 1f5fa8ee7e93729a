// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import regionsJson from '../../data/regions.json'
import { isTotalLabel, loadRegionCatalogue, normaliseRegionText, type ResolveResult } from './regions'

const catalogue = loadRegionCatalogue(regionsJson)
/** The boundary files shipped with the app (scripts/simplify-geo.ts). */
const GEO_DIR = fileURLToPath(new URL('../../public/geo', import.meta.url))

function adcodeOf(result: ResolveResult): string | undefined {
  return result.ok ? result.region.adcode : undefined
}

interface GeoFeatureProps {
  adcode: string
  name: string
}

function geoFeatures(file: string): GeoFeatureProps[] {
  const json = JSON.parse(readFileSync(join(GEO_DIR, file), 'utf8')) as {
    features: { properties: GeoFeatureProps }[]
  }
  return json.features.map((f) => f.properties)
}

describe('region catalogue contents', () => {
  it('has the province, 13 cities and 95 county-level divisions', () => {
    const count = (level: string) => catalogue.all.filter((r) => r.level === level).length
    expect(count('province')).toBe(1)
    expect(count('city')).toBe(13)
    expect(count('district')).toBe(95)
    expect(catalogue.size).toBe(109)
    expect(new Set(catalogue.all.map((r) => r.adcode)).size).toBe(109)
  })

  it('puts each district under a city and each city under the province', () => {
    for (const r of catalogue.all) {
      if (r.level === 'province') expect(r.parent).toBeNull()
      if (r.level === 'city') expect(r.parent).toBe('320000')
      if (r.level === 'district') expect(catalogue.level(r.parent ?? '')).toBe('city')
    }
    expect(catalogue.children('320000')).toHaveLength(13)
    expect(catalogue.all.map((r) => r.adcode)[0]).toBe('320000')
  })

  it('contains every feature of the 14 Jiangsu boundary files, by adcode and name', () => {
    const files = readdirSync(GEO_DIR).filter((f) => /^32\d{4}\.json$/.test(f))
    expect(files).toHaveLength(14)
    let features = 0
    for (const file of files) {
      const owner = file.replace('.json', '')
      for (const { adcode, name } of geoFeatures(file)) {
        features++
        const region = catalogue.get(adcode)
        expect(region, `${file}: ${adcode} ${name}`).toBeDefined()
        expect(region?.name).toBe(name)
        expect(region?.parent).toBe(owner)
      }
      expect(catalogue.children(owner)).toHaveLength(geoFeatures(file).length)
    }
    expect(features).toBe(13 + 95)
  })

  it('derives short forms and English names', () => {
    expect(catalogue.get('321012')).toMatchObject({ shortName: '江都', nameEn: 'Jiangdu' })
    expect(catalogue.get('320100')).toMatchObject({ shortName: '南京', nameEn: 'Nanjing' })
    expect(catalogue.get('320000')).toMatchObject({ shortName: '江苏', nameEn: 'Jiangsu' })
    expect(catalogue.get('320322')).toMatchObject({ shortName: '沛县', nameEn: 'Pei County' })
    expect(catalogue.get('320685')).toMatchObject({ nameEn: "Hai'an" })
  })
})

describe('tree navigation', () => {
  it('walks parents, ancestors and depth', () => {
    expect(catalogue.parentOf('321012')?.name).toBe('扬州市')
    expect(catalogue.parentOf('320000')).toBeUndefined()
    expect(catalogue.ancestors('321012').map((r) => r.adcode)).toEqual(['320000', '321000'])
    expect(catalogue.depth('320000')).toBe(0)
    expect(catalogue.depth('321000')).toBe(1)
    expect(catalogue.depth('321012')).toBe(2)
    expect(catalogue.depth('999999')).toBeUndefined()
    expect(catalogue.children('321012')).toEqual([])
  })

  it('maps adcodes to dense integer codes and back', () => {
    catalogue.all.forEach((r, i) => {
      expect(catalogue.index(r.adcode)).toBe(i)
      expect(catalogue.at(i)).toBe(r)
    })
    expect(catalogue.at(109)).toBeUndefined()
    expect(catalogue.at(-1)).toBeUndefined()
    expect(catalogue.at(0.5)).toBeUndefined()
  })
})

describe('resolve', () => {
  it.each([
    ['321012', '321012', 'adcode'],
    ['321012000000', '321012', 'adcode'],
    ['３２１０１２', '321012', 'adcode'],
    ['江都区', '321012', 'name'],
    [' 江 都 区 ', '321012', 'name'],
    ['南京市', '320100', 'name'],
    ['江苏省', '320000', 'name'],
    ['江都', '321012', 'alias'],
    ['锡山', '320205', 'alias'],
    ['南京', '320100', 'alias'],
    ['江苏', '320000', 'alias'],
    ['扬州市江都区', '321012', 'alias'],
    ['扬州江都区', '321012', 'alias'],
    ['扬州江都', '321012', 'alias'],
    ['海安县', '320685', 'alias'],
    ['海门市', '320614', 'alias'],
    ['港闸区', '320613', 'alias'],
    ['南通市港闸区', '320613', 'alias'],
    ['清浦区', '320812', 'alias'],
    ['清河区', '320812', 'alias'],
    ['楚州区', '320803', 'alias'],
    ['淮阴市', '320800', 'alias'],
    ['淮阴区', '320804', 'name'],
  ] as const)('%s → %s via %s', (input, adcode, via) => {
    const result = catalogue.resolve(input)
    expect(result).toMatchObject({ ok: true, via })
    expect(adcodeOf(result)).toBe(adcode)
  })

  it('never picks between two regions of the same name without a parent', () => {
    const result = catalogue.resolve('鼓楼区')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toBe('ambiguous')
    expect(result.candidates.map((r) => r.adcode).sort()).toEqual(['320106', '320302'])
    expect(catalogue.resolve('鼓楼')).toMatchObject({ ok: false, reason: 'ambiguous' })
  })

  it.each(['徐州市', '徐州', '320300', '江苏省徐州市'])('uses the parent %s to pick 徐州 鼓楼区', (parent) => {
    expect(adcodeOf(catalogue.resolve('鼓楼区', { parent }))).toBe('320302')
    expect(adcodeOf(catalogue.resolve('鼓楼', { parent }))).toBe('320302')
  })

  it('uses the parent to pick 南京 鼓楼区', () => {
    expect(adcodeOf(catalogue.resolve('鼓楼区', { parent: '南京' }))).toBe('320106')
    expect(adcodeOf(catalogue.resolve('鼓楼区', { parent: '320100' }))).toBe('320106')
  })

  it('keeps 淮安 (city and district short form) ambiguous until a parent decides', () => {
    expect(catalogue.resolve('淮安')).toMatchObject({ ok: false, reason: 'ambiguous' })
    expect(adcodeOf(catalogue.resolve('淮安', { parent: '江苏省' }))).toBe('320800')
    expect(adcodeOf(catalogue.resolve('淮安', { parent: '淮安市' }))).toBe('320803')
    expect(adcodeOf(catalogue.resolve('淮安市'))).toBe('320800')
  })

  it('does not resolve a name outside the given parent', () => {
    const result = catalogue.resolve('鼓楼区', { parent: '常州市' })
    expect(result).toMatchObject({ ok: false, reason: 'unknown' })
    if (!result.ok) expect(result.candidates).toHaveLength(2)
    expect(catalogue.resolve('江都区', { parent: '徐州' })).toMatchObject({ ok: false, reason: 'unknown' })
  })

  it('accepts a parent above the direct one', () => {
    expect(adcodeOf(catalogue.resolve('江都区', { parent: '江苏省' }))).toBe('321012')
  })

  it.each(['不存在区', '江', '都区', '扬州市江', '北京市', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    '%s is unknown',
    (input) => {
      expect(catalogue.resolve(input)).toMatchObject({ ok: false, reason: 'unknown', candidates: [] })
    },
  )

  it('rejects unknown and malformed codes', () => {
    expect(catalogue.resolve('999999')).toMatchObject({ ok: false, reason: 'unknown' })
    expect(catalogue.resolve('321012000001')).toMatchObject({ ok: false, reason: 'unknown' })
    expect(catalogue.resolve('32101')).toMatchObject({ ok: false, reason: 'unknown' })
    expect(catalogue.resolve('321012000')).toMatchObject({ ok: false, reason: 'unknown' })
  })

  it.each(['', '   ', '\u3000', '\t\n'])('%j is empty', (input) => {
    expect(catalogue.resolve(input)).toMatchObject({ ok: false, reason: 'empty', candidates: [] })
  })

  it('ignores a context with a prototype key', () => {
    expect(adcodeOf(catalogue.resolve('江都区', { parent: '__proto__' }))).toBe('321012')
  })
})

describe('total labels', () => {
  it.each(['合计', '总计', '全市', '全区', '全县', '全省', '小计', ' 合 计 ', '合计\u3000'])('%j is a total', (label) => {
    expect(isTotalLabel(label)).toBe(true)
    expect(catalogue.isTotalLabel(label)).toBe(true)
  })

  it.each(['江都区', '合计数', '全市合计人数', '', '__proto__'])('%j is not a total', (label) => {
    expect(isTotalLabel(label)).toBe(false)
  })
})

describe('loadRegionCatalogue', () => {
  const base = regionsJson.regions
  const withEntry = (i: number, patch: Record<string, unknown>) => ({
    version: 1,
    source: 'test',
    regions: base.map((r, j) => (j === i ? { ...r, ...patch } : r)),
  })

  it('rejects a bad shape and names the bad entry', () => {
    expect(() => loadRegionCatalogue(null)).toThrow(/expected an object/)
    expect(() => loadRegionCatalogue({ version: 2, source: '', regions: [] })).toThrow(/version/)
    expect(() => loadRegionCatalogue({ version: 1, source: '', regions: {} })).toThrow(/"regions"/)
    expect(() => loadRegionCatalogue(withEntry(5, { aliases: 'x' }))).toThrow(/regions\[5\] \(\d{6} .+\): "aliases"/)
    expect(() => loadRegionCatalogue(withEntry(3, { adcode: '32010' }))).toThrow(/regions\[3\].*"adcode"/)
    expect(() => loadRegionCatalogue(withEntry(2, { level: 'town' }))).toThrow(/regions\[2\].*"level"/)
    expect(() => loadRegionCatalogue(withEntry(2, { parent: '999999' }))).toThrow(/parent 999999/)
    expect(() => loadRegionCatalogue(withEntry(2, { adcode: '320100' }))).toThrow(/appears twice/)
  })

  it('returns regions that cannot be changed from outside', () => {
    const region = catalogue.get('321012')
    expect(Object.isFrozen(region)).toBe(true)
    expect(Object.isFrozen(region?.aliases)).toBe(true)
  })
})

describe('properties', () => {
  const regionArb = fc.constantFrom(...catalogue.all)

  it('every region resolves to itself by adcode and by official name within its parent', () => {
    fc.assert(
      fc.property(regionArb, (region) => {
        const byCode = catalogue.resolve(region.adcode)
        const context = region.parent === null ? undefined : { parent: region.parent }
        const byName = catalogue.resolve(region.name, context)
        return (
          byCode.ok && byCode.region === region && byCode.via === 'adcode' &&
          byName.ok && byName.region === region && byName.via === 'name'
        )
      }),
      { numRuns: 500 },
    )
  })

  it('resolution does not depend on surrounding or full-width spaces', () => {
    fc.assert(
      fc.property(regionArb, fc.constantFrom('', ' ', '\u3000', '\t'), (region, pad) => {
        const context = region.parent === null ? undefined : { parent: region.parent }
        const result = catalogue.resolve(`${pad}${region.name}${pad}`, context)
        return result.ok && result.region === region
      }),
    )
  })

  it('arbitrary text never throws and never resolves by loose matching', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = catalogue.resolve(text)
        if (!result.ok) return true
        const key = normaliseRegionText(text)
        const r = result.region
        return (
          r.adcode === key ||
          `${r.adcode}000000` === key ||
          [r.name, r.shortName, ...r.aliases].map(normaliseRegionText).includes(key)
        )
      }),
      { numRuns: 1000 },
    )
  })
})
