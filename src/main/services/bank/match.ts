import { isValidReferenceNumber } from '@shared/domain/referenceNumber'

/** An invoice with something left to pay: gross − credited − paid > 0. */
export interface OpenInvoice {
  id: number
  number: string
  customerName: string
  currency: string
  referenceNumber: string
  /** Cents. */
  openAmount: number
}

/** What the matcher reads of an incoming credit. */
export interface IncomingPayment {
  amount: number
  currency: string
  referenceNumber: string
  remittance: string
  debtorName: string
}

export type MatchRule = 'reference' | 'invoiceNumber' | 'amountAndName'

export interface MatchResult {
  status: 'matched' | 'ambiguous' | 'unmatched'
  matchedBy: MatchRule | null
  /** The invoices the rule found, by number: one when matched, several when ambiguous, none when unmatched. */
  candidates: number[]
}

/** Legal forms a payer may or may not write after (or before) the name; they tell nothing about who it is. */
const LEGAL_FORMS = new Set([
  'ou',
  'as',
  'mtu',
  'fie',
  'sa',
  'tu',
  'uu',
  'sia',
  'uab',
  'oy',
  'oyj',
  'ab',
  'aps',
  'gmbh',
  'ag',
  'bv',
  'ltd',
  'llc',
  'inc',
  'plc'
])

/** A name's words, lower case, without diacritics, punctuation and legal forms: "Kalevipoja Ehitus OÜ" → kalevipoja, ehitus. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !LEGAL_FORMS.has(w))
}

/**
 * The debtor's name resembles the customer's when, compared as words (nameWords), every word of the shorter
 * name is in the longer one: case, diacritics, punctuation, word order and the legal form do not count, so
 * "KALEVIPOJA EHITUS" resembles "Kalevipoja Ehitus OÜ" and "Tamm Jaan" resembles "Jaan Tamm", but "Jaan
 * Tamm" does not resemble "Mari Tamm". A name of legal forms only resembles nothing.
 */
export function namesResemble(a: string, b: string): boolean {
  const wa = new Set(nameWords(a))
  const wb = new Set(nameWords(b))
  if (wa.size === 0 || wb.size === 0) return false
  const [short, long] = wa.size <= wb.size ? [wa, wb] : [wb, wa]
  return [...short].every((w) => long.has(w))
}

/** An invoice number compared without case and separators: "inv 000123" and "INV-000123" are the same. */
const compact = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '')

/**
 * What in a remittance text could be an invoice number, compacted: each word holding a digit, and each two
 * neighbouring words written together ("INV 000102" for INV-000102).
 */
function numberTokens(text: string): string[] {
  const words = text
    .split(/[\s,;:()[\]{}"'!?]+/)
    .map((t) => compact(t.replace(/^[.\-/#]+|[.\-/#]+$/g, '')))
    .filter((t) => t !== '')
  return [...words, ...words.slice(1).map((w, k) => words[k]! + w)].filter((t) => /\d/.test(t))
}

function add<K>(map: Map<K, OpenInvoice[]>, key: K, inv: OpenInvoice) {
  const found = map.get(key)
  if (found) found.push(inv)
  else map.set(key, [inv])
}

function result(rule: MatchRule, found: OpenInvoice[]): MatchResult | null {
  if (found.length === 0) return null
  const ids = [...new Set(found.map((i) => i.id))]
  const byNumber = new Map(found.map((i) => [i.id, i.number]))
  ids.sort((a, b) => byNumber.get(a)!.localeCompare(byNumber.get(b)!))
  return { status: ids.length === 1 ? 'matched' : 'ambiguous', matchedBy: rule, candidates: ids }
}

/**
 * The matching rules, over the open invoices of the moment, tried in order and stopping at the first that
 * finds any invoice of the payment's currency:
 * 1. reference number — a valid one (7-3-1) equal to an invoice's;
 * 2. invoice number — an open invoice's number written in the remittance text (or in a structured reference
 *    that is not a valid reference number), without regard to case and separators;
 * 3. amount and name — the open amount equals the payment and the debtor's name resembles the customer's
 *    (namesResemble).
 * One invoice found is a match; several are ambiguous (the user chooses); none at all is unmatched.
 */
export function createMatcher(open: readonly OpenInvoice[]): (p: IncomingPayment) => MatchResult {
  const byReference = new Map<string, OpenInvoice[]>()
  const byNumber = new Map<string, OpenInvoice[]>()
  const byAmount = new Map<string, OpenInvoice[]>()
  for (const inv of open) {
    if (inv.openAmount <= 0) continue
    if (inv.referenceNumber) add(byReference, `${inv.currency} ${inv.referenceNumber}`, inv)
    add(byNumber, `${inv.currency} ${compact(inv.number)}`, inv)
    add(byAmount, `${inv.currency} ${inv.openAmount}`, inv)
  }
  return (p) => {
    const ref = p.referenceNumber.replace(/\s+/g, '')
    if (ref && isValidReferenceNumber(ref)) {
      const found = result('reference', byReference.get(`${p.currency} ${ref}`) ?? [])
      if (found) return found
    }
    const text = ref && !isValidReferenceNumber(ref) ? `${ref} ${p.remittance}` : p.remittance
    const named = numberTokens(text).flatMap((t) => byNumber.get(`${p.currency} ${t}`) ?? [])
    const byText = result('invoiceNumber', named)
    if (byText) return byText
    const sameAmount = (byAmount.get(`${p.currency} ${p.amount}`) ?? []).filter((i) => namesResemble(p.debtorName, i.customerName))
    return result('amountAndName', sameAmount) ?? { status: 'unmatched', matchedBy: null, candidates: [] }
  }
}
