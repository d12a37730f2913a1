import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type * as PdfMake from 'pdfmake'
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'

/**
 * pdfmake in Node (STACK.md, gotcha 13). The standard PDF fonts are WinAnsi only, so the documents embed
 * the Roboto TTFs that pdfmake ships (Estonian õ ä ö ü š ž and € included), read from pdfmake's own folder
 * in node_modules. `require.resolve` finds that folder the same way from tsx, Vitest and the electron-vite
 * bundle (out/main/*.js, where pdfmake stays external) — also inside the packaged app's asar.
 *
 * Both access policies are restrictive: no URL is ever fetched, and the only local files pdfmake may open
 * are the four font files (plus the names of the standard fonts, which pdfkit asks about by name).
 */

const nodeRequire = createRequire(__filename)

export const FONT = 'Roboto'

const STANDARD_FONTS = new Set([
  'Courier',
  'Courier-Bold',
  'Courier-Oblique',
  'Courier-BoldOblique',
  'Helvetica',
  'Helvetica-Bold',
  'Helvetica-Oblique',
  'Helvetica-BoldOblique',
  'Times-Roman',
  'Times-Bold',
  'Times-Italic',
  'Times-BoldItalic',
  'Symbol',
  'ZapfDingbats'
])

interface Engine {
  pdfmake: typeof PdfMake
  fonts: TFontDictionary
}

let engine: Engine | null = null

function fontFolder(): string {
  const root = dirname(nodeRequire.resolve('pdfmake/package.json'))
  for (const candidate of [join(root, 'build', 'fonts', 'Roboto'), join(root, 'fonts', 'Roboto')]) {
    if (existsSync(join(candidate, 'Roboto-Regular.ttf'))) return candidate
  }
  throw new Error(`The Roboto fonts of pdfmake are missing under ${root}`)
}

function loadEngine(): Engine {
  if (engine) return engine
  const dir = fontFolder()
  const files = {
    normal: join(dir, 'Roboto-Regular.ttf'),
    bold: join(dir, 'Roboto-Medium.ttf'),
    italics: join(dir, 'Roboto-Italic.ttf'),
    bolditalics: join(dir, 'Roboto-MediumItalic.ttf')
  }
  const allowed = new Set<string>([...Object.values(files), ...STANDARD_FONTS])
  const pdfmake = nodeRequire('pdfmake') as typeof PdfMake
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path))
  engine = { pdfmake, fonts: { [FONT]: files } }
  return engine
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const { pdfmake, fonts } = loadEngine()
  // pdfmake keeps its fonts on a shared instance and rewrites the descriptors it is given: hand it a fresh copy.
  pdfmake.setFonts({ [FONT]: { ...fonts[FONT] } })
  return pdfmake.createPdf(doc).getBuffer()
}
