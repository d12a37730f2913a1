import { z } from 'zod'
import { autoNumber, code, email, id, isoDate, money, optionalDate, optionalText, requiredText, timeOfDay, version } from './primitives'
import { countryField, isValidEstonianRegistryCode, vatNumberField, vatNumberFitsCountry } from './identifiers'

const meta = { id, version }
const ref = id.nullable().default(null)

/* ---------- small code tables ---------- */

export const codeNameInput = z.object({ code, name: requiredText(100) })
export const codeNameRow = codeNameInput.extend(meta)
export type CodeNameRow = z.infer<typeof codeNameRow>

/** slaId: the default SLA of the group's customers' orders. */
export const customerGroupInput = codeNameInput.extend({ slaId: ref })
export const customerGroupRow = customerGroupInput.extend(meta)
export type CustomerGroupRow = z.infer<typeof customerGroupRow>
export const skillInput = codeNameInput
export const skillRow = codeNameRow
export const serviceObjectGroupInput = codeNameInput
export const serviceObjectGroupRow = codeNameRow

export const dispatchTeamInput = codeNameInput.extend({ ownerWorkerId: ref })
export const dispatchTeamRow = dispatchTeamInput.extend({ ...meta, ownerName: z.string().nullable(), memberCount: z.number().int() })
export type DispatchTeamRow = z.infer<typeof dispatchTeamRow>

/* ---------- catalogue ---------- */

export const itemInput = z.object({
  number: code,
  name: requiredText(200),
  unit: requiredText(10).default('pcs'),
  costPrice: money.default(0),
  salesPrice: money.default(0),
  serialTracked: z.boolean().default(false),
  active: z.boolean().default(true)
})
export const itemRow = itemInput.extend(meta)
export type ItemRow = z.infer<typeof itemRow>

export const LINE_CATEGORY_TYPES = ['hour', 'expense', 'fee'] as const
export const categoryInput = z.object({
  code,
  name: requiredText(100),
  type: z.enum(LINE_CATEGORY_TYPES, 'validation.categoryType'),
  unit: requiredText(10).default('h'),
  costPrice: money.default(0),
  salesPrice: money.default(0)
})
export const categoryRow = categoryInput.extend(meta)
export type CategoryRow = z.infer<typeof categoryRow>

export const serviceTaskInput = z.object({
  code,
  name: requiredText(100),
  description: optionalText(2000),
  defaultDurationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 7)
    .default(60),
  requiredSkillIds: z.array(id).max(20).default([])
})
export const serviceTaskRow = serviceTaskInput.extend(meta)
export type ServiceTaskRow = z.infer<typeof serviceTaskRow>

/* ---------- customers ---------- */

export const LANGUAGES = ['et', 'en', 'ru', 'fi', 'lv', 'de'] as const

/* ---------- coordinates ---------- */

/** WGS84 decimal degrees; null = not entered. */
export const latitude = z
  .number('validation.latitude')
  .min(-90, 'validation.latitude')
  .max(90, 'validation.latitude')
  .nullable()
  .default(null)
export const longitude = z
  .number('validation.longitude')
  .min(-180, 'validation.longitude')
  .max(180, 'validation.longitude')
  .nullable()
  .default(null)

/** A point is both numbers or neither: half a coordinate is a typing slip, not a place. */
function bothOrNeither<K extends string>(lat: K, lon: K) {
  return (v: Record<K, number | null>, ctx: z.core.$RefinementCtx): void => {
    if (v[lat] === null && v[lon] !== null) ctx.addIssue({ code: 'custom', message: 'validation.latitudeMissing', path: [lat] })
    if (v[lat] !== null && v[lon] === null) ctx.addIssue({ code: 'custom', message: 'validation.longitudeMissing', path: [lon] })
  }
}

const siteFields = z.object({
  id: id.optional(),
  name: requiredText(100),
  street: requiredText(200),
  city: requiredText(100),
  postalCode: optionalText(20),
  country: requiredText(2).default('EE'),
  accessNotes: optionalText(1000),
  latitude,
  longitude
})
export const siteInput = siteFields.superRefine(bothOrNeither('latitude', 'longitude'))
export type SiteInput = z.input<typeof siteInput>
export const siteRow = siteFields.extend({ id })

export const contactInput = z.object({
  id: id.optional(),
  name: requiredText(100),
  role: optionalText(100),
  phone: optionalText(40),
  email
})
export const contactRow = contactInput.extend({ id })

const customerFields = z.object({
  /** Blank: the next number of the customer sequence (an import keeps the old system's numbers). */
  number: autoNumber,
  name: requiredText(200),
  groupId: ref,
  language: z.enum(LANGUAGES).default('et'),
  email,
  phone: optionalText(40),
  /** Stored upper case without separators (identifiers.ts). */
  vatNumber: vatNumberField,
  /** An Estonian registrikood (checked) when the country is EE; a foreign company number as typed. */
  registryCode: optionalText(30),
  /** ISO 3166-1 alpha-2: with the VAT number it decides reverse charge. */
  country: countryField,
  billingAddress: optionalText(500),
  /** Days to pay; null uses the company's payment terms. */
  paymentTermsDays: z.number().int('validation.notInteger').min(0, 'validation.negative').max(365).nullable().default(null),
  /** Where invoices are e-mailed, when not the customer's general e-mail. */
  invoiceEmail: email,
  /** Peppol participant id or e-invoice operator address (e.g. 0191:12345678). */
  einvoiceAddress: optionalText(100),
  notes: optionalText(4000),
  active: z.boolean().default(true),
  sites: z.array(siteInput).max(500).default([]),
  contacts: z.array(contactInput).max(200).default([])
})
export const customerInput = customerFields.superRefine((c, ctx) => {
  if (c.country === 'EE' && c.registryCode !== '' && !isValidEstonianRegistryCode(c.registryCode)) {
    ctx.addIssue({ code: 'custom', message: 'validation.registryCode', path: ['registryCode'] })
  }
  if (!vatNumberFitsCountry(c.vatNumber, c.country)) {
    ctx.addIssue({ code: 'custom', message: 'validation.vatNumberCountry', path: ['vatNumber'] })
  }
})
export const customerRow = customerFields.extend({
  ...meta,
  number: z.string(),
  groupName: z.string().nullable(),
  siteCount: z.number().int(),
  sites: z.array(siteRow),
  contacts: z.array(contactRow)
})
export type CustomerRow = z.infer<typeof customerRow>
/** city, latitude, longitude: the first site's. */
export const customerListRow = customerRow
  .omit({ sites: true, contacts: true })
  .extend({ city: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable() })
export type CustomerListRow = z.infer<typeof customerListRow>
export type CustomerInput = z.input<typeof customerInput>

/* ---------- workers ---------- */

export const WORKER_ROLES = ['technician', 'serviceConsultant', 'dispatcher', 'serviceManager'] as const

export const dayHours = z
  .object({ open: z.boolean(), start: timeOfDay, end: timeOfDay })
  .refine((d) => !d.open || d.start < d.end, { message: 'validation.endAfterStart', path: ['end'] })
export type DayHours = z.infer<typeof dayHours>
/** Monday first, seven entries. */
export const weekHours = z.array(dayHours).length(7, 'validation.sevenDays')
export type WeekHours = z.infer<typeof weekHours>

const workerFields = z.object({
  number: autoNumber,
  name: requiredText(100),
  email,
  phone: optionalText(40),
  roles: z.array(z.enum(WORKER_ROLES)).min(1, 'validation.roleNeeded').default(['technician']),
  teamId: ref,
  skillIds: z.array(id).max(50).default([]),
  homeBase: optionalText(200),
  /** Where the day starts and ends, for travel (ADR 0029). */
  homeLatitude: latitude,
  homeLongitude: longitude,
  /** null = the company's working calendar. */
  workingHours: weekHours.nullable().default(null),
  active: z.boolean().default(true)
})
export const workerInput = workerFields.superRefine(bothOrNeither('homeLatitude', 'homeLongitude'))
export const workerRow = workerFields.extend({ ...meta, teamName: z.string().nullable(), userId: id.nullable() })
export type WorkerRow = z.infer<typeof workerRow>

/* ---------- service objects ---------- */

export const serviceObjectInput = z
  .object({
    number: autoNumber,
    name: requiredText(200),
    customerId: id,
    siteId: ref,
    itemId: ref,
    groupId: ref,
    serialNumber: optionalText(100),
    installationDate: optionalDate,
    warrantyStart: optionalDate,
    warrantyEnd: optionalDate,
    parentId: ref,
    notes: optionalText(4000),
    active: z.boolean().default(true)
  })
  .refine((o) => !o.installationDate || !o.warrantyEnd || o.warrantyEnd >= o.installationDate, {
    message: 'validation.warrantyBeforeInstall',
    path: ['warrantyEnd']
  })
  .refine((o) => !o.warrantyStart || !o.warrantyEnd || o.warrantyEnd >= o.warrantyStart, {
    message: 'validation.warrantyEndBeforeStart',
    path: ['warrantyEnd']
  })
export const serviceObjectRow = z.object({
  ...meta,
  number: z.string(),
  name: z.string(),
  customerId: id,
  siteId: id.nullable(),
  itemId: id.nullable(),
  groupId: id.nullable(),
  serialNumber: z.string(),
  installationDate: isoDate.nullable(),
  warrantyStart: isoDate.nullable(),
  warrantyEnd: isoDate.nullable(),
  parentId: id.nullable(),
  notes: z.string(),
  active: z.boolean(),
  customerName: z.string(),
  siteName: z.string().nullable(),
  itemName: z.string().nullable(),
  groupName: z.string().nullable(),
  parentName: z.string().nullable(),
  componentCount: z.number().int()
})
export type ServiceObjectRow = z.infer<typeof serviceObjectRow>

/* ---------- number sequences ---------- */

export const numberSequenceInput = z.object({
  code,
  name: requiredText(100),
  prefix: optionalText(10),
  nextNumber: z.number().int().min(1),
  padding: z.number().int().min(1).max(12).default(6)
})
export const numberSequenceRow = numberSequenceInput.extend({ ...meta, preview: z.string() })
export type NumberSequenceRow = z.infer<typeof numberSequenceRow>
