import { relative, isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { App, Session, Shell, WebContents } from 'electron'

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
const SUBFRAME_LOCAL = new Set(['about:blank', 'about:srcdoc'])
/**
 * Chromium's built-in PDF viewer (a component extension with this fixed id) renders a PDF in a frame of its own: the
 * hidden window that prints a document (window.ts `printPdfFile`) needs it. It is Chromium's code, not a page's.
 */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'

/**
 * Where the app's own pages come from: the dev server in development, the folder of the built renderer
 * otherwise. Anything else (another origin, any other file on disk) is foreign.
 */
export type AppPages = { devOrigin: string } | { rendererDir: string }

/** The one way out of the app to the system browser or mail program: http, https and mailto only. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false
  void shell.openExternal(parsed.toString()).catch(() => undefined)
  return true
}

/**
 * True for the app's own pages. In production that is a file: URL inside the renderer folder — not any
 * file: URL, or a downloaded HTML file opened from a link would get the whole API through the preload.
 */
export function isAppUrl(url: string, pages: AppPages): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if ('devOrigin' in pages) return u.origin === pages.devOrigin
  if (u.protocol !== 'file:') return false
  let path: string
  try {
    path = fileURLToPath(u)
  } catch {
    return false // e.g. a file URL with a host (a network share)
  }
  const rel = relative(pages.rendererDir, path)
  return !rel.startsWith('..') && !isAbsolute(rel)
}

type SecuritySession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>

/**
 * Every web contents the app creates: no navigation away, no redirects, no new windows (links open in
 * the system browser instead), no webviews; and no permission (camera, notifications, …) is ever granted.
 */
export function installSecurity(app: Pick<App, 'on'>, session: SecuritySession, shell: Pick<Shell, 'openExternal'>, pages: AppPages): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event: unknown, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, pages)) event.preventDefault()
    })
    // will-navigate covers only the top frame; this covers iframes too (the CSP already blocks foreign
    // ones). An empty or srcdoc iframe is the app's own content; the IPC registrar refuses sub-frames anyway.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && (SUBFRAME_LOCAL.has(event.url) || event.url.startsWith(PDF_VIEWER))) return
      if (!isAppUrl(event.url, pages)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, pages)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(shell, url)
      return { action: 'deny' }
    })
  })
}
