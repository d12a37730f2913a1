import type { ApiResult } from './result'
import type { MethodNameList } from './methods'

export interface ExportOutcome {
  /** Rows written; null when the browser took over the download. */
  rows: number | null
  /** Where the file went (Electron); null in browser mode or when the user cancelled. */
  path: string | null
  cancelled: boolean
}

/**
 * `window.api`: one function per contract method, plus CSV export. The Electron preload and the
 * browser-mode shim both build exactly this shape from METHOD_NAMES.
 */
export type HooldusBridge = {
  readonly [M in MethodNameList]: (input: unknown) => Promise<ApiResult<unknown>>
} & {
  readonly exportCsv: (list: string, input: unknown, suggestedName: string) => Promise<ApiResult<ExportOutcome>>
  readonly mode: 'electron' | 'browser'
}
