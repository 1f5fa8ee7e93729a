/**
 * Boundary files (public/geo/<adcode>.json) are fetched when a map first needs them and registered
 * with ECharts once. Features are matched to data by their adcode, never by name.
 */
import { registerMap } from 'echarts/core'

const loaded = new Map<string, Promise<string>>()

export function mapName(adcode: string): string {
  return `region-${adcode}`
}

export function ensureMap(adcode: string): Promise<string> {
  let p = loaded.get(adcode)
  if (!p) {
    p = fetch(`${import.meta.env.BASE_URL}geo/${adcode}.json`)
      .then((res) => {
        if (!res.ok) throw new Error(`boundary file geo/${adcode}.json: ${res.status} ${res.statusText}`)
        return res.json() as Promise<Parameters<typeof registerMap>[1]>
      })
      .then((geo) => {
        registerMap(mapName(adcode), geo)
        return mapName(adcode)
      })
    p.catch(() => loaded.delete(adcode))
    loaded.set(adcode, p)
  }
  return p
}

let customCount = 0

/** Registers a user's own boundary (already matched to catalogue adcodes) and returns its key for `ensureMap`. */
export function registerCustomMap(geo: Parameters<typeof registerMap>[1]): string {
  const key = `custom-${++customCount}`
  registerMap(mapName(key), geo)
  loaded.set(key, Promise.resolve(mapName(key)))
  return key
}
