import { DateTime } from 'luxon'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'
import { SHOP_ZONE } from './support/clock'

// A weekday 10:00 in Tallinn for the host and the browser: the SLA deadline and the free time are relative to it.
test.use({ workingDayClock: true, actionTimeout: 10_000 })

async function adminApi(app: RunningApp) {
  const session = 'suggest-check-session-0001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

interface Suggestion {
  rank: number
  workerId: number
  fit: string
  slot: { start: number; end: number } | null
}

test('suggestions for an order due today: rank 1 before the response deadline, its slot outlined on the board, applied', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  const api = await adminApi(app)
  // On the quarter hour, so that the free time after the bookings starts on the hour.
  const now = Math.floor(app.now() / 900_000) * 900_000
  const today = DateTime.fromMillis(now, { zone: SHOP_ZONE }).toISODate()!
  const hour = 3_600_000
  const skill = await api<{ id: number }>('skills.create', { code: 'COOL', name: 'Refrigeration' })
  const task = await api<{ id: number }>('serviceTasks.create', { code: 'REPAIR', name: 'Repair', requiredSkillIds: [skill.id] })
  const jaan = await api<{ id: number }>('workers.create', { name: 'Jaan Tamm', skillIds: [skill.id] })
  const mari = await api<{ id: number }>('workers.create', { name: 'Mari Mets', skillIds: [skill.id] })
  await api('workers.create', { name: 'Anu Kask' })
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Pärnu Hotell AS',
    sites: [{ name: 'Main building', street: 'Rüütli 44', city: 'Pärnu' }]
  })
  const siteId = customer.sites[0]!.id
  // Jaan is busy for the next hour, Mari for the rest of the day.
  for (const [worker, end] of [
    [jaan.id, now + hour],
    [mari.id, now + 7 * hour]
  ] as const) {
    const o = await api<{ id: number; version: number }>('serviceOrders.create', { customerId: customer.id, siteId, description: 'Booked' })
    await api('dispatch.assign', { orderId: o.id, orderVersion: o.version, workerId: worker, start: now, end })
  }
  const sla = await api<{ id: number }>('slaDefinitions.create', {
    code: 'FAST',
    name: 'Fast response',
    targets: [{ priority: 'normal', responseMinutes: 120, resolutionMinutes: 480 }]
  })
  const order = await api<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    siteId,
    description: 'Cold room alarm',
    tasks: [{ id: task.id }],
    slaId: sla.id
  })
  const expected = await api<Suggestion[]>('dispatch.suggest', { orderId: order.id, from: today, days: 1 })
  const first = expected[0]!
  expect([first.workerId, first.fit]).toEqual([jaan.id, 'meets'])

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Dispatch board' }).click()
  await page.locator(`[data-testid="tray-card"][data-order="${order.number}"]`).click()
  const rows = page.getByTestId('suggestion')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toHaveAttribute('data-rank', '1')
  await expect(rows.first()).toContainText('Jaan Tamm')
  await expect(rows.first().getByTestId('suggestion-slot')).toContainText(
    /^Free \d\d:\d\d–\d\d:\d\d, before the \d\d:\d\d response deadline/
  )
  await expect(rows.first().getByTestId('suggestion-reasons')).toHaveText(/^Has the required skill · 1 h booked on /)
  await expect(rows.nth(1)).toContainText('Mari Mets')
  await expect(rows.nth(1).getByTestId('suggestion-slot')).toContainText('misses the')
  await expect(rows.nth(2).getByTestId('suggestion-reasons')).toContainText('Missing skill: Refrigeration')

  // Hovering rank 1 outlines Jaan's slot on his row; picking it keeps the outline. Rank 2's slot is on another
  // day: hovering it outlines nothing on today's rows and the row says so.
  const ghost = page.getByTestId('suggest-ghost')
  await rows.first().hover()
  await expect(ghost).toHaveAttribute('data-worker', String(jaan.id))
  await rows.first().click()
  await rows.nth(1).hover()
  await expect(ghost).toHaveCount(0)
  await expect(rows.nth(1).getByTestId('suggestion-slot')).toContainText('(outside the shown days)')
  await page.getByTestId('board-grid').hover()
  await expect(ghost).toHaveAttribute('data-worker', String(jaan.id))
  const lane = await page.locator(`[data-tech-row="${jaan.id}"]`).boundingBox()
  const box = await ghost.boundingBox()
  expect(box!.y).toBeGreaterThanOrEqual(lane!.y)
  expect(box!.y + box!.height).toBeLessThanOrEqual(lane!.y + lane!.height)
  await screenshot(page, 'suggest-highlighted-slot')

  await rows.first().getByRole('button', { name: 'Assign' }).click()
  await expect(ghost).toHaveCount(0)
  await expect
    .poll(async () =>
      (
        await api<{ cards: { orderId: number; workerId: number; start: number; end: number }[] }>('dispatch.board', {
          from: today,
          days: 1
        })
      ).cards
        .filter((c) => c.orderId === order.id)
        .map((c) => [c.workerId, c.start, c.end])
    )
    .toEqual([[jaan.id, first.slot!.start, first.slot!.end]])
})
