import { describe, expect, it } from 'vitest'
import { i18n, loadLocaleMessages } from './index'
import en from './en-messages'

/** Every leaf path of a message tree, e.g. `export.dialog.title`. */
function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('messages', () => {
  it('English has exactly the keys Chinese has, feature areas included', () => {
    const zh = i18n.global.getLocaleMessage('zh-CN') ?? {}
    expect(Object.keys(zh)).toEqual(expect.arrayContaining(['app', 'export', 'import']))
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })

  it('ships Chinese only and adds English when it is loaded', async () => {
    expect(i18n.global.availableLocales).toEqual(['zh-CN'])
    await loadLocaleMessages('en')
    expect(i18n.global.t('app.title', {}, { locale: 'en' })).toBe('Union Data Dashboard')
    expect(i18n.global.t('export.menu', {}, { locale: 'en' })).toBe('Export')
  })
})

describe('messages loaded with a dialog', () => {
  it('have the same keys in English as in Chinese, and none of the first view’s', async () => {
    const first = keys(i18n.global.getLocaleMessage('zh-CN'))
    const bundles = [
      [await import('./lazy/workbook.zh-CN'), await import('./lazy/workbook.en')],
      [await import('./lazy/import.zh-CN'), await import('./lazy/import.en')],
    ] as const
    for (const [zhLater, enLater] of bundles) {
      expect(keys(enLater.default).sort()).toEqual(keys(zhLater.default).sort())
      expect(keys(zhLater.default).filter((k) => first.includes(k))).toEqual([])
    }
  })

  it('outlast loading English afterwards', async () => {
    await import('./lazy/import')
    expect(i18n.global.t('import.confirm', {}, { locale: 'zh-CN' })).toBe('确认导入')
    await import('./lazy/workbook')
    expect(i18n.global.t('workbook.header.title', {}, { locale: 'zh-CN' })).toBe('表头位置')
    await loadLocaleMessages('en')
    expect(i18n.global.t('workbook.header.title', {}, { locale: 'en' })).toBe('Header rows')
    expect(i18n.global.t('workbook.template.button', {}, { locale: 'en' })).toBe('Download template')
    expect(i18n.global.t('import.confirm', {}, { locale: 'en' })).toBe('Import')
  })
})
