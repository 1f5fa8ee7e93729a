/**
 * An SVG path for a KPI card's sparkline: no chart instance for a 100 × 28 line. A missing value
 * breaks the line (a new `M`), it is never drawn as zero.
 */
export function sparklinePath(values: readonly number[], width: number, height: number, pad = 2): string {
  const present = values.filter((v) => !Number.isNaN(v))
  if (present.length === 0) return ''
  const lo = Math.min(...present)
  const hi = Math.max(...present)
  const span = hi - lo || 1
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0
  let d = ''
  let pen = false
  values.forEach((v, k) => {
    if (Number.isNaN(v)) {
      pen = false
      return
    }
    const x = pad + k * step
    const y = hi === lo ? height / 2 : pad + (1 - (v - lo) / span) * (height - 2 * pad)
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`
    pen = true
  })
  return d
}
