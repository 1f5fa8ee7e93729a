/**
 * Units a file may write that differ from the catalogue's: 帮扶金额 in 元 when the catalogue keeps
 * 万元. A value converts only within one kind of quantity (money, people); 人 and 万元 never
 * convert into each other.
 */
const KINDS: readonly Readonly<Record<string, number>>[] = [
  { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 },
  { 人: 1, 万人: 1e4 },
]

/** Factor taking a value in `from` to `to` (元 → 万元: 0.0001); 1 for the same unit; undefined when they do not convert. */
export function unitFactor(from: string, to: string): number | undefined {
  if (from === to) return 1
  for (const k of KINDS) {
    const a = k[from]
    const b = k[to]
    if (a !== undefined && b !== undefined) return a / b
  }
  return undefined
}

/** A value times a unit factor, without the binary noise of 12.3 × 0.0001. */
export function scaled(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(15))
}

/** A parsed cell in the catalogue's unit. */
export function scaledCell<T extends { ok: boolean; value?: number | null }>(cell: T, factor: number): T {
  return factor === 1 || !cell.ok || cell.value === null || cell.value === undefined ? cell : { ...cell, value: scaled(cell.value, factor) }
}

/** 职工稳定率(%) → { name: 职工稳定率, unit: % }; brackets may be full-width. */
export function splitUnit(header: string): { name: string; unit?: string } {
  const m = /^(.*?)[(（\[【]\s*([^()（）\]】]+?)\s*[)）\]】]\s*$/.exec(header.normalize('NFKC'))
  if (!m || m[1]!.trim() === '') return { name: header.trim() }
  return { name: m[1]!.trim(), unit: m[2]!.replace('％', '%') }
}
