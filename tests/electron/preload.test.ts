import { beforeAll, describe, expect, it, vi } from 'vitest'
import {
  IPC_CALL,
  IPC_CHANGE,
  IPC_EXPORT,
  IPC_PRINT,
  IPC_SERVE_SET,
  IPC_SERVE_STATUS,
  IPC_SHOP_CONNECT,
  IPC_SHOP_LOCAL,
  IPC_SHOP_STATUS,
  IPC_UNWATCH,
  IPC_WATCH
} from '@shared/api/bridge'
import { contract } from '@shared/api/contract'

const exposed = new Map<string, unknown>()
const invoked: unknown[][] = []
const listeners = new Map<string, (...a: unknown[]) => void>()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    on: (channel: string, listener: (...a: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
    invoke: (...args: unknown[]) => {
      invoked.push(args)
      return Promise.resolve({ ok: true, data: args[0] })
    }
  }
}))

describe('preload', () => {
  let api: Record<string, unknown>
  beforeAll(async () => {
    await import('../../src/preload/index')
    api = exposed.get('api') as Record<string, unknown>
  })

  it('exposes call, the CSV export, printing, the change feed, the database choice and the mode as window.api — nothing of ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(['call', 'exportCsv', 'mode', 'onChange', 'printPdf', 'shop'])
    expect(Object.isFrozen(api.shop)).toBe(true)
    expect(api.mode).toBe('electron')
    expect(Object.isFrozen(api)).toBe(true)
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('send')
  })

  it('forwards every method to the one API channel with the method and the input only', async () => {
    invoked.length = 0
    const methods = Object.keys(contract)
    const call = api.call as (...args: unknown[]) => Promise<unknown>
    for (const m of methods) await call(m, { q: m }, 'extra argument that must not reach main')
    expect(invoked).toEqual(methods.map((m) => [IPC_CALL, m, { q: m }]))
  })

  it('forwards the CSV export to the export channel', async () => {
    invoked.length = 0
    await (api.exportCsv as (...a: unknown[]) => Promise<unknown>)('customers.list', { q: 'a' }, 'customers.csv')
    expect(invoked).toEqual([[IPC_EXPORT, 'customers.list', { q: 'a' }, 'customers.csv']])
  })

  it('forwards a document to print to the print channel, and only the document', async () => {
    invoked.length = 0
    const document = { fileName: 'SO-1.pdf', contentBase64: 'JVBERi0=' }
    await (api.printPdf as (...a: unknown[]) => Promise<unknown>)(document, 'extra')
    expect(invoked).toEqual([[IPC_PRINT, document]])
  })

  it('hears changes main sends while watching, and stops both at once', () => {
    invoked.length = 0
    const heard: unknown[] = []
    const stop = (api.onChange as (l: (c: unknown) => void) => () => void)((c) => heard.push(c))
    listeners.get(IPC_CHANGE)?.({ sender: 'main' }, { domain: 'dispatch' })
    stop()
    expect(heard).toEqual([{ domain: 'dispatch' }])
    expect(listeners.has(IPC_CHANGE)).toBe(false)
    expect(invoked).toEqual([[IPC_WATCH], [IPC_UNWATCH]])
  })

  it('forwards the database choice with the address, code and machine only', async () => {
    invoked.length = 0
    const shop = api.shop as Record<string, (...a: unknown[]) => Promise<unknown>>
    await shop.status!()
    await shop.connect!({ address: 'shop-pc', code: '123456', machine: 'Desk 2', extra: 'x' })
    await shop.useOwnDatabase!()
    expect(invoked).toEqual([
      [IPC_SHOP_STATUS],
      [IPC_SHOP_CONNECT, { address: 'shop-pc', code: '123456', machine: 'Desk 2' }],
      [IPC_SHOP_LOCAL]
    ])
  })

  it('forwards the serve choice with enabled, listen and names only', async () => {
    invoked.length = 0
    const shop = api.shop as Record<string, (...a: unknown[]) => Promise<unknown>>
    await shop.serveStatus!()
    await shop.serve!({ enabled: true, listen: '0.0.0.0:5179', names: ['shop-pc.lan'], extra: 'x' })
    expect(invoked).toEqual([[IPC_SERVE_STATUS], [IPC_SERVE_SET, { enabled: true, listen: '0.0.0.0:5179', names: ['shop-pc.lan'] }]])
  })
})
