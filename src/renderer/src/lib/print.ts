import type { PdfDocument } from '@shared/api/bridge'
import { ApiCallError } from './api'

/** The one hidden frame documents are printed from in browser mode (e2e specs find it by this id). */
export const PRINT_FRAME_ID = 'hooldus-print-frame'

/**
 * Prints a document the API answered with the system's print dialog: in Electron through the main process (a hidden
 * window, ADR 0027), in browser mode from a hidden frame holding the PDF, whose `print()` opens the browser's dialog
 * on the document itself (the PDF viewer prints the PDF, not the page around it).
 */
export async function printPdf(pdf: PdfDocument): Promise<void> {
  if (window.api.printPdf) {
    const result = await window.api.printPdf(pdf)
    if (!result.ok) throw new ApiCallError(result.error.code, result.error.message, result.error.issues ?? [], result.error.key)
    return
  }
  await printInFrame(pdf)
}

function printInFrame(pdf: PdfDocument): Promise<void> {
  const bytes = Uint8Array.from(atob(pdf.contentBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
  // The previous document's frame goes now, not when its print() returned: the print preview reads it after that.
  // A new frame each time, as navigating a frame that holds the PDF viewer to the next PDF can stall the page.
  const previous = document.getElementById(PRINT_FRAME_ID) as HTMLIFrameElement | null
  if (previous) {
    URL.revokeObjectURL(previous.src)
    previous.remove()
  }
  const frame = document.createElement('iframe')
  frame.id = PRINT_FRAME_ID
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  // Out of sight but laid out: a frame with display: none would not render the PDF it is asked to print.
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' })
  frame.dataset.fileName = pdf.fileName
  return new Promise((resolve) => {
    frame.onload = () => {
      frame.onload = null
      const w = frame.contentWindow!
      w.focus()
      w.print()
      resolve()
    }
    frame.src = url
    document.body.appendChild(frame)
  })
}
