/**
 * What the CSV reader knows of a row, resolved once per distinct text of each column: its region
 * (by a user's mapping, else by code and name with its city and province: domain/rowPlace.ts), its period, whether it is a total
 * row (合计, 全市), and the indicator a label stands for (by a user's mapping, else the catalogue).
 * Problems are reported as buildTable reports them: the file, the row, the column and the text.
 */
import type { Indicator, Region } from '@/domain/types'
import { normaliseRegionText, type RegionCatalogue } from '@/domain/regions'
import { placeRow, type RowPlace, type RowPlaceText } from '@/domain/rowPlace'
import { normalisePeriod } from '@/domain/periods'
import { ByteInterner, type CsvTokenizer } from './fast-csv'
import { matchLabel, MAX_LISTED_PROBLEMS, normaliseHeader, placeProblems, unmatchedOf, type ColumnMatch, type Field, type ImportOptions, type IndicatorLookup, type LoadProblem, type PlaceHeaders, type RegionMatch } from './facts'

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

/** A row's place (code, name, city and province as one) and its problems, worked out once per combination. */
interface PlaceHit {
  place: RowPlace
  text: RowPlaceText
  /** Catalogue position of the placed region, -1 when unplaced. */
  position: number
  /** Made with row 0; each row reports them under its own number. */
  problems: LoadProblem[]
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
  readonly province: ColumnTexts
  readonly period: ColumnTexts
  readonly problems = new ProblemList()
  readonly unmatched = new Map<string, RegionMatch>()
  /** Canonical periods in order of first sight; a period's number is its position here. */
  readonly canonicalPeriods: string[] = []
  private readonly canonicalNumber = new Map<string, number>()
  private readonly periodNumber: number[] = []
  private readonly names: ({ text: string; total: boolean } | undefined)[] = []
  private readonly parentTotal: (boolean | undefined)[] = []
  /** Per (city, province) pair its number; per pair number the places by name and code. */
  private readonly contextNumber = new Map<number, number>()
  private readonly placesIn: Map<number, PlaceHit>[] = []
  private readonly placeHeaders: PlaceHeaders
  private readonly mappedByName: (PlacedRegion | null | undefined)[] = []
  private readonly mappedByCode: (PlacedRegion | null | undefined)[] = []
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
    this.province = new ColumnTexts(at('province'), ctx.fix)
    this.placeHeaders = {
      code: at('regionCode') < 0 ? '' : ctx.header('regionCode'),
      name: ctx.header('region'),
      city: at('parent') < 0 ? '' : ctx.header('parent'),
      province: at('province') < 0 ? '' : ctx.header('province'),
    }
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
    const hit = this.placeOf(codeId, nameId, this.parentOf(tok), this.province.id(tok))
    for (const p of hit.problems) this.problems.add({ ...p, row: rowNo })
    if (hit.place.ok) return { region: hit.place.region, position: hit.position }
    const match = unmatchedOf(hit.place, hit.text, this.placeHeaders, rowNo)
    if (match) {
      const key = normaliseRegionText(match.text)
      const u = this.unmatched.get(key)
      if (u) u.count++
      else this.unmatched.set(key, match)
    }
    return null
  }

  /** The place of a combination of code, name, city and province, worked out once. */
  private placeOf(codeId: number, nameId: number, parentId: number, provinceId: number): PlaceHit {
    const pair = (parentId + 1) * 4294967296 + (provinceId + 1)
    let c = this.contextNumber.get(pair)
    if (c === undefined) this.contextNumber.set(pair, (c = this.placesIn.push(new Map()) - 1))
    const byKey = this.placesIn[c]!
    const key = (nameId + 1) * 4294967296 + (codeId + 1)
    let hit = byKey.get(key)
    if (!hit) {
      const { regions, file } = this.ctx
      const text: RowPlaceText = { code: this.code.text(codeId), name: this.name.text(nameId), city: this.parent.text(parentId), province: this.province.text(provinceId) }
      const place = placeRow(regions, text)
      hit = { place, text, position: place.ok ? (regions.index(place.region.adcode) ?? -1) : -1, problems: placeProblems(file, 0, place, text, this.placeHeaders, regions) }
      byKey.set(key, hit)
    }
    return hit
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
