import { and, eq, ne, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type { BomTemplateDetail, BomTemplateRow } from '@shared/domain/repair'
import { treeOrder, wouldCycle } from '@shared/domain/serviceBom'
import type { Db } from '../../db/connection'
import { bomTemplateComponents, bomTemplates, items, objectStructures, serviceObjects, structureComponents } from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { AppError, conflict, invalid, notFound } from '../core/errors'
import { contains, iterateList, type ListSpec, listPage, outer, whereAll } from '../core/list'
import { writeTx } from '../core/tx'

const selection = {
  id: bomTemplates.id,
  version: bomTemplates.version,
  number: bomTemplates.number,
  name: bomTemplates.name,
  itemId: bomTemplates.itemId,
  itemName: sql<string | null>`(select i.name from items i where i.id = ${outer(bomTemplates.itemId)})`,
  componentCount: sql<number>`(select count(*) from bom_template_components c where c.template_id = ${outer(bomTemplates.id)})`,
  attachedCount: sql<number>`(select count(*) from object_structures s where s.template_id = ${outer(bomTemplates.id)})`
}

const listSpec: ListSpec<typeof selection, BomTemplateRow> = {
  table: bomTemplates,
  idColumn: bomTemplates.id,
  selection,
  sort: { number: bomTemplates.number, name: bomTemplates.name },
  defaultSort: 'number',
  toRow: (r) => r
}

const where = (f: ParsedInput<'bomTemplates.list'>) =>
  whereAll([
    f.q ? sql`(${contains(bomTemplates.number, f.q)} or ${contains(bomTemplates.name, f.q)})` : undefined,
    f.itemId === null ? undefined : eq(bomTemplates.itemId, f.itemId)
  ])

export function listTemplates(ctx: ServiceContext, f: ParsedInput<'bomTemplates.list'>): Page<BomTemplateRow> {
  return listPage(ctx.db, listSpec, f, where(f))
}
export function iterateTemplates(ctx: ServiceContext, f: ParsedInput<'bomTemplates.list'>): Iterable<BomTemplateRow> {
  return iterateList(ctx.db, listSpec, f, where(f))
}

function loadTemplate(db: Db, id: number): BomTemplateDetail {
  const row = db.select(selection).from(bomTemplates).where(eq(bomTemplates.id, id)).get()
  if (!row) throw notFound('bomTemplate')
  const components = db
    .select({
      id: bomTemplateComponents.id,
      parentId: bomTemplateComponents.parentId,
      itemId: bomTemplateComponents.itemId,
      itemNumber: items.number,
      itemName: items.name,
      quantity: bomTemplateComponents.quantity,
      unit: bomTemplateComponents.unit,
      position: bomTemplateComponents.position
    })
    .from(bomTemplateComponents)
    .innerJoin(items, eq(items.id, bomTemplateComponents.itemId))
    .where(eq(bomTemplateComponents.templateId, id))
    .all()
  return { ...row, components: treeOrder(components).map((n) => ({ ...n.node, depth: n.depth })) }
}

export function getTemplate(ctx: ServiceContext, i: { id: number }): BomTemplateDetail {
  return loadTemplate(ctx.db, i.id)
}

type ComponentIn = ParsedInput<'bomTemplates.create'>['components'][number]

/** Keys unique, parents among them, no component its own ancestor, items that exist. */
function checkComponents(db: Db, components: ComponentIn[]): void {
  const keys = new Set<number>()
  components.forEach((c, n) => {
    if (keys.has(c.key)) throw invalid(['components', n, 'key'], 'errors.repair.duplicateKey')
    keys.add(c.key)
  })
  const links = components.map((c) => ({ id: c.key, parentId: c.parentKey }))
  components.forEach((c, n) => {
    if (c.parentKey !== null && !keys.has(c.parentKey)) throw invalid(['components', n, 'parentKey'], 'errors.repair.unknownParent')
    if (wouldCycle(links, c.key, c.parentKey))
      throw invalid(['components', n, 'parentKey'], 'errors.repair.bomCycle', { position: c.position })
    if (!db.select({ id: items.id }).from(items).where(eq(items.id, c.itemId)).get())
      throw invalid(['components', n, 'itemId'], 'errors.choose.item')
  })
}

function writeComponents(db: Db, templateId: number, components: ComponentIn[]): void {
  const idOf = new Map<number, number>()
  const ordered = treeOrder(components.map((c) => ({ ...c, id: c.key, parentId: c.parentKey })))
  for (const { node } of ordered) {
    const row = db
      .insert(bomTemplateComponents)
      .values({
        templateId,
        parentId: node.parentKey === null ? null : idOf.get(node.parentKey)!,
        itemId: node.itemId,
        quantity: node.quantity,
        unit: node.unit,
        position: node.position
      })
      .returning({ id: bomTemplateComponents.id })
      .get()
    idOf.set(node.key, row.id)
  }
}

function checkHeader(db: Db, i: { number: string; itemId: number | null }, id: number | null): void {
  const twin = db
    .select({ id: bomTemplates.id })
    .from(bomTemplates)
    .where(and(eq(bomTemplates.number, i.number), id === null ? undefined : ne(bomTemplates.id, id)))
    .get()
  if (twin) throw invalid(['number'], 'errors.repair.duplicateTemplate', { number: i.number })
  if (i.itemId !== null && !db.select({ id: items.id }).from(items).where(eq(items.id, i.itemId)).get())
    throw invalid(['itemId'], 'errors.choose.item')
}

function insertTemplate(ctx: ServiceContext, i: ParsedInput<'bomTemplates.create'>): BomTemplateDetail {
  checkHeader(ctx.db, i, null)
  checkComponents(ctx.db, i.components)
  const row = ctx.db
    .insert(bomTemplates)
    .values({ number: i.number, name: i.name, itemId: i.itemId, createdAt: ctx.now() })
    .returning({ id: bomTemplates.id })
    .get()
  writeComponents(ctx.db, row.id, i.components)
  const after = loadTemplate(ctx.db, row.id)
  audit(ctx, 'bomTemplate', row.id, 'create', null, after)
  return after
}

export function createTemplate(ctx: ServiceContext, i: ParsedInput<'bomTemplates.create'>): BomTemplateDetail {
  return writeTx(ctx, () => insertTemplate(ctx, i))
}

/** Once attached, a template is what objects were built from: it is kept as it was (edit the object's own). */
function requireUnattached(before: BomTemplateDetail): void {
  if (before.attachedCount > 0)
    throw new AppError('VALIDATION', 'errors.repair.templateAttached', { number: before.number, count: before.attachedCount })
}

export function updateTemplate(ctx: ServiceContext, i: ParsedInput<'bomTemplates.update'>): BomTemplateDetail {
  return writeTx(ctx, () => {
    const before = loadTemplate(ctx.db, i.id)
    if (before.version !== i.version) throw conflict('bomTemplate')
    requireUnattached(before)
    checkHeader(ctx.db, i, i.id)
    checkComponents(ctx.db, i.components)
    ctx.db
      .update(bomTemplates)
      .set({ number: i.number, name: i.name, itemId: i.itemId, version: i.version + 1 })
      .where(eq(bomTemplates.id, i.id))
      .run()
    // Children before parents: the parent references would refuse a plain delete in the other order.
    ctx.db.update(bomTemplateComponents).set({ parentId: null }).where(eq(bomTemplateComponents.templateId, i.id)).run()
    ctx.db.delete(bomTemplateComponents).where(eq(bomTemplateComponents.templateId, i.id)).run()
    writeComponents(ctx.db, i.id, i.components)
    const after = loadTemplate(ctx.db, i.id)
    audit(ctx, 'bomTemplate', i.id, 'update', before, after)
    return after
  })
}

export function deleteTemplate(ctx: ServiceContext, i: { id: number; version: number }): { id: number } {
  return writeTx(ctx, () => {
    const before = loadTemplate(ctx.db, i.id)
    if (before.version !== i.version) throw conflict('bomTemplate')
    requireUnattached(before)
    ctx.db.update(bomTemplateComponents).set({ parentId: null }).where(eq(bomTemplateComponents.templateId, i.id)).run()
    ctx.db.delete(bomTemplateComponents).where(eq(bomTemplateComponents.templateId, i.id)).run()
    ctx.db.delete(bomTemplates).where(eq(bomTemplates.id, i.id)).run()
    audit(ctx, 'bomTemplate', i.id, 'delete', before, null)
    return { id: i.id }
  })
}

/** A new template from another template or from an object's current structure (exactly one source). */
export function copyTemplate(ctx: ServiceContext, i: ParsedInput<'bomTemplates.copy'>): BomTemplateDetail {
  return writeTx(ctx, () => {
    if ((i.fromTemplateId === null) === (i.fromObjectId === null)) throw invalid(['fromTemplateId'], 'errors.repair.oneSource')
    let itemId: number | null
    let source: { id: number; parentId: number | null; itemId: number; quantity: number; unit: string; position: string }[]
    if (i.fromTemplateId !== null) {
      const t = loadTemplate(ctx.db, i.fromTemplateId)
      itemId = t.itemId
      source = t.components
    } else {
      const obj = ctx.db.select({ itemId: serviceObjects.itemId }).from(serviceObjects).where(eq(serviceObjects.id, i.fromObjectId!)).get()
      if (!obj) throw invalid(['fromObjectId'], 'errors.repair.chooseObject')
      itemId = obj.itemId
      source = ctx.db.select().from(structureComponents).where(eq(structureComponents.serviceObjectId, i.fromObjectId!)).all()
    }
    const components = source.map((c) => ({
      key: c.id,
      parentKey: c.parentId,
      itemId: c.itemId,
      quantity: c.quantity,
      unit: c.unit,
      position: c.position
    }))
    return insertTemplate(ctx, { number: i.number, name: i.name, itemId, components })
  })
}

/** Whether an object's structure came from a template, and which. */
export function attachedTemplate(db: Db, serviceObjectId: number) {
  return db
    .select({ templateId: objectStructures.templateId, number: bomTemplates.number })
    .from(objectStructures)
    .leftJoin(bomTemplates, eq(bomTemplates.id, objectStructures.templateId))
    .where(eq(objectStructures.serviceObjectId, serviceObjectId))
    .get()
}
