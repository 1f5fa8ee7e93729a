/** Image export choices, shared by every chart's menu and the export-all toolbar for this visit. */
import { ref } from 'vue'
import { resolveSize, type SizeChoice } from '@/export/size'
import type { Background, ChartExportSpec, ImageOptions } from '@/export/types'

export interface ExportChoices extends SizeChoice {
  background: Background
  watermark: boolean
  watermarkText: string
}

export const exportChoices = ref<ExportChoices>({
  preset: 'report',
  width: 1000,
  height: 600,
  scale: 2,
  background: 'white',
  watermark: false,
  watermarkText: '',
})

export function imageOptionsFor(spec: ChartExportSpec, choices: ExportChoices = exportChoices.value): ImageOptions {
  const size = resolveSize(choices, spec.screenSize(), typeof window === 'undefined' ? 1 : window.devicePixelRatio, spec.minReportHeight)
  return { ...size, background: choices.background, watermark: choices.watermark ? choices.watermarkText : '' }
}
