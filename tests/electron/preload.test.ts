import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_EXPORT, ipcChannelOf, METHOD_NAMES } from '@shared/api/methods'

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

  it('exposes exactly the contract methods, the CSV export and the mode as window.api — nothing of ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'exportCsv', 'mode'].sort())
    expect(api.mode).toBe('electron')
    expect(Object.isFrozen(api)).toBe(true)
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('send')
  })

  it('forwards each method to its own channel with the input only', async () => {
    invoked.length = 0
    for (const m of METHOD_NAMES) {
      const fn = api[m] as (...args: unknown[]) => Promise<unknown>
      await fn({ q: m }, 'extra argument that must not reach main')
    }
    expect(invoked).toEqual(METHOD_NAMES.map((m) => [ipcChannelOf(m), { q: m }]))
  })

  it('forwards the CSV export to the export channel', async () => {
    invoked.length = 0
    await (api.exportCsv as (...a: unknown[]) => Promise<unknown>)('customers.list', { q: 'a' }, 'customers.csv')
    expect(invoked).toEqual([[IPC_EXPORT, 'customers.list', { q: 'a' }, 'customers.csv']])
  })
})
