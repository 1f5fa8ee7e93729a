/**
 * The Naive UI dark theme, fetched the first time it is needed. Until it arrives `darkTheme` is
 * null and components keep their light styles; start-up awaits it when the app opens dark, so
 * only a switch at run time can show light controls, for as long as the chunk takes.
 */
import { markRaw, shallowRef } from 'vue'
import type { GlobalTheme } from 'naive-ui'

export const darkTheme = shallowRef<GlobalTheme | null>(null)

let pending: Promise<GlobalTheme> | null = null

export function loadDarkTheme(): Promise<GlobalTheme> {
  pending ??= import('./dark').then(
    (m) => (darkTheme.value = markRaw(m.darkTheme)),
    (e: unknown) => {
      // A failed fetch (e.g. a redeploy removed the chunk) may be retried on the next switch.
      pending = null
      throw e
    },
  )
  return pending
}

/** The big screen is always dark; its route is known from the hash before the router starts. */
export function opensOnBigScreen(hash: string): boolean {
  return /^#\/bigscreen(?:[/?]|$)/.test(hash)
}
