import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, isLocale } from './i18n'
import { useUiStore } from './stores/ui'
import { loadDarkTheme, opensOnBigScreen } from './theme'
import { startHome } from './data/home'
import { useImportStore } from './stores/import'
import './styles.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)

const ui = useUiStore()
// `?lang=en` before the hash (https://host/app/?lang=en) or in it (#/bigscreen?lang=en) chooses the language too.
const lang = new URLSearchParams(location.search).get('lang') ?? new URLSearchParams(location.hash.split('?')[1]).get('lang')
if (isLocale(lang)) void ui.setLocale(lang)

// The first paint waits for the English messages and the dark theme when it needs them, so it
// shows neither Chinese text nor light controls first. If a chunk fails the app still starts,
// in Chinese or with light controls. A promise chain, not top-level await: the lazy chunks import
// shared code from this one, which must have finished evaluating for them to run.
const dark = ui.theme === 'dark' || opensOnBigScreen(location.hash) ? loadDarkTheme().catch(() => undefined) : undefined
// The home region's catalogue is installed before any store reads it (src/data/home.ts).
const home = startHome().then(({ problem }) => {
  if (problem) console.error(`home region ${problem} is not a known region code; showing 江苏省 instead (public/config.json or ?home=)`)
})
void Promise.all([ui.localeSettled(), dark, home]).then(() => {
  app.mount('#app')
  // After a switch of home region (HomeOffer.vue) the file that asked for it is read again.
  if (new URLSearchParams(location.search).get('resume') === 'import') void import('./components/national/pending').then((m) => m.resumeImport(useImportStore().openFiles))
})
