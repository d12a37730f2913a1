import { DateTime } from 'luxon'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'
import { SHOP_ZONE } from './support/clock'

// Host and browser run from the same working-day clock: the last and next visits are relative to it.
test.use({ workingDayClock: true, actionTimeout: 10_000 })

async function adminApi(app: RunningApp) {
  const session = 'context-check-session-0001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

type Order = { id: number; number: string; version: number; lines: { id: number }[] }

test('records with their context: a customer’s open orders first and its balance, an object’s history and visits, an order’s sibling open orders', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  const api = await adminApi(app)
  const now = DateTime.fromMillis(app.now(), { zone: SHOP_ZONE })
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Pärnu Hotell AS',
    sites: [{ name: 'Main building', street: 'Rüütli 44', city: 'Pärnu' }]
  })
  const siteId = customer.sites[0]!.id
  const object = await api<{ id: number }>('serviceObjects.create', { name: 'Cold room compressor', customerId: customer.id, siteId })
  const labour = await api<{ id: number }>('categories.create', {
    code: 'LAB',
    name: 'Service work',
    type: 'hour',
    unit: 'h',
    salesPrice: 5000
  })
  const stages = await api<{ rows: { id: number; code: string }[] }>('serviceStages.list', { pageSize: 100 })

  // Two weeks ago: done, posted, invoiced and partly paid.
  let done = await api<Order>('serviceOrders.create', {
    customerId: customer.id,
    siteId,
    description: 'Compressor overhaul',
    plannedStart: now.minus({ days: 14 }).set({ hour: 9 }).toMillis(),
    objects: [{ id: object.id }]
  })
  done = await api('serviceOrders.addLine', {
    orderId: done.id,
    type: 'hour',
    categoryId: labour.id,
    serviceObjectId: object.id,
    description: 'Replaced the valves',
    quantity: 2000
  })
  for (const code of ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED']) {
    const to = stages.rows.find((s) => s.code === code)!
    done = await api('serviceOrders.changeStage', { id: done.id, version: done.version, toStageId: to.id, reasonId: null })
  }
  done = await api('serviceOrders.signOff', { id: done.id, version: done.version })
  done = await api('serviceOrders.post', { id: done.id, version: done.version })
  const invoice = await api<{ id: number; grossTotal: number }>('invoices.create', {
    customerId: customer.id,
    lineIds: done.lines.map((l) => l.id),
    invoiceDate: now.minus({ days: 10 }).toISODate(),
    requestKey: 'context-e2e-1'
  })
  await api('payments.record', { invoiceId: invoice.id, date: now.minus({ days: 2 }).toISODate(), amount: 2400, method: 'bank', note: '' })
  const open = (invoice.grossTotal - 2400) / 100

  // Next week: an open order on the same object.
  const next = await api<Order>('serviceOrders.create', {
    customerId: customer.id,
    siteId,
    description: 'Leak check',
    plannedStart: now.plus({ days: 7 }).set({ hour: 10 }).toMillis(),
    objects: [{ id: object.id }]
  })
  // An order the agreement made (no intake panel on its page) on the same object.
  const group = await api<{ id: number }>('agreementGroups.create', { code: 'FULL', name: 'Full service' })
  const agreement = await api<{ id: number }>('agreements.create', {
    customerId: customer.id,
    description: 'Cold chain maintenance',
    groupId: group.id,
    startDate: now.minus({ months: 1 }).toISODate(),
    objects: [{ id: object.id }]
  })
  await api('agreements.addLine', {
    agreementId: agreement.id,
    type: 'hour',
    description: 'Monthly check',
    categoryId: labour.id,
    serviceObjectId: object.id,
    startDate: now.plus({ days: 3 }).toISODate(),
    quantity: 1000
  })
  const run = await api<{ id: number }>('agreements.generate', {
    from: now.toISODate(),
    to: now.plus({ days: 10 }).toISODate(),
    agreementIds: [agreement.id]
  })
  await expect.poll(async () => (await api<{ status: string }>('agreements.run', { id: run.id })).status).toBe('done')
  const byObject = await api<{ rows: { id: number; number: string; origin: string }[] }>('serviceOrders.list', {
    serviceObjectId: object.id
  })
  const generated = byObject.rows.find((r) => r.origin === 'agreement')!

  await signIn(page, app, 'admin', 'admin-pass-1')

  // The customer: its open balance in the header, its orders open first and newest first.
  await page.goto(`${app.url}#/customers/${customer.id}`)
  await expect(page.getByTestId('customer-open-balance')).toContainText(`Open balance €${open.toFixed(2)}`)
  await page.getByRole('tab', { name: 'Orders' }).click()
  const rows = page.getByRole('row')
  await expect(rows.nth(1)).toContainText(generated.number)
  await expect(rows.nth(2)).toContainText(next.number)
  await expect(rows.nth(3)).toContainText(done.number)
  await expect(page.getByRole('button', { name: /Export/ })).toBeVisible()
  await screenshot(page, 'context-customer-orders')
  await page.getByRole('tab', { name: 'SLA' }).click()
  await expect(page.getByTestId('customer-default-sla')).toBeVisible()
  await screenshot(page, 'context-customer-sla')

  // The object: last visit two weeks ago, the next one planned, its lines in the history.
  await page.goto(`${app.url}#/service-objects/${object.id}`)
  await page.getByRole('tab', { name: 'Service history' }).click()
  await expect(page.getByTestId('fact-last-visit')).toContainText(done.number)
  await expect(page.getByTestId('fact-next-visit')).toContainText(generated.number)
  await expect(page.getByTestId('fact-agreement')).toBeVisible()
  await expect(page.getByRole('row', { name: new RegExp(done.number) })).toContainText('Replaced the valves')
  await expect(page.getByRole('row', { name: new RegExp(next.number) })).toBeVisible()
  await screenshot(page, 'context-object-history')

  // The agreement's order: the customer's other open order on the same object, with a link.
  await page.goto(`${app.url}#/orders/${generated.id}`)
  const others = page.getByTestId('other-open-orders')
  await expect(others.getByTestId(`other-open-order-${next.id}`)).toBeVisible()
  await expect(others).not.toContainText(generated.number)
  await screenshot(page, 'context-order-other-open')
  await others.getByRole('link', { name: next.number }).click()
  await expect(page.getByRole('heading', { name: next.number })).toBeVisible()
})
