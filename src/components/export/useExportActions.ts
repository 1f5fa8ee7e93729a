/**
 * The export menus' actions. What they need from a component's setup (messages, translations,
 * stores) is taken here; the actions themselves (exportActions.ts) load on the first export, so
 * they stay out of the first view.
 */
import { useMessage } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { useDashboardStore } from '@/stores/dashboard'
import { useFiltersStore } from '@/stores/filters'
import { useUiStore } from '@/stores/ui'
import { useFigureText } from '@/composables/figureText'
import type { createExportActions } from './exportActions'

export interface ExportContext {
  message: ReturnType<typeof useMessage>
  t: ReturnType<typeof useI18n>['t']
  ui: ReturnType<typeof useUiStore>
  dashboard: ReturnType<typeof useDashboardStore>
  filters: ReturnType<typeof useFiltersStore>
  figureText: ReturnType<typeof useFigureText>
}

type Actions = ReturnType<typeof createExportActions>
type Lazy = { [K in keyof Actions]: (...args: Parameters<Actions[K]>) => Promise<Awaited<ReturnType<Actions[K]>>> }

export function useExportActions(): Lazy {
  const context: ExportContext = {
    message: useMessage(),
    t: useI18n().t,
    ui: useUiStore(),
    dashboard: useDashboardStore(),
    filters: useFiltersStore(),
    figureText: useFigureText(),
  }
  let actions: Promise<Actions> | undefined
  const load = () => (actions ??= import('./exportActions').then((m) => m.createExportActions(context)))
  return new Proxy({} as Lazy, {
    get:
      (_, key: keyof Actions) =>
      async (...args: unknown[]) =>
        ((await load())[key] as (...a: unknown[]) => unknown)(...args),
  })
}
