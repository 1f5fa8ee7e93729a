// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { nationalRegions } from './national'
import regionsJson from '../../data/regions.json'
import { loadRegionCatalogue, RegionCatalogue } from './regions'
import { childLevelWord, distinctRegionLabels, levelWord, regionLabel, regionMatches, searchRegions } from './regionLabels'
import type { Region } from './types'

const jiangsu = loadRegionCatalogue(regionsJson)
const china = new RegionCatalogue(nationalRegions(JSON.parse(readFileSync(new URL('../../public/regions/china.json', import.meta.url), 'utf8'))))
const NANJING_GULOU = '320106'
const XUZHOU_GULOU = '320302'

function region(adcode: string, name: string, nameEn: string, parent: string | null, level: Region['level']): Region {
  return { adcode, name, shortName: name.slice(0, -1), nameEn, parent, level, aliases: [] }
}

/** Two cities of one name in two provinces, each with a 城关区: three levels are needed to tell the districts apart. */
const twoProvinces = new RegionCatalogue([
  region('100000', '全国', 'China', null, 'province'),
  region('110000', '甲省', 'Jia', '100000', 'province'),
  region('110100', '新城市', 'Xincheng', '110000', 'city'),
  region('110101', '城关区', 'Chengguan', '110100', 'district'),
  region('120000', '乙省', 'Yi', '100000', 'province'),
  region('120100', '新城市', 'Xincheng', '120000', 'city'),
  region('120101', '城关区', 'Chengguan', '120100', 'district'),
])

describe('distinctRegionLabels', () => {
  it('keeps short names while they are unique among the regions shown', () => {
    const labels = distinctRegionLabels(jiangsu, [NANJING_GULOU, '320105'], 'zh-CN')
    expect(labels.get(NANJING_GULOU)).toBe('鼓楼区')
    expect(labels.get('320105')).toBe('建邺区')
  })

  it('names the two 鼓楼区 with their cities when both are shown, in both languages', () => {
    const zh = distinctRegionLabels(jiangsu, [NANJING_GULOU, XUZHOU_GULOU, '320105'], 'zh-CN')
    expect(zh.get(NANJING_GULOU)).toBe('南京市鼓楼区')
    expect(zh.get(XUZHOU_GULOU)).toBe('徐州市鼓楼区')
    expect(zh.get('320105')).toBe('建邺区')
    const en = distinctRegionLabels(jiangsu, [NANJING_GULOU, XUZHOU_GULOU], 'en')
    expect(en.get(NANJING_GULOU)).toBe('Gulou, Nanjing')
    expect(en.get(XUZHOU_GULOU)).toBe('Gulou, Xuzhou')
  })

  it('gives every one of the 95 districts and 13 cities a label no other shown region has', () => {
    const all = jiangsu.all.map((r) => r.adcode)
    for (const locale of ['zh-CN', 'en'] as const) {
      const labels = distinctRegionLabels(jiangsu, all, locale)
      expect(new Set(labels.values()).size).toBe(all.length)
    }
  })

  it('goes up as many levels as it takes, and leaves unknown codes as they are', () => {
    const labels = distinctRegionLabels(twoProvinces, ['110101', '120101', '999999'], 'zh-CN')
    expect(labels.get('110101')).toBe('甲省新城市城关区')
    expect(labels.get('120101')).toBe('乙省新城市城关区')
    expect(labels.get('999999')).toBe('999999')
  })
})

describe('regionLabel', () => {
  it('qualifies a name the catalogue holds twice, and only such a name', () => {
    expect(regionLabel(jiangsu, XUZHOU_GULOU, 'zh-CN')).toBe('徐州市鼓楼区')
    expect(regionLabel(jiangsu, '320205', 'zh-CN')).toBe('锡山区')
    expect(regionLabel(jiangsu, '320205', 'en')).toBe(jiangsu.get('320205')!.nameEn)
  })
})

describe('searchRegions', () => {
  it('finds 锡山区 from 锡山, and a city before its counties', () => {
    expect(searchRegions(jiangsu, '锡山').map((r) => r.name)).toEqual(['锡山区'])
    const wuxi = searchRegions(jiangsu, '无锡')
    expect(wuxi[0]?.name).toBe('无锡市')
  })

  it('matches English names without regard to case, full-width text and spaces', () => {
    expect(searchRegions(jiangsu, 'gulou').map((r) => r.adcode)).toEqual([NANJING_GULOU, XUZHOU_GULOU])
    expect(searchRegions(jiangsu, ' 江 阴 ').map((r) => r.name)).toEqual(['江阴市'])
    expect(regionMatches(jiangsu.get('320281')!, 'ＪＩＡＮＧＹＩＮ')).toBe(true)
  })

  it('matches nothing for an empty text', () => {
    expect(searchRegions(jiangsu, '  ')).toEqual([])
    expect(regionMatches(jiangsu.get('320000')!, '')).toBe(false)
  })
})

describe('the word for a level in titles', () => {

  it('calls the children of the country provinces, never 设区市', () => {
    expect(childLevelWord(china, '100000')).toBe('province')
    for (const p of china.children('100000')) expect(levelWord(china, p.adcode)).toBe('province')
  })

  it('says 设区市 only where every prefecture of the province is a 市', () => {
    expect(childLevelWord(jiangsu, '320000')).toBe('city')
    expect(childLevelWord(china, '320000')).toBe('city')
    expect(childLevelWord(china, '130000')).toBe('city')
    // 四川 has 州, 内蒙古 盟, 新疆 地区: 市（州、盟）.
    for (const p of ['510000', '150000', '650000']) expect(childLevelWord(china, p), p).toBe('prefecture')
    for (const p of china.children('100000')) {
      const word = childLevelWord(china, p.adcode)
      const kids = china.children(p.adcode)
      if (kids.every((k) => k.level === 'district')) expect(word, p.name).toBe('district')
      else expect(word, p.name).toBe(kids.every((k) => k.name.endsWith('市')) ? 'city' : 'prefecture')
    }
  })

  it('calls county-level divisions 区县, under a city or directly under 北京', () => {
    expect(childLevelWord(china, '130800')).toBe('district')
    expect(childLevelWord(china, '110000')).toBe('district')
    expect(levelWord(jiangsu, NANJING_GULOU)).toBe('district')
    expect(levelWord(jiangsu, undefined)).toBe('district')
  })
})

describe('regionLabel across the national catalogue', () => {
  it('labels every region as the scan of all its namesakes does, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const own = (r: Region) => (locale === 'zh-CN' ? r.name : r.nameEn)
      for (const r of china.all) {
        const namesakes = china.all.filter((o) => own(o) === own(r)).map((o) => o.adcode)
        expect(regionLabel(china, r.adcode, locale)).toBe(distinctRegionLabels(china, namesakes, locale).get(r.adcode))
      }
    }
    // The namesakes are told apart: 鼓楼区 is in four cities.
    expect(new Set(china.all.filter((r) => r.name === '鼓楼区').map((r) => regionLabel(china, r.adcode, 'zh-CN'))).size).toBe(china.all.filter((r) => r.name === '鼓楼区').length)
    expect(regionLabel(china, '350102', 'zh-CN')).toBe('福州市鼓楼区')
  })
})
