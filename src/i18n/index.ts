import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import type { Locale } from '@/domain/format'

export type MessageSchema = typeof zhCN
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en'
}

/**
 * A feature area may keep its messages in `features/<area>.ts`, exporting
 * `{ 'zh-CN': { <area>: {...} }, en: { <area>: {...} } }`; they are merged in here.
 */
export interface FeatureMessages {
  'zh-CN': Record<string, unknown>
  en: Record<string, unknown>
}

const features = import.meta.glob<{ default: FeatureMessages }>('./features/*.ts', { eager: true })
const messages = { 'zh-CN': { ...zhCN } as Record<string, unknown>, en: { ...en } as Record<string, unknown> }
for (const mod of Object.values(features)) {
  Object.assign(messages['zh-CN'], mod.default['zh-CN'])
  Object.assign(messages.en, mod.default.en)
}

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN' as Locale,
  fallbackLocale: 'zh-CN',
  messages: messages as { 'zh-CN': MessageSchema; en: MessageSchema },
})
