import { existsSync } from 'node:fs'
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

/** The full browser (package chromium), for what the headless shell lacks: its PDF viewer (printing). */
export const FULL_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/**
 * Debian's Chromium build of the headless shell (package chromium-headless-shell) when installed: the same engine
 * without the browser's window layer, a tenth less CPU per spec than the full browser in headless mode.
 */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell'
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM)

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two specs at a time, each with its own host, database and port. A spec mostly waits (for its host, for the
  // browser to settle, for a poll): two of them used half a core between them, so one alone left the machine idle
  // while `npm test` ran the checks beside it.
  workers: 2,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    // A failed spec keeps its trace of actions, console and network, beside the page's accessibility snapshot and
    // a screenshot at the failure. Not the screencast frames (a fifth of the suite's time) nor the DOM snapshots
    // around every action (an eighth of its CPU): `--trace on` records them when a failure needs them.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    acceptDownloads: true,
    // The app drops its transitions for users who ask for less motion (theme.ts); Playwright would otherwise wait
    // for every opening menu and dialog to stand still before acting, a third of a long spec's time.
    reducedMotion: 'reduce',
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS }
  }
})
