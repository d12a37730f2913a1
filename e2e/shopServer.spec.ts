import type { Browser, Page } from '@playwright/test'
import { expect, screenshot, setupAdmin, startApp, test, type RunningApp } from './support/app'
import { workingDayTime } from './support/clock'
import { box, drag } from './support/pointer'
import { openBoardOn, quietWednesday } from './support/board'

/** A workstation: its own browser profile, trusting the host's self-signed certificate, on the host's clock. */
async function workstation(browser: Browser, app: RunningApp): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true })
  const page = await context.newPage()
  await page.clock.install({ time: app.now() })
  return page
}

/** Pairs through the host's pairing page (the key lands in an HttpOnly cookie), then signs in. */
async function pairAndSignIn(page: Page, origin: string, code: string, machine: string, username: string, password: string) {
  await page.goto(origin + '/')
  await expect(page).toHaveURL(`${origin}/pair`)
  await page.getByLabel('Pairing code').fill(code)
  await page.getByLabel('Name of this device').fill(machine)
  await page.getByRole('button', { name: 'Pair' }).click()
  await page.getByLabel('User name').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()
}

test('two paired workstations over TLS on 127.0.0.2: one drags a card, the other sees it move; a stale save names who saved first', async ({
  browser
}) => {
  const { app, stop } = await startApp(workingDayTime(), [], undefined, '127.0.0.2:0')
  try {
    const origin = new URL(app.url).origin
    expect(origin).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/)
    expect(app.output()).toMatch(/Certificate fingerprint \(SHA-256\): ([0-9A-F]{2}:){31}[0-9A-F]{2}/)
    const code = /Pairing code: (\d{6})/.exec(app.output())![1]!

    await setupAdmin(app, true)
    const admin = 'shop-admin-session-0001'
    expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, admin)).ok).toBe(true)
    for (const [username, displayName] of [
      ['mari', 'Mari Dispatcher'],
      ['jaan', 'Jaan Dispatcher']
    ] as const) {
      const created = await app.api('users.create', { username, displayName, roles: ['dispatcher'], password: `${username}-pass-1` }, admin)
      expect(created.ok).toBe(true)
    }

    // The two workstations start side by side, as two dispatchers would, and the administrator on the server's
    // own console (the launch token) beside them.
    const date = quietWednesday(app.now())
    const dispatcher = async (machine: string, username: string) => {
      const page = await workstation(browser, app)
      await pairAndSignIn(page, origin, code, machine, username, `${username}-pass-1`)
      await openBoardOn(page, date)
      return page
    }
    const administrator = async () => {
      const page = await workstation(browser, app)
      await page.goto(app.url)
      await page.getByLabel('User name').fill('admin')
      await page.getByLabel('Password', { exact: true }).fill('admin-pass-1')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByTestId('user-menu')).toBeVisible()
      return page
    }
    const [first, second, console_] = await Promise.all([
      dispatcher('Dispatch-1', 'mari'),
      dispatcher('Dispatch-2', 'jaan'),
      administrator()
    ])

    // Mari drags a card from the tray onto the first technician at 10:00.
    const tech = Number(await first.locator('[data-tech-row]').first().getAttribute('data-tech-row'))
    const card = first.getByTestId('tray-card').first()
    const order = (await card.getAttribute('data-order'))!
    await expect(second.locator(`[data-tech-row="${tech}"] [data-order="${order}"]`)).toHaveCount(0)
    const from = await box(card)
    const tick = await box(first.locator('[data-tick="10:00"]'))
    const lane = await box(first.locator(`[data-tech-row="${tech}"] [data-lane]`))
    const saved = first.waitForResponse(
      (r) => r.url().includes('/api/dispatch.') && r.request().method() === 'POST' && !r.url().includes('board')
    )
    await drag(first, { x: from.x + 40, y: from.y + 12 }, { x: tick.x + 3, y: lane.y + lane.height / 2 })
    await saved
    await expect(first.locator(`[data-tech-row="${tech}"] [data-order="${order}"]`)).toBeVisible()

    // Jaan's board, untouched, hears of it over the event stream and shows the card in the row, out of the tray.
    await expect(second.locator(`[data-tech-row="${tech}"] [data-order="${order}"]`)).toBeVisible()
    await expect(second.getByTestId('tray-list').locator(`[data-order="${order}"]`)).toHaveCount(0)
    await screenshot(second, 'shop-server-second-board')

    // Both open that order; Mari saves first, and Jaan's stale save is refused naming her, his words kept.
    const openOrder = async (page: Page) => {
      await page.goto(`${origin}/#/orders/by-number/${order}`)
      await expect(page.getByRole('textbox', { name: /^Description/ })).toBeVisible()
    }
    await Promise.all([openOrder(first), openOrder(second)])
    await first.getByRole('textbox', { name: /^Description/ }).fill('Mari: the customer confirmed the time')
    await first.getByRole('button', { name: 'Save' }).click()
    await expect(first.getByText('Order saved')).toBeVisible()
    const his = second.getByRole('textbox', { name: /^Description/ })
    await his.fill('Jaan: bring the long ladder')
    await second.getByRole('button', { name: 'Save' }).click()
    await expect(second.getByTestId('conflict-alert')).toContainText(/Service order was changed by Mari Dispatcher at \d\d:\d\d/)
    await expect(his).toHaveValue('Jaan: bring the long ladder')

    // The operations page: who is connected from where, the code, the certificate, the backups.
    await console_.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
    await console_.getByRole('tab', { name: 'Operations' }).click()
    await expect(console_.getByTestId('pairing-code')).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`)
    const clients = console_.getByTestId('paired-clients')
    await expect(clients.locator('[data-client="Dispatch-1"]')).toContainText('Mari Dispatcher')
    await expect(clients.locator('[data-client="Dispatch-2"]')).toContainText('Jaan Dispatcher')
    await screenshot(console_, 'shop-server-operations')

    // Revoking Dispatch-2 ends Jaan's session at once: his next call is refused.
    await clients.locator('[data-client="Dispatch-2"]').getByRole('button', { name: 'Revoke' }).click()
    await console_.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click()
    await expect(clients.locator('[data-client="Dispatch-2"]')).toContainText('Revoked')
    const refused = await second.evaluate(() =>
      (window as unknown as { api: { call: (m: string, i: unknown) => Promise<{ ok: boolean; error?: { key: string } }> } }).api.call(
        'customers.list',
        {}
      )
    )
    expect(refused.error?.key).toBe('errors.pairing.revoked')
  } finally {
    await stop()
  }
})
