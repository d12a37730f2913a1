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

/** `window.api`: the Electron preload and the browser-mode shim both build exactly this shape. */
export interface HooldusBridge {
  readonly call: (method: MethodName, input: unknown) => Promise<ApiResult<unknown>>
  readonly exportCsv: (list: MethodName, input: unknown, suggestedName: string) => Promise<ApiResult<ExportOutcome>>
  readonly mode: 'electron' | 'browser'
  /**
   * Other clients' changes as they happen; answers the function that stops listening. Only hosts that serve
   * several clients have it (browser mode today); a desktop window alone on its database has no one to hear.
   */
  readonly onChange?: (listener: (change: ChangeEvent) => void) => () => void
}
