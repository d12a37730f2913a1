/** Saves bytes the API answered as a file: in the browser a download, in Electron the save dialog. */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A PDF the API answered as base64. */
export function downloadPdf(file: { fileName: string; contentBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0))
  saveFile(file.fileName, new Blob([bytes], { type: 'application/pdf' }))
}
