import { describe, expect, it } from 'vitest'
import { isStrongSeason, SEASON_YEARS, seasonalProfile } from './seasons'

const year = (y: string, months: number[]) => months.map((v, k): [string, number] => [`${y}-${String(k + 1).padStart(2, '0')}`, v])

describe('seasonalProfile and isStrongSeason', () => {
  // Relief money: a winter peak (送温暖) in January and December, a summer one (送清凉) in July and August.
  const relief = [260, 90, 80, 70, 70, 90, 150, 160, 80, 80, 90, 330]
  it('finds the December peak of relief money from earlier complete years', () => {
    const data = new Map([...year('2022', relief), ...year('2023', relief.map((v) => v * 1.1)), ...year('2024', [100])])
    const profile = seasonalProfile(data, '2024')!
    expect(profile[11]).toBeGreaterThan(2)
    expect(isStrongSeason(profile)).toBe(true)
  })
  it('sees no strong season in a steady flow', () => {
    const steady = [100, 98, 103, 101, 99, 104, 97, 102, 100, 101, 99, 105]
    expect(isStrongSeason(seasonalProfile(new Map(year('2023', steady)), '2024'))).toBe(false)
  })
  it('judges only from complete years before the one shown', () => {
    // The year shown and a year with a month missing say nothing about the usual season.
    const gappy = new Map([...year('2023', relief).filter(([p]) => p !== '2023-05'), ...year('2024', relief)])
    expect(seasonalProfile(gappy, '2024')).toBeNull()
    expect(isStrongSeason(null)).toBe(false)
  })
  it(`reads the season of the last ${SEASON_YEARS} years, not of decades ago`, () => {
    const steady = [100, 98, 103, 101, 99, 104, 97, 102, 100, 101, 99, 105]
    // Relief peaked strongly until 2015; the five years before 2024 are steady.
    const old = Array.from({ length: 10 }, (_, k) => year(String(2006 + k), relief)).flat()
    const recent = Array.from({ length: SEASON_YEARS }, (_, k) => year(String(2024 - SEASON_YEARS + k), steady)).flat()
    expect(isStrongSeason(seasonalProfile(new Map([...old, ...recent]), '2024'))).toBe(false)
    // One strong year inside the window still counts, one just outside it does not.
    expect(isStrongSeason(seasonalProfile(new Map([...year('2019', relief), ...year('2020', relief)]), '2024'))).toBe(true)
    expect(isStrongSeason(seasonalProfile(new Map(year(String(2023 - SEASON_YEARS), relief)), '2024'))).toBe(false)
  })
})
