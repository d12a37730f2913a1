import { and, asc, eq, inArray, max, or, type SQL, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { can } from '@shared/auth/roles'
import type { Page } from '@shared/api/common'
import type { AgreementLineRow, AgreementListRow, AgreementRow } from '@shared/domain/agreements'
import type { Db } from '../../db/connection'
import {
  agreementGroups,
  agreementLines,
  agreementObjects,
  agreementOccurrences,
  agreements,
  agreementTasks,
  categories,
  customerContacts,
  customers,
  items,
  serviceIntervals,
  serviceObjects,
  serviceOrders,
  serviceTasks,
  templateGroups,
  timeWindows,
  workers
} from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { AppError, invalid, notFound } from '../core/errors'
import { requireVersion } from '../core/stale'
import { contains, iterateList, type JoinableQuery, listPage, outer, whereAll } from '../core/list'
import { nextNumber } from '../core/sequences'
import { writeTx } from '../core/tx'
import { lineDefaults } from '../orders/edit'
import { checkSlaRef } from '../sla/definitions'
import { DEFAULT_INTERVALS, DEFAULT_WINDOWS } from './setup'

type Header = ParsedInput<'agreements.create'>
type LineIn = ParsedInput<'agreements.addLine'>

const listSelection = {
  id: agreements.id,
  version: agreements.version,
  number: agreements.number,
  customerId: agreements.customerId,
  customerName: sql<string>`${customers.name}`,
  description: agreements.description,
  groupId: agreements.groupId,
  groupName: sql<string>`${agreementGroups.name}`,
  startDate: agreements.startDate,
  endDate: agreements.endDate,
  suspended: agreements.suspended,
  isTemplate: sql<boolean>`${agreements.templateGroupId} is not null`.mapWith(Boolean),
  lineCount: sql<number>`(select count(*) from agreement_lines l where l.agreement_id = ${outer(agreements.id)})`,
  combineRule: sql<AgreementListRow['combineRule']>`${agreements.combineRule}`
}

const joins = (q: JoinableQuery) =>
  q.innerJoin(customers, eq(customers.id, agreements.customerId)).innerJoin(agreementGroups, eq(agreementGroups.id, agreements.groupId))

const spec = {
  table: agreements,
  idColumn: agreements.id,
  selection: listSelection,
  joins,
  sort: {
    number: agreements.number,
    customerName: customers.name,
    startDate: agreements.startDate,
    endDate: agreements.endDate,
    groupName: agreementGroups.name
  },
  defaultSort: 'number',
  toRow: (r: AgreementListRow) => r
}

type ListIn = ParsedInput<'agreements.list'>
function listWhere(i: ListIn): SQL | undefined {
  const today = new Date().toISOString().slice(0, 10)
  const status: Record<string, SQL> = {
    active: sql`${agreements.templateGroupId} is null and ${agreements.suspended} = 0 and (${agreements.endDate} is null or ${agreements.endDate} >= ${today})`,
    suspended: sql`${agreements.suspended} = 1`,
    template: sql`${agreements.templateGroupId} is not null`,
    ended: sql`${agreements.endDate} < ${today}`
  }
  return whereAll([
    i.q ? or(contains(agreements.number, i.q), contains(agreements.description, i.q), contains(customers.name, i.q)) : undefined,
    i.customerId === null ? undefined : eq(agreements.customerId, i.customerId),
    i.groupId === null ? undefined : eq(agreements.groupId, i.groupId),
    i.status === null ? undefined : status[i.status],
    i.activeOn === null
      ? undefined
      : sql`${agreements.startDate} <= ${i.activeOn} and (${agreements.endDate} is null or ${agreements.endDate} >= ${i.activeOn})`
  ])
}

export function listAgreements(ctx: ServiceContext, i: ListIn): Page<AgreementListRow> {
  return listPage(ctx.db, spec, i, listWhere(i))
}

export function iterateAgreements(ctx: ServiceContext, i: ListIn): Iterable<AgreementListRow> {
  return iterateList(ctx.db, spec, i, listWhere(i))
}

export function loadAgreementLines(db: Db, agreementId: number): AgreementLineRow[] {
  return db
    .select({
      id: agreementLines.id,
      version: agreementLines.version,
      agreementId: agreementLines.agreementId,
      lineNo: agreementLines.lineNo,
      type: sql<AgreementLineRow['type']>`${agreementLines.type}`,
      description: agreementLines.description,
      serviceObjectId: agreementLines.serviceObjectId,
      serviceObjectName: sql<string | null>`${serviceObjects.number} || ' ' || ${serviceObjects.name}`,
      serviceTaskId: agreementLines.serviceTaskId,
      serviceTaskName: sql<string | null>`${serviceTasks.name}`,
      intervalId: agreementLines.intervalId,
      intervalName: sql<string | null>`${serviceIntervals.name}`,
      timeWindowId: agreementLines.timeWindowId,
      timeWindowName: sql<string | null>`${timeWindows.name}`,
      startDate: agreementLines.startDate,
      endDate: agreementLines.endDate,
      startAfter: agreementLines.startAfter,
      endBefore: agreementLines.endBefore,
      quantity: agreementLines.quantity,
      itemId: agreementLines.itemId,
      itemName: sql<string | null>`${items.number} || ' ' || ${items.name}`,
      categoryId: agreementLines.categoryId,
      categoryName: sql<string | null>`${categories.name}`,
      unitPrice: agreementLines.unitPrice,
      workerId: agreementLines.workerId,
      workerName: sql<string | null>`${workers.name}`,
      stopped: agreementLines.stopped,
      note: agreementLines.note,
      generatedCount: sql<number>`(select count(*) from agreement_occurrences o where o.agreement_line_id = ${outer(agreementLines.id)})`
    })
    .from(agreementLines)
    .leftJoin(serviceObjects, eq(serviceObjects.id, agreementLines.serviceObjectId))
    .leftJoin(serviceTasks, eq(serviceTasks.id, agreementLines.serviceTaskId))
    .leftJoin(serviceIntervals, eq(serviceIntervals.id, agreementLines.intervalId))
    .leftJoin(timeWindows, eq(timeWindows.id, agreementLines.timeWindowId))
    .leftJoin(items, eq(items.id, agreementLines.itemId))
    .leftJoin(categories, eq(categories.id, agreementLines.categoryId))
    .leftJoin(workers, eq(workers.id, agreementLines.workerId))
    .where(eq(agreementLines.agreementId, agreementId))
    .orderBy(asc(agreementLines.lineNo))
    .all()
}

export function loadAgreement(db: Db, id: number): AgreementRow {
  const q = db
    .select({
      ...listSelection,
      preferredWorkerId: agreements.preferredWorkerId,
      responsibleWorkerId: agreements.responsibleWorkerId,
      contactId: agreements.contactId,
      templateGroupId: agreements.templateGroupId,
      templateGroupName: sql<string | null>`(select g.name from template_groups g where g.id = ${outer(agreements.templateGroupId)})`,
      slaId: agreements.slaId,
      notes: agreements.notes
    })
    .from(agreements)
    .$dynamic()
  const head = (joins(q as unknown as JoinableQuery) as unknown as typeof q).where(eq(agreements.id, id)).get()
  if (!head) throw notFound('agreement')
  const objects = db
    .select({
      id: serviceObjects.id,
      number: serviceObjects.number,
      name: serviceObjects.name,
      serialNumber: serviceObjects.serialNumber,
      internalNote: agreementObjects.internalNote,
      externalNote: agreementObjects.externalNote
    })
    .from(agreementObjects)
    .innerJoin(serviceObjects, eq(serviceObjects.id, agreementObjects.serviceObjectId))
    .where(eq(agreementObjects.agreementId, id))
    .orderBy(asc(serviceObjects.number))
    .all()
  const tasks = db
    .select({
      id: serviceTasks.id,
      code: serviceTasks.code,
      name: serviceTasks.name,
      internalNote: agreementTasks.internalNote,
      externalNote: agreementTasks.externalNote
    })
    .from(agreementTasks)
    .innerJoin(serviceTasks, eq(serviceTasks.id, agreementTasks.serviceTaskId))
    .where(eq(agreementTasks.agreementId, id))
    .orderBy(asc(serviceTasks.code))
    .all()
  return { ...head, objects, tasks, lines: loadAgreementLines(db, id) }
}

export function getAgreement(ctx: ServiceContext, i: { id: number }): AgreementRow {
  return loadAgreement(ctx.db, i.id)
}

function record(db: Db, id: number) {
  const a = db.select().from(agreements).where(eq(agreements.id, id)).get()
  if (!a) throw notFound('agreement')
  return a
}

function exists(db: Db, table: typeof workers | typeof serviceTasks | typeof agreementGroups | typeof templateGroups, id: number): boolean {
  return db.select({ id: table.id }).from(table).where(eq(table.id, id)).get() !== undefined
}

function validateHeader(db: Db, h: Header): void {
  if (!db.select({ id: customers.id }).from(customers).where(eq(customers.id, h.customerId)).get())
    throw invalid(['customerId'], 'errors.choose.customer')
  if (!exists(db, agreementGroups, h.groupId)) throw invalid(['groupId'], 'errors.choose.agreementGroup')
  if (h.templateGroupId !== null && !exists(db, templateGroups, h.templateGroupId))
    throw invalid(['templateGroupId'], 'errors.choose.templateGroup')
  checkSlaRef(db, h.slaId, ['slaId'])
  for (const [field, w] of [
    ['preferredWorkerId', h.preferredWorkerId],
    ['responsibleWorkerId', h.responsibleWorkerId]
  ] as const) {
    if (w !== null && !exists(db, workers, w)) throw invalid([field], 'errors.choose.worker')
  }
  if (h.contactId !== null) {
    const c = db.select({ c: customerContacts.customerId }).from(customerContacts).where(eq(customerContacts.id, h.contactId)).get()
    if (!c || c.c !== h.customerId) throw invalid(['contactId'], 'errors.orders.contactOfCustomer')
  }
  h.objects.forEach((rel, n) => {
    const o = db.select({ c: serviceObjects.customerId }).from(serviceObjects).where(eq(serviceObjects.id, rel.id)).get()
    if (!o || o.c !== h.customerId) throw invalid(['objects', n, 'id'], 'errors.orders.objectOfCustomer')
  })
  h.tasks.forEach((rel, n) => {
    if (!exists(db, serviceTasks, rel.id)) throw invalid(['tasks', n, 'id'], 'errors.choose.serviceTask')
  })
}

function saveRelations(db: Db, agreementId: number, h: Pick<Header, 'objects' | 'tasks'>): void {
  db.delete(agreementObjects).where(eq(agreementObjects.agreementId, agreementId)).run()
  for (const r of h.objects)
    db.insert(agreementObjects)
      .values({ agreementId, serviceObjectId: r.id, internalNote: r.internalNote, externalNote: r.externalNote })
      .onConflictDoNothing()
      .run()
  db.delete(agreementTasks).where(eq(agreementTasks.agreementId, agreementId)).run()
  for (const r of h.tasks)
    db.insert(agreementTasks)
      .values({ agreementId, serviceTaskId: r.id, internalNote: r.internalNote, externalNote: r.externalNote })
      .onConflictDoNothing()
      .run()
}

const headerValues = (h: Header) => {
  const { objects: _o, tasks: _t, ...values } = h
  return values
}

/** `number`: the agreement's number in the system it comes from (the CSV import); else the next of the sequence. */
export function createAgreement(ctx: ServiceContext, h: Header, number?: string): AgreementRow {
  return writeTx(ctx, () => {
    validateHeader(ctx.db, h)
    const row = ctx.db
      .insert(agreements)
      .values({ ...headerValues(h), number: number ?? nextNumber(ctx.db, 'agreement') })
      .returning({ id: agreements.id })
      .get()
    saveRelations(ctx.db, row.id, h)
    const after = loadAgreement(ctx.db, row.id)
    audit(ctx, 'agreement', row.id, 'create', null, { ...after, lines: undefined })
    return after
  })
}

function hasOrders(db: Db, agreementId: number): boolean {
  return (
    db.select({ id: serviceOrders.id }).from(serviceOrders).where(eq(serviceOrders.agreementId, agreementId)).limit(1).get() !== undefined
  )
}

export function updateAgreement(ctx: ServiceContext, i: ParsedInput<'agreements.update'>): AgreementRow {
  return writeTx(ctx, () => {
    const a = record(ctx.db, i.id)
    requireVersion(ctx, a, i.version, 'agreement')
    const { id, version, ...h } = i
    validateHeader(ctx.db, h)
    if (h.customerId !== a.customerId && hasOrders(ctx.db, id)) throw invalid(['customerId'], 'errors.agreements.customerFixed')
    if (h.templateGroupId !== null && a.templateGroupId === null && hasOrders(ctx.db, id)) {
      throw invalid(['templateGroupId'], 'errors.agreements.noTemplate')
    }
    const removedObjects = loadAgreement(ctx.db, id).objects.filter((o) => !h.objects.some((r) => r.id === o.id))
    for (const o of removedObjects) {
      const used = ctx.db
        .select({ n: sql<number>`count(*)` })
        .from(agreementLines)
        .where(and(eq(agreementLines.agreementId, id), eq(agreementLines.serviceObjectId, o.id)))
        .get()!.n
      if (used > 0) throw invalid(['objects'], 'errors.agreements.objectUsed', { number: o.number, count: used })
    }
    const before = loadAgreement(ctx.db, id)
    ctx.db
      .update(agreements)
      .set({ ...headerValues(h), version: version + 1 })
      .where(eq(agreements.id, id))
      .run()
    saveRelations(ctx.db, id, h)
    const after = loadAgreement(ctx.db, id)
    audit(ctx, 'agreement', id, 'update', { ...before, lines: undefined }, { ...after, lines: undefined })
    return after
  })
}

export function deleteAgreement(ctx: ServiceContext, i: { id: number; version: number }): { id: number } {
  return writeTx(ctx, () => {
    const a = record(ctx.db, i.id)
    requireVersion(ctx, a, i.version, 'agreement')
    if (hasOrders(ctx.db, i.id)) throw new AppError('CONFLICT', 'errors.agreements.hasOrders', { number: a.number })
    const lineIds = ctx.db
      .select({ id: agreementLines.id })
      .from(agreementLines)
      .where(eq(agreementLines.agreementId, i.id))
      .all()
      .map((l) => l.id)
    if (lineIds.length > 0) ctx.db.delete(agreementOccurrences).where(inArray(agreementOccurrences.agreementLineId, lineIds)).run()
    ctx.db.delete(agreementLines).where(eq(agreementLines.agreementId, i.id)).run()
    ctx.db.delete(agreementObjects).where(eq(agreementObjects.agreementId, i.id)).run()
    ctx.db.delete(agreementTasks).where(eq(agreementTasks.agreementId, i.id)).run()
    ctx.db.delete(agreements).where(eq(agreements.id, i.id)).run()
    audit(ctx, 'agreement', i.id, 'delete', { number: a.number }, null)
    return { id: i.id }
  })
}

/* ---------- lines ---------- */

/** As on order lines: a price of its own (not the item's or category's) needs the price-override permission. */
function checkPrice(ctx: ServiceContext, unitPrice: number | null, current: number | null): void {
  if (unitPrice === null || unitPrice === current) return
  if (!ctx.user || !can(ctx.user.roles, 'prices.override')) {
    throw new AppError('FORBIDDEN', 'errors.agreements.priceOverride', {}, [{ path: ['unitPrice'], code: 'errors.notAllowedForRole' }])
  }
}

function lineValues(db: Db, agreementId: number, l: LineIn | ParsedInput<'agreements.updateLine'>) {
  const related = db
    .select({ id: agreementObjects.serviceObjectId })
    .from(agreementObjects)
    .where(eq(agreementObjects.agreementId, agreementId))
    .all()
  if (l.serviceObjectId !== null && !related.some((r) => r.id === l.serviceObjectId)) {
    throw invalid(['serviceObjectId'], 'errors.agreements.objectNotRelated')
  }
  if (l.serviceTaskId !== null && !exists(db, serviceTasks, l.serviceTaskId)) throw invalid(['serviceTaskId'], 'errors.choose.serviceTask')
  if (
    l.intervalId !== null &&
    !db.select({ id: serviceIntervals.id }).from(serviceIntervals).where(eq(serviceIntervals.id, l.intervalId)).get()
  ) {
    throw invalid(['intervalId'], 'errors.choose.interval')
  }
  if (l.timeWindowId !== null && !db.select({ id: timeWindows.id }).from(timeWindows).where(eq(timeWindows.id, l.timeWindowId)).get()) {
    throw invalid(['timeWindowId'], 'errors.choose.timeWindow')
  }
  if (l.workerId !== null && !exists(db, workers, l.workerId)) throw invalid(['workerId'], 'errors.choose.worker')
  // The same checks an order line gets, so that generation cannot fail on a line later.
  const d = lineDefaults(db, l)
  return {
    type: l.type,
    description: l.description || d.description,
    serviceObjectId: l.serviceObjectId,
    serviceTaskId: l.serviceTaskId,
    intervalId: l.intervalId,
    timeWindowId: l.timeWindowId,
    startDate: l.startDate,
    endDate: l.endDate,
    startAfter: l.startAfter,
    endBefore: l.endBefore,
    quantity: l.quantity,
    itemId: l.type === 'item' ? l.itemId : null,
    categoryId: l.type === 'item' ? null : l.categoryId,
    unitPrice: l.unitPrice,
    workerId: l.workerId,
    stopped: l.stopped,
    note: l.note
  }
}

function lineRecord(db: Db, id: number) {
  const l = db.select().from(agreementLines).where(eq(agreementLines.id, id)).get()
  if (!l) throw notFound('agreementLine')
  return l
}

export function addAgreementLine(ctx: ServiceContext, i: LineIn): AgreementRow {
  return writeTx(ctx, () => {
    record(ctx.db, i.agreementId)
    checkPrice(ctx, i.unitPrice, null)
    const values = lineValues(ctx.db, i.agreementId, i)
    const lineNo =
      (ctx.db
        .select({ n: max(agreementLines.lineNo) })
        .from(agreementLines)
        .where(eq(agreementLines.agreementId, i.agreementId))
        .get()?.n ?? 0) + 1
    const row = ctx.db
      .insert(agreementLines)
      .values({ ...values, agreementId: i.agreementId, lineNo })
      .returning({ id: agreementLines.id })
      .get()
    audit(ctx, 'agreementLine', row.id, 'create', null, values)
    return loadAgreement(ctx.db, i.agreementId)
  })
}

export function updateAgreementLine(ctx: ServiceContext, i: ParsedInput<'agreements.updateLine'>): AgreementRow {
  return writeTx(ctx, () => {
    const l = lineRecord(ctx.db, i.id)
    requireVersion(ctx, l, i.version, 'line', { lineNo: l.lineNo })
    checkPrice(ctx, i.unitPrice, l.unitPrice)
    const values = lineValues(ctx.db, l.agreementId, i)
    ctx.db
      .update(agreementLines)
      .set({ ...values, version: l.version + 1 })
      .where(eq(agreementLines.id, l.id))
      .run()
    audit(ctx, 'agreementLine', l.id, 'update', l, values)
    return loadAgreement(ctx.db, l.agreementId)
  })
}

export function deleteAgreementLine(ctx: ServiceContext, i: { id: number; version: number }): AgreementRow {
  return writeTx(ctx, () => {
    const l = lineRecord(ctx.db, i.id)
    requireVersion(ctx, l, i.version, 'line', { lineNo: l.lineNo })
    const made = ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(agreementOccurrences)
      .where(eq(agreementOccurrences.agreementLineId, l.id))
      .get()!.n
    if (made > 0) throw new AppError('CONFLICT', 'errors.agreements.lineProduced', { lineNo: l.lineNo, count: made })
    ctx.db.delete(agreementLines).where(eq(agreementLines.id, l.id)).run()
    audit(ctx, 'agreementLine', l.id, 'delete', l, null)
    return loadAgreement(ctx.db, l.agreementId)
  })
}

/** Copies the lines (not stopped) of a template or another agreement, with their object and task relations. */
export function copyAgreementLines(ctx: ServiceContext, i: ParsedInput<'agreements.copyLines'>): AgreementRow {
  return writeTx(ctx, () => {
    const target = record(ctx.db, i.id)
    const source = loadAgreement(ctx.db, i.fromAgreementId)
    if (source.id === target.id) throw invalid(['fromAgreementId'], 'errors.agreements.copyFromOther')
    const lines = ctx.db
      .select()
      .from(agreementLines)
      .where(and(eq(agreementLines.agreementId, source.id), eq(agreementLines.stopped, false)))
      .orderBy(asc(agreementLines.lineNo))
      .all()
    if (lines.length === 0) throw invalid(['fromAgreementId'], 'errors.agreements.noLinesToCopy', { number: source.number })
    const sameCustomer = source.customerId === target.customerId
    if (i.withRelations) {
      if (sameCustomer) {
        for (const o of source.objects)
          ctx.db
            .insert(agreementObjects)
            .values({ agreementId: target.id, serviceObjectId: o.id, internalNote: o.internalNote, externalNote: o.externalNote })
            .onConflictDoNothing()
            .run()
      }
      for (const t of source.tasks)
        ctx.db
          .insert(agreementTasks)
          .values({ agreementId: target.id, serviceTaskId: t.id, internalNote: t.internalNote, externalNote: t.externalNote })
          .onConflictDoNothing()
          .run()
    }
    const related = new Set(
      ctx.db
        .select({ id: agreementObjects.serviceObjectId })
        .from(agreementObjects)
        .where(eq(agreementObjects.agreementId, target.id))
        .all()
        .map((r) => r.id)
    )
    let lineNo =
      (ctx.db
        .select({ n: max(agreementLines.lineNo) })
        .from(agreementLines)
        .where(eq(agreementLines.agreementId, target.id))
        .get()?.n ?? 0) + 1
    for (const { id: _id, version: _v, agreementId: _a, lineNo: _n, ...l } of lines) {
      // A template's objects are someone else's equipment: the copy keeps the work, not the object.
      const objectId = l.serviceObjectId !== null && related.has(l.serviceObjectId) ? l.serviceObjectId : null
      ctx.db
        .insert(agreementLines)
        .values({
          ...l,
          serviceObjectId: objectId,
          agreementId: target.id,
          lineNo: lineNo++,
          startDate: l.startDate < target.startDate ? target.startDate : l.startDate
        })
        .run()
    }
    audit(ctx, 'agreement', target.id, 'update', null, { copiedLinesFrom: source.number, lines: lines.length })
    return loadAgreement(ctx.db, target.id)
  })
}

/** Seeds the usual intervals and time windows into a database that has none. */
export function ensureAgreementSetup(db: Db): void {
  if (
    db
      .select({ n: sql<number>`count(*)` })
      .from(serviceIntervals)
      .get()!.n === 0
  ) {
    for (const iv of DEFAULT_INTERVALS) db.insert(serviceIntervals).values(iv).run()
  }
  if (
    db
      .select({ n: sql<number>`count(*)` })
      .from(timeWindows)
      .get()!.n === 0
  ) {
    for (const w of DEFAULT_WINDOWS) db.insert(timeWindows).values(w).run()
  }
}
