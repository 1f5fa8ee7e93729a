import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, isLocale } from './i18n'
import { useUiStore } from './stores/ui'
import './styles.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)

// `?lang=en` before the hash (https://host/app/?lang=en) chooses the language too.
const lang = new URLSearchParams(location.search).get('lang')
if (isLocale(lang)) useUiStore().setLocale(lang)

app.mount('#app')
