import type { HooldusBridge } from '../src/shared/api/bridge'
import { closeNotifications, expect, screenshot, setupAdmin, signIn, test } from './support/app'

test("another user's change shows on an open list without reloading", async ({ page, app, browser }) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Customers', exact: true }).click()
  // The list as read before the change: what the screen shows, not a response event the test might miss.
  await expect(page.getByTestId('list-total')).toHaveText('0 rows')
  await expect(page.getByText('Rebase Pagar OÜ')).toHaveCount(0)

  // A second workstation: its own browser, its own session.
  const other = await browser.newContext()
  const second = await other.newPage()
  await signIn(second, app, 'admin', 'admin-pass-1')
  const created = await second.evaluate(() =>
    (window as unknown as { api: HooldusBridge }).api.call('customers.create', {
      name: 'Rebase Pagar OÜ',
      sites: [{ name: 'Pagarikoda', street: 'Rüütli 12', city: 'Tartu' }]
    })
  )
  expect(created.ok).toBe(true)

  // No reload, no click: the first screen hears of the change and refetches its list.
  await expect(page.getByRole('cell', { name: 'Rebase Pagar OÜ' })).toBeVisible()
  await screenshot(page, 'live-updates-list')
  await other.close()
})

test('two dispatchers on one order: a save that did not reach the host stays unsaved; the stale save names who saved first', async ({
  page,
  app,
  browser
}) => {
  await setupAdmin(app)
  for (const [username, displayName] of [
    ['mari', 'Mari Maasikas'],
    ['jaan', 'Jaan Tamm']
  ])
    expect(
      (await app.api('users.create', { username, displayName, roles: ['dispatcher'], language: 'en', password: `${username}-pass-1` })).ok
    ).toBe(true)
  const customer = (
    await app.api('customers.create', { name: 'Kalamaja Kohvik OÜ', sites: [{ name: 'Kohvik', street: 'Soo 7', city: 'Tallinn' }] })
  ).data as { id: number; sites: { id: number }[] }
  const order = (
    await app.api('serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description: 'Cold room alarm' })
  ).data as { id: number }

  const open = async (p: typeof page, username: string) => {
    await signIn(p, app, username, `${username}-pass-1`)
    await p.goto(`${app.url}#/orders/${order.id}`)
    await expect(p.getByRole('textbox', { name: /^Description/ })).toHaveValue('Cold room alarm')
  }
  await open(page, 'mari')
  const other = await browser.newContext()
  const second = await other.newPage()
  await open(second, 'jaan')

  // Mari's first save never reaches the host: an error, no "saved", her text stays to be saved again.
  await page.route('**/api/**', (route) => route.abort())
  const description = page.getByRole('textbox', { name: /^Description/ })
  await description.fill('Cold room alarm — compressor relay replaced')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('The Hooldus host cannot be reached. Is it still running?')).toBeVisible()
  await expect(page.getByText('Order saved')).toHaveCount(0)
  await expect(description).toHaveValue('Cold room alarm — compressor relay replaced')
  await expect(page.getByRole('button', { name: 'Save' })).toBeEnabled()
  await page.unroute('**/api/**')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Order saved')).toBeVisible()

  // Jaan still has the version he opened: his save is refused, naming Mari; his words stay on screen.
  const his = second.getByRole('textbox', { name: /^Description/ })
  await his.fill('Cold room alarm — customer asks for a visit on Friday')
  await second.getByRole('button', { name: 'Save' }).click()
  await expect(second.getByTestId('conflict-alert')).toContainText(
    /Service order was changed by Mari Maasikas at \d\d:\d\d, after you opened it/
  )
  await expect(his).toHaveValue('Cold room alarm — customer asks for a visit on Friday')
  await closeNotifications(second)
  await screenshot(second, 'live-updates-conflict-named')
  const stored = (await app.api('serviceOrders.get', { id: order.id })).data as { description: string }
  expect(stored.description).toBe('Cold room alarm — compressor relay replaced')
  await other.close()
})
