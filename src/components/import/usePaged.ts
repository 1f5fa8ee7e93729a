/**
 * A long list shown a page at a time, with the table given only that page: a file of thousands of
 * columns costs one page of rows and selects, whatever its size. A filter narrows the list first.
 */
import { computed, ref, watch, type Ref } from 'vue'
import type { PaginationProps } from 'naive-ui'

export function usePaged<T>(list: () => readonly T[], size: number, text: (x: T) => string, prefix?: (n: number) => string) {
  const page = ref(1)
  const filter = ref('')
  const filtered = computed(() => {
    const q = filter.value.trim().toLowerCase()
    const all = list()
    return q ? all.filter((x) => text(x).toLowerCase().includes(q)) : all
  })
  const paged = computed(() => list().length > size)
  const rows = computed(() => (paged.value ? filtered.value.slice((page.value - 1) * size, page.value * size) : [...filtered.value]))
  const pagination = computed<PaginationProps | false>(() =>
    paged.value
      ? { page: page.value, pageSize: size, itemCount: filtered.value.length, ...(prefix ? { prefix: () => prefix(filtered.value.length) } : {}), 'onUpdate:page': (p: number) => (page.value = p) }
      : false,
  )
  // A new filter starts at its first page; a page past the end (the list shrank) goes to the last.
  watch(filter, () => (page.value = 1))
  watch(filtered, (f) => (page.value = Math.min(page.value, Math.max(1, Math.ceil(f.length / size)))))
  return { page, filter: filter as Ref<string>, paged, rows, pagination }
}
