/**
 * The bench's plot: ingest time and memory retained against rows, log–log, one line per parser,
 * as a standalone SVG for docs/PERFORMANCE.md. Plain strings: no chart library in the bench.
 */
export interface ScalePoint {
  tool: 'ours' | 'udsv' | 'papaparse'
  rows: number
  ms: number
  /** Memory retained after the parse, bytes. */
  bytes: number
  csvBytes: number
}

const SERIES = [
  { tool: 'ours', label: 'this app (tidy path)', color: '#c0392b' },
  { tool: 'udsv', label: 'uDSV typedCols', color: '#2471a3' },
  { tool: 'papaparse', label: 'papaparse (header, dynamicTyping)', color: '#7d8c8d' },
] as const

const W = 360
const H = 260
const PAD = { left: 64, right: 30, top: 34, bottom: 44 }

function panel(points: readonly ScalePoint[], value: (p: ScalePoint) => number, title: string, unit: string, x0: number): string {
  const xs = [...new Set(points.map((p) => p.rows))].sort((a, b) => a - b)
  const ys = points.map(value).filter((v) => v > 0)
  if (xs.length === 0 || ys.length === 0) return ''
  const lx = (v: number) => Math.log10(v)
  const [xMin, xMax] = [lx(xs[0]!), lx(xs.at(-1)!)]
  const yMin = Math.floor(lx(Math.min(...ys)))
  const yMax = Math.ceil(lx(Math.max(...ys)))
  const px = (v: number) => x0 + PAD.left + ((lx(v) - xMin) / Math.max(1e-9, xMax - xMin)) * (W - PAD.left - PAD.right)
  const py = (v: number) => PAD.top + (1 - (lx(v) - yMin) / Math.max(1e-9, yMax - yMin)) * (H - PAD.top - PAD.bottom)
  const out: string[] = [`<text x="${x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">${title}</text>`]
  for (let e = yMin; e <= yMax; e++) {
    const y = py(10 ** e)
    out.push(`<line x1="${x0 + PAD.left}" x2="${x0 + W - PAD.right}" y1="${y}" y2="${y}" stroke="#ddd"/>`)
    out.push(`<text x="${x0 + PAD.left - 6}" y="${y + 4}" text-anchor="end">${(10 ** e).toLocaleString('en')} ${unit}</text>`)
  }
  for (const x of xs) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#eee"/>`)
    out.push(`<text x="${px(x)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${x >= 1e6 ? `${x / 1e6}M` : `${x / 1e3}k`} rows</text>`)
  }
  for (const s of SERIES) {
    const line = points.filter((p) => p.tool === s.tool && value(p) > 0).sort((a, b) => a.rows - b.rows)
    if (line.length === 0) continue
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${line.map((p) => `${px(p.rows).toFixed(1)},${py(value(p)).toFixed(1)}`).join(' ')}"/>`)
    for (const p of line) out.push(`<circle cx="${px(p.rows).toFixed(1)}" cy="${py(value(p)).toFixed(1)}" r="3" fill="${s.color}"/>`)
  }
  return out.join('\n')
}

export function scalePlot(points: readonly ScalePoint[]): string {
  const legend = SERIES.map(
    (s, k) => `<rect x="${PAD.left + k * 230}" y="${H + 6}" width="14" height="4" fill="${s.color}"/><text x="${PAD.left + k * 230 + 20}" y="${H + 12}">${s.label}</text>`,
  ).join('\n')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 24}" font-family="sans-serif" font-size="11" fill="#222">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    panel(points, (p) => p.ms, 'Ingest time (ms, log)', 'ms', 0),
    panel(points, (p) => p.bytes / 1048576, 'Memory retained (MB, log)', 'MB', W),
    legend,
    '</svg>',
    '',
  ].join('\n')
}
