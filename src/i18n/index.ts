import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import { withFeatures } from './messages'
import { compileMessage } from './compile'
import type { Locale } from '@/domain/format'

export type MessageSchema = typeof zhCN
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en'
}

// Chinese is the default and ships with the first view; English is loaded on demand (below).
const zhMessages = withFeatures(zhCN, import.meta.glob<{ default: Record<string, unknown> }>('./features/*.zh-CN.ts', { eager: true }))

const messages: { [L in Locale]?: MessageSchema } = { 'zh-CN': zhMessages }

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN' as Locale,
  // A key missing in English shows the Chinese text rather than the key itself.
  fallbackLocale: 'zh-CN',
  messages,
  messageCompiler: compileMessage,
})

/** The languages fetched on demand, each as one chunk. */
const lazyMessages: Record<Exclude<Locale, 'zh-CN'>, () => Promise<{ default: MessageSchema }>> = {
  en: () => import('./en-messages'),
}
const loading = new Map<Locale, Promise<void>>()

/**
 * Makes a language's messages available to `t()`. Resolves at once for Chinese; for English it
 * fetches the messages the first time. Call it before switching `locale`, so nothing renders
 * half in one language and half in the other.
 */
export function loadLocaleMessages(locale: Locale): Promise<void> {
  if (locale === 'zh-CN') return Promise.resolve()
  let p = loading.get(locale)
  if (!p) {
    p = lazyMessages[locale]().then(
      (m) => {
        i18n.global.setLocaleMessage(locale, m.default)
        // Messages that came with a dialog loaded before this language stay.
        for (const bundle of later) i18n.global.mergeLocaleMessage(locale, bundle[locale])
      },
      (e: unknown) => {
        // Not remembered, so the next attempt fetches again (a flaky network, a redeploy).
        loading.delete(locale)
        throw e
      },
    )
    loading.set(locale, p)
  }
  return p
}

/** Messages of a part of the app loaded on use (a dialog), in both languages. */
export type LaterMessages = Record<Locale, Record<string, unknown>>
const later: LaterMessages[] = []

/** Adds a dialog's messages when its code loads; they outlast a later switch of language. */
export function addLaterMessages(bundle: LaterMessages): void {
  later.push(bundle)
  for (const locale of LOCALES) if (locale === 'zh-CN' || loading.has(locale)) i18n.global.mergeLocaleMessage(locale, bundle[locale])
}
