import { EventEmitter } from 'node:events'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { confirmUnsavedUnload, createMainWindow, printPdfFile, SECURE_WEB_PREFERENCES, windowOptions } from '../../src/main/electron/window'

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = []
  loadedFile: string | null = null
  loadedUrl: string | null = null
  shown = false
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeWindow.created.push(this)
  }
  loadFile(file: string) {
    this.loadedFile = file
    return Promise.resolve()
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show() {
    this.shown = true
  }
  destroyed = false
  destroy() {
    this.destroyed = true
  }
  /** The print dialog's answer for `webContents.print`: printed, or not with a reason. */
  static printAnswer: [boolean, string] = [true, '']
  printCalls: unknown[] = []
  readonly webContents = {
    print: (options: unknown, callback: (success: boolean, reason: string) => void) => {
      this.printCalls.push({ options, loaded: this.loadedFile })
      callback(...FakeWindow.printAnswer)
    }
  }
}
const AsBrowserWindow = FakeWindow as unknown as typeof BrowserWindow

describe('window', () => {
  it('writes every secure webPreferences setting, with the preload', () => {
    const prefs = windowOptions('/app/out/preload/index.js').webPreferences!
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.preload).toBe('/app/out/preload/index.js')
  })

  it('keeps the shared settings frozen, so no caller can weaken them', () => {
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true)
    expect(() => {
      ;(SECURE_WEB_PREFERENCES as { sandbox: boolean }).sandbox = false
    }).toThrow()
  })

  it('loads the built index.html when there is no dev server, and shows the window once ready', () => {
    const win = createMainWindow(AsBrowserWindow, {
      preload: '/p.js',
      devUrl: null,
      indexHtml: '/app/out/renderer/index.html'
    }) as unknown as FakeWindow
    expect(win.loadedFile).toBe('/app/out/renderer/index.html')
    expect(win.loadedUrl).toBeNull()
    expect(win.options.show).toBe(false)
    expect(win.options.webPreferences).toMatchObject({ ...SECURE_WEB_PREFERENCES, preload: '/p.js' })
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })

  it('loads the dev server URL in development', () => {
    const win = createMainWindow(AsBrowserWindow, {
      preload: '/p.js',
      devUrl: 'http://localhost:5173',
      indexHtml: '/x.html'
    }) as unknown as FakeWindow
    expect(win.loadedUrl).toBe('http://localhost:5173')
    expect(win.loadedFile).toBeNull()
  })

  it('is the only place in the main process and preload that writes webPreferences', () => {
    const root = join(import.meta.dirname, '../..')
    const writers = ['src/main', 'src/preload']
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(root, dir, f)))
      .filter((f) => f.endsWith('.ts') && /webPreferences\s*:/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f).split('\\').join('/'))
    expect(writers).toEqual(['src/main/electron/window.ts'])
  })
})

describe('closing with unsaved edits', () => {
  const text = { title: 'Unsaved changes', message: 'Leave without saving?', leave: 'Leave without saving', stay: 'Stay' }
  function windowWithDialog(answer: number) {
    const webContents = new EventEmitter()
    const win = { webContents } as unknown as BrowserWindow
    const asked: unknown[] = []
    confirmUnsavedUnload(
      win,
      {
        showMessageBoxSync: (w, options) => {
          asked.push({ w, options })
          return answer
        }
      },
      () => text
    )
    // Electron emits this when the page's beforeunload handler held the unload (lib/leaveGuard.ts while dirty).
    const unload = () => {
      let allowed = false
      webContents.emit('will-prevent-unload', { preventDefault: () => (allowed = true) })
      return allowed
    }
    return { win, asked, unload }
  }

  it('asks, and closes only when the user chooses to leave', () => {
    const leave = windowWithDialog(0)
    expect(leave.unload()).toBe(true)
    expect(leave.asked).toEqual([
      {
        w: leave.win,
        options: expect.objectContaining({ buttons: ['Leave without saving', 'Stay'], defaultId: 1, cancelId: 1, message: text.message })
      }
    ])
    const stay = windowWithDialog(1)
    expect(stay.unload()).toBe(false)
    expect(stay.asked).toHaveLength(1)
  })
})

describe('printing a PDF from a hidden window', () => {
  it('loads the file into a hidden window without preload, prints it with the dialog, and destroys the window', async () => {
    FakeWindow.created.length = 0
    FakeWindow.printAnswer = [true, '']
    expect(await printPdfFile(AsBrowserWindow, '/tmp/x/document.pdf')).toEqual({ printed: true, failure: '' })
    const win = FakeWindow.created[0]!
    expect(win.options.show).toBe(false)
    expect(win.options.webPreferences).toMatchObject({ ...SECURE_WEB_PREFERENCES, plugins: true })
    expect(win.options.webPreferences?.preload).toBeUndefined()
    expect(win.printCalls).toEqual([{ options: { silent: false, printBackground: true }, loaded: '/tmp/x/document.pdf' }])
    expect(win.shown).toBe(false)
    expect(win.destroyed).toBe(true)
  })

  it('takes a cancelled dialog for no failure, and reports any other reason', async () => {
    FakeWindow.printAnswer = [false, 'Print job canceled']
    expect(await printPdfFile(AsBrowserWindow, '/tmp/a.pdf')).toEqual({ printed: false, failure: '' })
    FakeWindow.printAnswer = [false, 'Print job failed']
    expect(await printPdfFile(AsBrowserWindow, '/tmp/a.pdf')).toEqual({ printed: false, failure: 'Print job failed' })
    expect(FakeWindow.created.at(-1)!.destroyed).toBe(true)
  })
})
