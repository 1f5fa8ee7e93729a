/**
 * A way for other controls (a focused map or ranking chart) to hand the keyboard to the region
 * picker: they ask, the picker takes focus and opens its tree.
 */
import { ref } from 'vue'

/** Counts the requests; the picker watches it. */
export const pickerRequests = ref(0)

export function openRegionPicker(): void {
  pickerRequests.value++
}
