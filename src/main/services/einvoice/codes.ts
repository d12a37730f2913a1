/**
 * The code lists an EN 16931 e-invoice speaks: UN/ECE Recommendation 20 unit codes, UNCL 5305 VAT
 * categories, and the Peppol electronic address schemes (EAS) a party is reached by.
 */

/** Hooldus units as people type them (English and Estonian) → UN/ECE Recommendation 20. */
const UNIT_CODES: Record<string, string> = {
  h: 'HUR',
  hr: 'HUR',
  hour: 'HUR',
  hours: 'HUR',
  t: 'HUR',
  tund: 'HUR',
  tundi: 'HUR',
  min: 'MIN',
  day: 'DAY',
  days: 'DAY',
  p: 'DAY',
  päev: 'DAY',
  päeva: 'DAY',
  week: 'WEE',
  näd: 'WEE',
  month: 'MON',
  kuu: 'MON',
  year: 'ANN',
  pcs: 'H87',
  pc: 'H87',
  piece: 'H87',
  ea: 'H87',
  tk: 'H87',
  set: 'SET',
  kompl: 'SET',
  km: 'KMT',
  m: 'MTR',
  cm: 'CMT',
  mm: 'MMT',
  m2: 'MTK',
  'm²': 'MTK',
  m3: 'MTQ',
  'm³': 'MTQ',
  kg: 'KGM',
  g: 'GRM',
  l: 'LTR',
  ltr: 'LTR',
  kwh: 'KWH'
}

/**
 * The unit code of a line's unit. A unit nobody mapped is counted as "one" (C62), the code the standard
 * gives a plain count; the unit as written still reaches the buyer in the line's own text on the PDF.
 */
export function unitCode(unit: string): string {
  return UNIT_CODES[unit.trim().toLowerCase().replace(/\.$/, '')] ?? 'C62'
}

/** UNCL 5305 categories Hooldus invoices use: standard rate, zero rate, exempt, reverse charge. */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE'

/**
 * A line's VAT category. A rate above zero is always standard rated (whatever the rate's code is named:
 * S, R13, R9 …), since VAT is charged on it. At 0 %: reverse charge when the line says so (code AE) or the
 * invoice is a reverse-charge invoice; exempt for the code E; otherwise zero rated.
 */
export function vatCategory(vatCode: string, rate: number, reverseCharge: boolean): VatCategory {
  if (rate !== 0) return 'S'
  if (vatCode === 'AE' || reverseCharge) return 'AE'
  if (vatCode === 'E') return 'E'
  return 'Z'
}

/**
 * Peppol EAS schemes of VAT numbers by country (ISO 3166-1 alpha-2). Countries without one here (Sweden,
 * Denmark …) are reached by the customer's own e-invoice address.
 */
const VAT_SCHEMES: Record<string, string> = {
  AT: '9914',
  BE: '9925',
  BG: '9926',
  CY: '9928',
  CZ: '9929',
  DE: '9930',
  EE: '9931',
  ES: '9920',
  FI: '0213',
  FR: '9957',
  GR: '9933',
  HR: '9934',
  HU: '9910',
  IE: '9935',
  IT: '0211',
  LT: '9937',
  LU: '9938',
  LV: '9939',
  MT: '9943',
  NL: '9944',
  PL: '9945',
  PT: '9946',
  RO: '9947',
  SI: '9949',
  SK: '9950'
}

/** Estonian registry code (registrikood) in the Peppol EAS / ISO 6523 list. */
export const EE_REGISTRY_SCHEME = '0191'

export interface Endpoint {
  scheme: string
  id: string
}

/** "0191:12345678" (an ISO 6523 scheme and the id) → the endpoint; anything without such a prefix → null. */
export function participantId(address: string): Endpoint | null {
  const m = /^(\d{4}):(\S+)$/.exec(address.trim())
  return m ? { scheme: m[1]!, id: m[2]! } : null
}

/**
 * Where a party receives e-invoices: its own Peppol participant id when it has one, else an Estonian
 * company by its registry code, else a company by its VAT number where the country's VAT scheme is known.
 */
export function partyEndpoint(p: { einvoiceAddress: string; country: string; registryCode: string; vatNumber: string }): Endpoint | null {
  const own = participantId(p.einvoiceAddress)
  if (own) return own
  if (p.country === 'EE' && p.registryCode) return { scheme: EE_REGISTRY_SCHEME, id: p.registryCode }
  const vatScheme = VAT_SCHEMES[p.country]
  if (vatScheme && p.vatNumber) return { scheme: vatScheme, id: p.vatNumber }
  return null
}

export interface PostalAddress {
  street: string
  postalCode: string
  city: string
}

/**
 * An address kept as one text ("Pärnu mnt 10, 10148 Tallinn") → street, postal code and city, when its last
 * part reads as a postal code and a city; otherwise all of it is the street.
 */
export function splitAddress(text: string): PostalAddress {
  const parts = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
  const last = /^(?:[A-Z]{2}-)?(\d{4,6})\s+(.+)$/.exec(parts.at(-1) ?? '')
  if (parts.length > 1 && last) return { street: parts.slice(0, -1).join(', '), postalCode: last[1]!, city: last[2]! }
  return { street: parts.join(', '), postalCode: '', city: '' }
}
