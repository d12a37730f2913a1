import { z } from 'zod'
import { id, requiredText, text } from './primitives'

/** What a CSV file can bring in (ADR 0023). */
export const IMPORT_KINDS = ['customers', 'serviceObjects', 'items', 'workers', 'agreements'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const IMPORT_ENCODINGS = ['utf-8', 'windows-1257'] as const
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number]
export const IMPORT_DELIMITERS = [';', ','] as const
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number]

/**
 * How a cell is read: text as is; money in cents from "12,50" / "12.50"; whole numbers; yes/no in either
 * language; dates as 2026-03-31 or 31.03.2026; a reference by code/number or by name where unique; a list
 * of references or roles separated by commas; a quantity with up to three decimals; a line type by value or
 * label in either language.
 */
export type ImportFieldType =
  | 'text'
  | 'money'
  | 'int'
  | 'bool'
  | 'date'
  | 'language'
  | 'ref'
  | 'roles'
  | 'refs'
  | 'quantity'
  | 'lineType'
  | 'combineRule'

export interface ImportField {
  /** The field's name in mappings and templates; its label is `import.fields.<name>`. */
  name: ImportFieldName
  type: ImportFieldType
  /** A file must have a column for it (the record's schema requires it). */
  required?: boolean
}

export const IMPORT_FIELD_NAMES = [
  'number',
  'name',
  'group',
  'language',
  'email',
  'phone',
  'vatNumber',
  'registryCode',
  'country',
  'billingAddress',
  'paymentTermsDays',
  'invoiceEmail',
  'einvoiceAddress',
  'notes',
  'active',
  'siteName',
  'street',
  'city',
  'postalCode',
  'siteCountry',
  'accessNotes',
  'contactName',
  'contactRole',
  'contactPhone',
  'contactEmail',
  'customer',
  'site',
  'item',
  'serialNumber',
  'installationDate',
  'warrantyStart',
  'warrantyEnd',
  'unit',
  'costPrice',
  'salesPrice',
  'serialTracked',
  'roles',
  'team',
  'skills',
  'homeBase',
  'description',
  'agreementGroup',
  'startDate',
  'endDate',
  'sla',
  'preferredWorker',
  'responsibleWorker',
  'contact',
  'combineRule',
  'suspended',
  'lineType',
  'lineDescription',
  'serviceObject',
  'serviceTask',
  'interval',
  'timeWindow',
  'lineStart',
  'lineEnd',
  'quantity',
  'category',
  'unitPrice',
  'worker',
  'lineNote'
] as const
export type ImportFieldName = (typeof IMPORT_FIELD_NAMES)[number]

const f = (name: ImportFieldName, type: ImportFieldType = 'text', required = false): ImportField => ({ name, type, required })

/** The columns each kind takes, in template order. */
export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  customers: [
    f('number'),
    f('name', 'text', true),
    f('group', 'ref'),
    f('language', 'language'),
    f('email'),
    f('phone'),
    f('vatNumber'),
    f('registryCode'),
    f('country'),
    f('billingAddress'),
    f('paymentTermsDays', 'int'),
    f('invoiceEmail'),
    f('einvoiceAddress'),
    f('notes'),
    f('active', 'bool'),
    f('siteName'),
    f('street'),
    f('city'),
    f('postalCode'),
    f('siteCountry'),
    f('accessNotes'),
    f('contactName'),
    f('contactRole'),
    f('contactPhone'),
    f('contactEmail')
  ],
  serviceObjects: [
    f('number'),
    f('name', 'text', true),
    f('customer', 'ref', true),
    f('site', 'ref'),
    f('item', 'ref'),
    f('group', 'ref'),
    f('serialNumber'),
    f('installationDate', 'date'),
    f('warrantyStart', 'date'),
    f('warrantyEnd', 'date'),
    f('notes'),
    f('active', 'bool')
  ],
  items: [
    f('number', 'text', true),
    f('name', 'text', true),
    f('unit'),
    f('costPrice', 'money'),
    f('salesPrice', 'money'),
    f('serialTracked', 'bool'),
    f('active', 'bool')
  ],
  workers: [
    f('number'),
    f('name', 'text', true),
    f('email'),
    f('phone'),
    f('roles', 'roles'),
    f('team', 'ref'),
    f('skills', 'refs'),
    f('homeBase'),
    f('active', 'bool')
  ],
  // One row per agreement line; the header columns (number to notes) repeat on every line of the agreement.
  agreements: [
    f('number', 'text', true),
    f('customer', 'ref', true),
    f('description', 'text', true),
    f('agreementGroup', 'ref', true),
    f('startDate', 'date', true),
    f('endDate', 'date'),
    f('sla', 'ref'),
    f('preferredWorker', 'ref'),
    f('responsibleWorker', 'ref'),
    f('contact', 'ref'),
    f('combineRule', 'combineRule'),
    f('suspended', 'bool'),
    f('notes'),
    f('lineType', 'lineType', true),
    f('lineDescription'),
    f('serviceObject', 'ref'),
    f('serviceTask', 'ref'),
    f('interval', 'ref'),
    f('timeWindow', 'ref'),
    f('lineStart', 'date'),
    f('lineEnd', 'date'),
    f('quantity', 'quantity'),
    f('item', 'ref'),
    f('category', 'ref'),
    f('unitPrice', 'money'),
    f('worker', 'ref'),
    f('lineNote')
  ]
}

/**
 * The fields a second import can match existing records by (update instead of a duplicate); the first is
 * the default. Customers and workers by number, service objects by number or serial number, items by number,
 * agreements by number (the rows of one agreement are grouped by it, so it is required).
 */
export const IMPORT_KEYS: Record<ImportKind, readonly ImportFieldName[]> = {
  customers: ['number', 'registryCode'],
  serviceObjects: ['number', 'serialNumber'],
  items: ['number'],
  workers: ['number', 'email'],
  agreements: ['number']
}

/** Column → field: one entry per column of the file, in file order; field null = not imported. */
export const importMapping = z.array(z.object({ column: text().max(200), field: z.enum(IMPORT_FIELD_NAMES).nullable() })).max(200)
export type ImportMapping = z.infer<typeof importMapping>

const kind = z.enum(IMPORT_KINDS)

/** The file as uploaded: bytes in base64 (the encoding is detected from the bytes, not from a browser's guess). */
export const importFile = z.object({
  kind,
  /** The source's name (file name without extension by default): the saved mapping is found by it. */
  source: requiredText(100),
  /** Base64 of the file; the host refuses bodies over 5 MB, larger files go through the command line. */
  content: z
    .string()
    .max(7_000_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.invalid'),
  encoding: z.enum(IMPORT_ENCODINGS).nullable().default(null),
  delimiter: z.enum(IMPORT_DELIMITERS).nullable().default(null)
})

export const importInput = importFile.extend({
  mapping: importMapping,
  key: z.enum(IMPORT_FIELD_NAMES).nullable().default(null)
})
export type ImportInput = z.infer<typeof importInput>

const messageParams = z.record(z.string(), z.unknown())

/** One bad row: its line in the file (the header is line 1), the column, and the reason as a catalogue key. */
export const importProblem = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  field: z.enum(IMPORT_FIELD_NAMES).nullable(),
  code: z.string(),
  params: messageParams
})
export type ImportProblem = z.infer<typeof importProblem>

export const importInspection = z.object({
  encoding: z.enum(IMPORT_ENCODINGS),
  delimiter: z.enum(IMPORT_DELIMITERS),
  headers: z.array(z.string()),
  /** The first rows, to show beside the mapping. */
  sample: z.array(z.array(z.string())),
  mapping: importMapping,
  /** True when the mapping is the one saved for this source. */
  saved: z.boolean()
})
export type ImportInspection = z.infer<typeof importInspection>

export const importOutcome = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** The first bad rows (at most IMPORT_PROBLEM_LIMIT); `problemCount` counts them all. */
  problems: z.array(importProblem),
  problemCount: z.number().int(),
  committed: z.boolean()
})
export type ImportOutcome = z.infer<typeof importOutcome>
export const IMPORT_PROBLEM_LIMIT = 1000

export const IMPORT_RUN_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const
export const importRun = z.object({
  id,
  kind,
  status: z.enum(IMPORT_RUN_STATUSES),
  /** Rows checked and written so far (the file's row count once finished). */
  done: z.number().int(),
  /** The file's rows (without the header). */
  total: z.number().int(),
  /** Agreements are written after their last row is read: while they are, `done` counts the rows written. */
  writing: z.boolean(),
  outcome: importOutcome.nullable(),
  error: z.string().nullable()
})
export type ImportRun = z.infer<typeof importRun>

export const importMappingRow = z.object({ id, kind, source: z.string(), mapping: importMapping, updatedAt: z.number().int() })
export type ImportMappingRow = z.infer<typeof importMappingRow>
export const saveMappingInput = z.object({ kind, source: requiredText(100), mapping: importMapping })

export const importTemplate = z.object({ fileName: z.string(), content: z.string() })
