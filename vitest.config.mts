import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// Not at a lower priority beside the end-to-end lane (`npm test`): there, tests that need a few seconds of CPU ran
// five to eleven times slower than alone and timed out; the end-to-end specs hold their pace with two busy
// processes beside them (issue 11).
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  test: {
    // Playwright specs live in e2e/ and must not be collected here.
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/bundle.ts'],
    pool: 'forks',
    // Test files share a worker's module cache: importing the main process once per file was a third of the
    // suite's time. Nothing global survives a file (each opens its own database file and host).
    isolate: false,
    // Vitest's default leaves one of the two cores of the machines this runs on idle.
    maxWorkers: 2,
    testTimeout: 20000
  }
})
