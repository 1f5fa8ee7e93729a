import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'
import type { Locale } from '@/domain/format'

export type MessageSchema = typeof zhCN
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

export function isLocale(v: unknown): v is Locale {
  return v === 'zh-CN' || v === 'en'
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})
