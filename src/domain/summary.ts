/**
 * What a screen reader hears of a ranking or map beside its title: the highest and the lowest
 * region with their values. Regions without data (NaN) are left out; ties go to the first listed.
 */
export interface Valued {
  adcode: string
  value: number
}

export interface Extremes<T extends Valued> {
  highest: T
  lowest: T
}

/** The regions with the highest and the lowest value, or null when no region has data. */
export function extremes<T extends Valued>(items: readonly T[]): Extremes<T> | null {
  let highest: T | undefined
  let lowest: T | undefined
  for (const it of items) {
    if (Number.isNaN(it.value)) continue
    if (highest === undefined || it.value > highest.value) highest = it
    if (lowest === undefined || it.value < lowest.value) lowest = it
  }
  return highest && lowest ? { highest, lowest } : null
}
