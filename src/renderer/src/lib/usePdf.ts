import { useMutation } from '@tanstack/react-query'
import type { PdfDocument } from '@shared/api/bridge'
import { downloadPdf } from './download'
import { showApiError } from './forms'
import { printPdf } from './print'

/**
 * A document's two actions, the same for every `*Pdf` method: download it, or print it (lib/print.ts). `fetch` asks
 * the API for the PDF, with what tells the documents of one screen apart (e.g. the work description or receipt).
 */
export function usePdf<A = void>(fetch: (arg: A) => Promise<PdfDocument>) {
  const download = useMutation({ mutationFn: fetch, onSuccess: downloadPdf, onError: (e) => showApiError(e) })
  const print = useMutation({ mutationFn: async (arg: A) => printPdf(await fetch(arg)), onError: (e) => showApiError(e) })
  return { download, print }
}
