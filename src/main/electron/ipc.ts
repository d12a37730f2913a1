import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BaseWindow, Dialog, IpcMain, IpcMainInvokeEvent, SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron'
import {
  type ExportOutcome,
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
  IPC_WATCH,
  type PrintOutcome,
  type ServeInput,
  type ServeStatus,
  type ShopConnectInput,
  type ShopStatus
} from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/result'
import { can } from '@shared/auth/roles'
import { tFor } from '@shared/i18n/i18n'
import { type CsvOptions, writeCsv } from '../api/csv'
import type { CsvColumn } from '../api/csvColumns'
import { type ApiHost, hostError, runMethod, startExport } from '../api/pipeline'
import type { MessageKey } from '../services/core/errors'
import { resumeSession, SessionStore } from '../api/sessions'
import { type AppPages, isAppUrl } from './security'
import type { RemoteSession } from './shopClient'
import type { ShopLink } from './shopLink'
import type { ShopServe } from './shopServe'

export interface IpcOptions {
  host: ApiHost
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** Where the app's own pages come from; IPC from any other page is refused. */
  pages: AppPages
  /** The window a sender belongs to, so that the save dialog is modal to it (optional). */
  windowOf?: (sender: WebContents) => BaseWindow | null
  /** Prints a PDF file with the system's dialog (window.ts `printPdfFile` over Electron's BrowserWindow). */
  printPdfFile: (file: string) => Promise<{ printed: boolean; failure: string }>
  /** Which database the API goes to: a paired shop server forwards calls, exports and the change feed to it. */
  shop?: ShopLink
  /** Serving this database to the shop's network (shopServe.ts). */
  serve?: ShopServe
}

/**
 * Registers the API channel (`api:call` with method and input), which runs the shared pipeline with a
 * caller check that only the app's own top frame passes, and the CSV export with a save dialog.
 * Sessions are per window: each webContents signs in on its own, under the same idle limit and security
 * stamp as the browser host's sessions (checked by the pipeline). Paired with a shop server, the same channels
 * go to the server over the pinned connection instead (shopClient.ts): each window holds the session the server
 * issued, and the window's page does not see the difference.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, options: IpcOptions): string[] {
  // The channels answered are those registered here, not a list kept beside them.
  const registered: string[] = []
  const handle: IpcMain['handle'] = (channel, listener) => {
    ipcMain.handle(channel, listener)
    registered.push(channel)
  }
  const now = options.host.now ?? Date.now
  const sessions = new SessionStore<number>(() => options.host.conn.db, now)
  // A window's slot may be dropped while idle and held again later; it is watched for closing once.
  const watched = new Set<number>()
  const slot = (event: IpcMainInvokeEvent) => {
    const id = event.sender.id
    let s = sessions.get(id)
    if (!s) {
      s = { userId: null, lastUsed: now() }
      sessions.hold(id, s)
      if (!watched.has(id)) {
        watched.add(id)
        event.sender.once?.('destroyed', () => {
          sessions.delete(id)
          watched.delete(id)
        })
      }
    }
    return s
  }
  const checkFrame = (event: IpcMainInvokeEvent) => (): MessageKey | null => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, options.pages)) return 'errors.host.foreignFrame'
    return null
  }

  // A window's standing with the shop server; ended with the window, or for every window when the choice changes.
  const remoteSessions = new Map<number, RemoteSession & { stopWatching?: () => void }>()
  const remoteSession = (sender: WebContents) => {
    let who = remoteSessions.get(sender.id)
    if (!who) {
      who = { session: '', client: randomUUID() }
      remoteSessions.set(sender.id, who)
      sender.once?.('destroyed', () => {
        remoteSessions.get(sender.id)?.stopWatching?.()
        remoteSessions.delete(sender.id)
      })
    }
    return who
  }
  const refused = (event: IpcMainInvokeEvent) => {
    const key = checkFrame(event)()
    return key ? { ok: false as const, error: hostError(options.host, 'FORBIDDEN', key) } : null
  }

  // The pipeline answers NOT_FOUND for a name that is not a contract method (after the frame check).
  handle(IPC_CALL, (event, method: unknown, input: unknown) => {
    const remote = options.shop?.remote
    if (!remote) return runMethod(options.host, checkFrame(event), slot(event), String(method), input)
    return refused(event) ?? remote.call(String(method), input, remoteSession(event.sender))
  })

  const saveDialog = (sender: WebContents, dialogOptions: SaveDialogOptions): Promise<SaveDialogReturnValue> => {
    const parent = options.windowOf?.(sender) ?? null
    return parent ? options.dialog.showSaveDialog(parent, dialogOptions) : options.dialog.showSaveDialog(dialogOptions)
  }

  handle(IPC_EXPORT, async (event, list: unknown, input: unknown, suggestedName: unknown): Promise<ApiResult<ExportOutcome>> => {
    if (options.shop?.remote) return remoteExport(event, String(list), input, suggestedName)
    const started = startExport(options.host, checkFrame(event), slot(event), String(list), input)
    if (!started.ok) return started
    const choice = await saveDialog(event.sender, {
      title: tFor(started.csv.language)('common.exportCsv'),
      defaultPath: typeof suggestedName === 'string' ? suggestedName : 'export.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }]
    })
    if (choice.canceled || !choice.filePath) return { ok: true, data: { rows: 0, path: null, cancelled: true } }
    try {
      const rows = await writeFileAtomically(choice.filePath, started.columns, started.rows, started.csv)
      return { ok: true, data: { rows, path: choice.filePath, cancelled: false } }
    } catch (e) {
      options.host.log?.(`CSV export of ${String(list)} to ${choice.filePath} failed`, e)
      return {
        ok: false,
        error: hostError(options.host, 'INTERNAL', 'errors.host.fileNotWritten', { file: choice.filePath, reason: (e as Error).message })
      }
    }
  })
  /**
   * The server checks the list and the filters when it issues a ticket; the file is chosen then, and a fresh ticket
   * (good for a minute) fetches it, as the dialog may have stayed open longer than that.
   */
  async function remoteExport(
    event: IpcMainInvokeEvent,
    list: string,
    input: unknown,
    suggestedName: unknown
  ): Promise<ApiResult<ExportOutcome>> {
    const denied = refused(event)
    if (denied) return denied
    const who = remoteSession(event.sender)
    const ticket = async (remote: NonNullable<ShopLink['remote']>) =>
      (await remote.call('exports.ticket', { list, input: input ?? {} }, who)) as ApiResult<{ ticket: string }>
    const first = await ticket(options.shop!.remote!)
    if (!first.ok) return first
    const choice = await saveDialog(event.sender, {
      title: options.shop!.t()('common.exportCsv'),
      defaultPath: typeof suggestedName === 'string' ? suggestedName : 'export.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }]
    })
    if (choice.canceled || !choice.filePath) return { ok: true, data: { rows: 0, path: null, cancelled: true } }
    const remote = options.shop?.remote
    if (!remote) return { ok: false, error: hostError(options.host, 'INTERNAL', 'errors.host.unreachable') }
    const issued = await ticket(remote)
    if (!issued.ok) return issued
    const saved = await remote.download(list, issued.data.ticket, choice.filePath)
    // The host streams the rows without counting them; the file is there, its row count is not known here.
    return saved.ok ? { ok: true, data: { rows: null, path: choice.filePath, cancelled: false } } : saved
  }

  // The change feed: only a shop server has other clients to hear; on the own database watching hears nothing.
  handle(IPC_WATCH, (event) => {
    const denied = refused(event)
    const remote = options.shop?.remote
    if (denied || !remote) return
    const who = remoteSession(event.sender)
    who.stopWatching?.()
    const sender = event.sender
    who.stopWatching = remote.watch(who, (change) => {
      if (!sender.isDestroyed?.()) sender.send(IPC_CHANGE, change)
    })
  })
  handle(IPC_UNWATCH, (event) => {
    const who = remoteSessions.get(event.sender.id)
    who?.stopWatching?.()
    if (who) who.stopWatching = undefined
  })

  // Choosing the database: every window's sessions end with the old choice (the page reloads afterwards).
  const forgetRemoteSessions = () => {
    for (const who of remoteSessions.values()) who.stopWatching?.()
    remoteSessions.clear()
  }
  const shopStatus = (): ShopStatus => options.shop?.status() ?? { mode: 'local', address: null, fingerprint: null, machine: null }
  handle(IPC_SHOP_STATUS, (event) => refused(event) ?? { ok: true, data: shopStatus() })
  handle(IPC_SHOP_CONNECT, async (event, input: unknown): Promise<ApiResult<ShopStatus>> => {
    const denied = refused(event)
    if (denied) return denied
    if (!options.shop) return { ok: true, data: shopStatus() }
    const given = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof ShopConnectInput, unknown>>
    const text = (v: unknown) => (typeof v === 'string' ? v : '')
    const connected = await options.shop.connect({ address: text(given.address), code: text(given.code), machine: text(given.machine) })
    if (connected.ok) forgetRemoteSessions()
    return connected
  })
  handle(IPC_SHOP_LOCAL, (event): ApiResult<ShopStatus> => {
    const denied = refused(event)
    if (denied) return denied
    forgetRemoteSessions()
    return { ok: true, data: options.shop?.useOwnDatabase() ?? shopStatus() }
  })

  // Serving the shop's network is the operations page's business: the window's own session must hold its permission.
  const SERVE_PERMISSION = 'backups.manage'
  const refusedServe = (event: IpcMainInvokeEvent) => {
    const denied = refused(event)
    if (denied) return denied
    const held = sessions.get(event.sender.id)
    const user = held ? resumeSession(options.host.conn.db, held, now()) : null
    if (!user) return { ok: false as const, error: hostError(options.host, 'FORBIDDEN', 'errors.signInFirst') }
    if (!can(user.roles, SERVE_PERMISSION))
      return { ok: false as const, error: hostError(options.host, 'FORBIDDEN', 'errors.roleNotAllowed', { permission: SERVE_PERMISSION }) }
    if (!options.serve) return { ok: false as const, error: hostError(options.host, 'CONFLICT', 'errors.pairing.notServing') }
    return null
  }
  handle(IPC_SERVE_STATUS, (event): ApiResult<ServeStatus> => refusedServe(event) ?? { ok: true, data: options.serve!.status() })
  handle(IPC_SERVE_SET, async (event, input: unknown): Promise<ApiResult<ServeStatus>> => {
    const denied = refusedServe(event)
    if (denied) return denied
    const given = (typeof input === 'object' && input !== null ? input : {}) as Partial<Record<keyof ServeInput, unknown>>
    const names = Array.isArray(given.names) ? given.names.map((n) => (typeof n === 'string' ? n : '')) : []
    return options.serve!.set({ enabled: given.enabled === true, listen: typeof given.listen === 'string' ? given.listen : '', names })
  })

  handle(IPC_PRINT, async (event, document: unknown): Promise<ApiResult<PrintOutcome>> => {
    const refused = checkFrame(event)()
    if (refused) return { ok: false, error: hostError(options.host, 'FORBIDDEN', refused) }
    const bytes = pdfBytes(document)
    if (!bytes) return { ok: false, error: hostError(options.host, 'VALIDATION', 'errors.host.notPdf') }
    // The PDF viewer loads a file: it goes to a private folder of its own and is removed once printed.
    const dir = await mkdtemp(join(tmpdir(), 'hooldus-print-'))
    try {
      const file = join(dir, 'document.pdf')
      await writeFile(file, bytes)
      const result = await options.printPdfFile(file)
      if (result.failure)
        return { ok: false, error: hostError(options.host, 'INTERNAL', 'errors.host.printFailed', { reason: result.failure }) }
      return { ok: true, data: { printed: result.printed } }
    } catch (e) {
      options.host.log?.('Printing a PDF failed', e)
      return { ok: false, error: hostError(options.host, 'INTERNAL', 'errors.host.printFailed', { reason: (e as Error).message }) }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
  return registered
}

/** The bytes of `{ fileName, contentBase64 }` when they are a PDF (they start with "%PDF-"); null for anything else. */
function pdfBytes(document: unknown): Buffer | null {
  if (typeof document !== 'object' || document === null) return null
  const base64 = (document as { contentBase64?: unknown }).contentBase64
  if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null
  const bytes = Buffer.from(base64, 'base64')
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? bytes : null
}

/**
 * Writes the CSV next to the chosen path and renames it into place at the end, so that a failure
 * (disk full, no permission, a row that cannot be read) never leaves a half-written file behind —
 * and a write error is reported instead of being taken for success.
 */
async function writeFileAtomically(path: string, columns: readonly CsvColumn[], rows: Iterable<unknown>, csv: CsvOptions): Promise<number> {
  const partial = `${path}.${process.pid}.part`
  const out = createWriteStream(partial)
  const failed = new Promise<never>((_resolve, reject) => out.once('error', reject))
  try {
    const n = await Promise.race([writeCsv(columns, rows, out, csv), failed])
    if (!out.closed) await Promise.race([once(out, 'close'), failed])
    await rename(partial, path)
    return n
  } catch (e) {
    out.destroy()
    await rm(partial, { force: true })
    throw e
  }
}
