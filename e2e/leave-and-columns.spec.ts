import { expect, screenshot, setupAdmin, signIn, test } from './support/app'

/**
 * Issue 15: the browser's back button on a record with unsaved edits asks like a link does (the data router's
 * blocker), and the agreement lines grid opens on a compact set of columns that fits 1440 px, with the rest
 * behind a column chooser remembered per user.
 */
test.use({ viewport: { width: 1440, height: 900 } })

async function adminApi(app: {
  api: (m: string, i: unknown, s: string) => Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>
}) {
  const session = 'leave-columns-session-0001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

test('back from a dirty order asks: cancel keeps the edit, confirm leaves', async ({ page, app }) => {
  await setupAdmin(app)
  const api = await adminApi(app)
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Tamme Kauplus OÜ',
    sites: [{ name: 'Pood', street: 'Riia 12', city: 'Tartu' }]
  })
  const order = await api<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Cold room alarm'
  })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Service orders', exact: true }).click()
  await expect(page).toHaveURL(/#\/orders/)
  await page.getByRole('row', { name: new RegExp(order.number) }).click()
  await expect(page).toHaveURL(new RegExp(`#/orders/${order.id}$`))
  const description = page.getByRole('textbox', { name: 'Description', exact: true })
  await description.fill('Cold room alarm, typed but not saved')

  const asked: string[] = []
  page.once('dialog', (d) => {
    asked.push(d.message())
    void d.dismiss()
  })
  await page.goBack()
  await expect.poll(() => asked).toEqual(['You have unsaved changes on this page. Leave without saving?'])
  await expect(page).toHaveURL(new RegExp(`#/orders/${order.id}$`))
  await expect(description).toHaveValue('Cold room alarm, typed but not saved')

  page.once('dialog', (d) => {
    asked.push(d.message())
    void d.accept()
  })
  await page.goBack()
  await expect(page).toHaveURL(/#\/orders(\?.*)?$/)
  await expect(page.getByRole('row', { name: new RegExp(order.number) })).toBeVisible()
  expect(asked).toHaveLength(2)
  expect((await api<{ description: string }>('serviceOrders.get', { id: order.id })).description).toBe('Cold room alarm')
})

test('agreement lines: compact columns fit 1440 px; a chosen column stays after a reload', async ({ page, app }) => {
  await setupAdmin(app)
  const api = await adminApi(app)
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Tartu Kool',
    sites: [{ name: 'Main building', street: 'Ülikooli 18', city: 'Tartu' }]
  })
  const siteId = customer.sites[0]!.id
  const object = await api<{ id: number }>('serviceObjects.create', {
    name: 'Air handling unit, gym roof',
    customerId: customer.id,
    siteId,
    serialNumber: 'AHU-2291-B'
  })
  const category = await api<{ id: number }>('categories.create', {
    code: 'MAINT',
    name: 'Maintenance work',
    type: 'hour',
    unit: 'h',
    costPrice: 2500,
    salesPrice: 4500
  })
  const group = await api<{ id: number }>('agreementGroups.create', { code: 'STD', name: 'Standard' })
  const agreement = await api<{ id: number; version: number }>('agreements.create', {
    customerId: customer.id,
    description: 'Ventilation maintenance',
    groupId: group.id,
    startDate: '2026-01-01',
    objects: [{ id: object.id }]
  })
  await api('agreements.addLine', {
    agreementId: agreement.id,
    type: 'hour',
    categoryId: category.id,
    description: 'Filter change',
    serviceObjectId: object.id,
    startDate: '2026-01-01',
    quantity: 1500,
    note: 'Ladder in the gym store'
  })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/agreements/${agreement.id}`)
  await page.getByRole('tab', { name: /Lines/ }).click()
  const grid = page.getByTestId('lines-grid')
  await expect(grid.getByRole('columnheader', { name: 'Service object' })).toBeVisible()
  await expect(grid.getByRole('columnheader', { name: 'Note' })).toHaveCount(0)
  // No sideways scroll, and the object's name shows whole.
  const wrap = grid.locator('..')
  expect(await wrap.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true)
  const objectInput = page.getByRole('combobox', { name: 'Line 1 service object' })
  await expect(objectInput).toHaveValue(/Air handling unit, gym roof/)
  expect(await objectInput.evaluate((e: HTMLInputElement) => e.scrollWidth <= e.clientWidth)).toBe(true)
  await screenshot(page, 'agreement-lines-compact-1440')

  await page.getByTestId('column-chooser').click()
  await page.getByRole('menuitem', { name: 'Note' }).click()
  await page.keyboard.press('Escape')
  await expect(grid.getByRole('columnheader', { name: 'Note' })).toBeVisible()
  await expect(page.getByLabel('Line 1 note')).toHaveValue('Ladder in the gym store')
  await screenshot(page, 'agreement-lines-with-note')

  await page.reload()
  await page.getByRole('tab', { name: /Lines/ }).click()
  await expect(grid.getByRole('columnheader', { name: 'Note' })).toBeVisible()
  await expect(page.getByLabel('Line 1 note')).toHaveValue('Ladder in the gym store')
})
