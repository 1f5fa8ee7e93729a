/**
 * Problems as sentences in the UI language, and the validation report as CSV.
 */
import { useI18n } from 'vue-i18n'
import type { LoadProblem, LoadReport } from '@/data/facts'
import { WARNING_CODES } from '@/data/problem-codes'
import { toCsv } from '@/export/csv'

export function useProblemText() {
  const { t } = useI18n()
  const message = (p: LoadProblem) => t(`problems.${p.code}`, { ...p, file: p.file, text: p.text ?? '', detail: p.detail ?? '', column: p.column ?? '' })
  const where = (p: LoadProblem) =>
    [p.file, p.row !== undefined ? t('import.where.row', { row: p.row }) : '', p.column ? t('import.where.column', { column: p.column }) : '']
      .filter(Boolean)
      .join(' ')
  const severity = (p: LoadProblem) => (WARNING_CODES.has(p.code) ? t('import.problems.warning') : t('import.problems.error'))

  function reportCsv(reports: readonly LoadReport[]): string {
    const head = (['file', 'row', 'column', 'severity', 'code', 'message', 'text'] as const).map((k) => t(`import.report.${k}`))
    const rows = reports.flatMap((r) => r.problems.map((p) => [p.file, p.row ?? null, p.column ?? '', severity(p), p.code, message(p), p.text ?? '']))
    return toCsv([head, ...rows])
  }

  return { message, where, severity, reportCsv }
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
