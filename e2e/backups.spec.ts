import { closeSync, copyFileSync, openSync, readdirSync, statSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, screenshot, setupAdmin, signIn, startApp, test } from './support/app'

/** Overwrites a run of pages in the middle of the file with garbage, as a failing disk would. */
function damage(file: string): void {
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  try {
    const start = Math.floor(size / 2 / 4096) * 4096
    writeSync(fd, Buffer.alloc(Math.min(64 * 1024, size - start), 0xa5), 0, undefined, start)
  } finally {
    closeSync(fd)
  }
}

test('a backup made on the settings page brings back a damaged database from the start screen', async ({ page, app }) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await page.getByRole('tab', { name: 'Backups' }).click()
  await expect(page.getByTestId('last-backup')).toHaveText('No backup yet')
  await page.getByRole('button', { name: 'Back up now' }).click()
  const files = page.getByTestId('backup-files')
  await expect(files.getByRole('row')).toHaveCount(2)
  await expect(files.getByText('Verified')).toBeVisible()
  await expect(page.getByTestId('last-backup')).not.toHaveText('No backup yet')
  await screenshot(page, 'backups-settings')

  // A damaged copy of the database beside the first one (so its default backup folder is the same): a second host
  // started on it serves the recovery screen instead of failing.
  const folder = join(dirname(app.dbFile), 'backups')
  const [backup] = readdirSync(folder)
  const damaged = join(dirname(app.dbFile), 'damaged.db')
  copyFileSync(join(folder, backup!), damaged)
  damage(damaged)
  const second = await startApp(undefined, [], damaged)
  try {
    await page.goto(second.app.url)
    const screen = page.getByTestId('recovery-screen')
    await expect(screen.getByText('The database failed its integrity check at start.')).toBeVisible()
    await expect(page.getByTestId('recovery-newest')).toContainText('The newest backup that passes its check is from')
    await screenshot(page, 'backups-recovery')
    await page.getByRole('button', { name: 'Restore this backup' }).click()
    // The host opened the restored file (it has an administrator, so no first-start setup): the page reloads to sign-in.
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expect(page.getByTestId('recovery-screen')).toHaveCount(0)
    expect(readdirSync(dirname(app.dbFile)).some((f) => f.startsWith('damaged.db.replaced-'))).toBe(true)
  } finally {
    await second.stop()
  }
})

/** Issue 20, item 2: a restore from the settings page's list brings back the data of the backup. */
test('a backup restored from the settings list brings back its data; a before-migration copy is listed too', async ({ page, app }) => {
  await setupAdmin(app)
  const session = 'backups-check-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  const customers = async () =>
    ((await app.api('customers.list', {}, session)).data as { rows: { name: string }[] }).rows.map((c) => c.name)
  expect((await app.api('customers.create', { name: 'Kept Customer OÜ' }, session)).ok).toBe(true)
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await page.getByRole('tab', { name: 'Backups' }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  const files = page.getByTestId('backup-files')
  await expect(files.getByRole('row')).toHaveCount(2)

  // Start-up's copy before a migration, named as db/migrate.ts names it, beside the backup.
  const folder = join(dirname(app.dbFile), 'backups')
  const [backup] = readdirSync(folder)
  copyFileSync(join(folder, backup!), join(folder, 'e2e.db.before-v9.2026-01-05T08-00-00-000Z.bak'))
  expect((await app.api('customers.create', { name: 'Added Later AS' }, session)).ok).toBe(true)
  expect((await customers()).sort()).toEqual(['Added Later AS', 'Kept Customer OÜ'])
  await page.reload()
  await page.getByRole('tab', { name: 'Backups' }).click()
  await expect(files.getByRole('row')).toHaveCount(3)
  await expect(files.getByRole('row').nth(2)).toContainText('Before migration')
  await screenshot(page, 'backups-list-before-migration')

  await files.getByRole('row').nth(1).getByRole('button', { name: 'Restore…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click()
  // The host swapped its database: every session ends, the page comes back to sign-in.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  expect(await customers()).toEqual(['Kept Customer OÜ'])
})
