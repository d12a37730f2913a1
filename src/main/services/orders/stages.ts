import { asc, eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { StageRow } from '@shared/domain/orders'
import { stageTreeProblem } from '@shared/domain/orderRules'
import type { Db } from '../../db/connection'
import { lifecycleSettings, serviceOrders, serviceStages, slaStages, stageHistory, stageReasons } from '../../db/schema'
import { AppError, invalid, type MessageKey } from '../core/errors'
import { outer } from '../core/list'
import { codeTable } from '../masterdata/codeTable'
import { defineEntity } from '../masterdata/entity'

const stageSelection = {
  id: serviceStages.id,
  version: serviceStages.version,
  code: serviceStages.code,
  name: serviceStages.name,
  parentId: serviceStages.parentId,
  parentName: sql<string | null>`(select p.name from service_stages p where p.id = ${outer(serviceStages.parentId)})`,
  sortOrder: serviceStages.sortOrder,
  canModify: serviceStages.canModify,
  canDelete: serviceStages.canDelete,
  canCancel: serviceStages.canCancel,
  canPost: serviceStages.canPost,
  reasonRequired: serviceStages.reasonRequired,
  stopsSlaClock: serviceStages.stopsSlaClock,
  requiresPlan: serviceStages.requiresPlan,
  waitsForParts: serviceStages.waitsForParts,
  orderCount: sql<number>`(select count(*) from service_orders o where o.stage_id = ${outer(serviceStages.id)})`
}

export type StageInfo = typeof serviceStages.$inferSelect

export function allStages(db: Db): StageInfo[] {
  return db.select().from(serviceStages).orderBy(asc(serviceStages.sortOrder), asc(serviceStages.id)).all()
}

export function initialStage(db: Db): StageInfo {
  const root = db
    .select()
    .from(serviceStages)
    .where(sql`${serviceStages.parentId} is null`)
    .get()
  if (!root) throw new AppError('VALIDATION', 'errors.orders.noInitialStage')
  return root
}

export const stageService = defineEntity({
  entity: 'serviceStage',
  label: 'stage',
  table: serviceStages,
  list: {
    table: serviceStages,
    idColumn: serviceStages.id,
    selection: stageSelection,
    sort: { sortOrder: serviceStages.sortOrder, code: serviceStages.code, name: serviceStages.name },
    defaultSort: 'sortOrder',
    toRow: (r): StageRow => r
  },
  searchColumns: [serviceStages.code, serviceStages.name],
  load: (db, id): StageRow | undefined => db.select(stageSelection).from(serviceStages).where(eq(serviceStages.id, id)).get(),
  values: (i: ParsedInput<'serviceStages.create'>) => i,
  validate: (ctx, i, id) => {
    if (id !== null) {
      const before = ctx.db.select({ parentId: serviceStages.parentId }).from(serviceStages).where(eq(serviceStages.id, id)).get()
      // As in the reference, the parent is fixed once saved: moving a branch would strand orders mid-flow.
      if (before && before.parentId !== i.parentId) throw invalid(['parentId'], 'errors.orders.stageParentFixed')
    }
    const stages = allStages(ctx.db).map((s) => ({ id: s.id, parentId: s.parentId }))
    const next =
      id === null ? [...stages, { id: -1, parentId: i.parentId }] : stages.map((s) => (s.id === id ? { id, parentId: i.parentId } : s))
    const problem = stageTreeProblem(next)
    if (problem) throw invalid(['parentId'], problem.key as MessageKey, problem.params)
  },
  references: [
    { column: serviceOrders.stageId, label: 'errors.uses.serviceOrders' },
    { column: serviceStages.parentId, label: 'errors.uses.followingStages' },
    { column: stageHistory.toStageId, label: 'errors.uses.stageHistory' },
    { column: slaStages.stageId, label: 'errors.uses.slaDefinitions' },
    { column: lifecycleSettings.plannedStageId, label: 'errors.uses.lifecycleSettings' },
    { column: lifecycleSettings.dispatchedStageId, label: 'errors.uses.lifecycleSettings' },
    { column: lifecycleSettings.onSiteStageId, label: 'errors.uses.lifecycleSettings' },
    { column: lifecycleSettings.doneStageId, label: 'errors.uses.lifecycleSettings' }
  ]
})

export const reasonService = codeTable('stageReason', 'stageReason', stageReasons, [
  { column: stageHistory.reasonId, label: 'errors.uses.stageChanges' }
])

type StageSeed = Omit<typeof serviceStages.$inferInsert, 'id' | 'parentId' | 'version'> & { parent: string | null }

/** The workflow a new database starts with; shops change it under Settings → Stages. */
export const DEFAULT_STAGES: StageSeed[] = [
  { code: 'NEW', name: 'New', parent: null, sortOrder: 10, canDelete: true },
  { code: 'SCHEDULED', name: 'Scheduled', parent: 'NEW', sortOrder: 20 },
  { code: 'ON-HOLD', name: 'On hold', parent: 'SCHEDULED', sortOrder: 25, reasonRequired: true, stopsSlaClock: true },
  { code: 'IN-PROGRESS', name: 'In progress', parent: 'SCHEDULED', sortOrder: 30 },
  {
    code: 'WAIT-PARTS',
    name: 'Waiting for parts',
    parent: 'IN-PROGRESS',
    sortOrder: 35,
    reasonRequired: true,
    stopsSlaClock: true,
    waitsForParts: true
  },
  { code: 'COMPLETED', name: 'Completed', parent: 'IN-PROGRESS', sortOrder: 40, canPost: true, canCancel: false },
  { code: 'CLOSED', name: 'Closed', parent: 'COMPLETED', sortOrder: 50, canModify: false, canCancel: false, canPost: true }
]

export const DEFAULT_REASONS = [
  { code: 'CUST-AWAY', name: 'Customer not available' },
  { code: 'NO-ACCESS', name: 'No access to the site' },
  { code: 'PARTS', name: 'Parts on order' },
  { code: 'CUST-REQ', name: 'At the customer’s request' },
  { code: 'WEATHER', name: 'Weather or safety' },
  { code: 'DUPLICATE', name: 'Duplicate order' }
]

/** Seeds the default workflow and reason codes into a database that has none. */
export function ensureDefaultWorkflow(db: Db): void {
  const has = db
    .select({ n: sql<number>`count(*)` })
    .from(serviceStages)
    .get()!.n
  if (has > 0) return
  const ids = new Map<string, number>()
  for (const { parent, ...s } of DEFAULT_STAGES) {
    const row = db
      .insert(serviceStages)
      .values({ ...s, parentId: parent === null ? null : ids.get(parent)! })
      .returning({ id: serviceStages.id })
      .get()
    ids.set(s.code, row.id)
  }
  for (const r of DEFAULT_REASONS) db.insert(stageReasons).values(r).onConflictDoNothing().run()
}
