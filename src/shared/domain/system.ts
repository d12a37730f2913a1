import { z } from 'zod'
import { email, id, isoDate, optionalText, requiredText, version } from './primitives'
import { bicField, countryField, ibanField, isValidEstonianRegistryCode, vatNumberField } from './identifiers'
import { ROLES } from '../auth/roles'
import { weekHours } from './masterdata'
import { APP_LANGUAGES, CSV_DIALECTS } from '../i18n/languages'
import { DEFAULT_TRAVEL } from '../planner/travel'

/* ---------- users and sessions ---------- */

export const username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, 'validation.usernameChars')
export const password = z.string().min(8).max(200)

export const sessionUser = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  workerId: id.nullable(),
  language: z.enum(APP_LANGUAGES),
  csvDialect: z.enum(CSV_DIALECTS)
})
export type SessionUser = z.infer<typeof sessionUser>

/** `language`: the company's, for the screens before anyone signs in. */
export const authStatus = z.object({
  needsSetup: z.boolean(),
  user: sessionUser.nullable(),
  companyName: z.string(),
  language: z.enum(APP_LANGUAGES)
})
export type AuthStatus = z.infer<typeof authStatus>

// Bounded like the fields they are checked against, so a megabyte never reaches the lookup or the hash.
export const signInInput = z.object({
  username: z.string().trim().min(1, 'validation.required').max(40),
  password: z.string().min(1, 'validation.required').max(200)
})
export const setupInput = z.object({
  username,
  displayName: requiredText(100),
  password,
  companyName: requiredText(200),
  /** The company's language and the administrator's. */
  language: z.enum(APP_LANGUAGES).default('et'),
  withDemoData: z.boolean().default(false)
})

/** What each user sets for themselves. */
export const preferencesInput = z.object({ language: z.enum(APP_LANGUAGES), csvDialect: z.enum(CSV_DIALECTS) })

export const userInput = z.object({
  username,
  displayName: requiredText(100),
  roles: z.array(z.enum(ROLES)).min(1, 'validation.roleNeeded'),
  workerId: id.nullable().default(null),
  active: z.boolean().default(true),
  /** Left out when creating: the company's language, and the CSV dialect of that language. */
  language: z.enum(APP_LANGUAGES).optional(),
  csvDialect: z.enum(CSV_DIALECTS).optional(),
  /** Required when creating; on update an empty value keeps the current password. */
  password: z.union([z.literal(''), password]).default('')
})
export const userRow = z.object({
  id,
  version,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  workerId: id.nullable(),
  workerName: z.string().nullable(),
  active: z.boolean(),
  language: z.enum(APP_LANGUAGES),
  csvDialect: z.enum(CSV_DIALECTS),
  lastSignInAt: z.number().nullable()
})
export type UserRow = z.infer<typeof userRow>

/* ---------- settings ---------- */

export const vatRate = z.object({
  code: requiredText(10),
  name: requiredText(60),
  /** Basis points: 2400 = 24 %. */
  rate: z.number().int().min(0, 'validation.negative').max(10000, 'validation.maxPercent'),
  isDefault: z.boolean().default(false)
})
export const holiday = z.object({ date: isoDate, name: requiredText(100) })

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** A bank account printed on invoices; the first one goes into e-invoices. */
export const bankAccount = z.object({ iban: ibanField, bankName: optionalText(100), bic: bicField })
export type BankAccount = z.output<typeof bankAccount>

/** The cap of an uploaded logo, decoded (the message validation.logoTooLarge says 512 KB). */
export const LOGO_MAX_BYTES = 512 * 1024
const LOGO_PREFIX = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/

/** A PNG or JPEG data URL whose bytes really start as the type says ('' for no logo). */
export function logoProblem(logo: string): 'validation.logoFormat' | 'validation.logoTooLarge' | null {
  if (logo === '') return null
  const m = LOGO_PREFIX.exec(logo)
  if (!m) return 'validation.logoFormat'
  const data = m[2]!
  const bytes = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0)
  if (bytes > LOGO_MAX_BYTES) return 'validation.logoTooLarge'
  const head = atob(data.slice(0, 8))
  const isPng = head.startsWith('\x89PNG')
  const isJpeg = head.startsWith('\xff\xd8\xff')
  return (m[1] === 'png' ? isPng : isJpeg) ? null : 'validation.logoFormat'
}

const logo = z
  .string()
  // Base64 of the cap, and some room for the prefix: anything longer is refused before it is decoded.
  .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 100, { message: 'validation.logoTooLarge', abort: true })
  .superRefine((s, ctx) => {
    const problem = logoProblem(s)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .default('')

/**
 * Empty (no tiles), or an https URL template with Leaflet's {z}, {x} and {y} placeholders: the window's content
 * security policy lets images come from https servers only (ADR 0031).
 */
export function isTileUrl(s: string): boolean {
  return s === '' || (/^https:\/\/[^\s]+$/.test(s) && ['{z}', '{x}', '{y}'].every((p) => s.includes(p)))
}

export const settingsInput = z
  .object({
    companyName: requiredText(200),
    /** The street line; postal code, city and country have their own fields. */
    companyAddress: optionalText(500),
    companyRegNo: optionalText(30),
    companyVatNumber: vatNumberField,
    companyLegalName: optionalText(200),
    companyPostalCode: optionalText(20),
    companyCity: optionalText(100),
    companyCountry: countryField,
    companyPhone: optionalText(40),
    companyEmail: email,
    companyWeb: optionalText(200),
    bankAccounts: z.array(bankAccount).max(10).default([]),
    paymentTermsDays: z.number().int('validation.notInteger').min(0, 'validation.negative').max(365).default(14),
    invoiceFooter: optionalText(1000),
    logo,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'validation.currency')
      .default('EUR'),
    timeZone: z.string().max(100).refine(isValidTimeZone, 'validation.timeZone').default('Europe/Tallinn'),
    language: z.enum(APP_LANGUAGES).default('et'),
    vatRates: z.array(vatRate).min(1, 'validation.vatRateNeeded').max(20),
    workingHours: weekHours,
    holidays: z.array(holiday).max(400).default([]),
    slaAtRiskMinutes: z.number().int().min(0, 'validation.negative').max(100_000).default(120),
    slaReasonRequired: z.boolean().default(true),
    /** Orders generated from agreements are measured too (docs/adr/0007); off = hand-made orders only. */
    slaOnGeneratedOrders: z.boolean().default(true),
    dispatchPastLimitHours: z
      .number()
      .int()
      .min(0, 'validation.negative')
      .max(24 * 365)
      .default(24),
    sessionIdleHours: z
      .number()
      .int()
      .min(1, 'validation.minHour')
      .max(24 * 30, 'validation.idleMax')
      .default(12),
    /** A return's deadline: its created date plus this many days. */
    rmaValidityDays: z.number().int().min(0, 'validation.negative').max(3650, 'validation.tooLarge').default(30),
    /** The travel model (ADR 0029); the defaults are DEFAULT_TRAVEL's. */
    travelRoadFactor: z.number().min(1, 'validation.roadFactor').max(3, 'validation.roadFactor').default(DEFAULT_TRAVEL.roadFactor),
    travelSpeedKmh: z
      .number()
      .int('validation.notInteger')
      .min(5, 'validation.travelSpeed')
      .max(200, 'validation.travelSpeed')
      .default(DEFAULT_TRAVEL.speedKmh),
    travelOverheadMinutes: z
      .number()
      .int('validation.notInteger')
      .min(0, 'validation.negative')
      .max(240, 'validation.tooLarge')
      .default(DEFAULT_TRAVEL.overheadMinutes),
    mapTileUrl: optionalText(500).refine(isTileUrl, 'validation.tileUrl'),
    mapTileAttribution: optionalText(300),
    /** The first-time-fix window of the manager's home page (docs/adr/0027). */
    firstTimeFixDays: z.number().int().min(1, 'validation.minDay').max(365, 'validation.tooLarge').default(30)
  })
  .refine((s) => s.vatRates.filter((r) => r.isDefault).length === 1, {
    message: 'validation.oneDefaultVat',
    path: ['vatRates']
  })
  .refine((s) => s.workingHours.some((d) => d.open), {
    message: 'validation.workingDayNeeded',
    path: ['workingHours']
  })
  .refine((s) => new Set(s.holidays.map((h) => h.date)).size === s.holidays.length, {
    message: 'validation.dateTwice',
    path: ['holidays']
  })
  // An Estonian company's registry code is checked; a foreign one is kept as typed.
  .refine((s) => s.companyCountry !== 'EE' || s.companyRegNo === '' || isValidEstonianRegistryCode(s.companyRegNo), {
    message: 'validation.registryCode',
    path: ['companyRegNo']
  })
  .superRefine((s, ctx) => {
    s.bankAccounts.forEach((a, i) => {
      if (s.bankAccounts.findIndex((b) => b.iban === a.iban) < i) {
        ctx.addIssue({ code: 'custom', message: 'validation.ibanTwice', path: ['bankAccounts', i, 'iban'] })
      }
    })
  })
export type SettingsInput = z.input<typeof settingsInput>
export const settingsRow = z.object({
  version,
  companyName: z.string(),
  companyAddress: z.string(),
  companyRegNo: z.string(),
  companyVatNumber: z.string(),
  companyLegalName: z.string(),
  companyPostalCode: z.string(),
  companyCity: z.string(),
  companyCountry: z.string(),
  companyPhone: z.string(),
  companyEmail: z.string(),
  companyWeb: z.string(),
  bankAccounts: z.array(z.object({ iban: z.string(), bankName: z.string(), bic: z.string() })),
  paymentTermsDays: z.number().int(),
  invoiceFooter: z.string(),
  logo: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  language: z.enum(APP_LANGUAGES),
  vatRates: z.array(vatRate),
  workingHours: weekHours,
  holidays: z.array(holiday),
  slaAtRiskMinutes: z.number().int(),
  slaReasonRequired: z.boolean(),
  slaOnGeneratedOrders: z.boolean(),
  dispatchPastLimitHours: z.number().int(),
  sessionIdleHours: z.number().int(),
  rmaValidityDays: z.number().int(),
  travelRoadFactor: z.number(),
  travelSpeedKmh: z.number().int(),
  travelOverheadMinutes: z.number().int(),
  mapTileUrl: z.string(),
  mapTileAttribution: z.string(),
  firstTimeFixDays: z.number().int()
})
export type Settings = z.infer<typeof settingsRow>

/* ---------- audit ---------- */

export const auditEntry = z.object({
  id,
  at: z.number(),
  userId: id.nullable(),
  userName: z.string().nullable(),
  entity: z.string(),
  entityId: z.number().int(),
  action: z.enum(['create', 'update', 'delete']),
  before: z.unknown(),
  after: z.unknown()
})
export type AuditEntry = z.infer<typeof auditEntry>

/* ---------- global search ---------- */

export const SEARCH_KINDS = ['order', 'customer', 'contact', 'serviceObject', 'site', 'agreement', 'invoice'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id,
  /** Where the hit opens: the customer for a site or a contact. */
  targetId: id,
  title: z.string(),
  subtitle: z.string(),
  /** The facts a dispatcher answers a caller with without opening the record: an order's stage … */
  stage: z.string().nullable(),
  /** … an invoice's date and gross amount (cents). */
  date: z.string().nullable(),
  amount: z.number().int().nullable()
})
export type SearchHit = z.infer<typeof searchHit>
