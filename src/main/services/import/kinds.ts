import type { z } from 'zod'
import { contract } from '@shared/api/contract'
import { WORKER_ROLES } from '@shared/domain/masterdata'
import { IMPORT_FIELD_NAMES, type ImportFieldName, type ImportKind } from '@shared/domain/import'
import { type CellResult, parseDate, parseMoney, parseWhole, parseYesNo, splitList } from '@shared/domain/importText'
import { tFor } from '@shared/i18n/i18n'
import { APP_LANGUAGES } from '@shared/i18n/languages'
import type { Sqlite } from '../../db/connection'
import type { ServiceContext } from '../core/context'
import { itemService } from '../masterdata/codeTables'
import { customerService } from '../masterdata/customers'
import { serviceObjectService } from '../masterdata/serviceObjects'
import { workerService } from '../masterdata/workers'

/** The cells of one row by field (only mapped fields are present). */
export type Cells = Partial<Record<ImportFieldName, string>>
/** Reports a bad cell: the field and the catalogue key of the reason. */
export type Report = (field: ImportFieldName, code: string, params?: Record<string, unknown>) => void

type Found = { id: number; version: number; base: Record<string, unknown> } | null | 'ambiguous'

/** What the import engine needs of one kind; the writing is the kind's own service (create / update). */
export interface ImportAdapter {
  /** The schema of the API's create method: every row is checked by it before it is written. */
  schema: z.ZodType
  /** The existing record whose `key` field has this value. */
  find(key: ImportFieldName, value: string): Found
  /** The input of the row: the existing record's values (update) or none (create), with the cells over them. */
  build(cells: Cells, base: Record<string, unknown> | null, report: Report): Record<string, unknown>
  /** The field a path of the input (a schema or service issue) came from. */
  fieldOf(path: readonly (string | number)[]): ImportFieldName | null
  create(input: unknown): void
  update(input: unknown): void
}

/** A reference by code or number, else by name when exactly one record has it. */
function refLookup(sqlite: Sqlite, table: string, codeColumn: string) {
  const byCode = sqlite.prepare(`select id from ${table} where ${codeColumn} = ?`).pluck()
  const byName = sqlite.prepare(`select id from ${table} where name = ? limit 2`).pluck()
  return (value: string): CellResult<number> => {
    const id = byCode.get(value) as number | undefined
    if (id !== undefined) return { ok: true, value: id }
    const named = byName.all(value) as number[]
    if (named.length === 1) return { ok: true, value: named[0]! }
    return { ok: false, code: named.length > 1 ? 'errors.import.ambiguous' : 'errors.import.unknownReference' }
  }
}

function finder(sqlite: Sqlite, table: string, columns: Partial<Record<ImportFieldName, string>>, load: (id: number) => Found) {
  const statements = new Map(
    Object.entries(columns).map(([field, column]) => [field, sqlite.prepare(`select id from ${table} where ${column} = ? limit 2`).pluck()])
  )
  return (key: ImportFieldName, value: string): Found => {
    const ids = statements.get(key)?.all(value) as number[] | undefined
    if (!ids || ids.length === 0) return null
    if (ids.length > 1) return 'ambiguous'
    return load(ids[0]!)
  }
}

/** Applies a cell to the input when its column is mapped: text as is, other types parsed (a blank keeps the value). */
function apply(input: Record<string, unknown>, cells: Cells, report: Report) {
  const typed = <T>(field: ImportFieldName, prop: string, parse: (s: string) => CellResult<T>, blank?: T) => {
    const s = cells[field]
    if (s === undefined) return
    if (s === '') {
      if (blank !== undefined) input[prop] = blank
      return
    }
    const r = parse(s)
    if (r.ok) input[prop] = r.value
    else report(field, r.code, { value: s })
  }
  return {
    text(field: ImportFieldName, prop: string = field) {
      const s = cells[field]
      if (s !== undefined) input[prop] = s
    },
    money: (field: ImportFieldName) => typed(field, field, parseMoney),
    bool: (field: ImportFieldName) => typed(field, field, parseYesNo),
    date: (field: ImportFieldName) => typed(field, field, parseDate, null),
    whole: (field: ImportFieldName) => typed(field, field, parseWhole, null),
    ref: (field: ImportFieldName, prop: string, lookup: (s: string) => CellResult<number>) => typed(field, prop, lookup, null)
  }
}

/** Role names as typed in either language ("Tehnik", "technician") → the role. */
function roleNames(): Map<string, (typeof WORKER_ROLES)[number]> {
  const m = new Map<string, (typeof WORKER_ROLES)[number]>()
  for (const role of WORKER_ROLES) {
    m.set(role.toLowerCase(), role)
    for (const lang of APP_LANGUAGES) m.set(tFor(lang)(`enums.workerRole.${role}`).toLowerCase(), role)
  }
  return m
}

const SITE_FIELDS: Record<string, ImportFieldName> = {
  name: 'siteName',
  street: 'street',
  city: 'city',
  postalCode: 'postalCode',
  country: 'siteCountry',
  accessNotes: 'accessNotes'
}
const CONTACT_FIELDS: Record<string, ImportFieldName> = {
  name: 'contactName',
  role: 'contactRole',
  phone: 'contactPhone',
  email: 'contactEmail'
}

function customers(ctx: ServiceContext): ImportAdapter {
  const sqlite = ctx.conn.sqlite
  const group = refLookup(sqlite, 'customer_groups', 'code')
  const load = (id: number): Found => {
    const { id: _id, version, groupName: _g, siteCount: _s, ...base } = customerService.load(ctx.db, id)
    return { id, version, base }
  }
  const same = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase()
  return {
    schema: contract['customers.create'].input,
    find: finder(sqlite, 'customers', { number: 'number', registryCode: 'registry_code' }, load),
    build(cells, base, report) {
      const input: Record<string, unknown> = { ...base }
      const a = apply(input, cells, report)
      for (const f of [
        'number',
        'name',
        'language',
        'email',
        'phone',
        'vatNumber',
        'registryCode',
        'country',
        'billingAddress',
        'invoiceEmail',
        'einvoiceAddress',
        'notes'
      ] as const)
        a.text(f)
      if (cells.language !== undefined) input.language = cells.language.toLowerCase()
      if (cells.country !== undefined) input.country = cells.country.toUpperCase()
      a.whole('paymentTermsDays')
      a.bool('active')
      a.ref('group', 'groupId', group)
      // One site and one contact per row; a second import finds them by name and updates them.
      const sites = [...((base?.sites as Record<string, unknown>[] | undefined) ?? [])]
      if (Object.values(SITE_FIELDS).some((f) => cells[f])) {
        const name = cells.siteName || cells.street || cells.city || ''
        const at = sites.findIndex((s) => same(s.name, name))
        const site: Record<string, unknown> = at >= 0 ? { ...sites[at] } : {}
        for (const [prop, field] of Object.entries(SITE_FIELDS)) if (cells[field] !== undefined) site[prop] = cells[field]
        site.name = name
        if (typeof site.country === 'string') site.country = site.country.toUpperCase() || 'EE'
        if (at >= 0) sites[at] = site
        else sites.push(site)
      }
      input.sites = sites
      const contacts = [...((base?.contacts as Record<string, unknown>[] | undefined) ?? [])]
      if (Object.values(CONTACT_FIELDS).some((f) => cells[f])) {
        const name = cells.contactName ?? ''
        const at = contacts.findIndex((c) => same(c.name, name))
        const contact: Record<string, unknown> = at >= 0 ? { ...contacts[at] } : {}
        for (const [prop, field] of Object.entries(CONTACT_FIELDS)) if (cells[field] !== undefined) contact[prop] = cells[field]
        if (at >= 0) contacts[at] = contact
        else contacts.push(contact)
      }
      input.contacts = contacts
      return input
    },
    fieldOf(path) {
      const [head, , prop] = path
      if (head === 'sites') return SITE_FIELDS[String(prop)] ?? 'siteName'
      if (head === 'contacts') return CONTACT_FIELDS[String(prop)] ?? 'contactName'
      if (head === 'groupId') return 'group'
      return fieldName(head)
    },
    create: (input) => customerService.create(ctx, input as never),
    update: (input) => customerService.update(ctx, input as never)
  }
}

function serviceObjects(ctx: ServiceContext): ImportAdapter {
  const sqlite = ctx.conn.sqlite
  const customer = refLookup(sqlite, 'customers', 'number')
  const item = refLookup(sqlite, 'items', 'number')
  const group = refLookup(sqlite, 'service_object_groups', 'code')
  const siteByName = sqlite.prepare('select id from customer_sites where customer_id = ? and name = ? limit 2').pluck()
  const load = (id: number): Found => {
    const r = serviceObjectService.load(ctx.db, id)
    const { id: _i, version, customerName: _c, siteName: _s, itemName: _n, groupName: _g, parentName: _p, componentCount: _k, ...base } = r
    return { id, version, base }
  }
  return {
    schema: contract['serviceObjects.create'].input,
    find: finder(sqlite, 'service_objects', { number: 'number', serialNumber: 'serial_number' }, load),
    build(cells, base, report) {
      const input: Record<string, unknown> = { ...base }
      const a = apply(input, cells, report)
      for (const f of ['number', 'name', 'serialNumber', 'notes'] as const) a.text(f)
      for (const f of ['installationDate', 'warrantyStart', 'warrantyEnd'] as const) a.date(f)
      a.bool('active')
      a.ref('customer', 'customerId', customer)
      a.ref('item', 'itemId', item)
      a.ref('group', 'groupId', group)
      // A site is named within its customer.
      a.ref('site', 'siteId', (name) => {
        const ids = typeof input.customerId === 'number' ? (siteByName.all(input.customerId, name) as number[]) : []
        if (ids.length === 1) return { ok: true, value: ids[0]! }
        return { ok: false, code: ids.length > 1 ? 'errors.import.ambiguous' : 'errors.import.unknownSite' }
      })
      return input
    },
    fieldOf(path) {
      const head = path[0]
      const refs: Record<string, ImportFieldName> = { customerId: 'customer', siteId: 'site', itemId: 'item', groupId: 'group' }
      return refs[String(head)] ?? fieldName(head)
    },
    create: (input) => serviceObjectService.create(ctx, input as never),
    update: (input) => serviceObjectService.update(ctx, input as never)
  }
}

function items(ctx: ServiceContext): ImportAdapter {
  const load = (id: number): Found => {
    const { id: _i, version, ...base } = itemService.load(ctx.db, id)
    return { id, version, base }
  }
  return {
    schema: contract['items.create'].input,
    find: finder(ctx.conn.sqlite, 'items', { number: 'number' }, load),
    build(cells, base, report) {
      const input: Record<string, unknown> = { ...base }
      const a = apply(input, cells, report)
      for (const f of ['number', 'name', 'unit'] as const) a.text(f)
      a.money('costPrice')
      a.money('salesPrice')
      a.bool('serialTracked')
      a.bool('active')
      return input
    },
    fieldOf: (path) => fieldName(path[0]),
    create: (input) => itemService.create(ctx, input as never),
    update: (input) => itemService.update(ctx, input as never)
  }
}

function workers(ctx: ServiceContext): ImportAdapter {
  const sqlite = ctx.conn.sqlite
  const team = refLookup(sqlite, 'dispatch_teams', 'code')
  const skill = refLookup(sqlite, 'skills', 'code')
  const roles = roleNames()
  const load = (id: number): Found => {
    const { id: _i, version, teamName: _t, userId: _u, ...base } = workerService.load(ctx.db, id)
    return { id, version, base }
  }
  return {
    schema: contract['workers.create'].input,
    find: finder(sqlite, 'workers', { number: 'number', email: 'email' }, load),
    build(cells, base, report) {
      const input: Record<string, unknown> = { ...base }
      const a = apply(input, cells, report)
      for (const f of ['number', 'name', 'email', 'phone', 'homeBase'] as const) a.text(f)
      a.bool('active')
      a.ref('team', 'teamId', team)
      if (cells.roles) {
        const names = splitList(cells.roles)
        const unknown = names.filter((n) => !roles.has(n.toLowerCase()))
        if (unknown.length) report('roles', 'errors.import.unknownRole', { value: unknown.join(', ') })
        else input.roles = [...new Set(names.map((n) => roles.get(n.toLowerCase())!))]
      }
      if (cells.skills !== undefined) {
        const ids: number[] = []
        for (const name of splitList(cells.skills)) {
          const r = skill(name)
          if (r.ok) ids.push(r.value)
          else report('skills', r.code, { value: name })
        }
        input.skillIds = ids
      }
      return input
    },
    fieldOf(path) {
      const head = String(path[0])
      if (head === 'teamId') return 'team'
      if (head === 'skillIds') return 'skills'
      return fieldName(head)
    },
    create: (input) => workerService.create(ctx, input as never),
    update: (input) => workerService.update(ctx, input as never)
  }
}

const FIELD_SET = new Set<string>(IMPORT_FIELD_NAMES)
function fieldName(head: unknown): ImportFieldName | null {
  return typeof head === 'string' && FIELD_SET.has(head) ? (head as ImportFieldName) : null
}

export const IMPORT_ADAPTERS: Record<ImportKind, (ctx: ServiceContext) => ImportAdapter> = { customers, serviceObjects, items, workers }
