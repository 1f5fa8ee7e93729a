import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * Content-Security-Policy of the production build (see docs/DEPLOYMENT.md). Beyond the strict core:
 * - style-src 'unsafe-inline': Naive UI injects its component styles as <style> elements at run time.
 * - img-src data: blob: — chart images for export are rendered to data/blob URLs.
 * - worker-src 'self' blob: — the loader worker is a same-origin module script.
 * - connect-src 'self': the sample data and boundary files; a deployment that loads data from
 *   another server (?data=<url>) adds that origin here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  }
}

// `base: './'` makes the build deployable as static files under any sub-path; routing uses the
// URL hash, so no server rewrite rules are needed either.
export default defineConfig({
  base: './',
  plugins: [vue(), contentSecurityPolicy()],
  resolve: {
    alias: {
      // vue-i18n without its message compiler: src/i18n/compile.ts compiles the app's messages.
      'vue-i18n': fileURLToPath(new URL('./node_modules/vue-i18n/dist/vue-i18n.runtime.mjs', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // ExcelJS's browser build without its bundled polyfills (the browsers served are recent).
      exceljs: fileURLToPath(new URL('./node_modules/exceljs/dist/exceljs.bare.min.js', import.meta.url)),
    },
  },
  // vue-i18n feature flags: the Composition API only (no legacy API, no <i18n-t> global
  // components, no production devtools), which keeps its unused parts out of the bundle.
  define: {
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  },
  worker: { format: 'es' },
  server: { port: 5173, host: '127.0.0.1' },
  preview: {
    port: 4173,
    host: '127.0.0.1',
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
})
