import { and, eq, inArray, lte, min, ne, or, sql } from 'drizzle-orm'
import { can } from '@shared/auth/roles'
import type { ParsedInput } from '@shared/api/contract'
import type { StructureDiffRow, StructureRow, StructureVersionRow } from '@shared/domain/repair'
import {
  type BomChange,
  type BomChangeKind,
  type BomComponent,
  descendants,
  diff,
  structureAsOf,
  treeOrder,
  wouldCycle
} from '@shared/domain/serviceBom'
import { dayEnd } from '@shared/time'
import type { Db } from '../../db/connection'
import {
  bomTemplateComponents,
  bomTemplates,
  items,
  objectStructures,
  repairLines,
  serviceObjects,
  serviceOrderLines,
  serviceOrderObjects,
  serviceOrders,
  structureComponents,
  structureVersions,
  users
} from '../../db/schema'
import { requireUser, type ServiceContext } from '../core/context'
import { AppError, conflict, forbidden, invalid, notFound } from '../core/errors'
import { writeTx } from '../core/tx'
import { requireOrderAccess } from '../orders/access'
import { addLine } from '../orders/edit'
import { orderRecord, requireOpenOrder } from '../orders/write'
import { loadSettings } from '../settings/settings'
import { attachedTemplate } from './templates'

type ComponentRecord = typeof structureComponents.$inferSelect

function requireObject(db: Db, id: number): void {
  if (!db.select({ id: serviceObjects.id }).from(serviceObjects).where(eq(serviceObjects.id, id)).get()) throw notFound('serviceObject')
}

function itemInfo(db: Db, id: number) {
  const item = db.select().from(items).where(eq(items.id, id)).get()
  if (!item) throw invalid(['itemId'], 'errors.choose.item')
  return item
}

function rowsOf(db: Db, components: BomComponent[] | ComponentRecord[]): StructureRow['components'] {
  const itemIds = [...new Set(components.map((c) => c.itemId))]
  const info = new Map(itemIds.map((id) => [id, db.select().from(items).where(eq(items.id, id)).get()!]))
  return treeOrder(components).map(({ node, depth }) => {
    const item = info.get(node.itemId)!
    return {
      id: node.id,
      parentId: node.parentId,
      itemId: node.itemId,
      itemNumber: item.number,
      itemName: item.name,
      quantity: node.quantity,
      unit: node.unit,
      position: node.position,
      serial: node.serial,
      serialTracked: item.serialTracked,
      depth,
      version: 'version' in node ? (node as ComponentRecord).version : 0
    }
  })
}

function changesOf(db: Db, serviceObjectId: number, until?: number): BomChange[] {
  return db
    .select()
    .from(structureVersions)
    .where(and(eq(structureVersions.serviceObjectId, serviceObjectId), until === undefined ? undefined : lte(structureVersions.at, until)))
    .orderBy(structureVersions.at, structureVersions.id)
    .all()
    .map((v) => ({ ...v, seq: v.id, kind: v.kind as BomChangeKind }))
}

/** The instant "as of" a date means: the end of that day in the shop's time zone. */
function endOf(db: Db, date: string): number {
  return dayEnd(date, loadSettings(db).timeZone) - 1
}

function loadStructure(db: Db, serviceObjectId: number, asOf: string | null): StructureRow {
  requireObject(db, serviceObjectId)
  const template = attachedTemplate(db, serviceObjectId)
  const components =
    asOf === null
      ? db.select().from(structureComponents).where(eq(structureComponents.serviceObjectId, serviceObjectId)).all()
      : [...structureAsOf(changesOf(db, serviceObjectId), endOf(db, asOf)).values()]
  return {
    serviceObjectId,
    templateId: template?.templateId ?? null,
    templateNumber: template?.number ?? null,
    asOf,
    components: rowsOf(db, components)
  }
}

export function getStructure(ctx: ServiceContext, i: ParsedInput<'structures.get'>): StructureRow {
  return loadStructure(ctx.db, i.serviceObjectId, i.asOf)
}

export function structureDiff(ctx: ServiceContext, i: ParsedInput<'structures.diff'>): StructureDiffRow[] {
  requireObject(ctx.db, i.serviceObjectId)
  const changes = changesOf(ctx.db, i.serviceObjectId)
  const a = structureAsOf(changes, endOf(ctx.db, i.from))
  const b = structureAsOf(changes, endOf(ctx.db, i.to))
  const itemName = (id: number) => ctx.db.select({ n: items.name }).from(items).where(eq(items.id, id)).get()?.n ?? ''
  return diff(a, b).map((d) => {
    const before = d.kind === 'added' ? null : d.kind === 'removed' ? d.component : d.before
    const after = d.kind === 'removed' ? null : d.kind === 'added' ? d.component : d.after
    return {
      componentId: (after ?? before)!.id,
      change: d.kind,
      position: (after ?? before)!.position,
      itemBefore: before ? itemName(before.itemId) : null,
      itemAfter: after ? itemName(after.itemId) : null,
      serialBefore: before?.serial ?? null,
      serialAfter: after?.serial ?? null,
      fields: d.kind === 'changed' ? d.fields : []
    }
  })
}

/**
 * Every change of an object's structure, oldest first — with the earlier versions of components that came
 * from another object (a structure moved here keeps its component ids), each marked with the object it was on
 * and when it arrived here. The other object's `remove` of the move is left out: the `add` here says it.
 */
export function structureHistory(ctx: ServiceContext, i: { serviceObjectId: number }): StructureVersionRow[] {
  requireObject(ctx.db, i.serviceObjectId)
  const arrivals = ctx.db
    .select({ componentId: structureVersions.componentId, firstId: min(structureVersions.id), at: min(structureVersions.at) })
    .from(structureVersions)
    .where(eq(structureVersions.serviceObjectId, i.serviceObjectId))
    .groupBy(structureVersions.componentId)
    .all()
  const arrival = new Map(arrivals.map((a) => [a.componentId, { firstId: a.firstId!, at: a.at! }]))
  const rows = ctx.db
    .select({
      id: structureVersions.id,
      componentId: structureVersions.componentId,
      serviceObjectId: structureVersions.serviceObjectId,
      objectNumber: serviceObjects.number,
      kind: structureVersions.kind,
      position: structureVersions.position,
      itemId: structureVersions.itemId,
      oldItemId: structureVersions.oldItemId,
      serial: structureVersions.serial,
      oldSerial: structureVersions.oldSerial,
      at: structureVersions.at,
      userName: users.displayName,
      orderNumber: serviceOrders.number,
      orderLineNo: serviceOrderLines.lineNo,
      note: structureVersions.note
    })
    .from(structureVersions)
    .innerJoin(serviceObjects, eq(serviceObjects.id, structureVersions.serviceObjectId))
    .leftJoin(users, eq(users.id, structureVersions.userId))
    .leftJoin(serviceOrderLines, eq(serviceOrderLines.id, structureVersions.orderLineId))
    .leftJoin(repairLines, eq(repairLines.id, structureVersions.repairLineId))
    .leftJoin(serviceOrders, eq(serviceOrders.id, sql`coalesce(${serviceOrderLines.orderId}, ${repairLines.orderId})`))
    .where(
      or(
        eq(structureVersions.serviceObjectId, i.serviceObjectId),
        arrivals.length === 0
          ? undefined
          : and(
              inArray(
                structureVersions.componentId,
                arrivals.map((a) => a.componentId)
              ),
              ne(structureVersions.serviceObjectId, i.serviceObjectId),
              ne(structureVersions.kind, 'remove')
            )
      )
    )
    .orderBy(structureVersions.at, structureVersions.id)
    .all()
  const name = (id: number | null) =>
    id === null ? null : (ctx.db.select({ n: items.name }).from(items).where(eq(items.id, id)).get()?.n ?? null)
  return rows
    .filter((r) => r.serviceObjectId === i.serviceObjectId || r.id < arrival.get(r.componentId)!.firstId)
    .map(({ itemId, oldItemId, kind, serviceObjectId, objectNumber, ...r }) => {
      const here = serviceObjectId === i.serviceObjectId
      return {
        ...r,
        kind: kind as BomChangeKind,
        itemName: name(itemId) ?? '',
        oldItemName: name(oldItemId),
        formerObjectNumber: here ? null : objectNumber,
        formerUntil: here ? null : arrival.get(r.componentId)!.at
      }
    })
}

/* ---------------- changes ---------------- */

interface Cause {
  orderId: number | null
  repairLineId: number | null
  note: string
}

/**
 * Who may change an object's structure and on whose account: office users anywhere; a technician only for
 * an object on one of their open orders, named as the cause. A named repair line must be on that order and
 * for that object.
 */
function checkCause(ctx: ServiceContext, serviceObjectId: number, c: Cause): void {
  const user = requireUser(ctx)
  const office = can(user.roles, 'serviceObjects.write')
  if (c.orderId === null) {
    if (!office) throw forbidden('errors.repair.orderNeeded')
    if (c.repairLineId !== null) throw invalid(['orderId'], 'errors.repair.orderNeeded')
    return
  }
  requireOrderAccess(ctx, c.orderId)
  requireOpenOrder(ctx.db, orderRecord(ctx.db, c.orderId), 'orderId')
  const related = ctx.db
    .select({ id: serviceOrderObjects.serviceObjectId })
    .from(serviceOrderObjects)
    .where(and(eq(serviceOrderObjects.orderId, c.orderId), eq(serviceOrderObjects.serviceObjectId, serviceObjectId)))
    .get()
  if (!related) throw invalid(['orderId'], 'errors.repair.objectNotOnOrder')
  if (c.repairLineId !== null) {
    const line = ctx.db.select().from(repairLines).where(eq(repairLines.id, c.repairLineId)).get()
    if (!line || line.orderId !== c.orderId || line.serviceObjectId !== serviceObjectId)
      throw invalid(['repairLineId'], 'errors.repair.lineOfOtherOrder')
  }
}

function checkSerial(item: typeof items.$inferSelect, serial: string): void {
  if (item.serialTracked && serial === '') throw invalid(['serial'], 'errors.repair.serialNeeded', { item: item.name })
  if (!item.serialTracked && serial !== '') throw invalid(['serial'], 'errors.repair.notSerialTracked', { item: item.name })
}

function writeVersion(
  ctx: ServiceContext,
  kind: BomChangeKind,
  c: ComponentRecord,
  old: { itemId: number | null; serial: string },
  cause: Cause & { orderLineId?: number | null; returnLineId?: number | null }
): void {
  ctx.db
    .insert(structureVersions)
    .values({
      serviceObjectId: c.serviceObjectId,
      componentId: c.id,
      kind,
      parentId: c.parentId,
      itemId: c.itemId,
      quantity: c.quantity,
      unit: c.unit,
      position: c.position,
      serial: c.serial,
      oldItemId: old.itemId,
      oldSerial: old.serial,
      at: ctx.now(),
      userId: ctx.user?.id ?? null,
      orderLineId: cause.orderLineId ?? null,
      repairLineId: cause.repairLineId,
      returnLineId: cause.returnLineId ?? null,
      note: cause.note
    })
    .run()
}

function insertComponent(
  ctx: ServiceContext,
  serviceObjectId: number,
  c: { parentId: number | null; itemId: number; quantity: number; unit: string; position: string; serial: string },
  cause: Cause
): ComponentRecord {
  const row = ctx.db
    .insert(structureComponents)
    .values({ serviceObjectId, ...c })
    .returning()
    .get()
  writeVersion(ctx, 'add', row, { itemId: null, serial: '' }, cause)
  return row
}

function componentFor(ctx: ServiceContext, id: number, version: number): ComponentRecord {
  const c = ctx.db.select().from(structureComponents).where(eq(structureComponents.id, id)).get()
  if (!c) throw notFound('structureComponent')
  if (c.version !== version) throw conflict('structureComponent')
  return c
}

/**
 * Makes the object's own structure from a template: one template per object, and only onto an object without
 * a structure (its history would otherwise mix two origins). Each copied component is an `add` version.
 */
export function attachTemplate(ctx: ServiceContext, i: ParsedInput<'structures.attach'>): StructureRow {
  return writeTx(ctx, () => {
    requireObject(ctx.db, i.serviceObjectId)
    const has =
      attachedTemplate(ctx.db, i.serviceObjectId) ??
      ctx.db
        .select({ id: structureComponents.id })
        .from(structureComponents)
        .where(eq(structureComponents.serviceObjectId, i.serviceObjectId))
        .get()
    if (has) throw invalid(['templateId'], 'errors.repair.alreadyStructured')
    if (!ctx.db.select({ id: bomTemplates.id }).from(bomTemplates).where(eq(bomTemplates.id, i.templateId)).get())
      throw invalid(['templateId'], 'errors.repair.chooseTemplate')
    const components = ctx.db.select().from(bomTemplateComponents).where(eq(bomTemplateComponents.templateId, i.templateId)).all()
    const idOf = new Map<number, number>()
    const cause = { orderId: null, repairLineId: null, note: '' }
    for (const { node } of treeOrder(components)) {
      const row = insertComponent(
        ctx,
        i.serviceObjectId,
        {
          parentId: node.parentId === null ? null : idOf.get(node.parentId)!,
          itemId: node.itemId,
          quantity: node.quantity,
          unit: node.unit,
          position: node.position,
          serial: ''
        },
        cause
      )
      idOf.set(node.id, row.id)
    }
    ctx.db
      .insert(objectStructures)
      .values({ serviceObjectId: i.serviceObjectId, templateId: i.templateId, attachedAt: ctx.now(), attachedBy: ctx.user?.id ?? null })
      .run()
    return loadStructure(ctx.db, i.serviceObjectId, null)
  })
}

export function addComponent(ctx: ServiceContext, i: ParsedInput<'structures.add'>): StructureRow {
  return writeTx(ctx, () => {
    requireObject(ctx.db, i.serviceObjectId)
    checkCause(ctx, i.serviceObjectId, i)
    if (i.parentId !== null) {
      const parent = ctx.db.select().from(structureComponents).where(eq(structureComponents.id, i.parentId)).get()
      if (!parent || parent.serviceObjectId !== i.serviceObjectId) throw invalid(['parentId'], 'errors.repair.unknownParent')
    }
    const item = itemInfo(ctx.db, i.itemId)
    checkSerial(item, i.serial)
    insertComponent(
      ctx,
      i.serviceObjectId,
      { parentId: i.parentId, itemId: i.itemId, quantity: i.quantity, unit: item.unit, position: i.position, serial: i.serial },
      i
    )
    return loadStructure(ctx.db, i.serviceObjectId, null)
  })
}

/** Removes a component with everything under it: each removed component gets its own version, deepest first. */
export function removeComponent(ctx: ServiceContext, i: ParsedInput<'structures.remove'>): StructureRow {
  return writeTx(ctx, () => {
    const c = componentFor(ctx, i.id, i.version)
    checkCause(ctx, c.serviceObjectId, i)
    const all = ctx.db.select().from(structureComponents).where(eq(structureComponents.serviceObjectId, c.serviceObjectId)).all()
    const byId = new Map(all.map((x) => [x.id, x]))
    for (const id of [...descendants(all, c.id), c.id]) {
      const x = byId.get(id)!
      writeVersion(ctx, 'remove', x, { itemId: x.itemId, serial: x.serial }, i)
      ctx.db.delete(structureComponents).where(eq(structureComponents.id, id)).run()
    }
    return loadStructure(ctx.db, c.serviceObjectId, null)
  })
}

/**
 * Replaces a component by a new part (same place in the tree). With `orderLine` the part — and labour, when a
 * category is named — becomes lines of the cause order through the orders module, so it is invoiced; the
 * version names the part's line.
 */
export function replaceComponent(ctx: ServiceContext, i: ParsedInput<'structures.replace'>): StructureRow {
  return writeTx(ctx, () => {
    const c = componentFor(ctx, i.id, i.version)
    checkCause(ctx, c.serviceObjectId, i)
    const item = itemInfo(ctx.db, i.itemId)
    checkSerial(item, i.serial)
    if (i.itemId === c.itemId && i.serial === c.serial) throw invalid(['serial'], 'errors.repair.nothingReplaced')
    let orderLineId: number | null = null
    if (i.orderLine) {
      if (i.orderId === null) throw invalid(['orderId'], 'errors.repair.orderNeeded')
      const base = {
        serviceObjectId: c.serviceObjectId,
        serviceTaskId: null,
        workerId: null,
        unitCost: null,
        unitPrice: null,
        scheduledDate: null,
        actualDate: null
      }
      const part = addLine(ctx, {
        ...base,
        orderId: i.orderId,
        type: 'item',
        description: '',
        categoryId: null,
        itemId: i.itemId,
        quantity: c.quantity,
        note: i.serial === '' ? '' : `S/N ${i.serial}`
      })
      orderLineId = part.lines.reduce((a, b) => (b.lineNo > a.lineNo ? b : a)).id
      if (i.labourCategoryId !== null && i.labourQuantity > 0) {
        addLine(ctx, {
          ...base,
          orderId: i.orderId,
          type: 'hour',
          description: '',
          categoryId: i.labourCategoryId,
          itemId: null,
          quantity: i.labourQuantity,
          note: ''
        })
      }
    } else if (i.labourCategoryId !== null) {
      throw invalid(['labourCategoryId'], 'errors.repair.labourWithoutLine')
    }
    const after = { ...c, itemId: i.itemId, serial: i.serial, unit: item.unit, version: c.version + 1 }
    ctx.db
      .update(structureComponents)
      .set({ itemId: after.itemId, serial: after.serial, unit: after.unit, version: after.version })
      .where(eq(structureComponents.id, c.id))
      .run()
    writeVersion(ctx, 'replace', after, { itemId: c.itemId, serial: c.serial }, { ...i, orderLineId })
    return loadStructure(ctx.db, c.serviceObjectId, null)
  })
}

export function setSerial(ctx: ServiceContext, i: ParsedInput<'structures.setSerial'>): StructureRow {
  return writeTx(ctx, () => {
    const c = componentFor(ctx, i.id, i.version)
    checkCause(ctx, c.serviceObjectId, i)
    checkSerial(itemInfo(ctx.db, c.itemId), i.serial)
    if (i.serial === c.serial) throw invalid(['serial'], 'errors.repair.nothingReplaced')
    const after = { ...c, serial: i.serial, version: c.version + 1 }
    ctx.db.update(structureComponents).set({ serial: after.serial, version: after.version }).where(eq(structureComponents.id, c.id)).run()
    writeVersion(ctx, 'serial', after, { itemId: c.itemId, serial: c.serial }, i)
    return loadStructure(ctx.db, c.serviceObjectId, null)
  })
}

export function moveComponent(ctx: ServiceContext, i: ParsedInput<'structures.move'>): StructureRow {
  return writeTx(ctx, () => {
    const c = componentFor(ctx, i.id, i.version)
    checkCause(ctx, c.serviceObjectId, i)
    const all = ctx.db.select().from(structureComponents).where(eq(structureComponents.serviceObjectId, c.serviceObjectId)).all()
    if (i.parentId !== null && !all.some((x) => x.id === i.parentId)) throw invalid(['parentId'], 'errors.repair.unknownParent')
    if (wouldCycle(all, c.id, i.parentId))
      throw new AppError('VALIDATION', 'errors.repair.bomCycle', { position: c.position }, [
        { path: ['parentId'], code: 'errors.repair.bomCycle', params: { position: c.position } }
      ])
    const after = { ...c, parentId: i.parentId, version: c.version + 1 }
    ctx.db
      .update(structureComponents)
      .set({ parentId: after.parentId, version: after.version })
      .where(eq(structureComponents.id, c.id))
      .run()
    writeVersion(ctx, 'move', after, { itemId: c.itemId, serial: c.serial }, i)
    return loadStructure(ctx.db, c.serviceObjectId, null)
  })
}

/**
 * Moves an object's whole structure to another object that has none. Components keep their ids (their identity
 * across versions); the source gets a `remove` version for each (deepest first) and the target an `add` version
 * (tree order) at the same instant, so both objects' as-of answers for earlier dates stay as they were. The
 * template link moves with the structure.
 */
export function transferStructure(ctx: ServiceContext, i: ParsedInput<'structures.transfer'>): StructureRow {
  return writeTx(ctx, () => {
    requireObject(ctx.db, i.serviceObjectId)
    if (i.toObjectId === i.serviceObjectId) throw invalid(['toObjectId'], 'errors.repair.sameObject')
    if (!ctx.db.select({ id: serviceObjects.id }).from(serviceObjects).where(eq(serviceObjects.id, i.toObjectId)).get())
      throw invalid(['toObjectId'], 'errors.repair.chooseObject')
    const taken =
      attachedTemplate(ctx.db, i.toObjectId) ??
      ctx.db
        .select({ id: structureComponents.id })
        .from(structureComponents)
        .where(eq(structureComponents.serviceObjectId, i.toObjectId))
        .get()
    if (taken) throw invalid(['toObjectId'], 'errors.repair.alreadyStructured')
    const all = ctx.db.select().from(structureComponents).where(eq(structureComponents.serviceObjectId, i.serviceObjectId)).all()
    if (all.length === 0) throw invalid(['serviceObjectId'], 'errors.repair.noStructure')
    const cause = { orderId: null, repairLineId: null, note: i.note }
    const ordered = treeOrder(all).map(({ node }) => node)
    for (const c of [...ordered].reverse()) writeVersion(ctx, 'remove', c, { itemId: c.itemId, serial: c.serial }, cause)
    for (const c of ordered) {
      const moved = ctx.db
        .update(structureComponents)
        .set({ serviceObjectId: i.toObjectId, version: sql`${structureComponents.version} + 1` })
        .where(eq(structureComponents.id, c.id))
        .returning()
        .get()
      writeVersion(ctx, 'add', moved, { itemId: null, serial: '' }, cause)
    }
    ctx.db
      .update(objectStructures)
      .set({ serviceObjectId: i.toObjectId })
      .where(eq(objectStructures.serviceObjectId, i.serviceObjectId))
      .run()
    return loadStructure(ctx.db, i.toObjectId, null)
  })
}
