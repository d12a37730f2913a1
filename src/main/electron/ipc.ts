import { createWriteStream } from 'node:fs'
import type { Dialog, IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_EXPORT, ipcChannelOf, METHOD_NAMES } from '@shared/api/methods'
import type { ApiResult } from '@shared/api/result'
import type { ExportOutcome } from '@shared/api/bridge'
import { writeCsv } from '../api/csv'
import { type ApiHost, dispatch, startExport } from '../api/pipeline'
import type { SessionSlot } from '../services/core/context'
import { isAppUrl } from './security'

export interface IpcOptions {
  host: ApiHost
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** The dev server origin in development, null when loading files. */
  appOrigin: string | null
}

/**
 * Registers one handler per contract method (channel `api:<method>`), each running the shared pipeline
 * with a caller check that only the app's own top frame passes, and the CSV export with a save dialog.
 * Sessions are per window: each webContents signs in on its own.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, options: IpcOptions): string[] {
  const sessions = new Map<number, SessionSlot>()
  const slot = (event: IpcMainInvokeEvent) => {
    let s = sessions.get(event.sender.id)
    if (!s) {
      s = { userId: null }
      sessions.set(event.sender.id, s)
      event.sender.once?.('destroyed', () => sessions.delete(event.sender.id))
    }
    return s
  }
  const checkFrame = (event: IpcMainInvokeEvent) => () => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isAppUrl(frame.url, options.appOrigin)) return 'IPC from a frame that is not the app.'
    return null
  }

  const channels: string[] = []
  for (const method of METHOD_NAMES) {
    const channel = ipcChannelOf(method)
    ipcMain.handle(channel, (event, input: unknown) => dispatch(options.host, checkFrame(event), slot(event), method, input))
    channels.push(channel)
  }

  ipcMain.handle(IPC_EXPORT, async (event, list: string, input: unknown, suggestedName: string): Promise<ApiResult<ExportOutcome>> => {
    const started = startExport(options.host, checkFrame(event), slot(event), list, input)
    if (!started.ok) return started
    const choice = await options.dialog.showSaveDialog({
      title: 'Export to CSV',
      defaultPath: suggestedName,
      filters: [{ name: 'CSV', extensions: ['csv'] }]
    })
    if (choice.canceled || !choice.filePath) return { ok: true, data: { rows: 0, path: null, cancelled: true } }
    const rows = await writeCsv(started.columns, started.rows, createWriteStream(choice.filePath))
    return { ok: true, data: { rows, path: choice.filePath, cancelled: false } }
  })
  channels.push(IPC_EXPORT)
  return channels
}
