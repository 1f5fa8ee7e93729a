/**
 * The 2023.10 trap. A month typed as `2023.10` into a General cell is kept by Excel as the number
 * 2023.1, the same number as `2023.1` typed for January. A lone 2023.1 cannot say which it was;
 * its column can:
 *   - months written with two digits (2023.11, 2023.12, 2023.05) → 2023.1 was 2023.10, October;
 *   - months written with one digit (2023.2 … 2023.9), none with two → 2023.1 is January;
 *   - neither or both → it is asked (a choice in the preview), never guessed.
 * A cell formatted with two decimals (0.00) shows 2023.10 and is read as shown.
 */
import { normalisePeriod } from '@/domain/periods'
import { formatDecimals } from './cells'
import type { SheetCell } from './sheet'

export type DotMonth = 'january' | 'october'

export interface DotReading {
  /** How a number YYYY.1 reads in this column; null when neither the column nor the user says. */
  one: DotMonth | null
  by: 'column' | 'user' | null
  /** The column holds numbers such as 2023.1 whose reading depends on this. */
  needed: boolean
}

/** Year and the decimals as the cell shows them, for a non-integer number. */
function shown(cell: SheetCell): { year: number; digits: string } | undefined {
  const n = cell.value
  if (typeof n !== 'number' || Number.isInteger(n) || n < 1000 || n > 9999) return undefined
  const k = formatDecimals(cell.format)
  const text = k !== undefined && k > 0 ? n.toFixed(k) : String(n)
  const m = /^(\d{4})\.(\d+)$/.exec(text)
  return m ? { year: Number(m[1]), digits: m[2]! } : undefined
}

export function readDots(cells: readonly (SheetCell | undefined)[], choice?: DotMonth): DotReading {
  let needed = false
  let two = false
  let one = false
  for (const cell of cells) {
    const s = cell && shown(cell)
    if (!s) continue
    if (s.digits === '1') needed = true
    else if (s.digits.length === 2) two = true
    else if (s.digits.length === 1) one = true
  }
  if (!needed) return { one: null, by: null, needed }
  if (choice) return { one: choice, by: 'user', needed }
  if (two !== one) return { one: two ? 'october' : 'january', by: 'column', needed }
  return { one: null, by: null, needed }
}

/**
 * A number cell in a period column as a period code; 'ambiguous' for YYYY.1 that the reading
 * leaves open. Integers are years (2023) or year-months (202310).
 */
export function numberPeriod(cell: SheetCell, reading: DotReading): string | 'ambiguous' {
  const n = cell.value as number
  if (Number.isInteger(n)) return normalisePeriod(n.toFixed(0)) ?? n.toFixed(0)
  const s = shown(cell)
  if (!s) return String(n)
  if (s.digits === '1' && formatDecimals(cell.format) !== 2) {
    if (!reading.one) return 'ambiguous'
    return `${s.year}-${reading.one === 'october' ? '10' : '01'}`
  }
  return normalisePeriod(`${s.year}-${s.digits}`) ?? String(n)
}
