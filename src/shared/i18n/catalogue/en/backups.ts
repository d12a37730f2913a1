/** Backups, restore and the start-up recovery screen (docs/adr/0022). */
export const backups = {
  tab: 'Backups',
  status: {
    title: 'Backup status',
    lastBackup: 'Last backup',
    none: 'No backup yet',
    size: 'Size',
    verified: 'Verified',
    failed: 'Failed',
    notRecorded: 'Not recorded',
    nextDue: 'Next backup',
    off: 'Scheduled backups are off',
    folder: 'Folder',
    database: 'Database in use',
    lastFailed: 'The last backup failed: {{problem}}',
    backUpNow: 'Back up now',
    done: 'Backup made and verified'
  },
  schedule: {
    title: 'Schedule',
    hint: 'Backups are made while the app runs, without stopping work; each one is opened and checked before it counts.',
    enabled: 'Back up daily',
    dailyAt: 'At (HH:MM)',
    folder: 'Backup folder',
    folderHint: 'A second disk or a synced folder; empty = {{folder}}',
    keepDaily: 'Keep daily backups (days)',
    keepWeekly: 'Keep weekly backups (weeks)',
    save: 'Save schedule',
    saved: 'Backup schedule'
  },
  list: {
    title: 'Backups in the folder',
    empty: 'The folder holds no backups yet.',
    made: 'Made',
    size: 'Size',
    check: 'Check',
    restore: 'Restore…',
    confirmTitle: 'Restore this backup?',
    confirm:
      'The backup of {{date}} is checked first, then it replaces the database in use. The current file is kept aside in its folder. Everyone signs in again afterwards.',
    confirmButton: 'Restore',
    beforeMigration: 'Before migration'
  },
  size: {
    kb: '{{n}} kB',
    mb: '{{n}} MB'
  },
  recovery: {
    title: 'The database cannot be used',
    damaged: 'The database failed its integrity check at start.',
    unreadable: 'The database could not be opened.',
    file: 'File',
    details: 'Details',
    newest: 'The newest backup that passes its check is from {{date}} ({{size}}).',
    explain: 'Restoring puts that backup in place of the damaged file, which is kept aside beside it; work since the backup is not in it.',
    restore: 'Restore this backup',
    none: 'No backup that passes its check was found in: {{folders}}. The file has been left as it is.',
    restored: 'Restored. Opening Hooldus…'
  }
}
