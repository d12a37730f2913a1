import { contextBridge, ipcRenderer } from 'electron'
import { IPC_EXPORT, ipcChannelOf, METHOD_NAMES } from '@shared/api/methods'

/**
 * Exposes exactly the contract: one function per method name, each forwarding to its own IPC channel,
 * and the CSV export. Nothing of ipcRenderer itself reaches the page.
 */
const api: Record<string, unknown> = { mode: 'electron' }
for (const method of METHOD_NAMES) {
  api[method] = (input: unknown) => ipcRenderer.invoke(ipcChannelOf(method), input)
}
api.exportCsv = (list: string, input: unknown, suggestedName: string) =>
  ipcRenderer.invoke(IPC_EXPORT, list, input, suggestedName)

contextBridge.exposeInMainWorld('api', Object.freeze(api))
