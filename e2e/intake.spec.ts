import type { Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'
import { SHOP_ZONE } from './support/clock'

// Host and browser run from the same working-day clock: warranty and agreement dates are relative to it.
test.use({ workingDayClock: true, actionTimeout: 10_000 })

async function adminApi(app: RunningApp) {
  const session = 'intake-check-session-0001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

async function choose(page: Page, combobox: string | RegExp, option: string | RegExp, type?: string) {
  const box = page.getByRole('combobox', { name: combobox })
  await box.click()
  if (type !== undefined) await box.fill(type)
  await page.getByRole('option', { name: option }).click()
}

test('a breakdown call under contract: the entitlement panel shows agreement, warranty and subscription, one click links the agreement and its SLA applies', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  const api = await adminApi(app)
  const today = DateTime.fromMillis(app.now(), { zone: SHOP_ZONE })
  const iso = (d: DateTime) => d.toISODate()!
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Pärnu Hotell AS',
    sites: [{ name: 'Main building', street: 'Rüütli 44', city: 'Pärnu' }]
  })
  const object = await api<{ id: number; number: string }>('serviceObjects.create', {
    name: 'Cold room compressor',
    customerId: customer.id,
    installationDate: iso(today.minus({ months: 6 })),
    warrantyStart: iso(today.minus({ months: 6 })),
    warrantyEnd: iso(today.plus({ months: 18 }))
  })
  const gold = await api<{ id: number }>('slaDefinitions.create', {
    code: 'GOLD',
    name: 'Gold response',
    targets: [{ priority: 'normal', responseMinutes: 120, resolutionMinutes: 960 }]
  })
  const group = await api<{ id: number }>('agreementGroups.create', { code: 'FULL', name: 'Full service' })
  const agreement = await api<{ id: number; number: string }>('agreements.create', {
    customerId: customer.id,
    description: 'Cold chain maintenance',
    groupId: group.id,
    startDate: iso(today.minus({ months: 2 })),
    slaId: gold.id,
    objects: [{ id: object.id }]
  })
  const labour = await api<{ id: number }>('categories.create', {
    code: 'LABOUR',
    name: 'Service work',
    type: 'hour',
    unit: 'h',
    salesPrice: 4500
  })
  await api('agreements.addLine', {
    agreementId: agreement.id,
    type: 'hour',
    description: 'Compressor check under contract',
    categoryId: labour.id,
    serviceObjectId: object.id,
    startDate: iso(today.minus({ months: 2 })),
    quantity: 1000,
    unitPrice: 0
  })
  const subscriptionGroup = await api<{ id: number }>('subscriptionGroups.create', {
    code: 'MON',
    name: 'Remote monitoring',
    invoicingPeriod: 'month'
  })
  await api('subscriptions.create', {
    name: 'Temperature monitoring',
    customerId: customer.id,
    groupId: subscriptionGroup.id,
    basePrice: 2900,
    startDate: iso(today.minus({ months: 1 }))
  })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/orders/new`)
  const panel = page.getByTestId('entitlement-panel')
  await expect(panel).toContainText('Choose the customer')
  await choose(page, /^Customer/, /Pärnu Hotell AS/, 'Pärnu')
  // The customer's only site is taken as the service address (#15).
  await expect(page.getByRole('combobox', { name: /^Service address/ })).toHaveValue(/Main building/)
  await page.getByRole('textbox', { name: /^Description/ }).fill('Cold room alarm: temperature rising')
  await choose(page, 'Add service object', /Cold room compressor/, 'Cold')

  await expect(panel.getByTestId(`entitled-agreement-${agreement.id}`)).toContainText('Cold chain maintenance')
  await expect(panel.getByTestId(`entitled-agreement-${agreement.id}`)).toContainText('Gold response')
  await expect(panel.getByTestId(`warranty-${object.id}`)).toContainText('In warranty')
  await expect(panel).toContainText('Temperature monitoring')
  await expect(panel).toContainText('whole customer')
  await screenshot(page, 'intake-entitlement-panel')

  await panel.getByRole('button', { name: `Link the order to agreement ${agreement.number}` }).click()
  await expect(panel.getByTestId(`entitled-agreement-${agreement.id}`)).toContainText('Linked')
  await expect(page.getByRole('combobox', { name: 'Agreement' })).toHaveValue(new RegExp(agreement.number))
  await page.getByRole('button', { name: 'Create order' }).click()

  await expect(page.getByTestId('order-meta')).toContainText(agreement.number)
  await expect(page.getByTestId('order-sla')).toContainText('Gold response')
  await expect(page.getByTestId('order-sla-badge')).toContainText('left')
  await screenshot(page, 'intake-order-under-agreement')

  // The contract's work comes onto the order from the agreement's lines, at the agreement's price.
  await page.getByRole('button', { name: 'More' }).click()
  await page.getByRole('menuitem', { name: 'Copy from the agreement…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('checkbox', { name: /Compressor check under contract/ }).check()
  await screenshot(page, 'intake-copy-agreement-lines')
  await dialog.getByRole('button', { name: 'Copy lines' }).click()
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Compressor check under contract')

  // On a saved order, Link saves the link at once (with the version check); a header edit in progress stays an
  // edit: not saved with the link, not lost, saved by Save as usual.
  const earlier = await api<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Noise from the compressor',
    objects: [{ id: object.id }]
  })
  await page.goto(`${app.url}#/orders/${earlier.id}`)
  const description = page.getByRole('textbox', { name: /^Description/ })
  await expect(description).toHaveValue('Noise from the compressor')
  await description.fill('Noise from the compressor, loud at night')
  await panel.getByRole('button', { name: `Link the order to agreement ${agreement.number}` }).click()
  await expect(page.getByText(`Order ${earlier.number} linked to agreement ${agreement.number}`)).toBeVisible()
  await expect(panel.getByTestId(`entitled-agreement-${agreement.id}`)).toContainText('Linked')
  await expect(page.getByTestId('order-meta')).toContainText(agreement.number)
  await expect(page.getByTestId('order-sla')).toContainText('Gold response')
  let stored = await api<{ agreementId: number | null; description: string }>('serviceOrders.get', { id: earlier.id })
  expect(stored).toMatchObject({ agreementId: agreement.id, description: 'Noise from the compressor' })
  await expect(description).toHaveValue('Noise from the compressor, loud at night')
  await screenshot(page, 'intake-link-saved-order')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('order-meta')).toContainText('loud at night')
  stored = await api('serviceOrders.get', { id: earlier.id })
  expect(stored).toMatchObject({ agreementId: agreement.id, description: 'Noise from the compressor, loud at night' })
})
