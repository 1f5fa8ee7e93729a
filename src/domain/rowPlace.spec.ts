// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import regionsJson from '../../data/regions.json'
import { nationalRegions } from './national'
import { loadRegionCatalogue, RegionCatalogue } from './regions'
import { placeRow, type RowPlace, type RowPlaceText } from './rowPlace'

const file: unknown = JSON.parse(readFileSync(new URL('../../public/regions/china.json', import.meta.url), 'utf8'))
const china = new RegionCatalogue(nationalRegions(file))
china.world = china
china.home = '100000'
/** A 江苏 deployment, which knows the nation only to tell a place elsewhere from text that is no place. */
const jiangsu = loadRegionCatalogue(regionsJson)
jiangsu.world = china
jiangsu.home = '320000'
/** A 无锡市 deployment: 江苏 lies above its whole catalogue. */
const wuxi = china.subtree('320200')
wuxi.home = '320200'

const row = (r: Partial<RowPlaceText>): RowPlaceText => ({ code: '', name: '', city: '', province: '', ...r })
const placed = (p: RowPlace) => (p.ok ? p.region.adcode : undefined)

describe('the province column settles namesakes', () => {
  it('places 通州区 by its province, in full or short form', () => {
    for (const province of ['北京', '北京市', '110000']) expect(placed(placeRow(china, row({ name: '通州区', province })))).toBe('110112')
    for (const province of ['江苏', '江苏省']) expect(placed(placeRow(china, row({ name: '通州区', province })))).toBe('320612')
    expect(placeRow(china, row({ name: '通州区' }))).toMatchObject({ ok: false, reason: 'ambiguous' })
  })

  it('places 鼓楼区 in 福建 without a city: there is one there', () => {
    expect(placeRow(china, row({ name: '鼓楼区' }))).toMatchObject({ ok: false, reason: 'ambiguous' })
    expect(placed(placeRow(china, row({ name: '鼓楼区', province: '福建省' })))).toBe('350102')
    expect(placed(placeRow(china, row({ name: '鼓楼区', province: '河南' })))).toBe('410204')
    // Two in 江苏: the province alone does not tell them apart, the city does.
    const both = placeRow(china, row({ name: '鼓楼区', province: '江苏' }))
    expect(both.ok ? [] : both.candidates.map((c) => c.adcode).sort()).toEqual(['320106', '320302'])
    expect(both).toMatchObject({ reason: 'ambiguous' })
    expect(placed(placeRow(china, row({ name: '鼓楼区', city: '徐州市', province: '江苏' })))).toBe('320302')
  })

  it('reads the short forms of autonomous regions and takes 吉林 in a province column as the province', () => {
    expect(placed(placeRow(china, row({ name: '新城区', province: '内蒙古' })))).toBe(china.candidates('新城区').find((r) => r.adcode.startsWith('15'))?.adcode)
    expect(placed(placeRow(china, row({ name: '新城区', province: '内蒙古自治区' })))).toBe(placed(placeRow(china, row({ name: '新城区', province: '内蒙古' }))))
    expect(placed(placeRow(china, row({ name: '朝阳区', province: '吉林' })))).toBe('220104')
  })

  it('never books a row that names a province elsewhere to a local namesake', () => {
    const r = placeRow(jiangsu, row({ name: '通州区', province: '北京' }))
    expect(r).toMatchObject({ ok: false, reason: 'unknown' })
    expect(r.ok ? [] : r.candidates.map((c) => c.adcode)).toEqual(['320612'])
    expect(placed(placeRow(jiangsu, row({ name: '通州区', province: '江苏' })))).toBe('320612')
  })

  it('lets a province above the whole catalogue narrow nothing', () => {
    expect(placed(placeRow(wuxi, row({ name: '锡山区', province: '江苏省' })))).toBe('320205')
    expect(placed(placeRow(wuxi, row({ name: '锡山区', city: '无锡市', province: '江苏' })))).toBe('320205')
  })
})

describe('a province or city that contradicts the match is reported', () => {
  it('keeps the code and names the contradicting province', () => {
    const r = placeRow(china, row({ code: '320612', province: '北京市' }))
    expect(placed(r)).toBe('320612')
    expect(r.ok && r.conflicts).toEqual([{ field: 'province', text: '北京市', names: '北京市', against: '江苏省南通市通州区', againstField: 'code' }])
    const city = placeRow(jiangsu, row({ code: '320612', name: '通州区', city: '北京市' }))
    expect(city.ok && city.conflicts.map((c) => c.field)).toEqual(['city'])
    expect(placeRow(china, row({ code: '320612', province: '江苏' }))).toMatchObject({ ok: true, conflicts: [] })
  })

  it('rejects a city outside the row’s province, in a national and in a 江苏 deployment', () => {
    for (const catalogue of [china, jiangsu]) {
      const r = placeRow(catalogue, row({ name: '海州区', city: '阜新市', province: '江苏' }))
      expect(r).toMatchObject({ ok: false, reason: 'conflict', conflict: { field: 'city', text: '阜新市', names: '辽宁省阜新市', against: '江苏省', againstField: 'province' } })
    }
  })

  it('rejects a name that is not in the place the row names, naming where it is', () => {
    const r = placeRow(china, row({ name: '海州区', city: '南京市' }))
    expect(r).toMatchObject({ ok: false, reason: 'conflict', conflict: { field: 'name', against: '江苏省南京市', againstField: 'city' } })
    expect(r.ok || r.reason !== 'conflict' ? '' : r.conflict.names).toBe('辽宁省阜新市海州区、江苏省连云港市海州区')
    expect(placeRow(china, row({ name: '承德县', province: '江苏' }))).toMatchObject({ reason: 'conflict', conflict: { names: '河北省承德市承德县', againstField: 'province' } })
  })

  it('places every county by its name and its own province, and never inside another province', () => {
    const counties = china.all.filter((r) => r.level === 'district')
    const provinces = china.children('100000')
    fc.assert(
      fc.property(fc.constantFrom(...counties), fc.constantFrom(...provinces), fc.boolean(), (county, province, short) => {
        const own = china.ancestors(county.adcode).find((a) => a.level === 'province')!
        const text = short ? own.shortName : own.name
        const r = placeRow(china, row({ name: county.name, province: text }))
        // Its own province: booked there (or ambiguous between namesakes of that one province).
        if (r.ok) expect(china.isWithin(r.region.adcode, own.adcode)).toBe(true)
        else expect(r.reason === 'ambiguous' && r.candidates.every((c) => china.isWithin(c.adcode, own.adcode))).toBe(true)
        const other = placeRow(china, row({ name: county.name, province: province.name }))
        if (other.ok) expect(china.isWithin(other.region.adcode, province.adcode)).toBe(true)
        // A coded row is booked by its code and questioned whenever the province is another.
        const coded = placeRow(china, row({ code: county.adcode, province: province.shortName }))
        expect(placed(coded)).toBe(county.adcode)
        expect(coded.ok && coded.conflicts.length > 0).toBe(province !== own)
      }),
      { numRuns: 300 },
    )
  })
})
