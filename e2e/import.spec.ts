import type { Page } from '@playwright/test'
import { expect, holdAnswers, screenshot, setupAdmin, signIn, test } from './support/app'

/** A file as a spreadsheet saves it: BOM, semicolons, CRLF. */
const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`)

async function choose(page: Page, name: string, rows: string[][]) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: csv(rows) })
  await expect(page.getByRole('button', { name: 'CSV file' })).toHaveText(name)
}

/**
 * Issue 20, item 1: a new company imports a customers file with three bad rows, sees them with their line
 * numbers, imports the fixed file, then service objects of those customers.
 */
test('a new company checks a customers file, sees its bad rows by line, imports the fixed file and then objects', async ({ page, app }) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('link', { name: 'Import' }).click()

  const header = ['Number', 'Name', 'E-mail', 'Street', 'City']
  await choose(page, 'old-system-customers.csv', [
    header,
    ['K-1', 'Tallinna Vesi AS', 'info@vesi.ee', 'Ädala 10', 'Tallinn'],
    ['K-2', '', 'arved@soojus.ee', 'Rüütli 1', 'Pärnu'],
    ['K-3', 'Tartu Kütte OÜ', 'not-an-address', 'Riia 5', 'Tartu'],
    ['K-1', 'Narva Vesi', '', 'Pushkini 2', 'Narva']
  ])
  await expect(page.getByRole('combobox', { name: 'Encoding' })).toHaveValue('UTF-8')
  await expect(page.getByRole('combobox', { name: 'Delimiter' })).toHaveValue('Semicolon ;')
  await page.getByRole('button', { name: 'Check file' }).click()
  const problems = page.getByTestId('import-problems')
  await expect(problems.locator('tbody tr')).toHaveCount(3)
  await expect(problems.locator('tbody tr').nth(0)).toContainText('3Name')
  await expect(problems.locator('tbody tr').nth(1)).toContainText('4E-mail')
  await expect(problems.locator('tbody tr').nth(2)).toContainText('5Number"K-1" is already on line 2')
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await screenshot(page, 'import-dry-run')

  await choose(page, 'old-system-customers.csv', [
    header,
    ['K-1', 'Tallinna Vesi AS', 'info@vesi.ee', 'Ädala 10', 'Tallinn'],
    ['K-2', 'Pärnu Soojus OÜ', 'arved@soojus.ee', 'Rüütli 1', 'Pärnu'],
    ['K-3', 'Tartu Kütte OÜ', 'info@kyte.ee', 'Riia 5', 'Tartu']
  ])
  await page.getByRole('button', { name: 'Check file' }).click()
  await expect(page.getByText('3 rows checked: 3 new, 0 updated.')).toBeVisible()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported: 3 new, 0 updated.')).toBeVisible()

  await page.getByRole('combobox', { name: 'What the file holds' }).click()
  await page.getByRole('option', { name: 'Service objects' }).click()
  // Until the new file's columns are read (held back here), nothing runs with the last file's mapping: a check
  // clicked at once once reported the customers file's columns missing.
  const inspection = await holdAnswers(page, 'import.inspect')
  await choose(page, 'objects.csv', [
    ['Number', 'Name', 'Customer', 'Site', 'Serial number'],
    ['O-1', 'Soojuspump', 'K-1', 'Ädala 10', 'SN-100'],
    ['O-2', 'Katel', 'Tartu Kütte OÜ', '', 'SN-200']
  ])
  await expect(page.getByRole('button', { name: 'Check file' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Save mapping' })).toBeDisabled()
  inspection.release()
  await page.getByRole('button', { name: 'Check file' }).click()
  await expect(page.getByText('2 rows checked: 2 new, 0 updated.')).toBeVisible()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported: 2 new, 0 updated.')).toBeVisible()
  await screenshot(page, 'import-done')
})

/** Issue 20, item 1: the commit is a job with rows done of the total, and Cancel leaves the database as it was. */
test('a big import shows its rows done of the total, and Cancel writes nothing', async ({ page, app }) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('link', { name: 'Import' }).click()
  await page.getByRole('combobox', { name: 'What the file holds' }).click()
  await page.getByRole('option', { name: 'Items' }).click()
  // Big enough that the job is still at work when the page has shown its first progress and Cancel is pressed.
  const rows = Array.from({ length: 12_000 }, (_, i) => [`F-${i + 1}`, `Filter ${i + 1}`, 'pcs'])
  await choose(page, 'items.csv', [['Number', 'Name', 'Unit'], ...rows])
  await page.getByRole('button', { name: 'Check file' }).click()
  await expect(page.getByText('12000 rows checked: 12000 new, 0 updated.')).toBeVisible({ timeout: 60_000 })
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const progress = page.getByTestId('import-progress')
  await expect(progress).toHaveText(/^Importing… [1-9]\d* of 12000 rows$/)
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible()
  await screenshot(page, 'import-progress')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('The import was cancelled and wrote nothing.')).toBeVisible()
  const session = 'import-check-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  const items = await app.api('items.list', {}, session)
  expect((items.data as { total: number }).total).toBe(0)
  // The check's outcome stays: the file can be imported again.
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeEnabled()
})

/** Issue 20, item 1: agreements with lines, one row per line; the header columns repeat on each line of an agreement. */
test('imports a service agreement with its lines, the kind chosen in the picker', async ({ page, app }) => {
  await setupAdmin(app)
  const session = 'import-agreements-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  for (const [method, input] of [
    ['customers.create', { number: 'K-1', name: 'Tallinna Vesi AS' }],
    ['agreementGroups.create', { code: 'GOLD', name: 'Gold' }],
    ['categories.create', { code: 'WORK', name: 'Töötunnid', type: 'hour' }]
  ] as const)
    expect((await app.api(method, input, session)).ok).toBe(true)
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('link', { name: 'Import' }).click()
  await page.getByRole('combobox', { name: 'What the file holds' }).click()
  await page.getByRole('option', { name: 'Service agreements' }).click()
  const header = ['Number', 'Customer', 'Description', 'Agreement group', 'Start date', 'Line type', 'Quantity', 'Category']
  await choose(page, 'agreements.csv', [
    header,
    ['L-1', 'K-1', 'Hooldus', 'GOLD', '01.01.2026', 'Tunnid', '1,5', 'WORK'],
    ['L-1', 'K-1', 'Remont', 'GOLD', '01.01.2026', 'Tunnid', '2', 'WORK']
  ])
  await page.getByRole('button', { name: 'Check file' }).click()
  const problems = page.getByTestId('import-problems')
  await expect(problems.locator('tbody tr')).toHaveCount(1)
  await expect(problems.locator('tbody tr').nth(0)).toContainText('3Description"Remont" differs from line 2 of the same agreement')
  await problems.scrollIntoViewIfNeeded()
  await screenshot(page, 'import-agreements-dry-run')

  await choose(page, 'agreements.csv', [
    header,
    ['L-1', 'K-1', 'Hooldus', 'GOLD', '01.01.2026', 'Tunnid', '1,5', 'WORK'],
    ['L-1', 'K-1', 'Hooldus', 'GOLD', '01.01.2026', 'Tunnid', '2', 'WORK']
  ])
  await page.getByRole('button', { name: 'Check file' }).click()
  await expect(page.getByText('2 rows checked: 1 new, 0 updated.')).toBeVisible()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByText('Imported: 1 new, 0 updated.')).toBeVisible()
  const list = await app.api('agreements.list', { q: 'L-1' }, session)
  expect((list.data as { rows: { number: string; lineCount: number }[] }).rows).toMatchObject([{ number: 'L-1', lineCount: 2 }])
})
