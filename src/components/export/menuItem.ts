import type { HTMLAttributes } from 'vue'
import type { DropdownOption } from 'naive-ui'

/** A dropdown entry with a test hook on its element. */
export function menuItem(key: string, label: string, test: string): DropdownOption {
  // `data-*` attributes are valid on any element but are not listed in HTMLAttributes.
  return { key, label, props: { 'data-test': test } as HTMLAttributes }
}
