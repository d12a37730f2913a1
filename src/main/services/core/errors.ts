import type { ErrorCode, MessageParams, MessageRef } from '@shared/api/result'
import type { SlaTargetKind } from '@shared/domain/slaBadge'
import type { errors } from '@shared/i18n/catalogue/en/errors'
import type { validation } from '@shared/i18n/catalogue/en/validation'
import { tFor } from '@shared/i18n/i18n'
import { translate } from '@shared/i18n/issues'

/** The keys of a catalogue group, plural forms ('rows_one') named by their base key ('rows'). */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? (K extends `${infer B}_${'one' | 'other'}` ? B : K) : `${K}.${Leaves<T[K]>}`
}[keyof T & string]

/** A message a service, the pipeline or a host gives: a key of the `errors` or `validation` catalogue. */
export type MessageKey = `errors.${Leaves<typeof errors>}` | `validation.${Leaves<typeof validation>}`

/** A field issue as a service raises it: the pipeline adds the message in the caller's language. */
export interface IssueSpec {
  path: (string | number)[]
  code: MessageKey
  params?: MessageParams
}

/**
 * The only error services throw on purpose; the pipeline turns it into `{ ok: false, error }` in the
 * caller's language. `message` is the English text, for logs and for code that calls a service directly.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly issues?: IssueSpec[]
  ) {
    super(translate(tFor('en'), key, params))
    this.name = 'AppError'
  }
}

/** Kinds of records that are edited through the generic entity service (masterdata, setup tables). */
export const ENTITY_KINDS = [
  'agreementGroup',
  'category',
  'customer',
  'customerGroup',
  'dispatchTeam',
  'item',
  'numberSequence',
  'returnReasonGroup',
  'returnReason',
  'dispositionCode',
  'repairCode',
  'serviceInterval',
  'serviceObject',
  'serviceObjectGroup',
  'serviceTask',
  'skill',
  'sla',
  'slaReason',
  'stage',
  'stageReason',
  'subscription',
  'subscriptionGroup',
  'subscriptionPrice',
  'templateGroup',
  'timeWindow',
  'worker'
] as const
export type EntityKind = (typeof ENTITY_KINDS)[number]

/** Kinds of records whose unique fields (code, number, user name) are named in `errors.duplicate`. */
export const UNIQUE_KINDS = [...ENTITY_KINDS, 'user'] as const
export type UniqueKind = (typeof UNIQUE_KINDS)[number]

/** Every kind of record a "not found" or "changed by someone else" names (`errors.record.<kind>`). */
export const RECORD_KINDS = [
  ...ENTITY_KINDS,
  'agreement',
  'agreementLine',
  'assignment',
  'bankEntry',
  'bankStatement',
  'boardChange',
  'bomTemplate',
  'contact',
  'generationRun',
  'invoice',
  'line',
  'orderLine',
  'orderSlaClock',
  'planJob',
  'payment',
  'returnOrder',
  'returnLine',
  'repairLine',
  'savedView',
  'serviceOrder',
  'settings',
  'site',
  'slaClock',
  'someLine',
  'subscriptionFee',
  'subscriptionRun',
  'structureComponent',
  'user'
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/** The kind of a record as a message parameter; each language inflects it in its own catalogue. */
export const record = (kind: RecordKind, params?: MessageParams): MessageRef => ({
  key: `errors.record.${kind}`,
  ...(params ? { params } : {})
})

/** An SLA target (response, on-site, resolution) inside a sentence. */
export const slaTarget = (kind: SlaTargetKind): MessageRef => ({ key: `errors.sla.target.${kind}` })

export const notFound = (kind: RecordKind, params?: MessageParams) =>
  new AppError('NOT_FOUND', 'errors.notFound', { what: record(kind, params) })
export const conflict = (kind: RecordKind, params?: MessageParams) =>
  new AppError('CONFLICT', 'errors.conflict', { what: record(kind, params) })
export const forbidden = (key: MessageKey, params?: MessageParams) => new AppError('FORBIDDEN', key, params)
/** A refusal of one field: the message of the answer and of the field are the same. */
export const invalid = (path: (string | number)[], key: MessageKey, params: MessageParams = {}) =>
  new AppError('VALIDATION', key, params, [{ path, code: key, params }])
