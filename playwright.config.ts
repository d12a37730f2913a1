import { defineConfig } from '@playwright/test'

// Debian's Chromium (never a downloaded browser); flags keep it quiet on a machine without network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage'
]

/**
 * `npm test` runs the specs in two lanes (package.json): lane `a` from the start, beside lint, types and Vitest;
 * lane `b` after them, so that both cores stay busy to the end. Lane `b` holds the specs that take about the
 * time the checks leave over; each spec has its own host, database and port, so the lanes share nothing.
 */
const LANE_B = ['dispatchPerf.spec.ts', 'returns.spec.ts', 'subscriptions.spec.ts']

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  projects: [
    { name: 'a', testIgnore: LANE_B.map((f) => `**/${f}`), outputDir: 'test-results/a' },
    { name: 'b', testMatch: LANE_B.map((f) => `**/${f}`), outputDir: 'test-results/b' }
  ],
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    // DOM snapshots are enough to read a failure; the screencast frames cost a fifth of the suite's time.
    trace: { mode: 'retain-on-failure', screenshots: false },
    acceptDownloads: true,
    // The app drops its transitions for users who ask for less motion (theme.ts); Playwright would otherwise wait
    // for every opening menu and dialog to stand still before acting, a third of a long spec's time.
    reducedMotion: 'reduce',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }
  }
})
