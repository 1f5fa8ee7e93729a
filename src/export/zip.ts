/** Every chart of the view as PNG and SVG in one ZIP (fflate, loaded on first use). */
import { chartFileBase, uniqueNames } from './filename'
import { renderPng, renderSvg } from './image'
import type { ChartExportSpec, ImageOptions } from './types'
import type { ZipOptions } from 'fflate'

/**
 * Entries made on Unix as ordinary rw-r--r-- files. fflate flags non-ASCII names as UTF-8 (bit 11);
 * Linux `unzip` (统信, 麒麟) reads names of entries "made on MS-DOS" in a DOS code page instead.
 */
export const UNIX_FILE = { os: 3, attrs: 0o100644 << 16 } as const

export async function chartsZip(specs: readonly ChartExportSpec[], optionsFor: (spec: ChartExportSpec) => ImageOptions): Promise<Blob> {
  const { zipSync, strToU8 } = await import('fflate')
  const entries: [string, Uint8Array, number][] = []
  for (const spec of specs) {
    const base = chartFileBase(spec.fileName)
    const opts = optionsFor(spec)
    const png = new Uint8Array(await (await renderPng(spec, opts)).arrayBuffer())
    // PNG is compressed already; SVG text shrinks well.
    entries.push([`${base}.png`, png, 0], [`${base}.svg`, strToU8(await renderSvg(spec, opts)), 6])
  }
  const names = uniqueNames(entries.map((e) => e[0]))
  const files: Record<string, [Uint8Array, ZipOptions]> = {}
  entries.forEach(([, data, level], i) => {
    files[names[i]!] = [data, { level: level as 0 | 6, ...UNIX_FILE }]
  })
  const zipped = zipSync(files)
  return new Blob([zipped.buffer as ArrayBuffer], { type: 'application/zip' })
}
