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

/**
 * The hidden window a PDF is printed from: no preload (it holds nothing of the app), the secure settings, and
 * `plugins` on, which Chromium's PDF viewer needs to render the document it prints.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return { show: false, title: 'Hooldus', webPreferences: { ...SECURE_WEB_PREFERENCES, plugins: true } }
}

export interface PrintResult {
  printed: boolean
  /** Why printing failed; '' when it printed or the user cancelled. */
  failure: string
}

/**
 * Prints a PDF file with the system's print dialog: loads it into a hidden window and asks its webContents to print
 * (Electron ≥ 32 prints the PDF viewer's document, not a blank page — electron/electron#43309). The window is
 * destroyed once the dialog is done with, printed or not.
 */
export async function printPdfFile(BrowserWindow: typeof BrowserWindowType, file: string): Promise<PrintResult> {
  const win = new BrowserWindow(printWindowOptions())
  try {
    await win.loadFile(file)
    return await new Promise<PrintResult>((resolve) =>
      win.webContents.print({ silent: false, printBackground: true }, (printed, reason) =>
        // A cancelled dialog is no failure: the user chose not to print.
        resolve({ printed, failure: printed || reason === 'Print job canceled' || reason === 'cancelled' ? '' : reason })
      )
    )
  } finally {
    win.destroy()
  }
}
