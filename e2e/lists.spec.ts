import { expect, holdAnswers, screenshot, setupAdmin, signIn, test } from './support/app'

test.use({ workingDayClock: true, viewport: { width: 1600, height: 900 } })

/**
 * Issue 15, items 3 and 4: the order list opens on today's work (Open, newest first), a built-in view is one
 * pick away, and leaving a record with unsaved edits asks first (the back button too: leave-and-columns.spec.ts).
 */
test('the order list opens on Open, newest first; Breached or at risk; leaving a dirty order asks', async ({ page, app }) => {
  await setupAdmin(app)
  const session = 'lists-check-session-0001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Kask ja Pojad OÜ',
    sites: [{ name: 'Ladu', street: 'Tööstuse 5', city: 'Tartu' }]
  })
  const sla = await api<{ id: number }>('slaDefinitions.create', {
    code: 'FAST',
    name: 'Fast',
    targets: [{ priority: 'normal', responseMinutes: 60, resolutionMinutes: 480 }]
  })
  type Order = { id: number; number: string; version: number }
  const create = (description: string, extra = {}) =>
    api<Order>('serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description, ...extra })
  const older = await create('Older open order')
  const cancelled = await create('Cancelled order')
  await api('serviceOrders.cancel', { id: cancelled.id, version: cancelled.version })
  const urgent = await create('Newest open order, answer within the hour', { slaId: sla.id })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/orders`)
  await expect(page.getByTestId('saved-views')).toHaveText('Open')
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText(urgent.number)
  await expect(rows.nth(1)).toContainText(older.number)
  await screenshot(page, 'orders-list-1600')
  // Progress badges show their whole word ("IN PROCESS", not "IN PRO…").
  const badge = rows.nth(0).getByTestId('progress-badge').locator('.mantine-Badge-label')
  expect(await badge.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
  // The default columns fit 1600 px: no sideways scroll.
  const wrap = page.locator('table').first().locator('..')
  expect(await wrap.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)

  // Typing a search draws the rows again only when the new page comes: its answer is held back, and meanwhile
  // every keystroke re-renders the list (the search state lives in the order list) but not one row.
  const renderCounts = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-render-count')))
  const drawn = await renderCounts()
  const newPage = await holdAnswers(page, 'serviceOrders.list')
  const search = page.getByPlaceholder('Number, description, customer')
  await search.pressSequentially('Newest')
  await expect.poll(newPage.held).toBeGreaterThan(0)
  expect(await renderCounts()).toEqual(drawn)
  newPage.release()
  await expect(rows).toHaveCount(1)
  await search.clear()
  await expect(rows).toHaveCount(2)

  await page.getByTestId('saved-views').click()
  await page.getByTestId('view-atRisk').click()
  await expect(page.getByTestId('saved-views')).toHaveText('Breached or at risk')
  await expect(rows).toHaveCount(1)
  await expect(rows.nth(0)).toContainText(urgent.number)

  await rows.nth(0).click()
  await expect(page).toHaveURL(new RegExp(`#/orders/${urgent.id}$`))
  const description = page.getByRole('textbox', { name: 'Description', exact: true })
  await description.fill('Answer within the hour, typed but not saved')
  const asked: string[] = []
  page.once('dialog', (d) => {
    asked.push(d.message())
    void d.dismiss()
  })
  await page.getByRole('link', { name: 'Invoices' }).click()
  await expect.poll(() => asked).toEqual(['You have unsaved changes on this page. Leave without saving?'])
  await expect(page).toHaveURL(new RegExp(`#/orders/${urgent.id}$`))
  await expect(description).toHaveValue('Answer within the hour, typed but not saved')
})
