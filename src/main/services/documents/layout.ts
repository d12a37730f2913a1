import type { Content, ContentTable, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Settings } from '@shared/domain/system'
import type { DocumentLocale } from './format'
import { FONT } from './pdf'

/**
 * The common look of every document: A4, 9 pt Roboto, one accent colour (titles and the total rule), grey
 * hairlines between table rows and no vertical lines. Builders compose the pieces below.
 */

export const ACCENT = '#1f4e79'
export const MUTED = '#5f6368'
const RULE = '#c8ccd0'
const HAIRLINE = '#e3e5e8'

const MARGIN_X = 42
export const CONTENT_WIDTH = 595.28 - 2 * MARGIN_X

/** Shown for a value that is not set, so that a label never stands alone. */
export const NONE = '—'
export const orNone = (s: string | null | undefined): string => (s && s.trim() ? s : NONE)

/** Table rows: a rule under the column headings, hairlines between rows, nothing vertical (nor above or below). */
export const rowsLayout: CustomTableLayout = {
  hLineWidth: (i, node) => {
    const head = node.table.headerRows ?? 0
    if (i === head) return 0.75
    return i < head || i === node.table.body.length ? 0 : 0.5
  },
  hLineColor: (i, node) => (i === (node.table.headerRows ?? 0) ? RULE : HAIRLINE),
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 4),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 0 : 4),
  paddingTop: () => 3,
  paddingBottom: () => 3
}

/** Label/value grids and side-by-side blocks: no lines at all. */
export const plainLayout: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 6),
  paddingRight: () => 6,
  paddingTop: () => 1,
  paddingBottom: () => 3
}

/** Boxes to write into (the signature box): thin lines all round. */
export const boxLayout: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3
}

export interface DocumentFrame {
  settings: Settings
  /** The document's language: its footer and the company's ids are written in it. */
  locale: DocumentLocale
  /** "Invoice", "Work description", … */
  title: string
  number: string
  /** Lines under the number, right-aligned in the header (e.g. "Credits INV-000003"). */
  subtitle?: string[]
  content: Content[]
  /** Caption the company as the seller (invoices and credit notes): its legal name, address, codes and contacts. */
  seller?: boolean
  /** The seller's country, written out, when the document goes abroad. */
  sellerCountry?: string
}

/** The company's address as lines: the street, then postal code and city, then the country when asked for. */
export function companyAddressLines(s: Settings, country: string | null = null): string[] {
  const town = [s.companyPostalCode, s.companyCity].filter(Boolean).join(' ')
  return [s.companyAddress, town, country ?? ''].filter((l) => l.trim() !== '')
}

const MARGIN_TOP_2: [number, number, number, number] = [0, 2, 0, 0]
const MARGIN_TOP_1: [number, number, number, number] = [0, 1, 0, 0]

function companyBlock(f: DocumentFrame): Content {
  const { settings: s, locale } = f
  const { t } = locale
  const seller = f.seller ?? false
  const ids = [
    s.companyRegNo ? t('documents.frame.regNo', { value: s.companyRegNo }) : '',
    s.companyVatNumber ? t('documents.frame.vatNo', { value: s.companyVatNumber }) : ''
  ]
    .filter(Boolean)
    .join('   ·   ')
  // Contacts and the legal name are for the customer: on invoices and credit notes. A line each, as an e-mail
  // address beside a phone number would wrap mid-way in the header's width.
  const contacts = seller
    ? [
        s.companyPhone ? t('documents.frame.phone', { value: s.companyPhone }) : '',
        s.companyEmail ? t('documents.frame.email', { value: s.companyEmail }) : '',
        s.companyWeb
      ].filter(Boolean)
    : []
  const address = companyAddressLines(s, f.sellerCountry ?? null).join(', ')
  const text = {
    stack: [
      ...(seller ? [label(t('documents.frame.seller'))] : []),
      { text: seller && s.companyLegalName ? s.companyLegalName : s.companyName, bold: true, fontSize: 12 },
      ...(address ? [{ text: address, color: MUTED, margin: MARGIN_TOP_2 }] : []),
      ...(ids ? [{ text: ids, color: MUTED, margin: MARGIN_TOP_1 }] : []),
      ...contacts.map((c, i) => ({ text: c, color: MUTED, margin: i === 0 ? MARGIN_TOP_1 : undefined }))
    ] as Content[]
  }
  if (!s.logo) return text
  return {
    columns: [
      { width: 64, stack: [{ image: s.logo, fit: [64, 48] }] },
      { width: '*', stack: text.stack }
    ],
    columnGap: 10
  }
}

function header(f: DocumentFrame): Content[] {
  return [
    {
      columns: [
        { width: '*', stack: [companyBlock(f)] },
        {
          width: 210,
          alignment: 'right',
          stack: [
            { text: f.title, fontSize: 17, color: ACCENT, bold: true },
            { text: f.number, fontSize: 11, bold: true, margin: [0, 2, 0, 0] },
            ...(f.subtitle ?? []).map((t) => ({ text: t, color: MUTED, margin: [0, 1, 0, 0] as [number, number, number, number] }))
          ]
        }
      ],
      columnGap: 16
    },
    rule(ACCENT, 0.75, [0, 8, 0, 10])
  ]
}

export function rule(color = RULE, width = 0.5, margin: [number, number, number, number] = [0, 6, 0, 6]): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: width, lineColor: color }], margin }
}

/** The whole document: page, fonts, header on page 1, a footer with the page count on every page. */
export function documentFrame(f: DocumentFrame): TDocumentDefinitions {
  const footerLeft = `${f.settings.companyName}   ·   ${f.title} ${f.number}`
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 40, MARGIN_X, 48],
    info: { title: `${f.title} ${f.number}`, author: f.settings.companyName, creator: 'Hooldus', producer: 'Hooldus' },
    defaultStyle: { font: FONT, fontSize: 9, lineHeight: 1.15, color: '#202124' },
    footer: (page, pages) => ({
      columns: [
        { text: footerLeft, color: MUTED, fontSize: 7.5 },
        { text: f.locale.t('documents.frame.page', { page, pages }), color: MUTED, fontSize: 7.5, alignment: 'right', width: 80 }
      ],
      margin: [MARGIN_X, 18, MARGIN_X, 0]
    }),
    content: [...header(f), ...f.content]
  }
}

/** A small grey caption above a value. */
export const label = (text: string): Content => ({ text, color: MUTED, fontSize: 7.5 })

/** Label-over-value pairs in a grid of `columns` equal columns, row by row. */
export function facts(pairs: [string, Content][], columns = 3): Content {
  const rows: TableCell[][] = []
  for (let i = 0; i < pairs.length; i += columns) {
    const row: TableCell[] = pairs.slice(i, i + columns).map(([l, v]) => ({ stack: [label(l), typeof v === 'string' ? orNone(v) : v] }))
    while (row.length < columns) row.push({ text: '' })
    rows.push(row)
  }
  return { table: { widths: Array(columns).fill('*'), body: rows, dontBreakRows: true }, layout: plainLayout, margin: [0, 0, 0, 4] }
}

/** Side-by-side blocks, each with a caption: customer, address, contact, … */
export function blocks(items: { caption: string; lines: Content[] }[]): Content {
  return {
    table: {
      widths: Array(items.length).fill('*'),
      dontBreakRows: true,
      body: [items.map((b) => ({ stack: [label(b.caption), ...(b.lines.length ? b.lines : [NONE])] }))]
    },
    layout: plainLayout,
    margin: [0, 4, 0, 2]
  }
}

const heading = (title: string) => ({
  text: title,
  bold: true,
  fontSize: 10,
  color: ACCENT,
  margin: [0, 10, 0, 4] as [number, number, number, number]
})

/**
 * A heading over a short text (at most a few thousand characters, so always less than a page): kept in one
 * piece, so the heading never stays alone at the foot of a page. Tables carry their heading themselves
 * (rowsTable's `title`).
 */
export function section(title: string, text: Content): Content {
  return { stack: [heading(title), text], unbreakable: true }
}

export interface Column {
  header: string
  width: number | '*' | 'auto'
  align?: 'left' | 'right' | 'center'
  /** A long heading over a narrow column of figures wraps instead of widening the table past the page. */
  wrapHeader?: boolean
}

/**
 * A table of rows, numbers right-aligned. The title (a section heading) and the column headings repeat on
 * every page the table runs onto, and stay with at least its first row.
 */
export function rowsTable(columns: Column[], body: TableCell[][], title?: string): ContentTable {
  const head: TableCell[] = columns.map((c) => ({
    text: c.header,
    bold: true,
    fontSize: 8,
    color: MUTED,
    alignment: c.align ?? 'left',
    noWrap: !c.wrapHeader
  }))
  // The cell padding (3 pt above and below) stands in for part of the heading's margin.
  const titleRow: TableCell[][] = title
    ? [[{ ...heading(title), margin: [0, 7, 0, 0], colSpan: columns.length }, ...columns.slice(1).map(() => ({}))]]
    : []
  const rows = body.map((r) => r.map((cell, i) => aligned(cell, columns[i]?.align ?? 'left')))
  return {
    table: {
      headerRows: titleRow.length + 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width),
      body: [...titleRow, head, ...rows]
    },
    layout: rowsLayout
  }
}

function aligned(cell: TableCell, alignment: 'left' | 'right' | 'center'): TableCell {
  if (typeof cell === 'string' || typeof cell === 'number') return { text: String(cell), alignment }
  if (Array.isArray(cell)) return { stack: cell, alignment }
  // `{}` stands in for a cell covered by a colSpan; it stays empty.
  if (Object.keys(cell).length === 0) return cell
  return { alignment, ...cell } as TableCell
}

/** A right-aligned column of label/amount rows; the last one (the total) bold over an accent rule. */
export function totals(rows: [string, string][], width = 230): Content {
  const body: TableCell[][] = rows.map(([l, v], i) => {
    const last = i === rows.length - 1
    return [
      { text: l, bold: last, fontSize: last ? 10 : 9, color: last ? '#202124' : MUTED },
      { text: v, bold: last, fontSize: last ? 10 : 9, alignment: 'right', noWrap: true }
    ]
  })
  return {
    columns: [
      { width: '*', text: '' },
      {
        width,
        table: { widths: ['*', 'auto'], body, dontBreakRows: true },
        layout: {
          hLineWidth: (i, node) => (i === node.table.body.length - 1 ? 0.75 : 0),
          hLineColor: () => ACCENT,
          vLineWidth: () => 0,
          paddingLeft: () => 0,
          paddingRight: () => 0,
          paddingTop: (i, node) => (i === node.table.body.length - 1 ? 4 : 1),
          paddingBottom: () => 1
        }
      }
    ],
    // columnGap is inherited like a style: a parent's gap would push the table past the margin.
    columnGap: 0,
    unbreakable: true,
    margin: [0, 6, 0, 0]
  }
}

/** A cell with the main text and, when there is one, a muted second line (a note, a worker). */
export function withNote(main: string, note: string | null | undefined): Content {
  return note && note.trim() ? { stack: [main, { text: note, color: MUTED, fontSize: 8 }] } : main
}

/** Safe in a file name: letters, digits, dot, dash and underscore. */
export function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_')
}
