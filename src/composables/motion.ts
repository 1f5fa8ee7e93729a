/**
 * Whether the reader asked the system for less motion (`prefers-reduced-motion: reduce`, WCAG 2.3.3).
 * Charts then draw their final state at once, without ECharts' entry and update animations.
 * A ref, so charts follow a change of the setting without a reload.
 */
import type { Ref } from 'vue'
import { mediaQuery } from './media'

export function prefersReducedMotion(): Readonly<Ref<boolean>> {
  return mediaQuery('(prefers-reduced-motion: reduce)')
}

/** The option as the chart should draw it: with animation turned off when less motion is asked for. */
export function withMotionPreference<T extends object>(option: T, reduce: boolean): T
export function withMotionPreference<T extends object>(option: T | null, reduce: boolean): T | null
export function withMotionPreference<T extends object>(option: T | null, reduce: boolean): T | null {
  if (!option || !reduce) return option
  return { ...option, animation: false }
}
