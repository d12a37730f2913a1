import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { expect, screenshot, setupAdmin, signIn, test } from './support/app'

test('first start asks the language and an administrator, and signs them in', async ({ page, app }) => {
  await page.goto(app.url)
  // A new company speaks Estonian until the first start chooses otherwise; the choice switches the screen at once.
  await expect(page.getByText('Tere tulemast Hooldusesse')).toBeVisible()
  await expect(page.getByLabel('Ettevõtte nimi')).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByText('Welcome to Hooldus')).toBeVisible()
  await expect(page.getByText('Tere tulemast Hooldusesse')).toHaveCount(0)
  await page.getByLabel('Company name').fill('Külmaexpert OÜ')
  await page.getByLabel('Administrator user name').fill('admin')
  await page.getByLabel('Full name').fill('Ada Admin')
  await page.getByLabel('Password', { exact: true }).fill('short')
  await page.getByRole('button', { name: 'Create administrator' }).click()
  await expect(page.locator('.mantine-PasswordInput-error')).toHaveText('At least 8 characters')
  await screenshot(page, 'first-start-validation')
  await page.getByLabel('Password', { exact: true }).fill('admin-pass-1')
  await page.getByRole('button', { name: 'Create administrator' }).click()
  await expect(page.getByTestId('user-roles')).toHaveText('Administrator')
  await expect(page.getByText('Külmaexpert OÜ')).toBeVisible()

  // Sign out, then a wrong password is refused with a clear message, the right one signs in.
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await page.getByLabel('User name').fill('admin')
  await page.getByLabel('Password', { exact: true }).fill('wrong-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('Wrong user name or password')
  await page.getByLabel('Password', { exact: true }).fill('admin-pass-1')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()

  // The user menu switches the language at once (and keeps it: it is the user's), and back.
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Eesti keel' }).click()
  await expect(page.getByRole('link', { name: 'Hooldustellimused' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Service orders' })).toHaveCount(0)
  await expect(page.getByTestId('user-roles')).toHaveText('Administraator')
  await page.reload()
  await expect(page.getByRole('link', { name: 'Hooldustellimused' })).toBeVisible()
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'English' }).click()
  await expect(page.getByRole('link', { name: 'Service orders' })).toBeVisible()
})

test('customer with a site and a service object, found by serial number, exported to CSV; a technician may not edit', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')

  // A customer with a site.
  await page.getByRole('link', { name: 'Customers' }).click()
  await page.getByRole('button', { name: 'New customer' }).click()
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('Required').first()).toBeVisible()
  await page.getByLabel(/^Name/).fill('Pärnu Hotell AS')
  await page.getByLabel('Phone').fill('+372 444 1234')
  await page.getByLabel('Site 1 name').fill('Main building')
  await page.getByLabel('Site 1 street').fill('Rüütli 44')
  await page.getByLabel('Site 1 city').fill('Pärnu')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'C-00001 Pärnu Hotell AS' })).toBeVisible()
  await screenshot(page, 'customer-detail')

  // A service object at that site, from the customer's "Service objects" tab.
  await page.getByRole('tab', { name: 'Service objects' }).click()
  await page.getByRole('button', { name: 'New service object' }).click()
  await page.getByLabel(/^Name/).fill('Walk-in cooler')
  await page.getByLabel('Serial number').fill('KX-2291-ÕÄ')
  await page.getByRole('combobox', { name: 'Site' }).click()
  await page.getByRole('option', { name: /Main building/ }).click()
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: /OBJ-000001 Walk-in cooler/ })).toBeVisible()
  await screenshot(page, 'service-object-detail')

  // Global search by serial number opens the object.
  await page.getByRole('link', { name: 'Customers' }).click()
  await page.keyboard.press('Control+k')
  await page.getByLabel('Global search').fill('KX-2291')
  await expect(page.getByTestId('search-results')).toContainText('Walk-in cooler · S/N KX-2291-ÕÄ')
  await screenshot(page, 'global-search')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/service-objects\/\d+$/)
  await expect(page.getByRole('heading', { name: /OBJ-000001 Walk-in cooler/ })).toBeVisible()

  // Export the customers list (all matching rows) to CSV.
  await page.getByRole('link', { name: 'Customers' }).click()
  await expect(page.getByTestId('list-total')).toHaveText('1 row')
  await screenshot(page, 'customers-list')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const file = await (await download).path()
  const rows = parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[]
  expect(rows).toHaveLength(1)
  // A phone number starts with + and would be a formula in a spreadsheet: it is exported as inert text.
  expect(rows[0]).toMatchObject({ Number: 'C-00001', Name: 'Pärnu Hotell AS', Phone: "'+372 444 1234", City: 'Pärnu' })

  // A technician sees the customer but cannot change it — the screen says so and the API refuses.
  const tech = await app.api(
    'users.create',
    { username: 'tech', displayName: 'Toomas Tehnik', roles: ['technician'], password: 'tech-pass-1' },
    'admin-api-session-01'
  )
  expect(tech.ok).toBe(false) // the helper session is not signed in: the API refuses
  const adminSession = 'admin-api-session-02'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, adminSession)).ok).toBe(true)
  expect(
    (
      await app.api(
        'users.create',
        { username: 'tech', displayName: 'Toomas Tehnik', roles: ['technician'], password: 'tech-pass-1' },
        adminSession
      )
    ).ok
  ).toBe(true)

  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await signIn(page, app, 'tech', 'tech-pass-1')
  await expect(page.getByTestId('user-roles')).toHaveText('Service technician')
  await page.getByRole('link', { name: 'Customers' }).click()
  await expect(page.getByRole('button', { name: 'New customer' })).toHaveCount(0)
  await page.getByRole('cell', { name: 'Pärnu Hotell AS' }).click()
  await expect(page.getByTestId('read-only-notice')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await expect(page.getByLabel(/^Name/)).toBeDisabled()
  await screenshot(page, 'technician-customer-read-only')
  const techSession = 'tech-api-session-0001'
  await app.api('auth.signIn', { username: 'tech', password: 'tech-pass-1' }, techSession)
  const refused = await app.api('customers.update', { id: 1, version: 1, name: 'Hacked' }, techSession)
  expect(refused.error?.code).toBe('FORBIDDEN')
})
