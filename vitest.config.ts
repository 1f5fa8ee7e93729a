import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    // Tests keep vue-i18n's own compiler, as the reference src/i18n/compile.spec.ts compares with.
    define: { __INTLIFY_DROP_MESSAGE_COMPILER__: 'false' },
    test: {
      // Most specs are pure logic and run in Node; a spec that needs a DOM says so in its first line
      // (`// @vitest-environment happy-dom`).
      environment: 'node',
      include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
      reporters: ['default', ['json', { outputFile: '.test-reports/unit.json' }]],
    },
  }),
)
