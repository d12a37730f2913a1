import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CALL, IPC_EXPORT, IPC_PRINT, type PdfDocument } from '@shared/api/bridge'

/**
 * Exposes `call(method, input)` on the one API channel (main checks the method against the contract),
 * the CSV export, printing a PDF and the mode. Nothing of ipcRenderer itself reaches the page.
 */
const api = {
  mode: 'electron',
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CALL, method, input),
  exportCsv: (list: string, input: unknown, suggestedName: string) => ipcRenderer.invoke(IPC_EXPORT, list, input, suggestedName),
  printPdf: (document: PdfDocument) => ipcRenderer.invoke(IPC_PRINT, document)
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))
