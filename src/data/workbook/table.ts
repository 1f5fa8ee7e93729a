/**
 * One sheet → the grid the table builder reads (headers, rows, row numbers) plus what the preview
 * reports about it. The layout (layout.ts) says where the header and the data are; here each data
 * cell is read by its column's role:
 *   - region, code, city and period cells merged down a long table are filled down;
 *   - period cells by their type (dates, 2023.1 read with its column);
 *   - value cells by their format (percent) and formulas by their cached values.
 * A hidden column whose heading repeats a visible one's is left out unless the user maps it.
 */
import { isTotalLabel } from '@/domain/regions'
import type { Field, LoadProblem } from '../facts'
import { fieldOfHeader } from '../facts'
import { columnLetter, type Grid } from '../grid'
import { datePeriod, isPercentFormat, periodRole, textOf, valueOf, type ColumnRole } from './cells'
import { sheetLayout, type HeaderChoice, type Layout, type LayoutColumn } from './layout'
import { numberPeriod, readDots, type DotMonth, type DotReading } from './period-dots'
import type { SheetReport, WorkbookNote } from './report'
import { MergeIndex, shownCell, type Sheet, type SheetCell } from './sheet'

export interface SheetChoices {
  /** Header rows placed by the user (0-based top). */
  header?: HeaderChoice
  /** How a period number YYYY.1 reads, when the user said. */
  dots?: DotMonth
}

export interface SheetGrid {
  grid: Grid
  report: SheetReport
}

/** Fields whose cells name a row (filled down through merged cells) rather than hold a figure. */
const LABEL_FIELDS: ReadonlySet<Field> = new Set<Field>(['region', 'regionCode', 'parent', 'province', 'period', 'indicator', 'source'])

interface Column extends LayoutColumn {
  field: Field | undefined
  role: ColumnRole
  dots?: DotReading
  /** Unique label: a repeated heading gets its column letter. */
  name: string
}

export function sheetGrid(file: string, sheet: Sheet, choices: SheetChoices = {}): SheetGrid {
  const layout = sheetLayout(sheet, choices.header)
  const merges = new MergeIndex(sheet.merges)
  const notes: WorkbookNote[] = []
  const columns = describeColumns(sheet, layout, choices.dots)
  const problems: LoadProblem[] = []
  const rows: unknown[][] = []
  const rowNumbers: number[] = []
  const filled = new Map<Column, number>()
  const percent = new Map<Column, number>()
  const dated = new Set<Column>()
  let rejected = 0

  const regionColumn = columns.find((c) => c.field === 'region')
  for (const r of layout.dataRows) {
    const row: unknown[] = []
    let ambiguous: { column: Column; text: string } | undefined
    // A 合计 row is only checked against the rows; a formula there without a value is just not checked.
    const total = regionColumn !== undefined && isTotalLabel(textOf(shownCell(sheet, merges, r, regionColumn.index)))
    for (const col of columns) {
      const own = sheet.rows[r]?.[col.index]
      if (col.field && LABEL_FIELDS.has(col.field)) {
        const cell = shownCell(sheet, merges, r, col.index)
        if (cell && cell !== own) filled.set(col, (filled.get(col) ?? 0) + 1)
        if (col.field === 'period') {
          const p = periodCell(cell, col)
          if (p === 'ambiguous') ambiguous = { column: col, text: String(cell?.value) }
          if (cell?.value instanceof Date) dated.add(col)
          row.push(p === 'ambiguous' ? '' : p)
        } else row.push(textOf(cell))
        continue
      }
      if (own?.noResult && !total) problems.push({ code: 'formulaNoValue', file, row: r + 1, column: col.name, text: own.formula ?? '' })
      if (typeof own?.value === 'number' && isPercentFormat(own.format)) percent.set(col, (percent.get(col) ?? 0) + 1)
      row.push(col.field ? textOf(own) : valueOf(own))
    }
    if (ambiguous) {
      // Read as neither month until the user says which: a wrong month is worse than a question.
      problems.push({ code: 'ambiguousPeriod', file, row: r + 1, column: ambiguous.column.name, text: ambiguous.text })
      rejected++
      continue
    }
    rows.push(row)
    rowNumbers.push(r + 1)
  }

  for (const s of groupSkipped(layout)) notes.push(s)
  for (const c of layout.leftOut) notes.push({ kind: 'leftOut', column: c.label })
  const hiddenRows = layout.dataRows.filter((r) => sheet.hiddenRows.has(r)).map((r) => r + 1)
  if (hiddenRows.length) notes.push({ kind: 'hiddenRows', rows: hiddenRows })
  for (const c of columns) {
    if (c.hidden) notes.push({ kind: 'hiddenColumn', column: c.label, letter: columnLetter(c.index), leftOut: c.name !== c.label })
    if (filled.get(c)) notes.push({ kind: 'filledDown', column: c.name, cells: filled.get(c)! })
    if (percent.get(c)) notes.push({ kind: 'percent', column: c.name, cells: percent.get(c)! })
    if (dated.has(c)) notes.push({ kind: 'dates', column: c.name, as: c.role === 'year' ? 'year' : c.role === 'month' ? 'month' : 'period' })
    if (c.dots?.needed) notes.push({ kind: 'dots', column: c.name, one: c.dots.one, by: c.dots.by })
  }
  const unitNotes = columns.map((c) => c.unitNote)
  for (const unit of new Set(columns.filter((c) => !c.field).map((c) => c.unitNote))) if (unit) notes.push({ kind: 'unitNote', unit })
  const hasPeriod = columns.some((c) => c.field === 'period')
  if (layout.periodHint && !hasPeriod) notes.push({ kind: 'periodHint', period: layout.periodHint })

  const headerRow = layout.header.top + layout.header.rows
  const grid: Grid = {
    headers: columns.map((c) => c.name),
    rows,
    rowNumbers,
    headerRow,
    rejected,
    problems,
    unitNotes,
    hiddenColumns: columns.map((c) => c.hidden && c.name !== c.label),
    ...(layout.periodHint && !hasPeriod ? { periodHint: layout.periodHint } : {}),
  }
  return { grid, report: { sheet: sheet.name, header: { top: layout.header.top + 1, rows: layout.header.rows }, detected: layout.detected, notes } }
}

/**
 * Columns with their field and role. Labels are made unique, visible columns first: a hidden
 * column repeating a visible heading is named with its letter (职工总数（人） · D列) and left out
 * unless mapped, so it never silently wins.
 */
function describeColumns(sheet: Sheet, layout: Layout, dots: DotMonth | undefined): Column[] {
  const taken = new Set<string>()
  const order = [...layout.columns].sort((a, b) => Number(a.hidden) - Number(b.hidden) || a.index - b.index)
  const names = new Map<LayoutColumn, string>()
  for (const c of order) {
    const key = c.label.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
    names.set(c, taken.has(key) ? `${c.label} · ${columnLetter(c.index)}列` : c.label)
    taken.add(key)
  }
  return layout.columns.map((c) => {
    const field = fieldOfHeader(c.label)
    const role: ColumnRole = field === 'period' ? periodRole(c.label) : field && LABEL_FIELDS.has(field) ? 'text' : 'value'
    const col: Column = { ...c, field, role, name: names.get(c)! }
    if (field === 'period') col.dots = readDots(layout.dataRows.map((r) => sheet.rows[r]?.[c.index]), dots)
    return col
  })
}

function periodCell(cell: SheetCell | undefined, col: Column): string {
  if (!cell) return ''
  const v = cell.value
  if (v instanceof Date) return datePeriod(v, col.role, cell.format)
  if (typeof v === 'number') return numberPeriod(cell, col.dots ?? { one: null, by: null, needed: false })
  return textOf(cell)
}

function groupSkipped(layout: Layout): WorkbookNote[] {
  const by = new Map<string, number[]>()
  for (const s of layout.skipped) by.set(s.kind, [...(by.get(s.kind) ?? []), s.row + 1])
  return [...by].map(([what, rows]) => ({ kind: 'skipped', what: what as Layout['skipped'][number]['kind'], rows }))
}
