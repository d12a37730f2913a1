import { setPriority } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// `npm test` runs these beside the end-to-end lane: Vitest and its workers (which inherit the priority) yield to
// the browsers, so the end-to-end specs keep their pace. Not at 10: there the tests got a tenth of a core, ran
// eleven times slower than alone, and a property test of 2.7 s timed out at 20 s.
setPriority(5)

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
