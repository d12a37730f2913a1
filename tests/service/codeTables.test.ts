import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { MethodName } from '@shared/api/contract'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { customerGroups, dispatchTeams, items, serviceObjectGroups, skills, workers } from '../../src/main/db/schema'
import type { Connection } from '../../src/main/db/connection'
import { call, callError, freshDb, userWith } from '../support/db'
import { rawCall, seedMasterData } from '../support/seed'

const countOf = (conn: Connection, table: SQLiteTable) => conn.db.select({ n: count() }).from(table).get()!.n

/** Code tables and catalogue: customer groups, skills, object groups, dispatch teams, items, categories, tasks. */
describe('code tables and catalogue', () => {
  it.each([
    ['customerGroups', 'code', { code: 'KEY', name: 'Key' }],
    ['skills', 'code', { code: 'ELEC', name: 'Electrical' }],
    ['serviceObjectGroups', 'code', { code: 'HVAC', name: 'HVAC' }],
    ['dispatchTeams', 'code', { code: 'NORTH', name: 'North' }],
    ['categories', 'code', { code: 'WORK', name: 'Work', type: 'hour' }],
    ['serviceTasks', 'code', { code: 'INSPECT', name: 'Inspect' }],
    ['items', 'number', { number: 'PUMP-1', name: 'Pump' }],
    ['numberSequences', 'code', { code: 'claims', name: 'Claims', nextNumber: 1 }]
  ] as const)('%s: a duplicate %s is VALIDATION on that field, on create and on update', async (entity, field, input) => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['administrator'])
    const session = ctx.session
    const create = `${entity}.create`
    const first = await rawCall(conn, session, create, input)
    expect(first.ok).toBe(true)
    const dup = await rawCall(conn, session, create, { ...input, name: 'Other' })
    expect(dup.ok ? null : dup.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: [field] }] })

    const second = await rawCall(conn, session, create, { ...input, [field]: 'OTHER-1', name: 'Other' })
    expect(second.ok).toBe(true)
    const row = (second as { data: { id: number; version: number } }).data
    const clash = await rawCall(conn, session, `${entity}.update`, { ...input, id: row.id, version: row.version, name: 'Other' })
    expect(clash.ok ? null : clash.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: [field] }] })
    const list = await rawCall(conn, session, `${entity}.list`, { q: 'OTHER-1' })
    expect((list as { data: { total: number } }).data.total).toBe(1)
  })

  it.each([
    ['customerGroups.delete', 'customerGroup', 'customerGroup', /used by 1 customers/],
    ['skills.delete', 'skill', 'skill', /used by 1 workers, 1 service tasks/],
    ['dispatchTeams.delete', 'team', 'dispatchTeam', /used by 1 workers/],
    ['items.delete', 'item', 'item', /used by 1 service objects/],
    ['serviceObjectGroups.delete', 'objectGroup', 'serviceObjectGroup', /used by 1 service objects/]
  ] as const)('%s of a record still in use is refused with the reason, and nothing is deleted', async (method, key, entity, reason) => {
    const { conn } = await freshDb()
    const seed = await seedMasterData(conn)
    const record = seed[key]
    const tables: SQLiteTable[] = [customerGroups, skills, dispatchTeams, items, serviceObjectGroups, workers]
    const before = tables.map((t) => countOf(conn, t))
    const err = await callError(seed.admin, method as MethodName & `${string}.delete`, { id: record.id, version: record.version })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/cannot be deleted/)
    expect(err.message).toMatch(reason)
    expect(tables.map((t) => countOf(conn, t))).toEqual(before)
    const audit = await call(seed.admin, 'audit.forRecord', { entity, entityId: record.id })
    expect(audit.map((a) => a.action)).toEqual(['create'])
  })

  it('deletes an unused record, and answers NOT_FOUND afterwards', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const s = await call(ctx, 'skills.create', { code: 'GAS', name: 'Gas' })
    expect(await call(ctx, 'skills.delete', { id: s.id, version: s.version })).toEqual({ id: s.id })
    expect((await callError(ctx, 'skills.get', { id: s.id })).code).toBe('NOT_FOUND')
    expect((await callError(ctx, 'skills.delete', { id: s.id, version: s.version })).code).toBe('NOT_FOUND')
  })

  it('answers CONFLICT for a stale version on update and on delete, and changes nothing', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const item = await call(ctx, 'items.create', { number: 'F-1', name: 'Filter', salesPrice: 1250 })
    const v2 = await call(ctx, 'items.update', { ...item, salesPrice: 1500 })
    expect(v2.version).toBe(item.version + 1)
    expect((await callError(ctx, 'items.update', { ...item, salesPrice: 1 })).code).toBe('CONFLICT')
    expect((await callError(ctx, 'items.delete', { id: item.id, version: item.version })).code).toBe('CONFLICT')
    expect(await call(ctx, 'items.get', { id: item.id })).toEqual(v2)
  })

  it('shows a team with its owner and member count, and a task with its required skills', async () => {
    const { conn } = await freshDb()
    const seed = await seedMasterData(conn)
    const ctx = seed.admin
    // A second team with nobody in it, made after the workers so that ids differ from counts.
    const empty = await call(ctx, 'dispatchTeams.create', { code: 'EMPTY', name: 'Tühi' })
    await call(ctx, 'workers.create', { name: 'Teine Töötaja', teamId: seed.team.id })
    const team = await call(ctx, 'dispatchTeams.update', { ...seed.team, ownerWorkerId: seed.worker.id })
    expect(team).toMatchObject({ ownerName: 'Jaan Tamm', memberCount: 2 })
    const list = await call(ctx, 'dispatchTeams.list', {})
    expect(list.rows.map((t) => [t.code, t.memberCount])).toEqual([
      ['EMPTY', 0],
      ['NORTH', 2]
    ])
    expect((await call(ctx, 'dispatchTeams.get', { id: empty.id })).memberCount).toBe(0)
    // An owner in use cannot be deleted either.
    const w = await call(ctx, 'workers.get', { id: seed.worker.id })
    expect((await callError(ctx, 'workers.delete', { id: w.id, version: w.version })).message).toMatch(/dispatch teams/)

    const gas = await call(ctx, 'skills.create', { code: 'GAS', name: 'Gaas' })
    const task = await call(ctx, 'serviceTasks.update', { ...seed.serviceTask, requiredSkillIds: [gas.id, seed.skill.id, gas.id] })
    expect(task.requiredSkillIds).toEqual([seed.skill.id, gas.id])
    const unknown = await callError(ctx, 'serviceTasks.update', { ...task, requiredSkillIds: [seed.skill.id, 999] })
    expect(unknown.issues?.[0]?.path).toEqual(['requiredSkillIds', 1])
  })

  it('filters items by active and categories by type', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    await call(ctx, 'items.create', { number: 'A', name: 'Aktiivne' })
    await call(ctx, 'items.create', { number: 'B', name: 'Vana', active: false })
    expect((await call(ctx, 'items.list', { active: false })).rows.map((i) => i.number)).toEqual(['B'])
    await call(ctx, 'categories.create', { code: 'H', name: 'Tunnid', type: 'hour' })
    await call(ctx, 'categories.create', { code: 'K', name: 'Kilometraaž', type: 'expense' })
    expect((await call(ctx, 'categories.list', { type: 'expense' })).rows.map((c) => c.code)).toEqual(['K'])
    const bad = await callError(ctx, 'categories.create', { code: 'X', name: 'X', type: 'bogus' as 'hour' })
    expect(bad.issues?.[0]?.path).toEqual(['type'])
  })
})
