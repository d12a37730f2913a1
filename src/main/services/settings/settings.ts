import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { WeekHours } from '@shared/domain/masterdata'
import type { Settings } from '@shared/domain/system'
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@shared/i18n/languages'
import type { Db } from '../../db/connection'
import { settings } from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { conflict } from '../core/errors'
import { writeTx } from '../core/tx'

const weekday = { open: true, start: '08:00', end: '17:00' }
const closed = { open: false, start: '08:00', end: '17:00' }
export const DEFAULT_WORKING_HOURS: WeekHours = [weekday, weekday, weekday, weekday, weekday, closed, closed]

/** Estonian VAT: 24 % standard (from July 2025), 13 % and 9 % reduced, 0 %. */
export const DEFAULT_VAT_RATES = [
  { code: 'S', name: 'Standard 24 %', rate: 2400, isDefault: true },
  { code: 'R13', name: 'Reduced 13 %', rate: 1300, isDefault: false },
  { code: 'R9', name: 'Reduced 9 %', rate: 900, isDefault: false },
  { code: 'Z', name: 'Zero 0 %', rate: 0, isDefault: false }
]

export function ensureSettings(db: Db, companyName: string): void {
  db.insert(settings)
    .values({
      id: 1,
      companyName,
      vatRates: DEFAULT_VAT_RATES,
      workingHours: DEFAULT_WORKING_HOURS,
      holidays: []
    })
    .onConflictDoNothing()
    .run()
}

export function loadSettings(db: Db): Settings {
  const row = db.select().from(settings).where(eq(settings.id, 1)).get()
  if (!row) {
    ensureSettings(db, 'Hooldus')
    return loadSettings(db)
  }
  const { id: _id, ...rest } = row
  return rest as Settings
}

/** The language of new users and customers, and of anything said to nobody in particular. */
export function companyLanguage(db: Db): Language {
  const row = db.select({ language: settings.language }).from(settings).where(eq(settings.id, 1)).get()
  return isLanguage(row?.language) ? row.language : DEFAULT_LANGUAGE
}

export function getSettings(ctx: ServiceContext): Settings {
  return loadSettings(ctx.db)
}

export function updateSettings(ctx: ServiceContext, input: ParsedInput<'settings.update'>): Settings {
  return writeTx(ctx, () => {
    const before = loadSettings(ctx.db)
    if (before.version !== input.version) throw conflict('settings')
    const { version, ...values } = input
    const holidays = [...values.holidays].sort((a, b) => a.date.localeCompare(b.date))
    ctx.db
      .update(settings)
      .set({ ...values, holidays, version: version + 1 })
      .where(eq(settings.id, 1))
      .run()
    const after = loadSettings(ctx.db)
    audit(ctx, 'settings', 1, 'update', before, after)
    return after
  })
}
