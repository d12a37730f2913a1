import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_CALL, IPC_EXPORT, IPC_PRINT } from '@shared/api/bridge'
import { contract } from '@shared/api/contract'

const exposed = new Map<string, unknown>()
const invoked: unknown[][] = []

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
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

  it('exposes call, the CSV export, printing and the mode as window.api — nothing of ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(['call', 'exportCsv', 'mode', 'printPdf'])
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
})
