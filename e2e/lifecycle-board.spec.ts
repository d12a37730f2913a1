import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** A signed-in API session for setting up and for checking what was stored. */
async function apiAs(app: RunningApp, username: string, password: string, session: string) {
  expect((await app.api('auth.signIn', { username, password }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

// A weekday 10:00 in Tallinn for the host and the browser alike.
test.use({ workingDayClock: true })

test('a technician finishes a job on My work: the order reaches its done stage, leaves the tray and shows done on the board', async ({
  page,
  app
}) => {
  await setupAdmin(app, true)
  const admin = await apiAs(app, 'admin', 'admin-pass-1', 'lifecycle-admin-session-01')
  const tech = await apiAs(app, 'tech', 'demo-tech', 'lifecycle-tech-session-001')
  await tech('auth.setPreferences', { language: 'en', csvDialect: 'standard' })
  const { user } = await tech<{ user: { workerId: number } }>('auth.status', {})
  const tray = await admin<{ rows: { orderId: number; orderVersion: number; orderNumber: string }[] }>('dispatch.tray', {
    tab: 'unassigned'
  })
  const row = tray.rows[0]!
  const start = Math.floor(app.now() / 60_000) * 60_000
  await admin('dispatch.assign', {
    orderId: row.orderId,
    orderVersion: row.orderVersion,
    workerId: user.workerId,
    start,
    end: start + 3_600_000
  })

  await signIn(page, app, 'tech', 'demo-tech')
  await page.getByRole('navigation').getByRole('link', { name: 'My work', exact: true }).click()
  const mine = page.locator(`[data-testid="my-work-card"][data-order="${row.orderNumber}"]`)
  await mine.getByRole('button', { name: 'On site' }).click()
  await expect(mine.getByTestId('my-work-status')).toHaveText('On site')
  await mine.getByRole('button', { name: 'Done' }).click()
  await expect(mine.getByTestId('my-work-status')).toHaveText('Done')
  // Finished work offers nothing more.
  await expect(mine.getByRole('button')).toHaveCount(0)

  const order = await admin<{ stage: { code: string } }>('serviceOrders.get', { id: row.orderId })
  expect(order.stage.code).toBe('COMPLETED')
  for (const tab of ['unassigned', 'unscheduled', 'dispatched', 'onHold']) {
    const r = await admin<{ rows: { orderId: number }[] }>('dispatch.tray', { tab })
    expect(r.rows.map((x) => x.orderId)).not.toContain(row.orderId)
  }

  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await signIn(page, app, 'admin', 'admin-pass-1')
  // The board opens on today, where the visit is.
  await page.getByRole('navigation').getByRole('link', { name: 'Dispatch board' }).click()
  await expect(page.getByTestId('tray-card').first()).toBeVisible()
  const card = page.locator(`[data-order="${row.orderNumber}"][data-card-id]`)
  await expect(card).toHaveAttribute('data-finished', 'true')
  await expect(card).toHaveAttribute('data-conflicts', '0')
  await screenshot(page, 'lifecycle-board-done-card')
})
