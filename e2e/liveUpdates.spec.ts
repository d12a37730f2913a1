import type { HooldusBridge } from '../src/shared/api/bridge'
import { expect, screenshot, setupAdmin, signIn, test } from './support/app'

test("another user's change shows on an open list without reloading", async ({ page, app, browser }) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  const listed = page.waitForResponse((r) => r.url().includes('/api/customers.list'))
  await page.getByRole('navigation').getByRole('link', { name: 'Customers', exact: true }).click()
  await listed
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
