import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron'
import { closeDatabase } from '../db/connection'
import { DatabaseTooNewError } from '../db/migrate'
import { openAndMigrate, openOrRecover } from '../bootstrap'
import type { ApiHost } from '../api/pipeline'
import { type BackupScheduler, startBackupScheduler } from '../services/backups/scheduler'
import { loadSettings } from '../services/settings/settings'
import { resolveDbFile } from '../paths'
import { registerIpc } from './ipc'
import { type AppPages, installSecurity } from './security'
import { ShopLink } from './shopLink'
import { ShopServe } from './shopServe'
import { confirmUnsavedUnload, createMainWindow, printPdfFile } from './window'
import { tFor } from '@shared/i18n/i18n'

// The dev server URL is honoured only in development: a packaged app never loads pages from elsewhere.
const devUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || null
const rendererDir = join(__dirname, '../renderer')
const pages: AppPages = devUrl ? { devOrigin: new URL(devUrl).origin } : { rendererDir }

/**
 * `--db <file>`, else HOOLDUS_DB, else hooldus.db in the same data folder the browser mode and the CLI
 * use. Not app.getPath('userData'): that follows package.json's name ("hooldus") in development and
 * could differ from the packaged app's, and then the hosts would each open a different file.
 */
function dbFileFromArgs(): string {
  const { values } = parseArgs({ args: process.argv.slice(app.isPackaged ? 1 : 2), options: { db: { type: 'string' } }, strict: false })
  return resolveDbFile(typeof values.db === 'string' ? values.db : undefined, process.env)
}

/** better-sqlite3 built for Electron's ABI lives apart from node_modules (see README, "ABI"). */
function electronNativeBinding(): string | undefined {
  const candidate = app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}

function migrationsFolder(): string {
  return app.isPackaged ? join(process.resourcesPath, 'drizzle') : join(app.getAppPath(), 'drizzle')
}

/** The object the pipeline reads its database from: a restore swaps `conn` in it and clears `recovery` (ADR 0022). */
let host: ApiHost | null = null
let scheduler: BackupScheduler | null = null
let serve: ShopServe | null = null

async function start(): Promise<void> {
  installSecurity(app, session.defaultSession, shell, pages)
  const file = dbFileFromArgs()
  try {
    mkdirSync(dirname(file), { recursive: true })
    const nativeBinding = electronNativeBinding()
    const options = { migrationsFolder: migrationsFolder(), ...(nativeBinding ? { nativeBinding } : {}) }
    // A database that fails its start-up check gets the recovery screen (on a stand-in database), not a crash.
    const opened = await openOrRecover(file, options)
    host = {
      conn: opened.conn,
      recovery: opened.recovery,
      open: async (f) => (await openAndMigrate(f, options)).conn,
      log: (m, e) => console.error(m, e)
    }
    if (opened.migration?.backup) console.log(`Backed up the database to ${opened.migration.backup} before migrating.`)
  } catch (e) {
    const message = e instanceof DatabaseTooNewError ? e.message : `The database ${file} could not be opened: ${(e as Error).message}`
    dialog.showErrorBox('Hooldus cannot open its database', message)
    app.exit(1)
    return
  }
  scheduler = startBackupScheduler(host, { now: Date.now, zone: (db) => loadSettings(db).timeZone, log: (m, e) => console.error(m, e) })
  const local = host
  // The app's own choice of database lives with its settings; the key is sealed with the OS keychain when there is one.
  const shop = new ShopLink(join(app.getPath('userData'), 'shop-server.json'), safeStorage, () =>
    tFor(loadSettings(local.conn.db).language)
  )
  // Serving the shop's network from this app: the choice lives with the app's settings, the certificate next to the database.
  serve = new ShopServe({ file: join(app.getPath('userData'), 'shop-serve.json'), dbFile: file, host, rendererDir })
  registerIpc(ipcMain, {
    host,
    shop,
    serve,
    dialog,
    pages,
    windowOf: (sender) => BrowserWindow.fromWebContents(sender),
    printPdfFile: (file) => printPdfFile(BrowserWindow, file)
  })
  // A port taken meanwhile is shown on the Operations tab; the app starts either way.
  void serve.resume()
  const win = createMainWindow(BrowserWindow, {
    preload: join(__dirname, '../preload/index.js'),
    devUrl,
    indexHtml: join(rendererDir, 'index.html')
  })
  const live = host
  confirmUnsavedUnload(win, dialog, () => {
    // The company's language: the main process does not know who is signed in on the page.
    const t = tFor(loadSettings(live.conn.db).language)
    return {
      title: t('common.unsavedChanges'),
      message: t('common.record.leaveUnsaved'),
      leave: t('common.record.leave'),
      stay: t('common.record.stay')
    }
  })
}

function fail(e: unknown): void {
  console.error(e)
  dialog.showErrorBox('Hooldus could not start', e instanceof Error ? e.message : String(e))
  app.exit(1)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    scheduler?.stop()
    // The LAN host's streams end and its port is freed before the database closes under it.
    const serving = serve
    serve = null
    if (serving?.status().running) {
      event.preventDefault()
      void serving.stop().finally(() => app.quit())
      return
    }
    if (host) closeDatabase(host.conn)
  })
  app.whenReady().then(start).catch(fail)
}
