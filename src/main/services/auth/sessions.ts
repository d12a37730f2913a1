import { count, eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { Role } from '@shared/auth/roles'
import type { AuthStatus, SessionUser } from '@shared/domain/system'
import { type CsvDialect, defaultCsvDialect, type Language } from '@shared/i18n/languages'
import type { Db } from '../../db/connection'
import { settings, users } from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { AppError, forbidden } from '../core/errors'
import { ensureDefaultSequences } from '../core/sequences'
import { writeTx } from '../core/tx'
import { companyLanguage, ensureSettings } from '../settings/settings'
import { nameStarterData } from '../settings/starterData'
import { hashPassword, throttleWait, verifyPassword } from './passwords'

/** An active user as a session sees it, with the security stamp the session must still match. */
export function loadSignedIn(db: Db, id: number): { user: SessionUser; stamp: number } | null {
  const u = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      workerId: users.workerId,
      active: users.active,
      language: users.language,
      csvDialect: users.csvDialect,
      stamp: users.securityStamp
    })
    .from(users)
    .where(eq(users.id, id))
    .get()
  if (!u || !u.active) return null
  return {
    user: {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles as Role[],
      workerId: u.workerId,
      language: u.language as Language,
      csvDialect: u.csvDialect as CsvDialect
    },
    stamp: u.stamp
  }
}

export function loadSessionUser(db: Db, id: number): SessionUser | null {
  return loadSignedIn(db, id)?.user ?? null
}

/** Signs the session in; it lasts while the user's security stamp stays what it is now. */
function begin(ctx: ServiceContext, id: number, stamp: number): void {
  ctx.session.userId = id
  ctx.session.stamp = stamp
}

export function userCount(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0
}

export function status(ctx: ServiceContext): AuthStatus {
  const company = ctx.db.select({ name: settings.companyName }).from(settings).get()
  return { needsSetup: userCount(ctx.db) === 0, user: ctx.user, companyName: company?.name ?? 'Hooldus', language: companyLanguage(ctx.db) }
}

/** The signed-in user's own language and CSV dialect; the answer is the session's user as it now is. */
export function setPreferences(ctx: ServiceContext, input: ParsedInput<'auth.setPreferences'>): SessionUser {
  const me = ctx.user!
  return writeTx(ctx, () => {
    ctx.db.update(users).set(input).where(eq(users.id, me.id)).run()
    audit(ctx, 'user', me.id, 'update', { language: me.language, csvDialect: me.csvDialect }, input)
    return loadSessionUser(ctx.db, me.id)!
  })
}

/**
 * First start: creates the administrator, the settings row and the number sequences, and signs in.
 * Demo data, when asked for, is added by the caller after this transaction (it is big and has its own).
 */
export function setup(ctx: ServiceContext, input: ParsedInput<'auth.setup'>): SessionUser {
  const user = writeTx(ctx, () => {
    if (userCount(ctx.db) > 0) throw forbidden('errors.auth.alreadySetUp')
    ensureSettings(ctx.db, input.companyName)
    // The row may already exist (loadSettings creates it on first read); the name typed here still wins.
    ctx.db.update(settings).set({ companyName: input.companyName, language: input.language }).where(eq(settings.id, 1)).run()
    ensureDefaultSequences(ctx.db)
    nameStarterData(ctx.db, input.language)
    const { hash, salt } = hashPassword(input.password)
    const row = ctx.db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash: hash,
        passwordSalt: salt,
        roles: ['administrator'],
        language: input.language,
        csvDialect: defaultCsvDialect(input.language),
        createdAt: ctx.now()
      })
      .returning({ id: users.id })
      .get()
    const created = loadSessionUser(ctx.db, row.id)!
    audit({ ...ctx, user: created }, 'user', row.id, 'create', null, { username: input.username, roles: ['administrator'] })
    return created
  })
  begin(ctx, user.id, 0)
  return user
}

export function signIn(ctx: ServiceContext, input: ParsedInput<'auth.signIn'>): SessionUser {
  const u = ctx.db.select().from(users).where(eq(users.username, input.username.toLowerCase())).get()
  const refused = new AppError('FORBIDDEN', 'errors.auth.wrongPassword', {}, [
    { path: ['password'], code: 'errors.auth.wrongPasswordField' }
  ])
  if (!u) {
    // Spend the same time as a real check so that unknown names cannot be told apart.
    verifyPassword(input.password, '00', '00')
    throw refused
  }
  const wait = throttleWait(u.failedAttempts, u.lastFailedAt, ctx.now())
  if (wait > 0) {
    throw new AppError('FORBIDDEN', 'errors.auth.tooManyAttempts', { seconds: Math.ceil(wait / 1000) }, [
      { path: ['password'], code: 'errors.auth.wait', params: { seconds: Math.ceil(wait / 1000) } }
    ])
  }
  if (!verifyPassword(input.password, u.passwordHash, u.passwordSalt)) {
    ctx.db
      .update(users)
      .set({ failedAttempts: u.failedAttempts + 1, lastFailedAt: ctx.now() })
      .where(eq(users.id, u.id))
      .run()
    throw refused
  }
  if (!u.active) throw new AppError('FORBIDDEN', 'errors.auth.disabled')
  ctx.db.update(users).set({ failedAttempts: 0, lastFailedAt: null, lastSignInAt: ctx.now() }).where(eq(users.id, u.id)).run()
  begin(ctx, u.id, u.securityStamp)
  return loadSessionUser(ctx.db, u.id)!
}

export function signOut(ctx: ServiceContext): Record<string, never> {
  ctx.session.userId = null
  return {}
}
