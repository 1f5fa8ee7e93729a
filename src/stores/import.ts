/**
 * One import in progress: the chosen files (one, or several returns read into one dataset), the
 * choices made in the preview (encoding, delimiter, sheets and header rows of a workbook, period,
 * column and region mappings, custom indicators), the parse running in the worker and its result.
 * Nothing reaches the dashboard or the saved datasets before `confirm`.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { Indicator } from '@/domain/types'
import { CancelledError, fetchBlob, startParse, type ParseJob } from '@/data/loader'
import type { ParsedFile, WorkbookChoices } from '@/data/parse'
import { parseInputs, type ChosenFile } from '@/data/import-request'
import type { Encoding } from '@/data/decode'
import type { Delimiter } from '@/data/delimiter'
import { splitUnit } from '@/data/units'
import { customIndicator, customIndicatorId, isUnit, type CustomIndicatorSpec } from '@/data/custom'
import { indicatorCatalogue, NATIONAL_URL, regionCatalogue } from '@/data/catalogues'
import { useDatasetsStore, userErrorOf, type UserError } from './datasets'

/** Mapping target meaning "make a new indicator of this column". */
export const NEW_CUSTOM = '__new__'
/** Progress shows only for parses that take longer than this. */
const PROGRESS_DELAY_MS = 300

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.json,.xlsx,.xls'

type Dict<T> = Record<string, T>

/** Lookups keyed by text from the user's file have no prototype, so 'constructor' is just a key. */
function dict<T>(from?: Dict<T>, key?: string, value?: T): Dict<T> {
  const d = Object.assign(Object.create(null) as Dict<T>, from)
  if (key !== undefined) {
    if (value === undefined) delete d[key]
    else d[key] = value
  }
  return d
}

export const useImportStore = defineStore('import', () => {
  const open = ref(false)
  const managerOpen = ref(false)
  /** The reporting template's dialog (下载报表模板). */
  const templateOpen = ref(false)
  /** The chosen files as Blobs: the worker reads them for each parse, so the page never holds their bytes. */
  const files = shallowRef<ChosenFile[]>([])
  const file = computed<ChosenFile | null>(() => files.value[0] ?? null)
  const encoding = ref<Encoding | null>(null)
  const delimiter = ref<Delimiter | null>(null)
  // Shallow: its plain objects go to the worker as they are (a reactive proxy cannot be posted).
  const workbook = shallowRef<WorkbookChoices>({})
  const period = ref('')
  const indicatorMap = ref<Dict<string>>(dict<string>())
  const regionMap = ref<Dict<string>>(dict<string>())
  const customSpecs = ref<Dict<CustomIndicatorSpec>>(dict<CustomIndicatorSpec>())
  /** Indicators whose values the user chose to multiply (×100 for fractions meant as percentages). */
  const scale = ref<Dict<number>>(dict<number>())
  const preview = shallowRef<ParsedFile | null>(null)
  const parsing = ref(false)
  const progress = ref<number | null>(null)
  const error = ref<UserError | null>(null)
  const name = ref('')
  const withSample = ref(false)
  const saving = ref(false)
  let job: ParseJob | undefined

  const customIndicators = computed<Indicator[]>(() => Object.values(customSpecs.value).map(customIndicator))

  function reset() {
    encoding.value = null
    delimiter.value = null
    workbook.value = {}
    period.value = /(?:19|20)\d{2}/.exec(file.value?.name ?? '')?.[0] ?? ''
    indicatorMap.value = dict<string>()
    regionMap.value = dict<string>()
    customSpecs.value = dict<CustomIndicatorSpec>()
    scale.value = dict<number>()
    preview.value = null
    error.value = null
    withSample.value = false
  }

  function begin(list: ChosenFile[]) {
    job?.cancel()
    files.value = markRaw(list.map((f) => markRaw(f)))
    name.value = list[0]!.name.replace(/\.[^.]*$/, '')
    reset()
    open.value = true
    void parse()
  }

  /** One file, or several returns read into one dataset. */
  async function openFiles(list: readonly File[]): Promise<void> {
    if (list.length === 0) return
    open.value = true
    try {
      begin(list.map((f) => ({ name: f.name, data: f })))
    } catch (e) {
      error.value = userErrorOf(e)
    }
  }

  function openFile(f: File): Promise<void> {
    return openFiles([f])
  }

  async function openUrl(url: string): Promise<void> {
    error.value = null
    try {
      const abs = new URL(url, location.href).href
      const data = await fetchBlob(abs)
      begin([{ name: decodeURIComponent(new URL(abs).pathname.split('/').pop() || 'data.csv'), data }])
    } catch (e) {
      open.value = true
      preview.value = null
      error.value = userErrorOf(e)
    }
  }

  async function parse(): Promise<void> {
    if (files.value.length === 0) return
    job?.cancel()
    parsing.value = true
    progress.value = null
    const timer = setTimeout(() => (progress.value ??= 0), PROGRESS_DELAY_MS)
    const indicators = [...indicatorCatalogue.indicators, ...customIndicators.value.filter((c) => !indicatorCatalogue.byId.has(c.id))]
    // The worker tells each file's format from its bytes; the parsers stay off the main thread.
    const requests = parseInputs(files.value, {
      encoding: encoding.value,
      delimiter: delimiter.value,
      workbook: workbook.value,
      period: period.value,
      indicatorMap: indicatorMap.value,
      regionMap: regionMap.value,
      scale: scale.value,
    })
    const current = startParse(
      requests.length === 1 ? requests[0]! : requests,
      { regions: regionCatalogue.all, indicators, world: NATIONAL_URL },
      (p) => {
        if (progress.value !== null) progress.value = p
      },
    )
    job = current
    try {
      const result = await current.result
      if (job !== current) return
      preview.value = markRaw(result)
      error.value = null
    } catch (e) {
      if (job !== current) return
      if (!(e instanceof CancelledError)) error.value = userErrorOf(e)
    } finally {
      clearTimeout(timer)
      if (job === current) {
        parsing.value = false
        progress.value = null
      }
    }
  }

  function cancelParse() {
    job?.cancel()
    job = undefined
    parsing.value = false
    progress.value = null
    if (!preview.value) close()
  }

  function mapIndicator(label: string, target: string) {
    if (target === NEW_CUSTOM) {
      const { name: base, unit } = splitUnit(label)
      const spec: CustomIndicatorSpec = { name: base, unit: isUnit(unit) ? unit : '个', rule: unit === '%' ? 'mean' : 'sum' }
      customSpecs.value = dict(customSpecs.value, label, spec)
      indicatorMap.value = dict(indicatorMap.value, label, customIndicatorId(base))
    } else {
      customSpecs.value = dict(customSpecs.value, label)
      indicatorMap.value = dict(indicatorMap.value, label, target)
    }
    void parse()
  }

  function setCustom(label: string, patch: Partial<Pick<CustomIndicatorSpec, 'unit' | 'rule'>>) {
    const spec = customSpecs.value[label]
    if (!spec) return
    customSpecs.value = dict(customSpecs.value, label, { ...spec, ...patch })
    void parse()
  }

  /** Multiplies an indicator's values by `factor` (null: as in the file), then reads the file again. */
  function setScale(indicatorId: string, factor: number | null) {
    scale.value = dict(scale.value, indicatorId, factor ?? undefined)
    void parse()
  }

  function mapRegion(text: string, adcode: string) {
    regionMap.value = dict(regionMap.value, text, adcode)
    void parse()
  }

  function setOption<K extends 'encoding' | 'delimiter' | 'sheet'>(key: K, value: string | null) {
    if (key === 'encoding') encoding.value = value as Encoding | null
    if (key === 'delimiter') delimiter.value = value as Delimiter | null
    if (key === 'sheet') return setWorkbook({ sheets: value ? [value] : undefined })
    void parse()
  }

  /** Sheets to read, header rows, the reading of 2023.1: undefined puts a choice back to automatic. */
  function setWorkbook(patch: Partial<WorkbookChoices>) {
    // Header rows are placed on the sheet shown; another choice of sheets finds them afresh.
    const next: WorkbookChoices = { ...workbook.value, ...('sheets' in patch ? { header: undefined } : {}), ...patch }
    for (const k of Object.keys(next) as (keyof WorkbookChoices)[]) if (next[k] === undefined) delete next[k]
    workbook.value = next
    void parse()
  }

  function setPeriod(value: string) {
    period.value = value.trim()
    void parse()
  }

  async function confirm(): Promise<boolean> {
    const p = preview.value
    if (!p || p.table.length === 0 || saving.value) return false
    saving.value = true
    try {
      await useDatasetsStore().importParsed(p, name.value.trim() || p.report.file, withSample.value, customIndicators.value)
      close()
      return true
    } catch (e) {
      error.value = e && typeof e === 'object' && 'key' in e ? (e as UserError) : userErrorOf(e)
      return false
    } finally {
      saving.value = false
    }
  }

  function close() {
    job?.cancel()
    job = undefined
    open.value = false
    parsing.value = false
    progress.value = null
    files.value = []
    preview.value = null
  }

  return {
    open,
    managerOpen,
    templateOpen,
    files,
    file,
    encoding,
    delimiter,
    workbook,
    period,
    indicatorMap,
    regionMap,
    customSpecs,
    scale,
    customIndicators,
    preview,
    parsing,
    progress,
    error,
    name,
    withSample,
    saving,
    openFile,
    openFiles,
    openUrl,
    parse,
    cancelParse,
    mapIndicator,
    setCustom,
    mapRegion,
    setScale,
    setOption,
    setWorkbook,
    setPeriod,
    confirm,
    close,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useImportStore, import.meta.hot))
