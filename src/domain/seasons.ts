/**
 * Seasons of a monthly flow. Relief money peaks in December (送温暖) and again in summer (送清凉):
 * against the month before, such a peak reads like an alarm, so where the season is strong a month
 * is compared with the same month a year earlier instead.
 */

/** How far a calendar month's usual level may stray from the year's mean before the season counts as strong. */
export const STRONG_SEASON = 0.4

/** How many years before the one shown make up a month's usual level. */
export const SEASON_YEARS = 5

/** Whether a month (YYYY-MM) is among the SEASON_YEARS before `beforeYear`. */
export function inSeasonWindow(month: string, beforeYear: string): boolean {
  const y = month.slice(0, 4)
  return y < beforeYear && y >= String(Number(beforeYear) - SEASON_YEARS)
}

/**
 * The usual level of each calendar month (index 0 = January) relative to its year's monthly mean,
 * averaged over the complete years (all twelve months present) of `byPeriod` among the
 * SEASON_YEARS before `beforeYear`: the season as it is now, not as it was decades ago.
 * Null when there is no complete year, or the years hold nothing.
 */
export function seasonalProfile(byPeriod: ReadonlyMap<string, number>, beforeYear: string): number[] | null {
  const years = [...new Set([...byPeriod.keys()].filter((p) => inSeasonWindow(p, beforeYear)).map((p) => p.slice(0, 4)))]
  const sums = new Array<number>(12).fill(0)
  let complete = 0
  for (const y of years) {
    const months = Array.from({ length: 12 }, (_, k) => byPeriod.get(`${y}-${String(k + 1).padStart(2, '0')}`) ?? NaN)
    if (months.some((v) => !Number.isFinite(v))) continue
    const mean = months.reduce((a, b) => a + b, 0) / 12
    if (!(mean > 0)) continue
    months.forEach((v, k) => (sums[k]! += v / mean))
    complete++
  }
  return complete > 0 ? sums.map((s) => s / complete) : null
}

/** Whether some month is usually far above or below the year's mean (a peak or a trough). */
export function isStrongSeason(profile: readonly number[] | null): boolean {
  return !!profile && profile.some((r) => Math.abs(r - 1) >= STRONG_SEASON)
}
