import type { z } from 'zod'
import { contract } from '@shared/api/contract'
import { WORKER_ROLES } from '@shared/domain/masterdata'
import { agreementHeaderInput, agreementLineInput, COMBINE_RULES } from '@shared/domain/agreements'
import { LINE_TYPES } from '@shared/domain/orders'
import { IMPORT_FIELD_NAMES, type ImportFieldName, type ImportKind } from '@shared/domain/import'
import { type CellResult, parseDate, parseMoney, parseQuantity, parseWhole, parseYesNo, splitList } from '@shared/domain/importText'
import { tFor } from '@shared/i18n/i18n'
import { issueCode } from '@shared/i18n/issues'
import { APP_LANGUAGES } from '@shared/i18n/languages'
import type { ParsedInput } from '@shared/api/contract'
import type { ServiceObjectRow } from '@shared/domain/masterdata'
import type { AgreementRow } from '@shared/domain/agreements'
import type { Sqlite } from '../../db/connection'
import { serviceObjects as serviceObjectsTable } from '../../db/schema'
import { AppError, conflict, invalid, type MessageKey } from '../core/errors'
import { nextNumber } from '../core/sequences'
import { uniqueViolation } from '../masterdata/entity'
import type { ServiceContext } from '../core/context'
import { itemService } from '../masterdata/codeTables'
import { customerService } from '../masterdata/customers'
import { serviceObjectService } from '../masterdata/serviceObjects'
import { workerService } from '../masterdata/workers'
import {
  addAgreementLine,
  createAgreement,
  deleteAgreementLine,
  loadAgreement,
  updateAgreement,
  updateAgreementLine
} from '../agreements/records'

/** The cells of one row by field (only mapped fields are present). */
export type Cells = Partial<Record<ImportFieldName, string>>
/** Reports a bad cell: the field and the catalogue key of the reason. */
export type Report = (field: ImportFieldName | null, code: string, params?: Record<string, unknown>) => void

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
  /** Runs after the last row, in the same transaction. */
  finish?(): void
}

/** Reports a bad cell of a given line (the writes of a grouped kind come after the last row). */
export type LineReport = (line: number, field: ImportFieldName | null, code: string, params?: Record<string, unknown>) => void

/**
 * A kind whose record spans several rows (an agreement and its lines): each row is checked as it is read,
 * the records are written after the last row, through the kind's service, in the same transaction.
 */
export interface GroupedImport {
  row(line: number, cells: Cells, report: Report): void
  /** Yields the rows written so far (the job's progress while it writes), returns what it wrote. */
  write(report: LineReport): Generator<number, { created: number; updated: number }>
}

/**
 * A reference by code or number, else by name when exactly one record has it. The table is read once into
 * maps: an import never creates the records its rows refer to, and a query per row was most of its time.
 */
function refLookup(sqlite: Sqlite, table: string, codeColumn: string) {
  const byCode = new Map<string, number>()
  const byName = new Map<string, number | 'many'>()
  for (const r of sqlite.prepare(`select id, ${codeColumn} as code, name from ${table}`).iterate() as Iterable<{
    id: number
    code: string | null
    name: string
  }>) {
    if (r.code !== null) byCode.set(r.code, r.id)
    byName.set(r.name, byName.has(r.name) ? 'many' : r.id)
  }
  return (value: string): CellResult<number> => {
    const id = byCode.get(value) ?? byName.get(value)
    if (typeof id === 'number') return { ok: true, value: id }
    return { ok: false, code: id === 'many' ? 'errors.import.ambiguous' : 'errors.import.unknownReference' }
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
    money: (field: ImportFieldName, prop: string = field) => typed(field, prop, parseMoney),
    bool: (field: ImportFieldName) => typed(field, field, parseYesNo),
    date: (field: ImportFieldName, prop: string = field) => typed(field, prop, parseDate, null),
    quantity: (field: ImportFieldName) => typed(field, field, parseQuantity),
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

/** A service object as the service loads it (the audit log's before and after), in one prepared query. */
const OBJECT_ROW = `select o.id, o.version, o.number, o.name, o.customer_id as customerId, o.site_id as siteId, o.item_id as itemId,
  o.group_id as groupId, o.serial_number as serialNumber, o.installation_date as installationDate,
  o.warranty_start as warrantyStart, o.warranty_end as warrantyEnd, o.parent_id as parentId, o.notes, o.active,
  c.name as customerName, s.name as siteName, i.name as itemName, g.name as groupName, p.name as parentName,
  (select count(*) from service_objects k where k.parent_id = o.id) as componentCount
  from service_objects o join customers c on c.id = o.customer_id left join customer_sites s on s.id = o.site_id
  left join items i on i.id = o.item_id left join service_object_groups g on g.id = o.group_id
  left join service_objects p on p.id = o.parent_id where o.id = ?`
const OBJECT_COLUMNS = `number = @number, name = @name, customer_id = @customerId, site_id = @siteId, item_id = @itemId,
  group_id = @groupId, serial_number = @serialNumber, installation_date = @installationDate,
  warranty_start = @warrantyStart, warranty_end = @warrantyEnd, parent_id = @parentId, notes = @notes, active = @active`

type ObjectInput = ParsedInput<'serviceObjects.create'>

/**
 * Service objects are the big file of a move (the bench: 50,000 rows in under 10 s), so they are written
 * through statements prepared once, with the references checked against maps read once, instead of the
 * service's query-built create and update. The checks are the service's own (validate in serviceObjects.ts):
 * the same customer, site-of-customer, item and group rules; a row with a parent or moving an object with
 * components to another customer goes through the service's validate as is. Each row's audit entry is written
 * as the service writes it.
 */
function serviceObjects(ctx: ServiceContext): ImportAdapter {
  const sqlite = ctx.conn.sqlite
  const customer = refLookup(sqlite, 'customers', 'number')
  const item = refLookup(sqlite, 'items', 'number')
  const group = refLookup(sqlite, 'service_object_groups', 'code')
  const ids = (table: string) => new Set(sqlite.prepare(`select id from ${table}`).pluck().all() as number[])
  const customerIds = ids('customers')
  const itemIds = ids('items')
  const groupIds = ids('service_object_groups')
  // A site is named within its customer: "customer id / name" → the site, or 'many'.
  const siteByName = new Map<string, number | 'many'>()
  const siteCustomer = new Map<number, number>()
  for (const s of sqlite.prepare('select id, customer_id as customerId, name from customer_sites').iterate() as Iterable<{
    id: number
    customerId: number
    name: string
  }>) {
    const k = `${s.customerId}/${s.name}`
    siteByName.set(k, siteByName.has(k) ? 'many' : s.id)
    siteCustomer.set(s.id, s.customerId)
  }
  // The search index's insert trigger costs as much as the row itself: it is lifted for the import and the new
  // objects are indexed in one statement at the end, inside the same transaction (a rollback puts the trigger
  // back). Updates keep their triggers, which fire only when an indexed text changes.
  const trigger = sqlite.prepare("select sql from sqlite_master where type = 'trigger' and name = 'search_objects_ai'").pluck().get() as
    | string
    | undefined
  const firstNew = ((sqlite.prepare('select max(id) from service_objects').pluck().get() as number | null) ?? 0) + 1
  if (trigger) sqlite.exec('drop trigger search_objects_ai')
  const rowOf = sqlite.prepare(OBJECT_ROW)
  const load = (id: number): ServiceObjectRow => {
    const r = rowOf.get(id) as Omit<ServiceObjectRow, 'active'> & { active: number }
    return { ...r, active: r.active === 1 }
  }
  const insert = sqlite
    .prepare(
      `insert into service_objects (number, name, customer_id, site_id, item_id, group_id, serial_number, installation_date,
        warranty_start, warranty_end, parent_id, notes, active)
       values (@number, @name, @customerId, @siteId, @itemId, @groupId, @serialNumber, @installationDate, @warrantyStart,
        @warrantyEnd, @parentId, @notes, @active) returning id`
    )
    .pluck()
  const update = sqlite.prepare(`update service_objects set ${OBJECT_COLUMNS}, version = version + 1 where id = @id and version = @version`)
  const strayComponent = sqlite.prepare('select 1 from service_objects where parent_id = ? and customer_id <> ? limit 1').pluck()
  const writeAudit = sqlite.prepare(
    'insert into audit_log (at, user_id, entity, entity_id, action, before, after) values (?, ?, ?, ?, ?, ?, ?)'
  )
  const audit = (id: number, action: 'create' | 'update', before: unknown, after: unknown) =>
    writeAudit.run(
      ctx.now(),
      ctx.user?.id ?? null,
      'serviceObject',
      id,
      action,
      before === null ? null : JSON.stringify(before),
      JSON.stringify(after)
    )
  const fail = (path: string, key: MessageKey): never => {
    throw invalid([path], key)
  }
  const validate = (i: ObjectInput, before: ServiceObjectRow | null) => {
    if (i.parentId !== null || (before && before.customerId !== i.customerId && strayComponent.get(before.id, i.customerId))) {
      serviceObjectService.config.validate!(ctx, i, before?.id ?? null)
      return
    }
    if (!customerIds.has(i.customerId)) fail('customerId', 'errors.choose.customer')
    if (i.siteId !== null && siteCustomer.get(i.siteId) !== i.customerId) fail('siteId', 'errors.masterdata.objectSite')
    if (i.itemId !== null && !itemIds.has(i.itemId)) fail('itemId', 'errors.choose.item')
    if (i.groupId !== null && !groupIds.has(i.groupId)) fail('groupId', 'errors.choose.group')
  }
  const values = (i: ObjectInput) => ({ ...i, active: i.active ? 1 : 0 })
  const unique = <T>(write: () => T): T => {
    try {
      return write()
    } catch (e) {
      throw uniqueViolation(e, serviceObjectsTable, 'serviceObject') ?? e
    }
  }
  return {
    schema: contract['serviceObjects.create'].input,
    find: finder(sqlite, 'service_objects', { number: 'number', serialNumber: 'serial_number' }, (id) => {
      const {
        id: _i,
        version,
        customerName: _c,
        siteName: _s,
        itemName: _n,
        groupName: _g,
        parentName: _p,
        componentCount: _k,
        ...base
      } = load(id)
      return { id, version, base }
    }),
    build(cells, base, report) {
      const input: Record<string, unknown> = { ...base }
      const a = apply(input, cells, report)
      for (const f of ['number', 'name', 'serialNumber', 'notes'] as const) a.text(f)
      for (const f of ['installationDate', 'warrantyStart', 'warrantyEnd'] as const) a.date(f)
      a.bool('active')
      a.ref('customer', 'customerId', customer)
      a.ref('item', 'itemId', item)
      a.ref('group', 'groupId', group)
      a.ref('site', 'siteId', (name) => {
        const id = typeof input.customerId === 'number' ? siteByName.get(`${input.customerId}/${name}`) : undefined
        if (typeof id === 'number') return { ok: true, value: id }
        return { ok: false, code: id === 'many' ? 'errors.import.ambiguous' : 'errors.import.unknownSite' }
      })
      return input
    },
    fieldOf(path) {
      const head = path[0]
      const refs: Record<string, ImportFieldName> = { customerId: 'customer', siteId: 'site', itemId: 'item', groupId: 'group' }
      return refs[String(head)] ?? fieldName(head)
    },
    create(input) {
      const i = input as ObjectInput
      validate(i, null)
      const full = i.number ? i : { ...i, number: nextNumber(ctx.db, 'serviceObject') }
      const id = unique(() => insert.get(values(full)) as number)
      audit(id, 'create', null, load(id))
    },
    update(input) {
      const { id, version, ...i } = input as ObjectInput & { id: number; version: number }
      const before = load(id)
      validate(i, before)
      // A blank number keeps the object's number, as the service does.
      const full = i.number ? i : { ...i, number: before.number }
      const changed = unique(() => update.run({ ...values(full), id, version }).changes)
      if (changed === 0) throw conflict('serviceObject')
      audit(id, 'update', before, load(id))
    },
    finish() {
      if (!trigger) return
      sqlite.prepare('insert into search_objects (rowid, body) select id, body from search_objects_source where id >= ?').run(firstNew)
      sqlite.exec(trigger)
    }
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

/** Agreement header columns: repeated on every line of an agreement, so they must be the same on each. */
const AGREEMENT_FIELDS: Record<string, ImportFieldName> = {
  customerId: 'customer',
  description: 'description',
  groupId: 'agreementGroup',
  startDate: 'startDate',
  endDate: 'endDate',
  slaId: 'sla',
  preferredWorkerId: 'preferredWorker',
  responsibleWorkerId: 'responsibleWorker',
  contactId: 'contact',
  combineRule: 'combineRule',
  suspended: 'suspended',
  notes: 'notes'
}
const LINE_FIELDS: Record<string, ImportFieldName> = {
  type: 'lineType',
  description: 'lineDescription',
  serviceObjectId: 'serviceObject',
  serviceTaskId: 'serviceTask',
  intervalId: 'interval',
  timeWindowId: 'timeWindow',
  startDate: 'lineStart',
  endDate: 'lineEnd',
  quantity: 'quantity',
  itemId: 'item',
  categoryId: 'category',
  unitPrice: 'unitPrice',
  workerId: 'worker',
  note: 'lineNote'
}
const headerFieldOf = (path: readonly (string | number)[]) => AGREEMENT_FIELDS[String(path[0])] ?? null
const lineFieldOf = (path: readonly (string | number)[]) => LINE_FIELDS[String(path[0])] ?? null

type LineInput = ReturnType<typeof agreementLineInput.parse>
interface AgreementGroup {
  firstLine: number
  /** The header cells of the first row, which the agreement's other rows must repeat. */
  cells: Cells
  /** The header's mapped fields only: an update keeps what the file does not have. */
  header: Record<string, unknown>
  lines: { line: number; input: LineInput }[]
  /** The file's rows of the agreement, good or bad: the progress while writing counts them. */
  rows: number
  /** A row of the agreement is wrong: it is not written (the import rolls back anyway). */
  bad: boolean
  headerBad: boolean
}

type EnumLabel = `enums.lineType.${(typeof LINE_TYPES)[number]}` | `enums.combineRule.${(typeof COMBINE_RULES)[number]}`

/**
 * An enum's values by value or by label in either language, lower-cased: line types ("Tunnid", "hours"),
 * combine rules ("One order per worker and date").
 */
function enumNames<V extends string>(values: readonly V[], labels: 'lineType' | 'combineRule'): Map<string, V> {
  const m = new Map<string, V>()
  for (const value of values) {
    m.set(value, value)
    const key = `enums.${labels}.${value}` as EnumLabel
    for (const lang of APP_LANGUAGES) m.set(tFor(lang)(key).toLowerCase(), value)
  }
  return m
}

/** A customer's contact by name (a name is unique only within its customer). */
function contactLookup(sqlite: Sqlite) {
  const byName = new Map<string, number | 'many'>()
  for (const c of sqlite.prepare('select id, customer_id as customerId, name from customer_contacts').iterate() as Iterable<{
    id: number
    customerId: number
    name: string
  }>) {
    const key = `${c.customerId}:${c.name.trim().toLowerCase()}`
    byName.set(key, byName.has(key) ? 'many' : c.id)
  }
  return (customerId: number, name: string): CellResult<number> => {
    const id = byName.get(`${customerId}:${name.trim().toLowerCase()}`)
    if (typeof id === 'number') return { ok: true, value: id }
    return { ok: false, code: id === 'many' ? 'errors.import.ambiguous' : 'errors.import.unknownContact' }
  }
}

/**
 * Agreements with lines: one row per line, grouped by the agreement number. The rows are kept until the last
 * one (an agreements file is small; the lines of one agreement need not be next to each other), then each
 * agreement is written through the agreements service: created with the file's number, or updated with its
 * lines replaced in order — a line of the file updates the existing line in its place, new ones are added and
 * the rest deleted, which the service refuses for a line that has generated orders.
 */
function agreementsImport(ctx: ServiceContext): GroupedImport {
  const sqlite = ctx.conn.sqlite
  const customer = refLookup(sqlite, 'customers', 'number')
  const group = refLookup(sqlite, 'agreement_groups', 'code')
  const object = refLookup(sqlite, 'service_objects', 'number')
  const task = refLookup(sqlite, 'service_tasks', 'code')
  const interval = refLookup(sqlite, 'service_intervals', 'code')
  const window = refLookup(sqlite, 'time_windows', 'code')
  const item = refLookup(sqlite, 'items', 'number')
  const category = refLookup(sqlite, 'categories', 'code')
  const worker = refLookup(sqlite, 'workers', 'number')
  const sla = refLookup(sqlite, 'sla_definitions', 'code')
  const contact = contactLookup(sqlite)
  const combineRules = enumNames(COMBINE_RULES, 'combineRule')
  const objectCustomer = new Map(
    (sqlite.prepare('select id, customer_id as c from service_objects').all() as { id: number; c: number }[]).map((o) => [o.id, o.c])
  )
  const lineTypes = enumNames(LINE_TYPES, 'lineType')
  const byNumber = sqlite.prepare('select id from agreements where number = ?').pluck()
  const groups = new Map<string, AgreementGroup>()

  return {
    row(line, cells, report) {
      let bad = false
      const fail = (field: ImportFieldName | null, code: string, params?: Record<string, unknown>) => {
        bad = true
        report(field, code, params)
      }
      const number = cells.number ?? ''
      if (number === '') return fail('number', 'validation.required')
      let g = groups.get(number)
      if (!g) {
        const header: Record<string, unknown> = {}
        const a = apply(header, cells, fail)
        a.text('description')
        a.text('notes')
        a.date('startDate')
        a.date('endDate')
        a.ref('customer', 'customerId', customer)
        a.ref('agreementGroup', 'groupId', group)
        a.ref('sla', 'slaId', sla)
        a.ref('preferredWorker', 'preferredWorkerId', worker)
        a.ref('responsibleWorker', 'responsibleWorkerId', worker)
        // The contact is one of the agreement's customer's: looked up once the customer is known.
        const customerId = header.customerId
        if (typeof customerId === 'number') a.ref('contact', 'contactId', (name) => contact(customerId, name))
        if (cells.combineRule) {
          const rule = combineRules.get(cells.combineRule.trim().toLowerCase())
          if (rule) header.combineRule = rule
          else fail('combineRule', 'errors.import.unknownCombineRule', { value: cells.combineRule })
        }
        a.bool('suspended')
        if (!bad) {
          const parsed = agreementHeaderInput.safeParse(header)
          if (!parsed.success)
            for (const issue of parsed.error.issues) {
              const { code, params } = issueCode(issue)
              fail(headerFieldOf(issue.path as (string | number)[]), code, params)
            }
        }
        g = { firstLine: line, cells, header, lines: [], rows: 0, bad, headerBad: bad }
        groups.set(number, g)
      } else {
        for (const field of Object.values(AGREEMENT_FIELDS)) {
          if (cells[field] !== undefined && cells[field] !== g.cells[field])
            fail(field, 'errors.import.headerDiffers', { value: cells[field], first: g.firstLine })
        }
      }
      g.rows++
      const l: Record<string, unknown> = {}
      const a = apply(l, cells, fail)
      if (cells.lineType !== undefined) {
        const type = lineTypes.get(cells.lineType.trim().toLowerCase())
        if (type) l.type = type
        else fail('lineType', 'errors.import.unknownLineType', { value: cells.lineType })
      }
      a.text('lineDescription', 'description')
      a.text('lineNote', 'note')
      a.date('lineStart', 'startDate')
      a.date('lineEnd', 'endDate')
      a.quantity('quantity')
      a.money('unitPrice')
      a.ref('serviceObject', 'serviceObjectId', object)
      a.ref('serviceTask', 'serviceTaskId', task)
      a.ref('interval', 'intervalId', interval)
      a.ref('timeWindow', 'timeWindowId', window)
      a.ref('item', 'itemId', item)
      a.ref('category', 'categoryId', category)
      a.ref('worker', 'workerId', worker)
      // A line starts with its agreement unless the file says otherwise.
      l.startDate ??= g.header.startDate
      const objectId = l.serviceObjectId
      if (typeof objectId === 'number' && objectCustomer.get(objectId) !== g.header.customerId)
        fail('serviceObject', 'errors.orders.objectOfCustomer')
      // As for the other kinds, a row whose cells are already wrong is not checked again by the schema; nor
      // is a line of an agreement whose header was wrong (its start date may be the header's).
      if (bad || g.headerBad) {
        g.bad = true
        return
      }
      const parsed = agreementLineInput.safeParse(l)
      if (!parsed.success) {
        g.bad = true
        for (const issue of parsed.error.issues) {
          const { code, params } = issueCode(issue)
          fail(lineFieldOf(issue.path as (string | number)[]), code, params)
        }
      } else g.lines.push({ line, input: parsed.data })
    },

    *write(report) {
      let created = 0
      let updated = 0
      let rows = 0
      for (const [number, g] of groups) {
        yield rows
        rows += g.rows
        // Its rows are already reported and the import rolls back: writing it would only repeat the reasons.
        if (g.bad) continue
        let line = g.firstLine
        let fieldOf = headerFieldOf
        try {
          const id = byNumber.get(number) as number | undefined
          const current = id === undefined ? null : loadAgreement(ctx.db, id)
          const objects = relations(current, g)
          let agreement: AgreementRow
          if (current) {
            const {
              id: _i,
              version,
              number: _n,
              customerName: _c,
              groupName: _g,
              isTemplate: _t,
              lineCount: _l,
              templateGroupName: _tg,
              lines: _ls,
              ...base
            } = current
            const input = contract['agreements.update'].input.parse({
              ...base,
              tasks: current.tasks.map(({ id, internalNote, externalNote }) => ({ id, internalNote, externalNote })),
              ...g.header,
              objects,
              id: current.id,
              version
            })
            agreement = updateAgreement(ctx, input)
            updated++
          } else {
            agreement = createAgreement(ctx, contract['agreements.create'].input.parse({ ...g.header, objects }), number)
            created++
          }
          fieldOf = lineFieldOf
          const old = agreement.lines
          g.lines.forEach((l, n) => {
            line = l.line
            const existing = old[n]
            if (existing) updateAgreementLine(ctx, { ...l.input, id: existing.id, version: existing.version })
            else addAgreementLine(ctx, { ...l.input, agreementId: agreement.id })
          })
          line = g.firstLine
          for (const extra of old.slice(g.lines.length)) deleteAgreementLine(ctx, { id: extra.id, version: extra.version })
        } catch (e) {
          // The service's own transaction (a savepoint here) has undone the write; the reason goes to the list.
          if (!(e instanceof AppError)) throw e
          const issues = e.issues ?? []
          if (issues.length === 0) report(line, null, e.key, e.params)
          for (const i of issues) report(line, fieldOf(i.path), i.code, i.params ?? {})
        }
      }
      return { created, updated }
    }
  }
}

/** The agreement's objects: the ones it has (with their notes) and those the file's lines name. */
function relations(current: AgreementRow | null, g: AgreementGroup) {
  const objects = (current?.objects ?? []).map(({ id, internalNote, externalNote }) => ({ id, internalNote, externalNote }))
  for (const { input } of g.lines) {
    const id = input.serviceObjectId
    if (id !== null && !objects.some((o) => o.id === id)) objects.push({ id, internalNote: '', externalNote: '' })
  }
  return objects
}

const FIELD_SET = new Set<string>(IMPORT_FIELD_NAMES)
function fieldName(head: unknown): ImportFieldName | null {
  return typeof head === 'string' && FIELD_SET.has(head) ? (head as ImportFieldName) : null
}

export const IMPORT_ADAPTERS: Record<ImportKind, (ctx: ServiceContext) => ImportAdapter | GroupedImport> = {
  customers,
  serviceObjects,
  items,
  workers,
  agreements: agreementsImport
}
