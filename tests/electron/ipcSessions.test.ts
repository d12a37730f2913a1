import type { Dialog } from 'electron'
import { describe, expect, it } from 'vitest'
import { IPC_CALL } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/result'
import { registerIpc } from '../../src/main/electron/ipc'
import { freshDb } from '../support/db'
import { FakeIpcMain, FakeSender, RENDERER_DIR } from './fakes'

const HOUR = 60 * 60 * 1000
const admin = { username: 'admin', displayName: 'Admin', password: 'correct horse battery', companyName: 'Hooldus OÜ' }

async function setUp() {
  const { conn } = await freshDb()
  const clock = { now: Date.UTC(2026, 11, 2, 8) }
  const ipc = new FakeIpcMain()
  registerIpc(ipc.asIpcMain(), {
    host: { conn, now: () => clock.now },
    dialog: {} as Pick<Dialog, 'showSaveDialog'>,
    pages: { rendererDir: RENDERER_DIR },
    printPdfFile: () => Promise.resolve({ printed: false, failure: '' })
  })
  const call = async (sender: FakeSender, method: string, input: unknown = {}) =>
    (await ipc.invoke(IPC_CALL, sender, method, input)) as ApiResult<unknown>
  return { clock, call }
}

describe('IPC sessions', () => {
  it('signs a window out after the idle time, like a browser session', async () => {
    const { clock, call } = await setUp()
    const win = new FakeSender()
    expect(await call(win, 'auth.setup', admin)).toMatchObject({ ok: true })
    clock.now += 12 * HOUR
    expect(await call(win, 'users.list')).toMatchObject({ ok: true })
    clock.now += 12 * HOUR + 1
    // Signed out, the window hears the company's language (Estonian: first-start setup chose the default).
    expect(await call(win, 'users.list')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'errors.signInFirst', message: 'Logi kõigepealt sisse.' }
    })
    expect(await call(win, 'auth.status')).toMatchObject({ data: { user: null } })
    // Signing in again starts a fresh idle time; the window is still watched for closing once only.
    expect(await call(win, 'auth.signIn', { username: 'admin', password: admin.password })).toMatchObject({ ok: true })
    expect(await call(win, 'users.list')).toMatchObject({ ok: true })
    expect(win.listenerCount('destroyed')).toBe(1)
  })

  it("ends another window's session when the user's password changes there, keeping the window that changed it", async () => {
    const { call } = await setUp()
    const first = new FakeSender()
    const second = new FakeSender()
    await call(first, 'auth.setup', admin)
    await call(second, 'auth.signIn', { username: 'admin', password: admin.password })
    const me = (await call(first, 'users.get', { id: 1 })) as { ok: true; data: Record<string, unknown> }
    const { id, version, username, displayName, roles, workerId, active } = me.data
    expect(
      await call(first, 'users.update', { id, version, username, displayName, roles, workerId, active, password: 'a-new-password' })
    ).toMatchObject({ ok: true })
    expect(await call(first, 'users.list')).toMatchObject({ ok: true })
    expect(await call(second, 'users.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
