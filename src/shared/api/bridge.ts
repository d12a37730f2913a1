import type { ChangeEvent } from './changes'
import type { MethodName } from './contract'
import type { ApiResult } from './result'

export interface ExportOutcome {
  /** Rows written; null when the browser took over the download. */
  rows: number | null
  /** Where the file went (Electron); null in browser mode or when the user cancelled. */
  path: string | null
  cancelled: boolean
}

/**
 * IPC channels (Electron): every API call goes through one channel with the method name, which main
 * checks against the contract; the CSV export has its own, as it needs a native save dialog.
 */
export const IPC_CALL = 'api:call'
export const IPC_EXPORT = 'hooldus:export-csv'
/** Printing a PDF the API answered (Electron): main prints it from a hidden window with the system's print dialog. */
export const IPC_PRINT = 'hooldus:print-pdf'
/** The change feed (Electron as a shop server's client): the page asks main to watch and hears IPC_CHANGE. */
export const IPC_WATCH = 'hooldus:changes-watch'
export const IPC_UNWATCH = 'hooldus:changes-unwatch'
export const IPC_CHANGE = 'hooldus:change'
/** Which database the app works on: its own or a paired shop server (Electron only). */
export const IPC_SHOP_STATUS = 'hooldus:shop-status'
export const IPC_SHOP_CONNECT = 'hooldus:shop-connect'
export const IPC_SHOP_LOCAL = 'hooldus:shop-local'
/** Serving this app's database to the shop's network (Electron only; docs/adr/0033-shop-server.md). */
export const IPC_SERVE_STATUS = 'hooldus:serve-status'
export const IPC_SERVE_SET = 'hooldus:serve-set'

export interface ShopStatus {
  mode: 'local' | 'shop'
  /** `https://host:port` of the paired server; null on the own database. */
  address: string | null
  /** The pinned certificate's SHA-256 fingerprint. */
  fingerprint: string | null
  /** The name this computer paired under. */
  machine: string | null
}

export interface ShopConnectInput {
  address: string
  code: string
  machine: string
}

/** The choice to serve this database to the shop's network, kept in the app's user-data folder. */
export interface ServeInput {
  enabled: boolean
  /** `<address>:<port>`, e.g. 0.0.0.0:5179. */
  listen: string
  /** Host names and addresses the shop's machines reach this computer by (the Host check). */
  names: string[]
}

export interface ServeStatus extends ServeInput {
  /** Whether the host is listening now (the choice may be on while the port is taken). */
  running: boolean
  /** The address a workstation pairs with; null while not running. */
  url: string | null
  fingerprint: string | null
  pairing: { code: string; expiresAt: number; state: 'valid' | 'expired' | 'burnt' } | null
  /** Why the host is not running although it should be (the port is taken, say), in the company's language. */
  error: string | null
}

/** `window.api.shop`: choosing the database (Electron only; a browser is always on its host's). */
export interface ShopBridge {
  readonly status: () => Promise<ApiResult<ShopStatus>>
  readonly connect: (input: ShopConnectInput) => Promise<ApiResult<ShopStatus>>
  readonly useOwnDatabase: () => Promise<ApiResult<ShopStatus>>
  /** Serving this database to the shop's network: administrators and service managers only. */
  readonly serveStatus: () => Promise<ApiResult<ServeStatus>>
  readonly serve: (input: ServeInput) => Promise<ApiResult<ServeStatus>>
}

/** A document as the API answers it (the `*Pdf` methods' `pdfFile`). */
export interface PdfDocument {
  fileName: string
  contentBase64: string
}

export interface PrintOutcome {
  /** False when the user cancelled the print dialog. */
  printed: boolean
}

/** `window.api`: the Electron preload and the browser-mode shim both build exactly this shape. */
export interface HooldusBridge {
  readonly call: (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>
  readonly exportCsv: (list: MethodName, input: unknown, suggestedName: string) => Promise<ApiResult<ExportOutcome>>
  readonly mode: 'electron' | 'browser'
  /**
   * Other clients' changes as they happen; answers the function that stops listening. Browser mode and
   * Electron have it; a desktop window on its own database never hears anything (there is no one else).
   */
  readonly onChange?: (listener: (change: ChangeEvent) => void) => () => void
  /**
   * Electron only: prints through the main process (a sandboxed page cannot print a PDF itself). Browser mode has no
   * such call; the page prints the PDF from a hidden frame with the browser's own dialog (lib/print.ts).
   */
  readonly printPdf?: (document: PdfDocument) => Promise<ApiResult<PrintOutcome>>
  /** Electron only: connect to a shop server or go back to this computer's own database. */
  readonly shop?: ShopBridge
}
