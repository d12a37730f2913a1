import { z } from 'zod'

/** The field types every record is made of; the API contract and the record schemas both build on them. */
export const id = z.number().int().positive()
export const version = z.number().int().min(1)

/** A NUL or an unpaired UTF-16 surrogate: not text, and mangled or cut off by SQLite, CSV and PDF output. */
const NOT_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The one base of every text a user types: each text field of the contract is built from it. */
export const text = () => z.string().refine((s) => !NOT_TEXT.test(s), 'validation.notText')

export const requiredText = (max = 200) => text().trim().min(1, 'validation.required').max(max)
/** Optional free text is stored as '' rather than null so forms never juggle both. */
export const optionalText = (max = 2000) => text().trim().max(max).default('')
/** A search box's text. */
export const searchText = (max = 200) => text().trim().max(max)
export const code = requiredText(30).regex(/^[A-Za-z0-9._-]+$/, 'validation.codeChars')
/** A document number that may be left blank to take the next one from its number sequence. */
export const autoNumber = z.union([z.literal(''), code]).default('')
export const email = z.union([z.literal(''), z.email('validation.email').max(254)]).default('')

/** Money in integer minor units (cents). */
export const money = z.number().int('validation.wholeCents').min(0, 'validation.negative').max(1_000_000_000_00, 'validation.tooLarge')

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.isoDateFormat')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'validation.notCalendarDate')
export const optionalDate = isoDate.nullable().default(null)

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.timeFormat')
