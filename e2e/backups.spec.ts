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
