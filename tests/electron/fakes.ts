import { EventEmitter } from 'node:events'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'

/** Stand-ins for the few Electron objects the shell modules take as parameters. */

export const RENDERER_DIR = resolve('/opt/hooldus/resources/app.asar/out/renderer')
export const APP_URL = pathToFileURL(`${RENDERER_DIR}/index.html`).href

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

export class FakeIpcMain {
  readonly handlers = new Map<string, Handler>()
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }
  asIpcMain(): Pick<IpcMain, 'handle'> {
    return this as unknown as Pick<IpcMain, 'handle'>
  }
  /** Invokes a channel the way ipcRenderer.invoke would reach it from `sender`. */
  async invoke(channel: string, sender: FakeSender, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(sender.event(), ...args)
  }
}

let nextId = 1

export interface FrameSpec {
  url: string
  /** A sub-frame (iframe) has a parent; the top frame has none. */
  subFrame?: boolean
}

/** A webContents plus the frame that sends: by default the app's own top frame. */
export class FakeSender extends EventEmitter {
  readonly id = nextId++
  constructor(public frame: FrameSpec | null = { url: APP_URL }) {
    super()
  }
  event(): IpcMainInvokeEvent {
    const f = this.frame
    const senderFrame = f ? { url: f.url, parent: f.subFrame ? { url: APP_URL, parent: null } : null } : null
    return { sender: this, senderFrame, frameId: 1, processId: 1 } as unknown as IpcMainInvokeEvent
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents
  }
}

/** An Electron-style event whose preventDefault can be observed. */
export function fakeEvent<T extends object>(extra: T = {} as T): T & { preventDefault: () => void; defaultPrevented: boolean } {
  const e = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true
    }
  }
  return e
}
