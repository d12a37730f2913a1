import type { App, Session, Shell, WebContents } from 'electron'

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** The one way out of the app to the system browser or mail program: http, https and mailto only. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false
  void shell.openExternal(parsed.toString())
  return true
}

/** True for the app's own pages: the dev server in development, the bundled files otherwise. */
export function isAppUrl(url: string, appOrigin: string | null): boolean {
  try {
    const u = new URL(url)
    if (appOrigin) return u.origin === appOrigin
    return u.protocol === 'file:'
  } catch {
    return false
  }
}

/**
 * Every web contents the app creates: no navigation away, no redirects, no new windows (links open in
 * the system browser instead), no webviews; and no permission (camera, notifications, …) is ever granted.
 */
export function installSecurity(app: Pick<App, 'on'>, session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, shell: Pick<Shell, 'openExternal'>, appOrigin: string | null): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event: unknown, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appOrigin)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, appOrigin)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(shell, url)
      return { action: 'deny' }
    })
  })
}
