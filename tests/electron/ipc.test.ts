import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { join } from 'node:path'
import type { Dialog, SaveDialogOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  IPC_CALL,
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
import { contract, type MethodName } from '@shared/api/contract'
import type { ApiResult } from '@shared/api/result'
import { handlers } from '../../src/main/api/handlers'
import { registerIpc } from '../../src/main/electron/ipc'
import type { Connection } from '../../src/main/db/connection'
import { freshDb } from '../support/db'
import { APP_URL, FakeIpcMain, FakeSender, RENDERER_DIR } from './fakes'

type DialogAnswer = { canceled: boolean; filePath?: string }

function setUp(conn: Connection, answer: DialogAnswer = { canceled: true }, checkOutputs = true) {
  const ipc = new FakeIpcMain()
  const dialogCalls: SaveDialogOptions[] = []
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      dialogCalls.push(args[args.length - 1] as SaveDialogOptions)
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' }
    }
  } as unknown as Pick<Dialog, 'showSaveDialog'>
  const logged: string[] = []
  // What the printer got: the file's bytes at the moment it was printed, and whether the file was there.
  const printed: { file: string; bytes: Buffer }[] = []
  let printAnswer = { printed: true, failure: '' }
  const channels = registerIpc(ipc.asIpcMain(), {
    host: { conn, checkOutputs, log: (m) => logged.push(m) },
    dialog,
    pages: { rendererDir: RENDERER_DIR },
    printPdfFile: (file) => {
      printed.push({ file, bytes: readFileSync(file) })
      return Promise.resolve(printAnswer)
    }
  })
  const call = async (sender: FakeSender, method: string, input: unknown = {}) =>
    (await ipc.invoke(IPC_CALL, sender, method, input)) as ApiResult<unknown>
  const print = async (sender: FakeSender, document: unknown) => (await ipc.invoke(IPC_PRINT, sender, document)) as ApiResult<unknown>
  const answerPrint = (a: typeof printAnswer) => (printAnswer = a)
  return { ipc, channels, dialogCalls, logged, call, print, printed, answerPrint }
}

const admin = { username: 'admin', displayName: 'Admin', password: 'correct horse battery', companyName: 'Hooldus OÜ' }

describe('IPC registrar', () => {
  it('registers the one API channel, the export, print, change-feed, database-choice and serving channels, nothing else', async () => {
    const { conn } = await freshDb()
    const { ipc, channels } = setUp(conn)
    expect(new Set(channels)).toEqual(
      new Set([
        IPC_CALL,
        IPC_EXPORT,
        IPC_PRINT,
        IPC_WATCH,
        IPC_UNWATCH,
        IPC_SHOP_STATUS,
        IPC_SHOP_CONNECT,
        IPC_SHOP_LOCAL,
        IPC_SERVE_STATUS,
        IPC_SERVE_SET
      ])
    )
    expect(new Set(ipc.handlers.keys())).toEqual(new Set(channels))
  })

  it('brings every contract method through the one channel to its own handler', async () => {
    const { conn } = await freshDb()
    const { call } = setUp(conn, { canceled: true }, false)
    const win = new FakeSender()
    expect(await call(win, 'auth.setup', admin)).toMatchObject({ ok: true })
    // Routing only: each method's input schema and handler are swapped for a pass-through and a recorder
    // (this file's own module instances), so the check needs no valid input per method.
    const methods = Object.keys(contract) as MethodName[]
    const table = handlers as Record<string, unknown>
    const saved = methods.map((m) => ({ m, handler: table[m], input: contract[m].input }))
    const reached: string[] = []
    try {
      for (const m of methods) {
        table[m] = (_ctx: unknown, input: unknown) => {
          reached.push(m)
          return input
        }
        ;(contract[m] as { input: unknown }).input = z.unknown()
      }
      for (const m of methods) expect(await call(win, m, { via: m }), m).toEqual({ ok: true, data: { via: m } })
    } finally {
      for (const s of saved) {
        table[s.m] = s.handler
        ;(contract[s.m] as { input: unknown }).input = s.input
      }
    }
    expect(reached).toEqual(methods)
  })

  it('answers NOT_FOUND for a name that is not a contract method, also one inherited from Object', async () => {
    const { conn } = await freshDb()
    const { call, ipc } = setUp(conn)
    for (const name of ['no.such', 'toString', '__proto__', '']) {
      expect(await call(new FakeSender(), name), name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(await ipc.invoke(IPC_CALL, new FakeSender(), { method: 'auth.status' }, {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
    // The frame check comes first: a foreign page learns nothing about which names exist.
    const foreign = await call(new FakeSender({ url: 'https://evil.example/' }), 'no.such')
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('lets a call from the app’s own top frame reach the pipeline', async () => {
    const { conn } = await freshDb()
    const { call } = setUp(conn)
    const result = await call(new FakeSender(), 'auth.status')
    expect(result).toEqual({ ok: true, data: { needsSetup: true, user: null, companyName: 'Test Service OÜ', language: 'en' } })
  })

  it('refuses with FORBIDDEN a call from a sub-frame, a foreign page, another file, or a gone frame', async () => {
    const { conn } = await freshDb()
    const { call } = setUp(conn)
    const senders = [
      new FakeSender({ url: APP_URL, subFrame: true }),
      new FakeSender({ url: 'https://evil.example/' }),
      new FakeSender({ url: 'file:///home/user/Downloads/evil.html' }),
      new FakeSender(null)
    ]
    for (const sender of senders) {
      const result = await call(sender, 'auth.status')
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('FORBIDDEN')
    }
    // …and the refusal comes before anything is done: setup from a foreign frame does not create a user.
    const refused = await call(new FakeSender({ url: 'https://evil.example/' }), 'auth.setup', admin)
    expect(refused.ok).toBe(false)
    expect(await call(new FakeSender(), 'auth.status')).toMatchObject({ ok: true, data: { needsSetup: true } })
  })

  it('keeps sessions per webContents: signing in one window does not sign in another', async () => {
    const { conn } = await freshDb()
    const { call } = setUp(conn)
    const first = new FakeSender()
    const second = new FakeSender()
    const setup = await call(first, 'auth.setup', admin)
    expect(setup).toMatchObject({ ok: true, data: { username: 'admin' } })

    expect(await call(first, 'auth.status')).toMatchObject({ ok: true, data: { needsSetup: false, user: { username: 'admin' } } })
    expect(await call(second, 'auth.status')).toMatchObject({ ok: true, data: { needsSetup: false, user: null } })
    expect(await call(second, 'users.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call(first, 'users.list')).toMatchObject({ ok: true })

    // Signing in the second window does not change the first; signing out the first leaves the second.
    expect(await call(second, 'auth.signIn', { username: 'admin', password: admin.password })).toMatchObject({ ok: true })
    expect(await call(first, 'auth.signOut')).toMatchObject({ ok: true })
    expect(await call(first, 'auth.status')).toMatchObject({ data: { user: null } })
    expect(await call(second, 'auth.status')).toMatchObject({ data: { user: { username: 'admin' } } })
  })

  it('forgets a window’s session when its webContents is destroyed', async () => {
    const { conn } = await freshDb()
    const { call } = setUp(conn)
    const win = new FakeSender()
    await call(win, 'auth.setup', admin)
    expect(win.listenerCount('destroyed')).toBe(1)
    win.emit('destroyed')
    expect(await call(win, 'auth.status')).toMatchObject({ data: { user: null } })
  })

  it('answers VALIDATION for bad input, never throwing across the boundary', async () => {
    const { conn } = await freshDb()
    const { call } = setUp(conn)
    const result = await call(new FakeSender(), 'auth.setup', { username: '' })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('IPC CSV export', () => {
  async function signedInWithCustomers(answer: DialogAnswer) {
    const { conn, dir } = await freshDb()
    const s = setUp(conn, answer)
    const win = new FakeSender()
    await s.call(win, 'auth.setup', admin)
    for (const name of ['Tallinna Vesi AS', 'Õunapuu OÜ'])
      expect(await s.call(win, 'customers.create', { name })).toMatchObject({ ok: true })
    return { ...s, win, dir }
  }

  it('writes the CSV to the path the save dialog returns', async () => {
    const { dir } = await freshDb()
    const target = join(dir, 'customers.csv')
    const { ipc, win, dialogCalls } = await signedInWithCustomers({ canceled: false, filePath: target })
    const result = await ipc.invoke(IPC_EXPORT, win, 'customers.list', { sort: 'name' }, 'customers.csv')
    expect(result).toEqual({ ok: true, data: { rows: 2, path: target, cancelled: false } })
    expect(dialogCalls).toHaveLength(1)
    expect(dialogCalls[0]).toMatchObject({ defaultPath: 'customers.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] })
    const text = readFileSync(target, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const lines = text.slice(1).trim().split(/\r?\n/)
    expect(lines).toHaveLength(3)
    // The administrator speaks the company's language, Estonian: the spreadsheet dialect (BOM, semicolons).
    expect(lines[0]).toContain('Nimi;')
    expect(lines[1]).toContain('Tallinna Vesi AS')
    expect(lines[2]).toContain('Õunapuu OÜ')
    expect(readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([])
  })

  it('reports cancelled, and writes nothing, when the dialog is cancelled', async () => {
    const { ipc, win, dialogCalls, dir } = await signedInWithCustomers({ canceled: true })
    const before = readdirSync(dir)
    const result = await ipc.invoke(IPC_EXPORT, win, 'customers.list', {}, 'customers.csv')
    expect(result).toEqual({ ok: true, data: { rows: 0, path: null, cancelled: true } })
    expect(dialogCalls).toHaveLength(1)
    expect(readdirSync(dir)).toEqual(before)
  })

  it('refuses a foreign frame and a signed-out window before showing any dialog', async () => {
    const { ipc, dialogCalls } = await signedInWithCustomers({ canceled: false, filePath: '/tmp/never.csv' })
    const foreign = await ipc.invoke(IPC_EXPORT, new FakeSender({ url: 'https://evil.example/' }), 'customers.list', {}, 'x.csv')
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const signedOut = await ipc.invoke(IPC_EXPORT, new FakeSender(), 'customers.list', {}, 'x.csv')
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const unknown = await ipc.invoke(IPC_EXPORT, new FakeSender(), 'customers.delete', {}, 'x.csv')
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(dialogCalls).toHaveLength(0)
    expect(existsSync('/tmp/never.csv')).toBe(false)
  })

  it('reports a file that cannot be written as an error instead of success', async () => {
    const { dir } = await freshDb()
    const target = join(dir, 'no-such-folder', 'customers.csv')
    const { ipc, win, logged } = await signedInWithCustomers({ canceled: false, filePath: target })
    const result = (await ipc.invoke(IPC_EXPORT, win, 'customers.list', {}, 'customers.csv')) as ApiResult<unknown>
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    if (!result.ok) expect(result.error.message).toContain(target)
    expect(logged).toHaveLength(1)
  })

  it('leaves no partial file behind when the file cannot be put in place', async () => {
    const { dir } = await freshDb()
    const target = join(dir, 'taken')
    mkdirSync(target) // a folder of that name: the rename at the end fails
    const { ipc, win } = await signedInWithCustomers({ canceled: false, filePath: target })
    const result = (await ipc.invoke(IPC_EXPORT, win, 'customers.list', {}, 'customers.csv')) as ApiResult<unknown>
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([])
  })
})

describe('printing a PDF', () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n', 'latin1')
  const document = { fileName: 'SO-000001-receipt.pdf', contentBase64: pdf.toString('base64') }

  it('prints the document’s bytes from a file of its own, removed afterwards', async () => {
    const { conn } = await freshDb()
    const { print, printed } = setUp(conn)
    expect(await print(new FakeSender(), document)).toEqual({ ok: true, data: { printed: true } })
    expect(printed).toHaveLength(1)
    expect(printed[0]!.bytes.equals(pdf)).toBe(true)
    expect(existsSync(dirname(printed[0]!.file))).toBe(false)
  })

  it('answers a cancelled dialog as not printed, and a printer failure as an error with its reason', async () => {
    const { conn } = await freshDb()
    const { print, answerPrint } = setUp(conn)
    answerPrint({ printed: false, failure: '' })
    expect(await print(new FakeSender(), document)).toEqual({ ok: true, data: { printed: false } })
    answerPrint({ printed: false, failure: 'Invalid printer settings' })
    const r = await print(new FakeSender(), document)
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(r.ok ? '' : r.error.message).toContain('Invalid printer settings')
  })

  it('refuses anything but a PDF, and a frame that is not the app, without printing', async () => {
    const { conn } = await freshDb()
    const { print, printed } = setUp(conn)
    for (const bad of [null, 'text', {}, { contentBase64: Buffer.from('<html>').toString('base64') }, { contentBase64: '%%%' }]) {
      expect(await print(new FakeSender(), bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(await print(new FakeSender({ url: 'https://evil.example/' }), document)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await print(new FakeSender({ url: APP_URL, subFrame: true }), document)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(printed).toHaveLength(0)
  })
})
