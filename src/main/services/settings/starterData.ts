import { and, eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Settings } from '@shared/domain/system'
import { en } from '@shared/i18n/catalogue/en'
import { tFor } from '@shared/i18n/i18n'
import { translate } from '@shared/i18n/issues'
import type { Language } from '@shared/i18n/languages'
import type { Db } from '../../db/connection'
import {
  dispositionCodes,
  numberSequences,
  returnReasonGroups,
  returnReasons,
  serviceIntervals,
  serviceStages,
  settings,
  slaReasons,
  stageReasons,
  timeWindows
} from '../../db/schema'

type Group = keyof typeof en.seeds
const TABLES: [Group, SQLiteTable, SQLiteColumn, SQLiteColumn][] = [
  ['stages', serviceStages, serviceStages.code, serviceStages.name],
  ['stageReasons', stageReasons, stageReasons.code, stageReasons.name],
  ['slaReasons', slaReasons, slaReasons.code, slaReasons.name],
  ['intervals', serviceIntervals, serviceIntervals.code, serviceIntervals.name],
  ['windows', timeWindows, timeWindows.code, timeWindows.name],
  ['sequences', numberSequences, numberSequences.code, numberSequences.name],
  ['dispositionCodes', dispositionCodes, dispositionCodes.code, dispositionCodes.name],
  ['returnReasonGroups', returnReasonGroups, returnReasonGroups.code, returnReasonGroups.name],
  ['returnReasons', returnReasons, returnReasons.code, returnReasons.name]
]

/**
 * Names the starter data (seeded in English when the database is created, before anyone chose a
 * language) in the language chosen at first start. Only a name still as seeded changes.
 */
export function nameStarterData(db: Db, language: Language): void {
  if (language === 'en') return
  const t = tFor(language)
  for (const [group, table, code, name] of TABLES) {
    for (const [c, english] of Object.entries(en.seeds[group])) {
      db.update(table)
        // Each table's name column is its `name` property.
        .set({ name: translate(t, `seeds.${group}.${c}`) } as never)
        .where(and(eq(code, c), eq(name, english)))
        .run()
    }
  }
  const row = db.select({ vatRates: settings.vatRates }).from(settings).where(eq(settings.id, 1)).get()
  if (row) {
    const english: Record<string, string> = en.seeds.vatRates
    const rates = (row.vatRates as Settings['vatRates']).map((r) =>
      english[r.code] === r.name ? { ...r, name: translate(t, `seeds.vatRates.${r.code}`) } : r
    )
    db.update(settings).set({ vatRates: rates }).where(eq(settings.id, 1)).run()
  }
}
