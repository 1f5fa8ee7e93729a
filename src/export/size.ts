/** Image sizes: the presets people ask for, and the limits no canvas may exceed. */
import type { ImageOptions } from './types'

export type SizePreset = 'screen' | 'report' | 'slide' | 'custom'

/** Browsers fail silently (a blank image) past these; refuse before trying. */
export const MAX_SIDE = 16384
export const MAX_PIXELS = 64_000_000

export interface SizeChoice {
  preset: SizePreset
  /** Only for `custom`: layout size in CSS pixels and the scale applied to it. */
  width: number
  height: number
  scale: number
}

/**
 * The report preset is 16.5 cm wide (A4's text width) at 300 dpi: 1949 px, and it says so in the
 * PNG. It is laid out 720 px wide and scaled up, so that 11–20 px text prints at about 7–14 pt.
 */
export const REPORT_DPI = 300
const REPORT_PIXELS = Math.round((16.5 / 2.54) * REPORT_DPI)
const REPORT_WIDTH = 720
const REPORT_SCALE = REPORT_PIXELS / REPORT_WIDTH

/**
 * The layout size and scale of an image. `screen` is the panel as shown (at the display's pixel
 * ratio); `report` keeps the screen's proportions at 1949 px wide; `slide` is 1920 × 1080.
 */
export function resolveSize(
  choice: SizeChoice,
  screen: { width: number; height: number },
  devicePixelRatio = 1,
  minReportHeight = 0,
): Pick<ImageOptions, 'width' | 'height' | 'scale' | 'dpi'> {
  switch (choice.preset) {
    // Screen and custom sizes keep their CSS size on paper (96 dpi per CSS pixel).
    case 'screen':
      return { width: Math.round(screen.width), height: Math.round(screen.height), scale: devicePixelRatio || 1, dpi: 96 * (devicePixelRatio || 1) }
    case 'report': {
      const aspect = screen.width > 0 ? screen.height / screen.width : 0.6
      const height = Math.round(REPORT_WIDTH * Math.min(1.4, Math.max(0.5, aspect)))
      // A long ranking grows downwards rather than squeezing its rows.
      const tallest = Math.floor(MAX_SIDE / REPORT_SCALE)
      return { width: REPORT_WIDTH, height: Math.max(height, Math.min(Math.round(minReportHeight), tallest)), scale: REPORT_SCALE, dpi: REPORT_DPI }
    }
    case 'slide':
      return { width: 960, height: 540, scale: 2, dpi: 96 }
    case 'custom':
      return { width: choice.width, height: choice.height, scale: choice.scale, dpi: 96 * choice.scale }
  }
}

export type SizeProblem =
  | { kind: 'invalid' }
  | { kind: 'side'; width: number; height: number }
  | { kind: 'area'; width: number; height: number; megapixels: number }

/** Pixel size of the image, or why it must not be drawn. */
export function checkCanvasSize(width: number, height: number, scale: number): SizeProblem | null {
  if (![width, height, scale].every((v) => Number.isFinite(v) && v > 0)) return { kind: 'invalid' }
  const w = Math.round(width * scale)
  const h = Math.round(height * scale)
  if (w < 1 || h < 1) return { kind: 'invalid' }
  if (w > MAX_SIDE || h > MAX_SIDE) return { kind: 'side', width: w, height: h }
  if (w * h > MAX_PIXELS) return { kind: 'area', width: w, height: h, megapixels: Math.round((w * h) / 1e5) / 10 }
  return null
}

export function pixelSize(o: Pick<ImageOptions, 'width' | 'height' | 'scale'>): { width: number; height: number } {
  return { width: Math.round(o.width * o.scale), height: Math.round(o.height * o.scale) }
}
