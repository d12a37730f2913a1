import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, MessageBoxSyncOptions, WebPreferences } from 'electron'

/** The only place webPreferences are written. */
export const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: true
})

export interface WindowTarget {
  preload: string
  /** The dev server URL in development; otherwise the built index.html. */
  devUrl: string | null
  indexHtml: string
}

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Hooldus',
    autoHideMenuBar: true,
    backgroundColor: '#f8f9fa',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload }
  }
}

export function createMainWindow(BrowserWindow: typeof BrowserWindowType, target: WindowTarget): BrowserWindowType {
  const win = new BrowserWindow(windowOptions(target.preload))
  win.once('ready-to-show', () => win.show())
  if (target.devUrl) void win.loadURL(target.devUrl)
  else void win.loadFile(target.indexHtml)
  return win
}

export interface UnloadText {
  title: string
  message: string
  leave: string
  stay: string
}

export interface UnloadDialog {
  showMessageBoxSync(win: BrowserWindowType, options: MessageBoxSyncOptions): number
}

/**
 * Closing or reloading the window while a record on screen has unsaved edits: the renderer's `beforeunload`
 * handler (lib/leaveGuard.ts) holds the unload, and Electron, unlike a browser, then shows nothing and keeps
 * the window open without a word. It asks here: "Leave" lets the unload go on, "Stay" (the default, also
 * Esc) keeps the window and the edits. The text is read at the moment, in the language of the day.
 */
export function confirmUnsavedUnload(win: BrowserWindowType, dialog: UnloadDialog, text: () => UnloadText): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const t = text()
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: [t.leave, t.stay],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      title: t.title,
      message: t.message
    })
    if (choice === 0) event.preventDefault()
  })
}
