import { eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { WeekHours, WorkerRow } from '@shared/domain/masterdata'
import type { Db } from '../../db/connection'
import {
  agreementLines,
  agreements,
  dispatchTeams,
  orderAssignments,
  serviceOrderLines,
  serviceOrders,
  skills,
  users,
  workers,
  workerSkills,
  repairLines
} from '../../db/schema'
import { AppError } from '../core/errors'
import { outer, type SelectedRow } from '../core/list'
import { defineEntity } from './entity'

type WorkerInput = ParsedInput<'workers.create'>

const selection = {
  id: workers.id,
  version: workers.version,
  number: workers.number,
  name: workers.name,
  email: workers.email,
  phone: workers.phone,
  roles: workers.roles,
  teamId: workers.teamId,
  teamName: sql<string | null>`(select t.name from dispatch_teams t where t.id = ${outer(workers.teamId)})`,
  homeBase: workers.homeBase,
  homeLatitude: workers.homeLatitude,
  homeLongitude: workers.homeLongitude,
  workingHours: workers.workingHours,
  active: workers.active,
  userId: sql<number | null>`(select u.id from users u where u.worker_id = ${outer(workers.id)} limit 1)`,
  skillIds: sql<string>`(select coalesce(json_group_array(ws.skill_id), '[]') from worker_skills ws where ws.worker_id = ${outer(workers.id)})`
}

function toRow(r: SelectedRow<typeof selection>): WorkerRow {
  return {
    ...r,
    roles: r.roles as WorkerRow['roles'],
    workingHours: (r.workingHours as WeekHours | null) ?? null,
    skillIds: (JSON.parse(r.skillIds) as number[]).sort((a, b) => a - b)
  }
}

function load(db: Db, id: number): WorkerRow | undefined {
  const r = db.select(selection).from(workers).where(eq(workers.id, id)).get()
  return r ? toRow(r) : undefined
}

export const workerService = defineEntity({
  entity: 'worker',
  label: 'worker',
  table: workers,
  numberSequence: 'worker',
  list: {
    table: workers,
    idColumn: workers.id,
    selection,
    sort: { number: workers.number, name: workers.name, teamName: selection.teamName },
    defaultSort: 'name',
    toRow
  },
  searchColumns: [workers.number, workers.name, workers.email, workers.phone],
  filters: (f: ParsedInput<'workers.list'>) => [
    f.teamId === null ? undefined : eq(workers.teamId, f.teamId),
    f.active === null ? undefined : eq(workers.active, f.active),
    f.role === null ? undefined : sql`exists (select 1 from json_each(${workers.roles}) r where r.value = ${f.role})`
  ],
  load,
  values: (i: WorkerInput) => {
    const { skillIds: _s, ...rest } = i
    return rest
  },
  validate: (ctx, i) => {
    if (i.teamId !== null && !ctx.db.select({ id: dispatchTeams.id }).from(dispatchTeams).where(eq(dispatchTeams.id, i.teamId)).get()) {
      throw new AppError('VALIDATION', 'errors.choose.dispatchTeam', {}, [{ path: ['teamId'], code: 'errors.unknown.team' }])
    }
    i.skillIds.forEach((skillId, n) => {
      if (!ctx.db.select({ id: skills.id }).from(skills).where(eq(skills.id, skillId)).get()) {
        throw new AppError('VALIDATION', 'errors.choose.skills', {}, [{ path: ['skillIds', n], code: 'errors.unknown.skill' }])
      }
    })
  },
  saveChildren: (ctx, id, i) => {
    ctx.db.delete(workerSkills).where(eq(workerSkills.workerId, id)).run()
    for (const skillId of new Set(i.skillIds)) ctx.db.insert(workerSkills).values({ workerId: id, skillId }).run()
  },
  references: [
    { column: users.workerId, label: 'errors.uses.userAccounts' },
    { column: dispatchTeams.ownerWorkerId, label: 'errors.uses.dispatchTeamsOwner' },
    { column: serviceOrders.responsibleWorkerId, label: 'errors.uses.serviceOrdersResponsible' },
    { column: serviceOrders.preferredWorkerId, label: 'errors.uses.serviceOrdersPreferred' },
    { column: serviceOrderLines.workerId, label: 'errors.uses.serviceOrderLines' },
    { column: agreements.responsibleWorkerId, label: 'errors.uses.agreementsResponsible' },
    { column: agreements.preferredWorkerId, label: 'errors.uses.agreementsPreferred' },
    { column: agreementLines.workerId, label: 'errors.uses.agreementLines' },
    { column: repairLines.workerId, label: 'errors.uses.repairLines' },
    { column: orderAssignments.workerId, label: 'errors.uses.dispatchBookings' }
  ],
  deleteChildren: (ctx, id) => {
    ctx.db.delete(workerSkills).where(eq(workerSkills.workerId, id)).run()
  }
})
