/* global process, console */
/**
 * `npm start [-- --db <file>] [-- --web]`: always ends in a working app.
 *
 * 1. builds (electron-vite build);
 * 2. makes sure the Electron binary is there (Electron ≥ 42 fetches it on first use, like
 *    `npx install-electron`), that it runs, and that there is a display to show it on;
 * 3. makes better-sqlite3 for Electron's ABI in native/electron/ (node_modules keeps the Node build);
 * 4. starts Electron — or, when any of 2–3 cannot be done (offline machine, headless server, no
 *    compiler), says so in one line and starts the browser mode (out/main/web.js) with the same
 *    arguments, which prints the URL to open.
 *
 * `--web` skips Electron and starts the browser mode directly.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureElectronNative, nativeTarget, root } from './electron-native.mjs'

const INSTALL_TIMEOUT_MS = 60_000
const electronDir = join(root, 'node_modules', 'electron')

const given = process.argv.slice(2)
const forceWeb = given.includes('--web')
const forwarded = given.filter((a) => a !== '--web')

function build() {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (r.status !== 0) {
    console.error('Hooldus: the build failed (see above); nothing was started.')
    process.exit(r.status ?? 1)
  }
}

/** The Electron executable when it has been downloaded (what node_modules/electron/index.js answers). */
function electronBinary() {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
    const bin = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel)
      : join(electronDir, 'dist', rel)
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

const lastLine = (text) =>
  String(text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '))
    .at(-1) ?? ''

/** Answers null when Electron can be started here, otherwise why not (one short clause). */
function electronUnavailable() {
  if (!existsSync(join(electronDir, 'package.json'))) return 'the electron package is not installed'
  if (!electronBinary()) {
    console.log('Hooldus: fetching the Electron binary (needed once) …')
    const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS })
    if (r.error?.code === 'ETIMEDOUT' || r.signal) return `its binary could not be downloaded within ${INSTALL_TIMEOUT_MS / 1000} s`
    if (!electronBinary())
      return `its binary could not be downloaded (${lastLine(r.stderr) || lastLine(r.stdout) || `exit ${r.status}`}); this machine seems to be offline`
  }
  const probe = spawnSync(electronBinary(), ['-e', 'process.stdout.write(process.versions.electron)'], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }
  })
  if (probe.status !== 0 || !probe.stdout)
    return `its binary does not run here (${lastLine(probe.stderr) || probe.error?.message || `exit ${probe.status}`})`
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display to show a window on (DISPLAY is not set)'
  return null
}

function startElectron() {
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  delete env.ELECTRON_RENDERER_URL
  const child = spawn(electronBinary(), ['.', ...forwarded], { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

function startBrowserMode() {
  // out/main/web.js reads its arguments from process.argv like any Node program.
  const web = join(root, 'out', 'main', 'web.js')
  process.argv = [process.argv[0], web, ...forwarded]
  createRequire(import.meta.url)(web)
}

async function main() {
  build()
  if (forceWeb) return startBrowserMode()
  const why = electronUnavailable()
  if (why) {
    console.log(`Hooldus: Electron cannot start — ${why}. Starting the browser mode instead.`)
    return startBrowserMode()
  }
  try {
    await ensureElectronNative(nativeTarget())
  } catch (e) {
    console.log(
      `Hooldus: Electron cannot start — better-sqlite3 could not be built for it (${e.message.split('\n')[0]}). Starting the browser mode instead.`
    )
    return startBrowserMode()
  }
  startElectron()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
