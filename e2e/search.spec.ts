import type { Page } from '@playwright/test'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** The admin's API, signed in once (records are set up here; only the flow under test goes through screens). */
async function adminApi(app: RunningApp) {
  await setupAdmin(app)
  const session = 'search-check-session-001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

async function globalSearch(page: Page, q: string) {
  await page.keyboard.press('Control+k')
  await page.getByLabel('Global search').fill(q)
}

/**
 * Issue 15, item 1: what a caller says — an order number, a phone number typed without its spaces, an
 * Estonian name typed without its diacritics — finds the record, grouped by kind with its key facts.
 */
test('global search finds an order number, a phone number and a name typed without diacritics', async ({ page, app }) => {
  const api = await adminApi(app)
  const customer = await api<{ id: number; sites: { id: number }[]; contacts: { id: number }[] }>('customers.create', {
    name: 'Õunapuu Kinnisvara OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }],
    contacts: [{ name: 'Jüri Mägi', role: 'haldur', phone: '+372 5512 3456' }]
  })
  const order = await api<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    contactId: customer.contacts[0]!.id,
    description: 'Soojuspumba hooldus'
  })

  await signIn(page, app, 'admin', 'admin-pass-1')
  const results = page.getByTestId('search-results')

  await globalSearch(page, order.number)
  const hit = results.locator('[data-kind="order"]').first()
  await expect(hit).toContainText(`${order.number} · Soojuspumba hooldus`)
  await expect(hit).toContainText('Õunapuu Kinnisvara OÜ · Pärnu mnt 10, Tallinn')
  await expect(hit).toContainText('New')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/orders/${order.id}$`))

  await globalSearch(page, '55123456')
  await expect(results.locator('[data-kind="contact"]')).toHaveText(/Jüri Mägi \(haldur\).*\+372 5512 3456/)

  await globalSearch(page, 'ounapuu')
  await expect(results).toContainText('Service orders')
  await expect(results).toContainText('Customers')
  await screenshot(page, 'search-grouped')
  // Down from the order to the customer, Enter opens it.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/customers/${customer.id}$`))
})

/**
 * Issue 15, items 3-4: dates typed in the user's format are saved as typed (read back through the API), a
 * date that is not one is refused on the field, Enter in a date field does not submit, a customer's only
 * site is preselected, and leaving unsaved edits asks first.
 */
test('typed dates saved right, a wrong one refused, unsaved edits warn', async ({ page, app }) => {
  test.setTimeout(150_000)
  const api = await adminApi(app)
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Kask OÜ',
    sites: [{ name: 'Kodu', street: 'Tamme 1', city: 'Tartu' }]
  })
  const site = { customerId: customer.id, siteId: customer.sites[0]!.id }
  const newest = await api<{ id: number; number: string }>('serviceOrders.create', { ...site, description: 'Newest order' })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/service-objects/new?customerId=${customer.id}`)
  await expect(page.getByRole('combobox', { name: 'Site' })).toHaveValue('Kodu — Tamme 1, Tartu')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Soojuspump')
  const installed = page.getByRole('textbox', { name: 'Installed' })
  await installed.fill('15.03.2024')
  await installed.press('Enter')
  await expect(page).toHaveURL(/#\/service-objects\/new/)
  const warranty = page.getByRole('textbox', { name: 'Warranty ends' })
  await warranty.fill('31.2.2026')
  await warranty.press('Tab')
  await expect(page.getByText('“31.2.2026” is not a date: type dd.mm.yyyy')).toBeVisible()
  await screenshot(page, 'date-refused')
  await warranty.fill('1.3.27')
  await warranty.press('Tab')
  await expect(page.getByText('is not a date')).toHaveCount(0)
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page).toHaveURL(/#\/service-objects\/\d+$/)
  const objectId = Number(/(\d+)$/.exec(page.url())![1])
  expect(await api('serviceObjects.get', { id: objectId })).toMatchObject({
    installationDate: '2024-03-15',
    warrantyEnd: '2027-03-01',
    siteId: customer.sites[0]!.id
  })

  // A date and time on the order, typed short; leaving with it unsaved asks first.
  await page.goto(`${app.url}#/orders/${newest.id}`)
  const planned = page.getByRole('textbox', { name: 'Planned start' })
  await planned.fill('5.6.26 9:30')
  await planned.press('Tab')
  await expect(planned).toHaveValue('05.06.2026 09:30')
  page.once('dialog', (d) => void d.dismiss())
  await page.getByRole('link', { name: 'Customers' }).click()
  await expect(page).toHaveURL(new RegExp(`#/orders/${newest.id}$`))
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Unsaved changes')).toHaveCount(0)
  // Tallinn is UTC+3 in June.
  expect(await api<{ plannedStart: number }>('serviceOrders.get', { id: newest.id })).toMatchObject({
    plannedStart: Date.UTC(2026, 5, 5, 6, 30)
  })
})
