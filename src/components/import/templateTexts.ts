/** The reporting template's texts in the UI language, for export/template.ts. */
import type { Region } from '@/domain/types'
import type { TemplateTexts } from '@/export/template'

type T = (key: string, params?: Record<string, unknown>) => string

export function templateTexts(t: T, parent: Region, several: boolean, period: string, zh: boolean): TemplateTexts {
  const k = (key: string) => t(`workbook.template.file.${key}`)
  const region = zh ? parent.name : parent.nameEn
  const level = k(`levels.${parent.level === 'province' ? 'city' : 'district'}`)
  return {
    title: several ? t('workbook.template.file.title', { region, level, period }) : t('workbook.template.file.titleOne', { region, period }),
    unitLine: k('unitLine'),
    code: k('code'),
    region: k('region'),
    period: k('period'),
    total: k('total'),
    signature: k('signature'),
    sheetData: k('sheetData'),
    sheetDefinitions: k('sheetDefinitions'),
    sheetHelp: k('sheetHelp'),
    definitionHead: (['indicator', 'unit', 'definition', 'rule'] as const).map((h) => k(`definitionHead.${h}`)),
    rules: { sum: k('rules.sum'), ratio: k('rules.ratio'), weighted_mean: k('rules.weighted_mean'), mean: k('rules.mean') },
    numbersOnly: k('numbersOnly'),
    rateOnly: k('rateOnly'),
    help: (['fill', 'rates', 'units', 'blanks', 'definitions', 'send'] as const).map((h) => k(`help.${h}`)),
  }
}

export function templateFileName(t: T, region: string, period: string): string {
  return t('workbook.template.fileName', { region, period }).replace(/[\\/:*?"<>|\s]+/g, '-')
}
