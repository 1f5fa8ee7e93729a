/**
 * A file read while the home region was another one, kept across the reload that switches the home
 * region (HomeOffer.vue) and read again under the new one. Kept in IndexedDB, never on a server.
 */
import { del, get, set } from 'idb-keyval'
import type { ChosenFile } from '@/data/import-request'

const KEY = 'national:pending-import'
export const RESUME_PARAM = 'resume'

/** Saves the files and reloads the page with `?home=<adcode>`. */
export async function switchHomeWith(adcode: string, files: readonly ChosenFile[]): Promise<void> {
  await set(KEY, files.map((f) => ({ name: f.name, data: f.data })))
  const url = new URL(location.href)
  url.searchParams.set('home', adcode)
  url.searchParams.set(RESUME_PARAM, 'import')
  location.assign(url.toString())
}

/** Hands the files saved by `switchHomeWith` to `open` (the import preview), once. */
export async function resumeImport(open: (files: File[]) => Promise<void>): Promise<void> {
  const saved = await get<ChosenFile[]>(KEY)
  await del(KEY)
  const url = new URL(location.href)
  url.searchParams.delete(RESUME_PARAM)
  history.replaceState(history.state, '', url.toString())
  if (!saved?.length) return
  await open(saved.map((f) => new File([f.data], f.name)))
}
