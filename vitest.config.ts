import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
      reporters: ['default', ['json', { outputFile: '.test-reports/unit.json' }]],
    },
  }),
)
