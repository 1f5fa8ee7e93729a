/** Row numbers as a reader writes them: 1—3、7 in Chinese, 1–3, 7 in English. */
export function rowRanges(rows: readonly number[], locale: string): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b)
  const parts: string[] = []
  const dash = locale === 'en' ? '–' : '—'
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    parts.push(j > i ? `${sorted[i]}${dash}${sorted[j]}` : String(sorted[i]))
    i = j + 1
  }
  return parts.join(locale === 'en' ? ', ' : '、')
}
