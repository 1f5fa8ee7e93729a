/**
 * The deployment's home region: a province, prefecture or county whose federation runs the
 * dashboard. The map, the breadcrumb root, the rankings and "上级" references start there.
 *
 * Set in public/config.json (`{ "home": "130800" }`, read at start so a deployment changes it without
 * a rebuild) and overridden by `?home=` in the address. A home inside 江苏省 uses the bundled
 * catalogue; any other fetches the national one (public/regions/china.json) first. `100000` is the
 * whole country, drawn by province.
 */
import { bundledRegions, installRegions, NATIONAL_URL } from './catalogues'
import { RegionCatalogue } from '@/domain/regions'

export const DEFAULT_HOME = '320000'

export interface HomeSetup {
  home: string
  /** Why the home asked for could not be used (the default is used instead), else null. */
  problem: string | null
}

let national: Promise<RegionCatalogue> | undefined

/** The national catalogue, fetched and built once (in a chunk of its own). */
export function nationalCatalogue(): Promise<RegionCatalogue> {
  national ??= Promise.all([fetch(NATIONAL_URL), import('@/domain/national')]).then(async ([res, mod]) => {
    if (!res.ok) throw new Error(`${NATIONAL_URL}: ${res.status} ${res.statusText}`)
    return new RegionCatalogue(mod.nationalRegions(await res.json()))
  })
  national.catch(() => (national = undefined))
  return national
}

function homeInAddress(): string | null {
  const fromSearch = new URLSearchParams(location.search).get('home')
  return fromSearch ?? new URLSearchParams(location.hash.split('?')[1]).get('home')
}

async function homeInConfig(): Promise<string | null> {
  try {
    const res = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' })
    if (!res.ok) return null
    const json: unknown = await res.json()
    const home = (json as { home?: unknown } | null)?.home
    return typeof home === 'string' ? home.trim() : null
  } catch {
    return null // no config file: the default home
  }
}

/** Reads the home region and installs its catalogue. Never throws: a bad home falls back to 江苏省. */
export async function startHome(): Promise<HomeSetup> {
  const asked = homeInAddress() ?? (await homeInConfig()) ?? DEFAULT_HOME
  if (asked === DEFAULT_HOME) return { home: DEFAULT_HOME, problem: null }
  if (bundledRegions.has(asked)) {
    installRegions(bundledRegions.subtree(asked))
    return { home: asked, problem: null }
  }
  try {
    const all = await nationalCatalogue()
    if (!all.has(asked)) return { home: DEFAULT_HOME, problem: asked }
    const catalogue = all.all[0]?.adcode === asked ? all : all.subtree(asked)
    catalogue.world = all
    installRegions(catalogue)
    return { home: asked, problem: null }
  } catch {
    return { home: DEFAULT_HOME, problem: asked }
  }
}
