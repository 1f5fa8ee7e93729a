/** Copies a PNG to the clipboard where the browser allows it. */
import { ExportError } from './errors'

export async function copyPng(make: () => Promise<Blob>): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) throw new ExportError({ kind: 'clipboardUnsupported' })
  try {
    // The promise is handed over at once so the click still counts as the user's gesture (Safari).
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': make() })])
  } catch (e) {
    if (e instanceof ExportError) throw e
    throw new ExportError({ kind: 'clipboardDenied', detail: e instanceof Error ? e.message : String(e) })
  }
}
