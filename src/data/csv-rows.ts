/**
 * What the CSV reader knows of a row, resolved once per distinct text of each column: its region
 * (by a user's mapping, by code, else by name within its city), its period, whether it is a total
 * row (合计, 全市), and the indicator a label stands for (by a user's mapping, else the catalogue).
 * Problems are reported as buildTable reports them: the file, the row, the column and the text.
 */
import type { Indicator, Region } from '@/domain/types'
import { normaliseRegionText, type RegionCatalogue, type ResolveResult } from '@/domain/regions'
import { normalisePeriod } from '@/domain/periods'
import { ByteInterner, type CsvTokenizer } from './fast-csv'
import { matchLabel, nameContradiction, MAX_LISTED_PROBLEMS, normaliseHeader, type ColumnMatch, type Field, type ImportOptions, type IndicatorLookup, type LoadProblem, type RegionMatch } from './facts'

/** One column's distinct byte strings and their trimmed text. */
export class ColumnTexts {
  private readonly interner = new ByteInterner()
  private readonly cache: string[] = ['']
  constructor(
    /** Field position in the row; -1 when the file has no such column. */
    readonly at: number,
    private readonly fix: (s: string) => string,
  ) {}
  /** Id of the current row's cell (-1 when there is no column). */
  id(tok: CsvTokenizer): number {
    return this.at < 0 ? -1 : this.interner.field(tok, this.at)
  }
  text(id: number): string {
    return (this.cache[id + 1] ??= this.fix(this.interner.text(id)).trim())
  }
}

interface RegionHit {
  result: ResolveResult | undefined
  /** Catalogue position of the resolved region, -1 when unresolved. */
  position: number
}

/** A resolved region: where it is in the catalogue, and the region. */
export interface PlacedRegion {
  position: number
  region: Region
}

export interface RowContext {
  file: string
  regions: RegionCatalogue
  indicators: IndicatorLookup
  options: ImportOptions
  /** Headers by field, and the table's shape (a wide label carries its unit). */
  header: (f: Field) => string
  wide: boolean
  fix: (s: string) => string
}

/** Problems in file order as they are found: the first MAX_LISTED_PROBLEMS kept, all counted. */
export class ProblemList {
  readonly list: LoadProblem[] = []
  count = 0
  add(p: LoadProblem): void {
    this.count++
    if (this.list.length < MAX_LISTED_PROBLEMS) this.list.push(p)
  }
}

function keyMap(pairs: readonly (readonly [string, string])[] | undefined, norm: (s: string) => string): Map<string, string> {
  return new Map((pairs ?? []).map(([k, v]) => [norm(k), v]))
}

export class RowResolver {
  readonly code: ColumnTexts
  readonly name: ColumnTexts
  readonly parent: ColumnTexts
  readonly period: ColumnTexts
  readonly problems = new ProblemList()
  readonly unmatched = new Map<string, RegionMatch>()
  /** Canonical periods in order of first sight; a period's number is its position here. */
  readonly canonicalPeriods: string[] = []
  private readonly canonicalNumber = new Map<string, number>()
  private readonly periodNumber: number[] = []
  private readonly names: ({ text: string; total: boolean } | undefined)[] = []
  private readonly codes: ((RegionHit & { text: string }) | undefined)[] = []
  private readonly parentTotal: (boolean | undefined)[] = []
  private readonly byName = new Map<number, RegionHit>()
  private readonly mappedByName: (PlacedRegion | null | undefined)[] = []
  private readonly mappedByCode: (PlacedRegion | null | undefined)[] = []
  private readonly contradictions = new Map<string, { names: string } | null>()
  private readonly regionMap: Map<string, string>
  private readonly indicatorMap: Map<string, string>
  private readonly fallbackPeriod: string | null
  /** Labels → indicators, one ColumnMatch per normalised label in order of first use. */
  readonly columns = new Map<string, ColumnMatch>()
  /** Indicators met so far, numbered densely. */
  readonly indicatorList: Indicator[] = []
  private readonly indicatorNumber = new Map<Indicator, number>()

  constructor(
    readonly ctx: RowContext,
    at: (f: Field) => number,
  ) {
    this.code = new ColumnTexts(at('regionCode'), ctx.fix)
    this.name = new ColumnTexts(at('region'), ctx.fix)
    this.parent = new ColumnTexts(at('parent'), ctx.fix)
    this.period = new ColumnTexts(at('period'), ctx.fix)
    this.regionMap = keyMap(ctx.options.regionMap, normaliseRegionText)
    this.indicatorMap = keyMap(ctx.options.indicatorMap, normaliseHeader)
    this.fallbackPeriod = ctx.options.period ? normalisePeriod(ctx.options.period) : null
  }

  /** Ids of the current row's region cells (parentId -2 until needed), set by `isTotalRow`. */
  private codeId = -1
  private nameId = -1
  private parentId = -2

  /** Reads the current row's region cells; true when the row is a total (合计, 全市). */
  isTotalRow(tok: CsvTokenizer): boolean {
    const codeId = (this.codeId = this.code.id(tok))
    const nameId = (this.nameId = this.name.id(tok))
    this.parentId = -2
    const name = (this.names[nameId + 1] ??= { text: this.name.text(nameId), total: this.ctx.regions.isTotalLabel(this.name.text(nameId)) })
    if (name.total) return true
    if (name.text || this.code.text(codeId)) return false
    const parentId = this.parentOf(tok)
    return (this.parentTotal[parentId + 1] ??= this.ctx.regions.isTotalLabel(this.parent.text(parentId)))
  }

  private parentOf(tok: CsvTokenizer): number {
    if (this.parentId === -2) this.parentId = this.parent.id(tok)
    return this.parentId
  }

  private regionHit(result: ResolveResult | undefined): RegionHit {
    return { result, position: result?.ok ? (this.ctx.regions.index(result.region.adcode) ?? -1) : -1 }
  }

  /** A region the user mapped the row's text to (the name, else the code), once per text. */
  private mapped(codeId: number, nameId: number): PlacedRegion | null {
    if (this.regionMap.size === 0) return null
    const byName = this.name.text(nameId) !== ''
    const cache = byName ? this.mappedByName : this.mappedByCode
    const id = byName ? nameId : codeId
    let hit = cache[id + 1]
    if (hit === undefined) {
      const adcode = this.regionMap.get(normaliseRegionText(byName ? this.name.text(nameId) : this.code.text(codeId)))
      const region = adcode === undefined ? undefined : this.ctx.regions.get(adcode)
      hit = cache[id + 1] = region ? { region, position: this.ctx.regions.index(region.adcode) ?? -1 } : null
    }
    return hit
  }

  /** The row's region, or null after reporting why it has none. */
  region(tok: CsvTokenizer, rowNo: number): PlacedRegion | null {
    const { codeId, nameId } = this
    const mapped = this.mapped(codeId, nameId)
    if (mapped) return mapped
    const { regions } = this.ctx
    const codeInfo = (this.codes[codeId + 1] ??= this.codeHit(this.code.text(codeId)))
    const name = this.name.text(nameId)
    const code = codeInfo.text
    let hit: RegionHit | undefined = code ? codeInfo : undefined
    if (hit?.result?.ok && name) this.questionName(hit.result.region, rowNo, codeId, nameId, this.parentOf(tok))
    if (!hit?.result?.ok && name) {
      const pid = this.parentOf(tok)
      const key = (nameId + 1) * 4294967296 + (pid + 1)
      hit = this.byName.get(key)
      if (!hit) {
        const parent = this.parent.text(pid)
        hit = this.regionHit(regions.resolve(name, parent ? { parent } : undefined))
        this.byName.set(key, hit)
      }
    }
    if (hit?.result?.ok) return { region: hit.result.region, position: hit.position }
    this.reportRegion(hit?.result, rowNo, name || code, this.ctx.header(name || this.code.at < 0 ? 'region' : 'regionCode'))
    return null
  }

  private codeHit(text: string): RegionHit & { text: string } {
    return { text, ...this.regionHit(text ? this.ctx.regions.resolve(text) : undefined) }
  }

  /** The code decides; a name that points elsewhere is questioned (resolved once per code, name and city). */
  private questionName(coded: Region, rowNo: number, codeId: number, nameId: number, parentId: number): void {
    const { regions } = this.ctx
    const key = `${codeId}|${nameId}|${parentId}`
    let against = this.contradictions.get(key)
    if (against === undefined) this.contradictions.set(key, (against = nameContradiction(regions, coded, this.name.text(nameId), this.parent.text(parentId))))
    if (!against) return
    this.problems.add({
      code: 'regionConflict',
      file: this.ctx.file,
      row: rowNo,
      column: this.ctx.header('regionCode'),
      text: this.code.text(codeId),
      detail: this.name.text(nameId),
      subject: `${regions.parentOf(coded.adcode)?.name ?? ''}${coded.name}`,
      other: against.names,
    })
  }

  private reportRegion(r: ResolveResult | undefined, rowNo: number, text: string, column: string): void {
    const { regions, file } = this.ctx
    const ambiguous = r !== undefined && !r.ok && r.reason === 'ambiguous'
    const candidates = r && !r.ok ? r.candidates : []
    this.problems.add({
      code: ambiguous ? 'ambiguousRegion' : 'unknownRegion',
      file,
      row: rowNo,
      column,
      text,
      ...(ambiguous ? { detail: candidates.map((c) => `${regions.parentOf(c.adcode)?.name ?? ''}${c.name}`).join('、') } : {}),
    })
    const key = normaliseRegionText(text)
    const u = this.unmatched.get(key)
    if (u) u.count++
    else this.unmatched.set(key, { text, column, count: 1, firstRow: rowNo, reason: ambiguous ? 'ambiguous' : 'unknown', candidates: candidates.map((c) => c.adcode) })
  }

  /** The canonical number of a period cell (the fixed period when the cell is blank), or -1 after reporting it. */
  periodOf(id: number, rowNo: number): number {
    let p = this.periodNumber[id + 1]
    if (p === undefined) {
      const text = this.period.text(id)
      const canonical = normalisePeriod(text) ?? (text === '' ? this.fallbackPeriod : null)
      p = -1
      if (canonical !== null) {
        p = this.canonicalNumber.get(canonical) ?? this.canonicalPeriods.length
        if (p === this.canonicalPeriods.length) {
          this.canonicalPeriods.push(canonical)
          this.canonicalNumber.set(canonical, p)
        }
      }
      this.periodNumber[id + 1] = p
    }
    if (p < 0) this.problems.add({ code: 'badPeriod', file: this.ctx.file, row: rowNo, column: this.ctx.header('period'), text: this.period.text(id) })
    return p
  }

  /** The match of a label (a long table's indicator cell, a wide table's header), made once per normalised label. */
  label(label: string, column: string): ColumnMatch {
    const key = normaliseHeader(label)
    let m = this.columns.get(key)
    if (m) return m
    m = matchLabel(label, column, this.indicatorMap.get(key), this.ctx.indicators, this.ctx.wide)
    this.columns.set(key, m)
    return m
  }

  /** Whether the user mapped this label (a hidden column is read only then). */
  isMapped(label: string): boolean {
    return this.indicatorMap.has(normaliseHeader(label))
  }

  /** The dense number of an indicator, given on first sight. */
  indicatorNumberOf(ind: Indicator): number {
    let n = this.indicatorNumber.get(ind)
    if (n === undefined) {
      n = this.indicatorList.length
      this.indicatorList.push(ind)
      this.indicatorNumber.set(ind, n)
    }
    return n
  }
}
