import { describe, expect, it } from 'vitest'
import type { WeekHours } from '@shared/domain/masterdata'
import { call, callError, freshDb, userWith } from '../support/db'

const day = (open: boolean, start = '08:00', end = '16:30') => ({ open, start, end })
const week = (): WeekHours => [day(true), day(true), day(true), day(true), day(true, '08:00', '14:00'), day(false), day(false)]

describe('workers', () => {
  it('numbers new workers, keeps the number on edit, and saves skills and working hours', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const elec = await call(ctx, 'skills.create', { code: 'ELEC', name: 'Elekter' })
    const gas = await call(ctx, 'skills.create', { code: 'GAS', name: 'Gaas' })
    const w = await call(ctx, 'workers.create', { name: 'Jaan Tamm', skillIds: [gas.id, elec.id, gas.id], workingHours: week() })
    expect(w.number).toBe('W-0001')
    expect(w.roles).toEqual(['technician'])
    expect(w.skillIds).toEqual([elec.id, gas.id])
    expect(w.workingHours).toEqual(week())
    expect(w.userId).toBeNull()

    const edited = await call(ctx, 'workers.update', { ...w, skillIds: [gas.id], workingHours: null })
    expect(edited).toMatchObject({ number: 'W-0001', skillIds: [gas.id], workingHours: null, version: w.version + 1 })
    expect(await call(ctx, 'workers.get', { id: w.id })).toEqual(edited)
    expect((await call(ctx, 'workers.create', { name: 'Teine', number: 'TAMM-2' })).number).toBe('TAMM-2')
    expect((await call(ctx, 'workers.create', { name: 'Kolmas' })).number).toBe('W-0002')
  })

  it('refuses working hours that end before they start, on the day and field', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const hours = week()
    hours[2] = day(true, '17:00', '09:00')
    const err = await callError(ctx, 'workers.create', { name: 'X', workingHours: hours })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues).toEqual([
      { path: ['workingHours', 2, 'end'], code: 'validation.endAfterStart', params: {}, message: 'End must be after start' }
    ])
    const same = week()
    same[0] = day(true, '09:00', '09:00')
    expect((await callError(ctx, 'workers.create', { name: 'X', workingHours: same })).issues?.[0]?.path).toEqual([
      'workingHours',
      0,
      'end'
    ])
    // A closed day may carry any times; six days is not a week.
    const closed = week()
    closed[6] = day(false, '17:00', '09:00')
    expect((await call(ctx, 'workers.create', { name: 'Y', workingHours: closed })).workingHours).toEqual(closed)
    expect((await callError(ctx, 'workers.create', { name: 'Z', workingHours: week().slice(0, 6) })).issues?.[0]?.path).toEqual([
      'workingHours'
    ])
  })

  it('filters by role, team and active', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const team = await call(ctx, 'dispatchTeams.create', { code: 'T', name: 'Tiim' })
    await call(ctx, 'workers.create', { name: 'Anna', roles: ['technician', 'dispatcher'], teamId: team.id })
    await call(ctx, 'workers.create', { name: 'Peeter', roles: ['technician'] })
    await call(ctx, 'workers.create', { name: 'Riina', roles: ['serviceManager'], active: false })
    const names = async (input: Parameters<typeof call<'workers.list'>>[2]) =>
      (await call(ctx, 'workers.list', input)).rows.map((w) => w.name)
    expect(await names({ role: 'technician' })).toEqual(['Anna', 'Peeter'])
    expect(await names({ role: 'dispatcher' })).toEqual(['Anna'])
    expect(await names({ role: 'serviceConsultant' })).toEqual([])
    expect(await names({ teamId: team.id })).toEqual(['Anna'])
    expect(await names({ active: false })).toEqual(['Riina'])
    expect((await call(ctx, 'workers.list', { teamId: team.id })).rows[0]!.teamName).toBe('Tiim')
  })

  it('refuses unknown skills and teams on their fields, and an empty role list', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const s = await call(ctx, 'skills.create', { code: 'S', name: 'S' })
    expect((await callError(ctx, 'workers.create', { name: 'X', skillIds: [s.id, 4242] })).issues?.[0]?.path).toEqual(['skillIds', 1])
    expect((await callError(ctx, 'workers.create', { name: 'X', teamId: 4242 })).issues?.[0]?.path).toEqual(['teamId'])
    expect((await callError(ctx, 'workers.create', { name: 'X', roles: [] })).issues?.[0]?.path).toEqual(['roles'])
    expect((await call(ctx, 'workers.list', {})).total).toBe(0)
  })

  it('shows the linked user, and refuses to delete a worker linked to a user', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const other = await call(admin, 'workers.create', { name: 'Keegi Teine' })
    const w = await call(admin, 'workers.create', { name: 'Mari Mets' })
    const tech = userWith(conn, ['technician'], 'mari')
    const u = await call(admin, 'users.get', { id: tech.user!.id })
    await call(admin, 'users.update', { ...u, workerId: w.id })
    expect((await call(admin, 'workers.get', { id: w.id })).userId).toBe(tech.user!.id)
    expect((await call(admin, 'workers.get', { id: other.id })).userId).toBeNull()

    const err = await callError(admin, 'workers.delete', { id: w.id, version: w.version })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/used by 1 user accounts/)
    expect((await call(admin, 'workers.get', { id: w.id })).name).toBe('Mari Mets')
  })
})
