import { defineConfig, devices } from '@playwright/test'

/** Debian's Chromium; Playwright's own browser downloads are never used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

// A separate port and build folder let several suites run side by side.
const PORT = Number(process.env.E2E_PORT ?? 4180)
const OUT = process.env.E2E_OUT ?? 'dist'

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-CN',
    // Readers who ask for less motion get charts without animation; the suite runs as such a reader,
    // which spares the machine a second of canvas animation per chart. dashboard.spec.ts keeps one
    // test with animation on.
    reducedMotion: 'reduce',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // The production build, served as static files under a sub-path-agnostic base.
    // E2E_PREBUILT=1 serves the build already in OUT (CI builds it with `npm run build` just before).
    command: `${process.env.E2E_PREBUILT === '1' ? '' : `npx vite build --logLevel warn --outDir ${OUT} && `}npx vite preview --outDir ${OUT} --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
})
