/** Colours shared by every chart, per theme. Charts read them; nothing else defines colours. */
import type { ThemeName } from '@/stores/ui'

export interface ChartPalette {
  text: string
  subtle: string
  axis: string
  split: string
  primary: string
  highlight: string
  reference: string
  benchmark: string
  noData: string
  /** Low → high for a higher-is-better indicator (reversed when lower is better). */
  scale: string[]
  above: string
  below: string
  background: string
  /** Region borders on maps, and the halo that keeps map labels readable on any fill. */
  border: string
  labelHalo: string
  /** Lines of the trend chart: the scope first, then the regions it is compared with (blue last: it is the reference's hue). */
  series: string[]
}

export const palettes: Record<ThemeName, ChartPalette> = {
  light: {
    text: '#1f2329',
    subtle: '#646a73',
    axis: '#8f959e',
    split: '#e5e6eb',
    primary: '#c0392b',
    highlight: '#f39c12',
    reference: '#3370ff',
    benchmark: '#7f3bf5',
    noData: '#e9e9eb',
    scale: ['#fdeee8', '#f9c4b0', '#ef8a6c', '#d9533c', '#a9271b'],
    above: '#c0392b',
    below: '#8f959e',
    background: 'transparent',
    border: '#ffffff',
    labelHalo: 'rgba(255,255,255,0.75)',
    series: ['#c0392b', '#1a7f37', '#8250df', '#bf8700', '#0a7f8c', '#d63384', '#57606a', '#1f6feb'],
  },
  dark: {
    text: '#e8eaed',
    subtle: '#a8adb4',
    axis: '#6b7078',
    split: '#33363b',
    primary: '#ff6b5a',
    highlight: '#ffc14d',
    reference: '#6e9bff',
    benchmark: '#b28cff',
    noData: '#3a3d42',
    scale: ['#3b2a2a', '#6e3329', '#a8412f', '#dd5a3d', '#ff8a65'],
    above: '#ff6b5a',
    below: '#6b7078',
    background: 'transparent',
    border: '#1d1f22',
    labelHalo: 'rgba(20,21,23,0.75)',
    series: ['#ff6b5a', '#4ac26b', '#b28cff', '#e3b341', '#39c5cf', '#ff9bce', '#a8adb4', '#6e9bff'],
  },
}

/** Hatching that marks "no data" on a map independently of colour. */
export function noDataDecal(p: ChartPalette) {
  return { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: p.axis }
}
