import { EventEmitter } from 'node:events'
import type { App, Session, Shell, WebContents } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { type AppPages, installSecurity, isAppUrl, openExternalSafely } from '../../src/main/electron/security'
import { APP_URL, fakeEvent, RENDERER_DIR } from './fakes'

type WindowOpenHandler = (details: { url: string }) => { action: string }
type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void
type PermissionCheckHandler = (wc: unknown, permission: string, origin: string, details: unknown) => boolean

class FakeContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null
  setWindowOpenHandler(handler: WindowOpenHandler) {
    this.windowOpenHandler = handler
  }
}

function setUp(pages: AppPages = { rendererDir: RENDERER_DIR }) {
  const app = new EventEmitter()
  const permissions: { request: PermissionRequestHandler | null; check: PermissionCheckHandler | null } = { request: null, check: null }
  const session = {
    setPermissionRequestHandler: (h: PermissionRequestHandler) => (permissions.request = h),
    setPermissionCheckHandler: (h: PermissionCheckHandler) => (permissions.check = h)
  }
  const opened: string[] = []
  const shell = { openExternal: async (url: string) => void opened.push(url) }
  installSecurity(app as unknown as App, session as unknown as Session, shell as unknown as Shell, pages)
  const contents = new FakeContents()
  app.emit('web-contents-created', {}, contents as unknown as WebContents)
  /** Emits a navigation-type event the way Electron does (event object first, URL second) and answers whether it was blocked. */
  const blocked = (name: 'will-navigate' | 'will-redirect', url: string) => {
    const e = fakeEvent({ url })
    contents.emit(name, e, url)
    return e.defaultPrevented
  }
  const frameBlocked = (url: string, isMainFrame: boolean) => {
    const e = fakeEvent({ url, isMainFrame })
    contents.emit('will-frame-navigate', e)
    return e.defaultPrevented
  }
  return { contents, permissions, opened, blocked, frameBlocked }
}

describe('security', () => {
  let s: ReturnType<typeof setUp>
  beforeEach(() => {
    s = setUp()
  })

  it('prevents navigation to a foreign URL and allows the app’s own page', () => {
    expect(s.blocked('will-navigate', 'https://evil.example/')).toBe(true)
    expect(s.blocked('will-navigate', 'http://127.0.0.1:5173/')).toBe(true)
    expect(s.blocked('will-navigate', 'javascript:alert(1)')).toBe(true)
    expect(s.blocked('will-navigate', APP_URL)).toBe(false)
    expect(s.blocked('will-navigate', `${APP_URL}#/customers`)).toBe(false)
  })

  it('treats only files inside the renderer folder as the app, not any file: URL', () => {
    expect(s.blocked('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(s.blocked('will-navigate', 'file:///home/user/Downloads/invoice.html')).toBe(true)
    expect(s.blocked('will-navigate', `${APP_URL.replace('/index.html', '')}-evil/index.html`)).toBe(true)
    expect(s.blocked('will-navigate', `${APP_URL.replace('/index.html', '')}/../../secrets.html`)).toBe(true)
    expect(s.blocked('will-navigate', 'file://fileserver/share/app.html')).toBe(true)
  })

  it('in development, allows the dev server origin only', () => {
    const dev = setUp({ devOrigin: 'http://localhost:5173' })
    expect(dev.blocked('will-navigate', 'http://localhost:5173/#/x')).toBe(false)
    expect(dev.blocked('will-navigate', 'http://localhost:5174/')).toBe(true)
    expect(dev.blocked('will-navigate', APP_URL)).toBe(true)
  })

  it('prevents redirects away from the app', () => {
    expect(s.blocked('will-redirect', 'https://evil.example/')).toBe(true)
    expect(s.blocked('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(s.blocked('will-redirect', APP_URL)).toBe(false)
  })

  it('prevents frames (iframes too) from navigating away, but lets empty and srcdoc iframes be', () => {
    expect(s.frameBlocked('https://evil.example/', false)).toBe(true)
    expect(s.frameBlocked('https://evil.example/', true)).toBe(true)
    expect(s.frameBlocked(APP_URL, false)).toBe(false)
    expect(s.frameBlocked('about:blank', false)).toBe(false)
    expect(s.frameBlocked('about:srcdoc', false)).toBe(false)
    expect(s.frameBlocked('about:blank', true)).toBe(true)
    // The PDF viewer's own frame (printing a document from a hidden window), never as a top frame.
    expect(s.frameBlocked('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', false)).toBe(false)
    expect(s.frameBlocked('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', true)).toBe(true)
    expect(s.frameBlocked('chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/index.html', false)).toBe(true)
  })

  it('denies every new window and opens http, https and mailto links in the system instead', () => {
    const open = (url: string) => s.contents.windowOpenHandler!({ url })
    for (const url of ['https://hooldus.ee/help', 'http://example.com/a?b=1', 'mailto:info@example.com']) {
      expect(open(url)).toEqual({ action: 'deny' })
    }
    expect(s.opened).toEqual(['https://hooldus.ee/help', 'http://example.com/a?b=1', 'mailto:info@example.com'])
  })

  it('never opens file:, javascript:, data: or custom-scheme links externally', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<b>x',
      'ms-msdt:/id PCWDiagnostic',
      'smb://host/share',
      'vbscript:x',
      'not a url',
      APP_URL
    ]) {
      expect(s.contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(s.opened).toEqual([])
  })

  it('prevents attaching a webview', () => {
    const e = fakeEvent()
    s.contents.emit('will-attach-webview', e, {}, {})
    expect(e.defaultPrevented).toBe(true)
  })

  it('answers every permission request with no, and every permission check with false', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let answer: boolean | null = null
      s.permissions.request!({}, permission, (granted) => (answer = granted), {})
      expect(answer).toBe(false)
      expect(s.permissions.check!({}, permission, 'file://', {})).toBe(false)
    }
  })
})

describe('openExternalSafely', () => {
  it('answers whether the URL went out, and normalises it', () => {
    const opened: string[] = []
    const shell = { openExternal: async (u: string) => void opened.push(u) }
    expect(openExternalSafely(shell, 'HTTPS://Example.com')).toBe(true)
    expect(openExternalSafely(shell, 'file:///x')).toBe(false)
    expect(opened).toEqual(['https://example.com/'])
  })

  it('does not let a failing system handler become an unhandled rejection', async () => {
    const shell = { openExternal: () => Promise.reject(new Error('no browser')) }
    expect(openExternalSafely(shell, 'https://example.com')).toBe(true)
    await new Promise((r) => setTimeout(r, 0))
  })
})

describe('isAppUrl', () => {
  it('accepts assets inside the renderer folder and rejects unparsable URLs', () => {
    expect(isAppUrl(APP_URL.replace('index.html', 'assets/index-abc.js'), { rendererDir: RENDERER_DIR })).toBe(true)
    expect(isAppUrl('::', { rendererDir: RENDERER_DIR })).toBe(false)
    expect(isAppUrl('', { devOrigin: 'http://localhost:5173' })).toBe(false)
  })
})
