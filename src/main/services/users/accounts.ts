import { eq, or, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type { Role } from '@shared/auth/roles'
import type { UserRow } from '@shared/domain/system'
import { type CsvDialect, defaultCsvDialect, type Language } from '@shared/i18n/languages'
import type { Db } from '../../db/connection'
import { users, workers } from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { AppError, conflict, invalid, notFound } from '../core/errors'
import { contains, iterateList, listPage, outer, type SelectedRow, whereAll } from '../core/list'
import { writeTx } from '../core/tx'
import { uniqueViolation } from '../masterdata/entity'
import { hashPassword } from '../auth/passwords'
import { companyLanguage } from '../settings/settings'

const selection = {
  id: users.id,
  version: users.version,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  workerId: users.workerId,
  workerName: sql<string | null>`(select w.name from workers w where w.id = ${outer(users.workerId)})`,
  active: users.active,
  language: users.language,
  csvDialect: users.csvDialect,
  lastSignInAt: users.lastSignInAt
}
const toRow = (r: SelectedRow<typeof selection>): UserRow => ({
  ...r,
  roles: r.roles as Role[],
  language: r.language as Language,
  csvDialect: r.csvDialect as CsvDialect
})

const spec = {
  table: users,
  idColumn: users.id,
  selection,
  sort: { username: users.username, displayName: users.displayName, lastSignInAt: users.lastSignInAt },
  defaultSort: 'username',
  toRow
}

type ListIn = ParsedInput<'users.list'>
const where = (i: ListIn) =>
  whereAll([
    i.q ? or(contains(users.username, i.q), contains(users.displayName, i.q)) : undefined,
    i.role ? sql`exists (select 1 from json_each(${users.roles}) r where r.value = ${i.role})` : undefined
  ])

export function listUsers(ctx: ServiceContext, i: ListIn): Page<UserRow> {
  return listPage(ctx.db, spec, i, where(i))
}

export function iterateUsers(ctx: ServiceContext, i: ListIn): Iterable<UserRow> {
  return iterateList(ctx.db, spec, i, where(i))
}

function load(db: Db, id: number): UserRow {
  const r = db.select(selection).from(users).where(eq(users.id, id)).get()
  if (!r) throw notFound('user')
  return toRow(r)
}

export function getUser(ctx: ServiceContext, i: { id: number }): UserRow {
  return load(ctx.db, i.id)
}

function checkWorker(db: Db, workerId: number | null, userId: number | null): void {
  if (workerId === null) return
  if (!db.select({ id: workers.id }).from(workers).where(eq(workers.id, workerId)).get()) {
    throw invalid(['workerId'], 'errors.choose.worker')
  }
  const other = db.select({ id: users.id }).from(users).where(eq(users.workerId, workerId)).get()
  if (other && other.id !== userId) throw invalid(['workerId'], 'errors.users.workerLinked')
}

function administratorsLeft(db: Db, exceptId: number): number {
  return db.all<{ n: number }>(
    sql`select count(*) as n from users u where u.active = 1 and u.id <> ${exceptId} and exists (select 1 from json_each(u.roles) r where r.value = 'administrator')`
  )[0]!.n
}

function unique<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    throw uniqueViolation(e, users, 'user') ?? e
  }
}

export function createUser(ctx: ServiceContext, i: ParsedInput<'users.create'>): UserRow {
  if (!i.password) throw invalid(['password'], 'errors.users.passwordNeeded')
  return unique(() =>
    writeTx(ctx, () => {
      checkWorker(ctx.db, i.workerId, null)
      const { hash, salt } = hashPassword(i.password)
      const language = i.language ?? companyLanguage(ctx.db)
      const row = ctx.db
        .insert(users)
        .values({
          username: i.username,
          displayName: i.displayName,
          roles: [...new Set(i.roles)],
          workerId: i.workerId,
          active: i.active,
          language,
          csvDialect: i.csvDialect ?? defaultCsvDialect(language),
          passwordHash: hash,
          passwordSalt: salt,
          createdAt: ctx.now()
        })
        .returning({ id: users.id })
        .get()
      const after = load(ctx.db, row.id)
      audit(ctx, 'user', row.id, 'create', null, after)
      return after
    })
  )
}

export function updateUser(ctx: ServiceContext, i: ParsedInput<'users.update'>): UserRow {
  return unique(() =>
    writeTx(ctx, () => {
      const before = load(ctx.db, i.id)
      if (before.version !== i.version) throw conflict('user')
      checkWorker(ctx.db, i.workerId, i.id)
      const staysAdmin = i.active && i.roles.includes('administrator')
      if (!staysAdmin && before.roles.includes('administrator') && administratorsLeft(ctx.db, i.id) === 0) {
        throw new AppError('VALIDATION', 'errors.users.lastAdmin', {}, [{ path: ['roles'], code: 'errors.users.lastAdminRole' }])
      }
      const password = i.password ? hashPassword(i.password) : null
      const roles = [...new Set(i.roles)]
      const sameRoles = roles.length === before.roles.length && roles.every((r) => before.roles.includes(r))
      // Ends the user's sessions on every transport: each compares the stamp it signed in under on every call.
      const endsSessions = password !== null || !sameRoles || i.active !== before.active
      const stamp = ctx.db
        .update(users)
        .set({
          username: i.username,
          displayName: i.displayName,
          roles,
          workerId: i.workerId,
          active: i.active,
          ...(i.language ? { language: i.language } : {}),
          ...(i.csvDialect ? { csvDialect: i.csvDialect } : {}),
          version: i.version + 1,
          ...(password ? { passwordHash: password.hash, passwordSalt: password.salt, failedAttempts: 0 } : {}),
          ...(endsSessions ? { securityStamp: sql`${users.securityStamp} + 1` } : {})
        })
        .where(eq(users.id, i.id))
        .returning({ stamp: users.securityStamp })
        .get()!.stamp
      // Changing one's own account keeps the session it is changed from; the others end.
      if (endsSessions && ctx.user?.id === i.id) ctx.session.stamp = stamp
      const after = load(ctx.db, i.id)
      audit(ctx, 'user', i.id, 'update', before, { ...after, passwordChanged: password !== null })
      return after
    })
  )
}
