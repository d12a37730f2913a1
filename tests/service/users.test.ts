import { describe, expect, it } from 'vitest'
import { call, callError, freshDb, userWith } from '../support/db'

describe('users', () => {
  it('does not let the last active administrator lose the role or be disabled', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const me = await call(admin, 'users.get', { id: admin.user!.id })

    const demote = await callError(admin, 'users.update', { ...me, roles: ['serviceManager'] })
    expect(demote.code).toBe('VALIDATION')
    expect(demote.issues?.[0]?.path).toEqual(['roles'])
    const disable = await callError(admin, 'users.update', { ...me, active: false })
    expect(disable.code).toBe('VALIDATION')
    expect((await call(admin, 'users.get', { id: me.id })).roles).toEqual(['administrator'])

    // With a second active administrator it is allowed.
    const other = userWith(conn, ['administrator', 'dispatcher'], 'other-admin')
    const updated = await call(admin, 'users.update', { ...me, roles: ['serviceManager'] })
    expect(updated.roles).toEqual(['serviceManager'])
    expect(updated.version).toBe(me.version + 1)
    // …and now the other one is the last and keeps the role.
    const o = await call(other, 'users.get', { id: other.user!.id })
    expect((await callError(other, 'users.update', { ...o, roles: ['dispatcher'] })).code).toBe('VALIDATION')
  })

  it('does not count a disabled administrator as one that is left', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const sleeper = userWith(conn, ['administrator'], 'sleeper')
    const s = await call(admin, 'users.get', { id: sleeper.user!.id })
    await call(admin, 'users.update', { ...s, active: false })
    const me = await call(admin, 'users.get', { id: admin.user!.id })
    expect((await callError(admin, 'users.update', { ...me, roles: ['dispatcher'] })).code).toBe('VALIDATION')
  })

  it('refuses linking a second user to the same worker', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const worker = await call(admin, 'workers.create', { name: 'Jaan Tamm' })
    const a = userWith(conn, ['technician'], 'jaan')
    const b = userWith(conn, ['technician'], 'jaan2')
    const ua = await call(admin, 'users.get', { id: a.user!.id })
    const linked = await call(admin, 'users.update', { ...ua, workerId: worker.id })
    expect(linked.workerName).toBe('Jaan Tamm')
    expect((await call(admin, 'workers.get', { id: worker.id })).userId).toBe(a.user!.id)

    const ub = await call(admin, 'users.get', { id: b.user!.id })
    const err = await callError(admin, 'users.update', { ...ub, workerId: worker.id })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues?.[0]?.path).toEqual(['workerId'])
    expect((await call(admin, 'users.get', { id: b.user!.id })).workerId).toBeNull()
    // Re-saving the linked user with its own worker is fine.
    expect((await call(admin, 'users.update', { ...linked, displayName: 'Jaan' })).workerId).toBe(worker.id)
    // An unknown worker is refused on the field as well.
    expect((await callError(admin, 'users.update', { ...ub, workerId: 9999 })).issues?.[0]?.path).toEqual(['workerId'])
  })

  it('answers VALIDATION on username for a duplicate, and wants a password for a new user', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    userWith(conn, ['technician'], 'mari')
    const noPassword = await callError(admin, 'users.create', { username: 'uus', displayName: 'Uus', roles: ['technician'] })
    expect(noPassword.issues?.[0]?.path).toEqual(['password'])

    const dup = await callError(admin, 'users.create', {
      username: 'mari',
      displayName: 'Teine Mari',
      roles: ['technician'],
      password: 'piisavalt pikk'
    })
    expect(dup.code).toBe('VALIDATION')
    expect(dup.issues?.[0]?.path).toEqual(['username'])

    const me = await call(admin, 'users.get', { id: admin.user!.id })
    const dupUpdate = await callError(admin, 'users.update', { ...me, username: 'mari' })
    expect(dupUpdate.code).toBe('VALIDATION')
    expect(dupUpdate.issues?.[0]?.path).toEqual(['username'])
    expect((await call(admin, 'users.list', {})).rows.map((u) => u.username)).toEqual(['admin', 'mari'])
  })

  it('answers CONFLICT for a stale version', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const t = userWith(conn, ['technician'], 'tech')
    const u = await call(admin, 'users.get', { id: t.user!.id })
    await call(admin, 'users.update', { ...u, displayName: 'Esimene' })
    expect((await callError(admin, 'users.update', { ...u, displayName: 'Teine' })).code).toBe('CONFLICT')
    expect((await call(admin, 'users.get', { id: u.id })).displayName).toBe('Esimene')
  })

  it('filters the list by role', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    userWith(conn, ['technician'], 'tech')
    userWith(conn, ['dispatcher', 'technician'], 'both')
    const techs = await call(admin, 'users.list', { role: 'technician' })
    expect(techs.rows.map((u) => u.username)).toEqual(['both', 'tech'])
  })
})
