// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import regionsJson from '../../data/regions.json'
import { CHINA, nationalRegions, smallestContaining } from './national'
import { loadRegionCatalogue, RegionCatalogue, type ResolveResult } from './regions'

const file: unknown = JSON.parse(readFileSync(new URL('../../public/regions/china.json', import.meta.url), 'utf8'))
const china = new RegionCatalogue(nationalRegions(file))
const code = (r: ResolveResult) => (r.ok ? r.region.adcode : undefined)

describe('national catalogue contents', () => {
  it('has at least 34 provinces, 330 prefectures and 2,800 county-level divisions under one root', () => {
    const count = (level: string) => china.all.filter((r) => r.level === level).length
    expect(count('province')).toBeGreaterThanOrEqual(34)
    expect(count('city')).toBeGreaterThanOrEqual(330)
    expect(count('district')).toBeGreaterThanOrEqual(2800)
    expect(china.all.filter((r) => r.parent === null).map((r) => r.adcode)).toEqual([CHINA])
    expect(china.children(CHINA)).toHaveLength(count('province'))
  })

  it('has 承德县, 北京市通州区 and 南通市通州区 with codes, names and English names', () => {
    expect(china.get('130821')).toMatchObject({ name: '承德县', parent: '130800', nameEn: 'Chengde County' })
    expect(code(china.resolve('承德县'))).toBe('130821')
    expect(china.get('110112')).toMatchObject({ name: '通州区', parent: '110000', nameEn: 'Tongzhou' })
    expect(china.get('320612')).toMatchObject({ name: '通州区', parent: '320600' })
    expect(china.get('150000')).toMatchObject({ shortName: '内蒙古', nameEn: 'Inner Mongolia' })
    expect(china.get('610000')?.nameEn).toBe('Shaanxi')
    expect(china.get('140000')?.nameEn).toBe('Shanxi')
    expect(china.get('222400')).toMatchObject({ shortName: '延边' })
  })

  it('agrees with the bundled 江苏省 catalogue region by region', () => {
    const jiangsu = loadRegionCatalogue(regionsJson)
    for (const r of jiangsu.all) {
      const n = china.get(r.adcode)
      expect(n, r.adcode).toBeDefined()
      expect({ ...n, parent: r.parent, formerCodes: undefined }).toMatchObject({ ...r, formerCodes: undefined })
    }
  })

  it('keeps former names and codes', () => {
    expect(code(china.resolve('港闸区', { parent: '南通市' }))).toBe('320613')
    expect(code(china.resolve('320611'))).toBe('320613')
    expect(code(china.resolve('崇文区'))).toBe('110101')
    expect(code(china.resolve('海安县'))).toBe('320685')
  })

  it('rejects a malformed file with the row', () => {
    expect(() => nationalRegions({ version: 2, regions: [['1', 'x']] })).toThrow(/row 0/)
    expect(() => nationalRegions({ version: 1, regions: [] })).toThrow(/version: 2/)
  })
})

describe('national name resolution', () => {
  it('settles namesakes across provinces by the city column', () => {
    expect(code(china.resolve('鼓楼区', { parent: '福州市' }))).toBe('350102')
    expect(code(china.resolve('鼓楼区', { parent: '南京' }))).toBe('320106')
    expect(code(china.resolve('通州区', { parent: '北京市' }))).toBe('110112')
    expect(code(china.resolve('通州区', { parent: '南通市' }))).toBe('320612')
    expect(code(china.resolve('海州区', { parent: '阜新市' }))).toBe('210902')
  })

  it('reports an unsettled namesake as ambiguous, naming every candidate', () => {
    const r = china.resolve('鼓楼区')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('ambiguous')
    expect(r.candidates.map((c) => c.adcode).sort()).toEqual(expect.arrayContaining(['320106', '320302', '350102', '410204']))
  })

  it('settles a namesake by the home region when nothing else does', () => {
    expect(code(china.resolve('通州区', { home: '110000' }))).toBe('110112')
    expect(code(china.resolve('鼓楼区', { home: '320100' }))).toBe('320106')
    expect(china.resolve('鼓楼区', { home: '320000' }).ok).toBe(false) // two in 江苏 itself
  })

  it('settles by the code whatever the name, and by a 12-digit statistical code', () => {
    expect(code(china.resolve('130821'))).toBe('130821')
    expect(code(china.resolve('130821000000'))).toBe('130821')
  })

  it('never ignores a city that contradicts the match', () => {
    const r = china.resolve('通州区', { parent: '承德市' })
    expect(r).toMatchObject({ ok: false, reason: 'unknown' })
    if (!r.ok) expect(r.candidates.map((c) => c.adcode).sort()).toEqual(['110112', '320612'])
  })

  it('in a 江苏 catalogue that knows the nation, reports 通州区 under 北京市 instead of booking it to 南通', () => {
    const jiangsu = loadRegionCatalogue(regionsJson)
    expect(code(jiangsu.resolve('通州区', { parent: '北京市' }))).toBe('320612') // without the nation: no way to tell
    jiangsu.world = china
    const r = jiangsu.resolve('通州区', { parent: '北京市' })
    expect(r).toMatchObject({ ok: false, reason: 'unknown' })
    if (!r.ok) expect(r.candidates.map((c) => c.adcode)).toEqual(['320612'])
    expect(jiangsu.resolve('海州区', { parent: '阜新市' }).ok).toBe(false)
    // Text that is no place still narrows nothing.
    expect(code(jiangsu.resolve('江都区', { parent: '__proto__' }))).toBe('321012')
    expect(code(jiangsu.resolve('通州区', { parent: '南通' }))).toBe('320612')
  })
})

describe('home regions', () => {
  it('cuts the catalogue at the home region, which becomes the root', () => {
    const chengde = china.subtree('130800')
    expect(chengde.all[0]).toMatchObject({ adcode: '130800', parent: null })
    expect(chengde.children('130800').map((r) => r.name)).toContain('承德县')
    expect(chengde.has('130000')).toBe(false)
    expect(chengde.resolve('通州区', { parent: '北京市' })).toMatchObject({ ok: false, reason: 'unknown' })
  })

  it('finds the smallest region containing a set of rows', () => {
    expect(smallestContaining(china, ['130821', '130802', '130881'])?.adcode).toBe('130800')
    expect(smallestContaining(china, ['130821', '130102'])?.adcode).toBe('130000')
    expect(smallestContaining(china, ['130821', '320612'])?.adcode).toBe(CHINA)
    expect(smallestContaining(china, [])).toBeUndefined()
  })

  it('looks up 3,000 names in well under a second', () => {
    const names = china.all.map((r) => r.name)
    const t0 = performance.now()
    for (const n of names) china.resolve(n)
    expect(performance.now() - t0).toBeLessThan(1000)
  })
})
