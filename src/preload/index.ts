import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
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
  IPC_WATCH,
  type HooldusBridge,
  type PdfDocument,
  type ServeInput,
  type ShopConnectInput
} from '@shared/api/bridge'

/**
 * Exposes `call(method, input)` on the one API channel (main checks the method against the contract),
 * the CSV export, printing a PDF, the change feed, choosing the database, serving it to the shop's network and the mode. Nothing of ipcRenderer
 * itself reaches the page.
 */
const api = {
  mode: 'electron',
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CALL, method, input),
  exportCsv: (list: string, input: unknown, suggestedName: string) => ipcRenderer.invoke(IPC_EXPORT, list, input, suggestedName),
  printPdf: (document: PdfDocument) => ipcRenderer.invoke(IPC_PRINT, document),
  // One listener at a time per page (useLiveUpdates holds it while someone is signed in).
  onChange: (listener: Parameters<NonNullable<HooldusBridge['onChange']>>[0]) => {
    const heard = (_event: IpcRendererEvent, change: Parameters<typeof listener>[0]) => listener(change)
    ipcRenderer.on(IPC_CHANGE, heard)
    void ipcRenderer.invoke(IPC_WATCH)
    return () => {
      ipcRenderer.removeListener(IPC_CHANGE, heard)
      void ipcRenderer.invoke(IPC_UNWATCH)
    }
  },
  shop: Object.freeze({
    status: () => ipcRenderer.invoke(IPC_SHOP_STATUS),
    connect: (input: ShopConnectInput) =>
      ipcRenderer.invoke(IPC_SHOP_CONNECT, { address: input.address, code: input.code, machine: input.machine }),
    useOwnDatabase: () => ipcRenderer.invoke(IPC_SHOP_LOCAL),
    serveStatus: () => ipcRenderer.invoke(IPC_SERVE_STATUS),
    serve: (input: ServeInput) =>
      ipcRenderer.invoke(IPC_SERVE_SET, { enabled: input.enabled, listen: input.listen, names: [...input.names] })
  })
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))
