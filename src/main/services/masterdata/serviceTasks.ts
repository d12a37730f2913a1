import { eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { ServiceTaskRow } from '@shared/domain/masterdata'
import type { Db } from '../../db/connection'
import {
  agreementLines,
  agreementTasks,
  serviceOrderLines,
  serviceOrderTasks,
  serviceTasks,
  serviceTaskSkills,
  skills
} from '../../db/schema'
import { AppError } from '../core/errors'
import { outer, type SelectedRow } from '../core/list'
import { defineEntity } from './entity'

const selection = {
  id: serviceTasks.id,
  version: serviceTasks.version,
  code: serviceTasks.code,
  name: serviceTasks.name,
  description: serviceTasks.description,
  defaultDurationMinutes: serviceTasks.defaultDurationMinutes,
  requiredSkillIds: sql<string>`(select coalesce(json_group_array(s.skill_id), '[]') from service_task_skills s where s.task_id = ${outer(serviceTasks.id)})`
}

const toRow = (r: SelectedRow<typeof selection>): ServiceTaskRow => ({
  ...r,
  requiredSkillIds: (JSON.parse(r.requiredSkillIds) as number[]).sort((a, b) => a - b)
})

function load(db: Db, id: number): ServiceTaskRow | undefined {
  const r = db.select(selection).from(serviceTasks).where(eq(serviceTasks.id, id)).get()
  return r ? toRow(r) : undefined
}

export const serviceTaskService = defineEntity({
  entity: 'serviceTask',
  label: 'serviceTask',
  table: serviceTasks,
  list: {
    table: serviceTasks,
    idColumn: serviceTasks.id,
    selection,
    sort: { code: serviceTasks.code, name: serviceTasks.name, defaultDurationMinutes: serviceTasks.defaultDurationMinutes },
    defaultSort: 'code',
    toRow
  },
  searchColumns: [serviceTasks.code, serviceTasks.name],
  load,
  values: (i: ParsedInput<'serviceTasks.create'>) => {
    const { requiredSkillIds: _r, ...rest } = i
    return rest
  },
  validate: (ctx, i) => {
    i.requiredSkillIds.forEach((skillId, n) => {
      if (!ctx.db.select({ id: skills.id }).from(skills).where(eq(skills.id, skillId)).get()) {
        throw new AppError('VALIDATION', 'errors.choose.skills', {}, [{ path: ['requiredSkillIds', n], code: 'errors.unknown.skill' }])
      }
    })
  },
  saveChildren: (ctx, id, i) => {
    ctx.db.delete(serviceTaskSkills).where(eq(serviceTaskSkills.taskId, id)).run()
    for (const skillId of new Set(i.requiredSkillIds)) ctx.db.insert(serviceTaskSkills).values({ taskId: id, skillId }).run()
  },
  references: [
    { column: serviceOrderLines.serviceTaskId, label: 'errors.uses.serviceOrderLines' },
    { column: serviceOrderTasks.serviceTaskId, label: 'errors.uses.serviceOrders' },
    { column: agreementLines.serviceTaskId, label: 'errors.uses.agreementLines' },
    { column: agreementTasks.serviceTaskId, label: 'errors.uses.agreements' }
  ],
  deleteChildren: (ctx, id) => {
    ctx.db.delete(serviceTaskSkills).where(eq(serviceTaskSkills.taskId, id)).run()
  }
})
