import type { backupsContract } from '@shared/api/domains/backups'
import type { BackupStatus } from '@shared/domain/backups'
import type { HandlersOf } from '../core/handlers'
import type { ServiceContext } from '../core/context'
import { companyLanguage, loadSettings } from '../settings/settings'
import { lastRun, listBackups, makeBackup, runDto } from './make'
import { recoveryStatus, restoreNewest } from './recovery'
import { restoreBackup } from './restore'
import { dueAt } from './scheduler'
import { backupFolder, defaultBackupFolder, loadBackupSettings, saveBackupSettings } from './settings'

const languageOf = (ctx: ServiceContext) => ctx.user?.language ?? companyLanguage(ctx.db)

function status(ctx: ServiceContext): BackupStatus {
  const { since: _since, ...settings } = loadBackupSettings(ctx.db)
  const folder = backupFolder(settings, ctx.conn.file)
  const last = lastRun(ctx.db)
  const good = lastRun(ctx.db, true)
  return {
    settings,
    lastRun: last && runDto(last, languageOf(ctx)),
    lastGood: good && runDto(good, languageOf(ctx)),
    nextDue: dueAt(ctx.db, loadSettings(ctx.db).timeZone),
    files: listBackups(ctx.db, [folder, defaultBackupFolder(ctx.conn.file)]),
    folder,
    databaseFile: ctx.conn.file
  }
}

export const backupsHandlers = {
  'backups.status': status,
  'backups.saveSettings': (ctx, i) => {
    const { since: _since, ...saved } = saveBackupSettings(ctx, i)
    return saved
  },
  'backups.run': async (ctx) => runDto(await makeBackup(ctx.conn, 'manual', ctx.now()), languageOf(ctx)),
  'backups.restore': restoreBackup,
  'startup.recovery': recoveryStatus,
  'startup.restore': restoreNewest
} satisfies HandlersOf<typeof backupsContract>
