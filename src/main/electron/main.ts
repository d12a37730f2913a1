import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import { closeDatabase, type Connection } from '../db/connection'
import { DatabaseTooNewError } from '../db/migrate'
import { openAndMigrate } from '../db/open'
import { resolveDbFile } from '../paths'
import { registerIpc } from './ipc'
import { installSecurity } from './security'
import { createMainWindow } from './window'

const devUrl = process.env.ELECTRON_RENDERER_URL ?? null
const appOrigin = devUrl ? new URL(devUrl).origin : null

function dbFileFromArgs(): string {
  const { values } = parseArgs({ args: process.argv.slice(app.isPackaged ? 1 : 2), options: { db: { type: 'string' } }, strict: false })
  return resolveDbFile(typeof values.db === 'string' ? values.db : undefined, process.env, app.getPath('userData'))
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

let conn: Connection | null = null

async function start(): Promise<void> {
  installSecurity(app, session.defaultSession, shell, appOrigin)
  const file = dbFileFromArgs()
  mkdirSync(dirname(file), { recursive: true })
  try {
    const nativeBinding = electronNativeBinding()
    const opened = await openAndMigrate(file, { migrationsFolder: migrationsFolder(), ...(nativeBinding ? { nativeBinding } : {}) })
    conn = opened.conn
  } catch (e) {
    const message = e instanceof DatabaseTooNewError ? e.message : `The database ${file} could not be opened: ${(e as Error).message}`
    dialog.showErrorBox('Hooldus cannot open its database', message)
    app.exit(1)
    return
  }
  registerIpc(ipcMain, { host: { conn, log: (m, e) => console.error(m, e) }, dialog, appOrigin })
  createMainWindow(BrowserWindow, {
    preload: join(__dirname, '../preload/index.js'),
    devUrl,
    indexHtml: join(__dirname, '../renderer/index.html')
  })
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
  app.on('will-quit', () => {
    if (conn) closeDatabase(conn)
  })
  void app.whenReady().then(start)
}
