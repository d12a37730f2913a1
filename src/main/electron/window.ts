import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, WebPreferences } from 'electron'

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
