import { z } from 'zod'
import { version } from '../../domain/primitives'
import {
  backupName,
  backupRun,
  backupSettingsInput,
  backupSettingsRow,
  backupStatus,
  recoveryStatus,
  restoreResult
} from '../../domain/backups'
import { method } from '../define'

/** Backups, restore and start-up recovery (ADR 0022). */
export const backupsContract = {
  'backups.status': method(z.object({}), backupStatus, 'backups.manage'),
  'backups.saveSettings': method(backupSettingsInput.extend({ version }), backupSettingsRow, 'backups.manage'),
  /** Back up now: an online backup into the folder, verified and recorded. */
  'backups.run': method(z.object({}), backupRun, 'backups.manage'),
  /** Swaps a verified backup in for the database in use (kept aside); the screen reloads afterwards. */
  'backups.restore': method(z.object({ name: backupName }), restoreResult, 'backups.manage'),
  /** Public: asked before sign-in, so that a database that failed its start-up check shows the recovery screen. */
  'startup.recovery': method(z.object({}), recoveryStatus, 'public'),
  /** Public, and only while recovering (else CONFLICT): the newest verified backup replaces the file that failed. */
  'startup.restore': method(z.object({}), restoreResult, 'public')
}
