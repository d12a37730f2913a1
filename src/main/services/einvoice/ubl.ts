import { XMLBuilder } from 'fast-xml-parser'
import { lineAmount } from '@shared/domain/orderRules'
import type { Endpoint, PostalAddress, VatCategory } from './codes'

/**
 * An invoice or credit note as EN 16931 (UBL 2.1, Peppol BIS Billing 3.0) states it. Built by export.ts
 * from the database; everything here is pure. Amounts are integer cents and quantities thousandths, as
 * Hooldus keeps them, in the document's own direction: a credit note's lines and totals are positive.
 */
export interface UblDocument {
  kind: 'invoice' | 'credit'
  number: string
  issueDate: string
  /** Invoices only: a UBL 2.1 credit note has no due date. */
  dueDate: string
  currency: string
  note: string
  /** BT-10: Peppol needs it or a purchase order reference; the buyer's customer number. */
  buyerReference: string
  /** BT-14: the service order, when the whole document comes from one. */
  salesOrder: string
  /** BT-25/26: the invoice a credit note credits. */
  credits: { number: string; issueDate: string } | null
  seller: UblParty
  buyer: UblParty
  payment: UblPayment | null
  paymentTerms: string
  /** BT-113: paid before the invoice was issued. */
  prepaid: number
  /** The words a VAT breakdown of an exempt or reverse-charge category carries (BR-E-10, BR-AE-10). */
  exemptionReasons: Record<'E' | 'AE', string>
  lines: UblLine[]
}

export interface UblParty {
  endpoint: Endpoint
  /** Trading name (BT-28/45), printed apart only when it differs from the legal name. */
  name: string
  legalName: string
  address: PostalAddress & { country: string }
  vatNumber: string
  registryCode: string
  /** The registry code's ISO 6523 scheme when known (0191 for an Estonian registrikood). */
  registryScheme: string | null
  phone: string
  email: string
}

export interface UblPayment {
  /** UNCL 4461: 58 SEPA credit transfer, 30 credit transfer. */
  code: '58' | '30'
  /** The reference the payer quotes (viitenumber). */
  paymentId: string
  iban: string
  accountName: string
  bic: string
}

export interface UblLine {
  note: string
  name: string
  quantity: number
  /** UN/ECE Recommendation 20. */
  unitCode: string
  unitPrice: number
  net: number
  vat: number
  category: VatCategory
  /** Basis points. */
  rate: number
}

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0'

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  credit: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** 123456 cents → "1234.56", −5 → "-0.05": exact, no floating point. */
export function amount(cents: number): string {
  const abs = Math.abs(cents)
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${pad(abs % 100, 2)}`
}

/** 1500 thousandths → "1.5", 2000 → "2". */
export function quantity(thousandths: number): string {
  const abs = Math.abs(thousandths)
  const frac = pad(abs % 1000, 3).replace(/0+$/, '')
  return `${thousandths < 0 ? '-' : ''}${Math.floor(abs / 1000)}${frac ? `.${frac}` : ''}`
}

/** 2400 basis points → "24", 950 → "9.5". */
export function percent(basisPoints: number): string {
  const frac = pad(basisPoints % 100, 2).replace(/0+$/, '')
  return `${Math.floor(basisPoints / 100)}${frac ? `.${frac}` : ''}`
}

export interface VatGroup {
  category: VatCategory
  rate: number
  taxable: number
  vat: number
}

const CATEGORY_ORDER: VatCategory[] = ['S', 'Z', 'E', 'AE']

/**
 * BG-23, one group per category and rate: the lines' net and VAT summed, so the breakdown is the lines'
 * own VAT (as on the PDF) and reconciles with them to the cent.
 */
export function vatBreakdown(lines: UblLine[]): VatGroup[] {
  const groups = new Map<string, VatGroup>()
  for (const l of lines) {
    const key = `${l.category}/${l.rate}`
    const g = groups.get(key) ?? { category: l.category, rate: l.rate, taxable: 0, vat: 0 }
    g.taxable += l.net
    g.vat += l.vat
    groups.set(key, g)
  }
  return [...groups.values()].sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || b.rate - a.rate)
}

export interface UblTotals {
  lineNet: number
  vat: number
  gross: number
  prepaid: number
  payable: number
}

/** BT-106 … BT-115 from the lines: no document-level allowances or charges, so tax exclusive = line net. */
export function ublTotals(doc: UblDocument): UblTotals {
  const lineNet = doc.lines.reduce((s, l) => s + l.net, 0)
  const vat = vatBreakdown(doc.lines).reduce((s, g) => s + g.vat, 0)
  return { lineNet, vat, gross: lineNet + vat, prepaid: doc.prepaid, payable: lineNet + vat - doc.prepaid }
}

/**
 * The quantity and price a line is stated with, so that quantity × price is its net amount (PEPPOL-EN16931-R120)
 * and the price is not negative (BR-27). An amount set apart from quantity × price (a credit of less than the
 * line's price) is priced for the whole quantity (price base quantity BT-149); an amount without a quantity
 * counts as one.
 */
function priced(l: UblLine): { quantity: number; unitCode: string; price: number; baseQuantity: number | null } {
  if (lineAmount(l.quantity, l.unitPrice) === l.net) {
    const flip = l.unitPrice < 0 ? -1 : 1
    return { quantity: flip * l.quantity, unitCode: l.unitCode, price: flip * l.unitPrice, baseQuantity: null }
  }
  const direction = l.net < 0 ? -1 : 1
  if (l.quantity === 0) return { quantity: direction * 1000, unitCode: 'C62', price: Math.abs(l.net), baseQuantity: null }
  return { quantity: direction * Math.abs(l.quantity), unitCode: l.unitCode, price: Math.abs(l.net), baseQuantity: Math.abs(l.quantity) }
}

type Node = string | { [name: string]: Node | Node[] | undefined } | undefined

// Characters XML 1.0 cannot carry at all: matching control characters is this pattern's purpose.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/**
 * Drops every empty element (PEPPOL-EN16931-R008: a document must not contain empty elements) and the
 * characters XML cannot carry; an element whose text is empty goes with its attributes.
 */
function compact(node: Node | Node[]): Node | Node[] | undefined {
  if (node === undefined) return undefined
  if (typeof node === 'string') {
    const text = node.replace(NOT_XML, '').trim()
    return text === '' ? undefined : text
  }
  if (Array.isArray(node)) {
    const items = node.map(compact).filter((n) => n !== undefined) as Node[]
    return items.length ? items : undefined
  }
  if ('#text' in node && compact(node['#text']) === undefined) return undefined
  const out: Record<string, Node | Node[]> = {}
  for (const [k, v] of Object.entries(node)) {
    const c = k.startsWith('@_') ? v : compact(v)
    if (c !== undefined) out[k] = c
  }
  return Object.keys(out).some((k) => !k.startsWith('@_')) ? out : undefined
}

const money = (cents: number, currency: string) => ({ '@_currencyID': currency, '#text': amount(cents) })
const vatScheme = { 'cbc:ID': 'VAT' }

function party(p: UblParty): Node {
  return {
    'cac:Party': {
      'cbc:EndpointID': { '@_schemeID': p.endpoint.scheme, '#text': p.endpoint.id },
      'cac:PartyName': p.name !== p.legalName ? { 'cbc:Name': p.name } : undefined,
      'cac:PostalAddress': {
        'cbc:StreetName': p.address.street,
        'cbc:CityName': p.address.city,
        'cbc:PostalZone': p.address.postalCode,
        'cac:Country': { 'cbc:IdentificationCode': p.address.country }
      },
      'cac:PartyTaxScheme': p.vatNumber ? { 'cbc:CompanyID': p.vatNumber, 'cac:TaxScheme': vatScheme } : undefined,
      'cac:PartyLegalEntity': {
        'cbc:RegistrationName': p.legalName,
        'cbc:CompanyID': p.registryScheme ? { '@_schemeID': p.registryScheme, '#text': p.registryCode } : p.registryCode
      },
      'cac:Contact': { 'cbc:Telephone': p.phone, 'cbc:ElectronicMail': p.email }
    }
  }
}

function taxCategory(category: VatCategory, rate: number, reasons: UblDocument['exemptionReasons']): Node {
  return {
    'cbc:ID': category,
    'cbc:Percent': percent(rate),
    'cbc:TaxExemptionReasonCode': category === 'AE' ? 'VATEX-EU-AE' : undefined,
    'cbc:TaxExemptionReason': category === 'AE' || category === 'E' ? reasons[category] : undefined,
    'cac:TaxScheme': vatScheme
  }
}

/** The document as UBL 2.1 XML: an `Invoice` (type 380) or a `CreditNote` (type 381). */
export function ublXml(doc: UblDocument): string {
  const credit = doc.kind === 'credit'
  const cur = doc.currency
  const totals = ublTotals(doc)
  const lines = doc.lines.map((l, i) => {
    const p = priced(l)
    return {
      'cbc:ID': String(i + 1),
      'cbc:Note': l.note,
      [credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity']: { '@_unitCode': p.unitCode, '#text': quantity(p.quantity) },
      'cbc:LineExtensionAmount': money(l.net, cur),
      'cac:Item': {
        'cbc:Name': l.name,
        'cac:ClassifiedTaxCategory': { 'cbc:ID': l.category, 'cbc:Percent': percent(l.rate), 'cac:TaxScheme': vatScheme }
      },
      'cac:Price': {
        'cbc:PriceAmount': money(p.price, cur),
        'cbc:BaseQuantity': p.baseQuantity === null ? undefined : { '@_unitCode': p.unitCode, '#text': quantity(p.baseQuantity) }
      }
    }
  })
  const pay = doc.payment
  const body: Node = {
    '@_xmlns': credit ? NS.credit : NS.invoice,
    '@_xmlns:cac': NS.cac,
    '@_xmlns:cbc': NS.cbc,
    'cbc:CustomizationID': CUSTOMIZATION_ID,
    'cbc:ProfileID': PROFILE_ID,
    'cbc:ID': doc.number,
    'cbc:IssueDate': doc.issueDate,
    'cbc:DueDate': credit ? undefined : doc.dueDate,
    [credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode']: credit ? '381' : '380',
    'cbc:Note': doc.note,
    'cbc:DocumentCurrencyCode': cur,
    'cbc:BuyerReference': doc.buyerReference,
    'cac:OrderReference': doc.salesOrder ? { 'cbc:ID': 'NA', 'cbc:SalesOrderID': doc.salesOrder } : undefined,
    'cac:BillingReference': doc.credits
      ? { 'cac:InvoiceDocumentReference': { 'cbc:ID': doc.credits.number, 'cbc:IssueDate': doc.credits.issueDate } }
      : undefined,
    'cac:AccountingSupplierParty': party(doc.seller),
    'cac:AccountingCustomerParty': party(doc.buyer),
    'cac:PaymentMeans': pay
      ? {
          'cbc:PaymentMeansCode': pay.code,
          'cbc:PaymentID': pay.paymentId,
          'cac:PayeeFinancialAccount': {
            'cbc:ID': pay.iban,
            'cbc:Name': pay.accountName,
            'cac:FinancialInstitutionBranch': { 'cbc:ID': pay.bic }
          }
        }
      : undefined,
    'cac:PaymentTerms': { 'cbc:Note': doc.paymentTerms },
    'cac:TaxTotal': {
      'cbc:TaxAmount': money(totals.vat, cur),
      'cac:TaxSubtotal': vatBreakdown(doc.lines).map((g) => ({
        'cbc:TaxableAmount': money(g.taxable, cur),
        'cbc:TaxAmount': money(g.vat, cur),
        'cac:TaxCategory': taxCategory(g.category, g.rate, doc.exemptionReasons)
      }))
    },
    'cac:LegalMonetaryTotal': {
      'cbc:LineExtensionAmount': money(totals.lineNet, cur),
      'cbc:TaxExclusiveAmount': money(totals.lineNet, cur),
      'cbc:TaxInclusiveAmount': money(totals.gross, cur),
      'cbc:PrepaidAmount': totals.prepaid === 0 ? undefined : money(totals.prepaid, cur),
      'cbc:PayableAmount': money(totals.payable, cur)
    },
    [credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine']: lines
  }
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ' })
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [credit ? 'CreditNote' : 'Invoice']: compact(body) })}`
}
