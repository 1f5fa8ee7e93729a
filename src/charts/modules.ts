/**
 * ECharts modules that only some options use, registered the first time an option needs one so
 * that they stay out of the first view: the zoom window of a long trend (monthly) or ranking (all
 * 95 districts), the graded legend of a count indicator's map, and titles (small multiples,
 * exported reports). They come in one chunk: split into one chunk each, the code they share with
 * the first view is split off into more chunks that the first view loads, which costs it more
 * than the pieces save.
 */
import { use } from 'echarts/core'

const loadInstallers = () => import('./optional-modules')

export type OptionalModuleName = keyof Awaited<ReturnType<typeof loadInstallers>>

/**
 * Modules that add a step to the pipeline a chart copies when it is made (dataZoom filters the data
 * to its window): a chart made before one was registered never runs that step. The piecewise scale
 * is not one of them: its colour encoding is the continuous scale's, registered in setup.ts.
 */
const PIPELINE: ReadonlySet<OptionalModuleName> = new Set(['dataZoomInside', 'dataZoomSlider'])

const field = (o: unknown, key: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined)
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])

/** A visual map's type, defaulted the way ECharts defaults it. */
function visualMapType(vm: unknown): unknown {
  const type = field(vm, 'type')
  if (type !== undefined) return type
  const pieces = field(vm, 'pieces')
  const split = field(vm, 'splitNumber')
  const graded = Array.isArray(pieces) ? pieces.length > 0 : typeof split === 'number' && split > 0
  return !field(vm, 'categories') && (!graded || field(vm, 'calculable')) ? 'continuous' : 'piecewise'
}

/** The optional modules an option uses. */
export function modulesOf(option: object): OptionalModuleName[] {
  const names = new Set<OptionalModuleName>()
  for (const zoom of asList(field(option, 'dataZoom'))) {
    // ECharts' default type is the slider.
    const type = field(zoom, 'type') ?? 'slider'
    if (type === 'inside') names.add('dataZoomInside')
    else if (type === 'slider') names.add('dataZoomSlider')
  }
  if (asList(field(option, 'visualMap')).some((vm) => visualMapType(vm) === 'piecewise')) names.add('visualMapPiecewise')
  if (asList(field(option, 'title')).length > 0) names.add('title')
  return [...names]
}

/** Registered modules, each with the pipeline revision once it was registered. */
const registered = new Map<OptionalModuleName, number>()
const loading = new Map<OptionalModuleName, Promise<void>>()
let revision = 0

function register(name: OptionalModuleName): Promise<void> {
  let pending = loading.get(name)
  if (!pending) {
    pending = loadInstallers().then((installers) => {
      use(installers[name])
      if (PIPELINE.has(name)) revision++
      registered.set(name, revision)
    })
    // A failed fetch (a lost connection, a new deployment) is tried again by the next option that needs it.
    pending.catch(() => loading.delete(name))
    loading.set(name, pending)
  }
  return pending
}

/**
 * Registers the modules `option` needs that are not registered yet. Null when none is missing, so
 * the common case stays synchronous; otherwise a promise that settles once all are registered.
 */
export function ensureModules(option: object): Promise<void> | null {
  const missing = modulesOf(option).filter((name) => !registered.has(name))
  return missing.length === 0 ? null : Promise.all(missing.map(register)).then(() => undefined)
}

/** Pipeline modules registered so far: a chart made now runs the steps of all of them. */
export function pipelineRevision(): number {
  return revision
}

/** The pipeline revision a chart must have been made at, or after, to draw `option` in full. */
export function pipelineRevisionFor(option: object): number {
  let need = 0
  for (const name of modulesOf(option)) if (PIPELINE.has(name)) need = Math.max(need, registered.get(name) ?? 0)
  return need
}
