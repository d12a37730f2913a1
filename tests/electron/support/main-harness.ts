/**
 * Runs the BUILT Electron main bundle (out/main/index.js) in plain Node with a stubbed `electron`
 * module, then prints what main did as one JSON line on stdout. Used by tests/electron/built-main.test.ts:
 *
 *   node --import tsx tests/electron/support/main-harness.ts <out/main/index.js> [--db <file>] [...]
 *
 * Environment: HARNESS_APP_PATH (app.getAppPath), HARNESS_USER_DATA (app.getPath), HARNESS_LOCK=0 to
 * lose the single-instance lock.
 */
import { EventEmitter } from 'node:events'
import Module, { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

type Handler = (event: unknown, ...args: unknown[]) => unknown

export interface HarnessReport {
  channels: string[]
  windows: { options: Record<string, unknown>; loadedFile: string | null; loadedUrl: string | null }[]
  errorBoxes: { title: string; content: string }[]
  exitCode: number | null
  quitCalled: boolean
  appListeners: string[]
  permissionRequestHandler: boolean
  permissionCheckHandler: boolean
  permissionAnswer: boolean | null
  calls: Record<string, unknown>
}

async function main(): Promise<void> {
  const [given, ...args] = process.argv.slice(2)
  if (!given) throw new Error('usage: main-harness <out/main/index.js> [args]')
  const indexJs = resolve(given)
  // What Electron's process.argv looks like for `electron <app> --db x`: [binary, app, ...args].
  process.argv = [process.argv[0]!, indexJs, ...args]

  const report: HarnessReport = {
    channels: [],
    windows: [],
    errorBoxes: [],
    exitCode: null,
    quitCalled: false,
    appListeners: [],
    permissionRequestHandler: false,
    permissionCheckHandler: false,
    permissionAnswer: null,
    calls: {}
  }
  const handlers = new Map<string, Handler>()

  class App extends EventEmitter {
    isPackaged = false
    requestSingleInstanceLock = () => process.env.HARNESS_LOCK !== '0'
    whenReady = () => Promise.resolve()
    getPath = () => process.env.HARNESS_USER_DATA ?? '/nonexistent'
    getAppPath = () => process.env.HARNESS_APP_PATH ?? process.cwd()
    quit = () => {
      report.quitCalled = true
    }
    exit = (code = 0) => {
      report.exitCode = code
    }
    override on(event: string, listener: (...a: unknown[]) => void): this {
      report.appListeners.push(event)
      return super.on(event, listener)
    }
  }
  const app = new App()

  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => [] as BrowserWindow[]
    static fromWebContents = () => null
    readonly record: HarnessReport['windows'][number]
    readonly webContents = new EventEmitter()
    constructor(options: Record<string, unknown>) {
      super()
      this.record = { options, loadedFile: null, loadedUrl: null }
      report.windows.push(this.record)
    }
    loadFile(file: string) {
      this.record.loadedFile = file
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.record.loadedUrl = url
      return Promise.resolve()
    }
    show() {}
  }

  const electron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle(channel: string, handler: Handler) {
        report.channels.push(channel)
        handlers.set(channel, handler)
      }
    },
    dialog: {
      showErrorBox(title: string, content: string) {
        report.errorBoxes.push({ title, content })
      },
      showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' })
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(h: (wc: unknown, p: string, cb: (granted: boolean) => void) => void) {
          report.permissionRequestHandler = true
          h({}, 'media', (granted) => (report.permissionAnswer = granted))
        },
        setPermissionCheckHandler() {
          report.permissionCheckHandler = true
        }
      }
    },
    shell: { openExternal: () => Promise.resolve() },
    safeStorage: { isEncryptionAvailable: () => false }
  }

  const mod = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown }
  const load = mod._load
  mod._load = function (request, parent, isMain) {
    if (request === 'electron') return electron
    return load.call(this, request, parent, isMain)
  }

  createRequire(indexJs)(indexJs)

  const deadline = Date.now() + 10000
  while (report.windows.length === 0 && report.exitCode === null && !report.quitCalled && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20))
  }

  // Drive the API channel as the renderer would: from the app's own page, and from a foreign page.
  const appUrl = pathToFileURL(join(dirname(indexJs), '../renderer/index.html')).href
  const sender = { id: 1, once: () => undefined }
  const api = handlers.get('api:call')
  if (api) {
    report.calls.fromApp = await api({ sender, senderFrame: { url: appUrl, parent: null } }, 'auth.status', {})
    report.calls.fromForeign = await api({ sender, senderFrame: { url: 'https://evil.example/', parent: null } }, 'auth.status', {})
  }

  app.emit('will-quit') // main closes the database here
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(2)
})
