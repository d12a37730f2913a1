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
