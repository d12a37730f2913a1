import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { invalid, type MessageKey } from '../core/errors'

/** One booked incoming credit of a statement: a candidate payment. */
export interface StatementCredit {
  /**
   * The bank's reference of the entry (AcctSvcrRef, else NtryRef), prefixed with the account, "/n" added for
   * the n-th transaction of a batched entry. Without either reference: the statement's id and the entry's
   * place in it, which a second import of the same file finds again.
   */
  entryRef: string
  bookingDate: string
  /** Cents. */
  amount: number
  currency: string
  debtorName: string
  /** The structured creditor reference (RmtInf/Strd/CdtrRefInf/Ref), spaces removed; '' when none. */
  referenceNumber: string
  /** The unstructured remittance text (RmtInf/Ustrd, else the entry's AddtlNtryInf). */
  remittance: string
}

export interface ParsedStatement {
  statementId: string
  iban: string
  credits: StatementCredit[]
  /** Entries that are not booked incoming credits (debits, pending, informational): not candidate payments. */
  otherEntries: number
}

/** camt.053 in any version of the message (001.02 … 001.13): the elements read here kept their names and places. */
const CAMT053 = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.\d{2}$/
const REPEATED = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd', 'Bal'])

type Node = Record<string, unknown>

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Amounts, references and ids stay text: "0012.50" or a reference with leading zeros must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(localName(name))
})

function localName(name: string): string {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

/** Element names without their namespace prefix (banks write both <Document> and <ns2:Document>). */
function stripPrefixes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPrefixes)
  if (value === null || typeof value !== 'object') return value
  const out: Node = {}
  for (const [k, v] of Object.entries(value)) out[k.startsWith('@') ? k : localName(k)] = stripPrefixes(v)
  return out
}

const refuse = (key: MessageKey, params: Record<string, string | number> = {}) => invalid(['content'], key, params)

function node(value: unknown): Node | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined
}

/** The element at a path of names, each step taking the first of repeated elements. */
function at(from: unknown, ...path: string[]): unknown {
  let cur: unknown = from
  for (const name of path) {
    const n = node(Array.isArray(cur) ? cur[0] : cur)
    if (!n) return undefined
    cur = n[name]
  }
  return Array.isArray(cur) ? cur[0] : cur
}

/** An element's text ('' when absent), whether it carries attributes or not. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  const n = node(value)
  const t = n?.['#text']
  return typeof t === 'string' ? t.trim() : ''
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

/**
 * "1234.5" → 123450 from the text itself, never through a float. ISO 20022 allows up to five decimals;
 * anything beyond the cent must be zeros, or the amount is not one this shop can record.
 */
export function amountToCents(text: string): number | null {
  const m = /^(\d{1,15})(?:\.(\d{1,5}))?$/.exec(text)
  if (!m) return null
  const fraction = (m[2] ?? '').padEnd(5, '0')
  if (!/^0*$/.test(fraction.slice(2))) return null
  return Number(m[1]) * 100 + Number(fraction.slice(0, 2))
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

interface Where {
  statement: string
  entry: number
}

function amountOf(amt: unknown, where: Where): { cents: number; currency: string } {
  const raw = textOf(amt)
  if (raw === '') throw refuse('errors.bank.missing', { ...where, field: 'Amt' })
  const cents = amountToCents(raw)
  if (cents === null) throw refuse('errors.bank.badAmount', { ...where, value: raw.slice(0, 40) })
  const currency = String(node(amt)?.['@Ccy'] ?? '').trim()
  if (!/^[A-Z]{3}$/.test(currency)) throw refuse('errors.bank.missing', { ...where, field: 'Amt/@Ccy' })
  return { cents, currency }
}

/** The debtor's name: RltdPties/Dbtr/Nm up to camt.053.001.07, RltdPties/Dbtr/Pty/Nm from .08 on. */
function debtorOf(tx: unknown): string {
  return textOf(at(tx, 'RltdPties', 'Dbtr', 'Nm')) || textOf(at(tx, 'RltdPties', 'Dbtr', 'Pty', 'Nm'))
}

function referenceOf(tx: unknown): string {
  for (const strd of list(node(at(tx, 'RmtInf'))?.['Strd'])) {
    const ref = textOf(at(strd, 'CdtrRefInf', 'Ref')).replace(/\s+/g, '')
    if (ref) return ref
  }
  return ''
}

function remittanceOf(tx: unknown, entry: Node): string {
  const ustrd = list(node(at(tx, 'RmtInf'))?.['Ustrd'])
    .map(textOf)
    .filter((s) => s !== '')
    .join(' ')
  return ustrd || list(entry['AddtlNtryInf']).map(textOf).join(' ')
}

function statusOf(entry: Node): string {
  // Up to .02 <Sts>BOOK</Sts>; from .08 on <Sts><Cd>BOOK</Cd></Sts>.
  return textOf(entry['Sts']) || textOf(at(entry, 'Sts', 'Cd'))
}

function readStatement(stmt: unknown, index: number): ParsedStatement {
  const statementId = textOf(at(stmt, 'Id'))
  if (!statementId) throw refuse('errors.bank.statementIdMissing', { statement: index + 1 })
  const iban = textOf(at(stmt, 'Acct', 'Id', 'IBAN')).replace(/\s+/g, '')
  const credits: StatementCredit[] = []
  let otherEntries = 0
  const entries = list(node(stmt)?.['Ntry'])
  entries.forEach((raw, i) => {
    const where = { statement: statementId, entry: i + 1 }
    const entry = node(raw)
    if (!entry) throw refuse('errors.bank.missing', { ...where, field: 'Amt' })
    const { cents, currency } = amountOf(entry['Amt'], where)
    const direction = textOf(entry['CdtDbtInd'])
    if (direction !== 'CRDT' && direction !== 'DBIT') throw refuse('errors.bank.missing', { ...where, field: 'CdtDbtInd' })
    const status = statusOf(entry)
    if (!status) throw refuse('errors.bank.missing', { ...where, field: 'Sts' })
    if (direction !== 'CRDT' || status !== 'BOOK') {
      otherEntries++
      return
    }
    const bookingDate = (textOf(at(entry, 'BookgDt', 'Dt')) || textOf(at(entry, 'BookgDt', 'DtTm'))).slice(0, 10)
    if (!bookingDate) throw refuse('errors.bank.missing', { ...where, field: 'BookgDt' })
    if (!isDate(bookingDate)) throw refuse('errors.bank.badDate', { ...where, value: bookingDate })

    const txs = list(node(at(entry, 'NtryDtls'))?.['TxDtls'])
    const bankRef =
      textOf(entry['AcctSvcrRef']) || textOf(entry['NtryRef']) || (txs.length === 1 ? textOf(at(txs[0], 'Refs', 'AcctSvcrRef')) : '')
    const ref = `${iban || statementId}/${bankRef || `${statementId}/${i + 1}`}`
    const base = { bookingDate, currency }
    if (txs.length <= 1) {
      const tx = txs[0]
      credits.push({
        ...base,
        entryRef: ref,
        amount: cents,
        debtorName: debtorOf(tx),
        referenceNumber: referenceOf(tx),
        remittance: remittanceOf(tx, entry)
      })
      return
    }
    // A batched entry: each transaction is its own payment, with its own amount in the entry's currency.
    let sum = 0
    txs.forEach((tx, k) => {
      const amt = at(tx, 'Amt') ?? at(tx, 'AmtDtls', 'TxAmt', 'Amt')
      if (amt === undefined) throw refuse('errors.bank.batchAmountMissing', { ...where, transaction: k + 1 })
      const own = amountOf(amt, where)
      if (own.currency !== currency) throw refuse('errors.bank.batchCurrency', { ...where, transaction: k + 1, currency: own.currency })
      sum += own.cents
      credits.push({
        ...base,
        entryRef: `${ref}/${k + 1}`,
        amount: own.cents,
        debtorName: debtorOf(tx),
        referenceNumber: referenceOf(tx),
        remittance: remittanceOf(tx, entry)
      })
    })
    if (sum !== cents) throw refuse('errors.bank.batchSum', { ...where, sum: centsText(sum), amount: centsText(cents) })
  })
  return { statementId, iban, credits, otherEntries }
}

const centsText = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`

/**
 * Reads a camt.053 account statement file. Anything that is not one — not XML, another message, a statement
 * without its id, an entry without amount, direction, status or booking date — is refused as a whole with
 * a message naming the statement, the entry and the element, so that nothing of a broken file is imported.
 */
export function parseCamt053(content: string): ParsedStatement[] {
  if (/<!DOCTYPE/i.test(content)) throw refuse('errors.bank.doctype')
  const valid = XMLValidator.validate(content)
  if (valid !== true) throw refuse('errors.bank.notXml', { detail: valid.err.msg, line: valid.err.line })
  let doc: unknown
  try {
    doc = stripPrefixes(parser.parse(content))
  } catch (e) {
    throw refuse('errors.bank.notXml', { detail: e instanceof Error ? e.message : String(e), line: 0 })
  }
  const root = node(node(doc)?.['Document'])
  // The message's namespace, declared as the default or for a prefix (<ns2:Document xmlns:ns2="…">).
  const namespaces = Object.entries(root ?? {})
    .filter(([k]) => k === '@xmlns' || k.startsWith('@xmlns:'))
    .map(([, v]) => String(v))
  const namespace = namespaces.find((n) => CAMT053.test(n))
  if (!root || !namespace || !('BkToCstmrStmt' in root)) {
    const found = root ? (namespaces[0] ?? 'Document') : (Object.keys(node(doc) ?? {}).find((k) => !k.startsWith('?')) ?? '—')
    throw refuse('errors.bank.notCamt053', { found: found.slice(0, 100) })
  }
  const statements = list(node(root['BkToCstmrStmt'])?.['Stmt'])
  if (statements.length === 0) throw refuse('errors.bank.noStatement')
  const parsed = statements.map(readStatement)
  const seen = new Set<string>()
  for (const s of parsed)
    for (const c of s.credits) {
      if (seen.has(c.entryRef)) throw refuse('errors.bank.duplicateRef', { ref: c.entryRef })
      seen.add(c.entryRef)
    }
  return parsed
}
