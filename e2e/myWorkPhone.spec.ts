import { expect, screenshot, setupAdmin, signIn, test } from './support/app'

// A technician's phone (an iPhone 12–15's CSS viewport), on the working-day clock so that "today" has work.
test.use({ workingDayClock: true, viewport: { width: 390, height: 844 } })

test('a technician works a job on a phone: starts it, writes a note, adds a part and completes it', async ({ page, app }) => {
  await setupAdmin(app)
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
  const worker = await api<{ id: number }>('workers.create', { name: 'Tiit Tehnik', roles: ['technician'] })
  await api('users.create', {
    username: 'tiit',
    displayName: 'Tiit Tehnik',
    roles: ['technician'],
    password: 'tiit-pass-1',
    workerId: worker.id
  })
  await api('items.create', { number: 'P-R32', name: 'Refrigerant R32', unit: 'kg', costPrice: 1500, salesPrice: 3200 })
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Tartu Pagar OÜ',
    sites: [{ name: 'Bakery', street: 'Riia 12', city: 'Tartu' }]
  })
  const order = await api<{ id: number; number: string; version: number }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Cold room does not cool'
  })
  await api('dispatch.assign', { orderId: order.id, orderVersion: order.version, workerId: worker.id, start: app.now() + 3_600_000 })

  await signIn(page, app, 'tiit', 'tiit-pass-1')
  // The navigation folds behind the burger; a choice folds it again.
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: 'My work', exact: true })).not.toBeInViewport()
  await page.getByRole('button', { name: 'Menu' }).click()
  await nav.getByRole('link', { name: 'My work', exact: true }).click()
  await expect(nav.getByRole('link', { name: 'My work', exact: true })).not.toBeInViewport()

  const job = page.locator(`[data-testid="my-work-card"][data-order="${order.number}"]`)
  await expect(job).toBeVisible()
  // Thumb-sized: the step buttons are as tall as Mantine's md and share the card's width.
  const onSite = job.getByRole('button', { name: 'On site' })
  expect((await onSite.boundingBox())!.height).toBeGreaterThanOrEqual(40)
  await onSite.click()
  await expect(job.getByTestId('my-work-status')).toHaveText('On site')
  await expect(job.getByTestId('actual-times')).toContainText('Arrived')

  await job.getByRole('button', { name: 'Notes and parts' }).click()
  await job.getByLabel('Notes').fill('Condenser fan blocked by ice; cleared.')
  await job.getByRole('button', { name: 'Save notes' }).click()
  await expect(page.getByText('Notes saved')).toBeVisible()
  await job.getByRole('combobox', { name: 'Part' }).click()
  await job.getByRole('combobox', { name: 'Part' }).fill('R32')
  await page.getByRole('option', { name: /P-R32/ }).click()
  await job.getByLabel('Quantity').fill('1.5')
  await job.getByRole('button', { name: 'Add part' }).click()
  await expect(job.getByTestId('job-part')).toContainText('Refrigerant R32')
  await expect(job.getByTestId('job-part')).toContainText('1.5 kg')
  // The form is ready for the next part once the add has finished (not mid-spinner in the screenshot).
  await expect(job.getByRole('button', { name: 'Add part' })).not.toHaveAttribute('data-loading')
  await screenshot(page, 'my-work-phone')

  await job.getByRole('button', { name: 'Done' }).click()
  await expect(job.getByTestId('my-work-status')).toHaveText('Done')
  await expect(job.getByTestId('actual-times')).toContainText('Finished')

  const stored = await api<{ notes: string; lines: { type: string; quantity: number; description: string }[] }>('serviceOrders.get', {
    id: order.id
  })
  expect(stored.notes).toBe('Condenser fan blocked by ice; cleared.')
  expect(stored.lines).toEqual([expect.objectContaining({ type: 'item', quantity: 1500, description: 'Refrigerant R32' })])
})
