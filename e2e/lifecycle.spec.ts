import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'
import { box, drag } from './support/pointer'

// The host and the browser run on a weekday 10:00 in Tallinn.
test.use({ workingDayClock: true })

async function apiAs(app: RunningApp, session: string) {
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

interface Order {
  id: number
  number: string
  version: number
  responsibleWorkerId: number | null
  needsVisit: boolean
  lines: { type: string; workerId: number | null; scheduledDate: string | null }[]
}

test('holidays loaded in settings keep agreement visits off them, fee-only visits stay out of the tray, and undo of a tray drop is exact', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  const api = await apiAs(app, 'lifecycle-check-session-01')
  const tech = await api<{ id: number }>('workers.create', { name: 'Jaan Tamm' })
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const hours = await api<{ id: number }>('categories.create', { code: 'WORK', name: 'Work', type: 'hour' })
  const fee = await api<{ id: number }>('categories.create', { code: 'FEE', name: 'Monitoring fee', type: 'fee' })
  const group = await api<{ id: number }>('agreementGroups.create', { code: 'GOLD', name: 'Gold' })
  const intervals = await api<{ rows: { id: number; code: string }[] }>('serviceIntervals.list', {})
  const windows = await api<{ rows: { id: number; code: string }[] }>('timeWindows.list', {})
  const interval = (code: string) => intervals.rows.find((i) => i.code === code)!.id
  const agreement = await api<{ id: number }>('agreements.create', {
    customerId: customer.id,
    description: 'Heat pump care',
    groupId: group.id,
    startDate: '2029-12-01',
    combineRule: 'task'
  })
  // A yearly visit due on Christmas Day 2030, free to move within its week; and a monthly monitoring fee.
  await api('agreements.addLine', {
    agreementId: agreement.id,
    type: 'hour',
    categoryId: hours.id,
    intervalId: interval('YEARLY'),
    timeWindowId: windows.rows.find((w) => w.code === 'WEEK')!.id,
    startDate: '2029-12-25'
  })
  await api('agreements.addLine', {
    agreementId: agreement.id,
    type: 'fee',
    categoryId: fee.id,
    intervalId: interval('MONTHLY'),
    startDate: '2029-12-01'
  })

  // 1. Settings: load Estonia's public holidays of 2030 and save.
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  await page.getByRole('textbox', { name: 'Year' }).fill('2030')
  await page.getByRole('button', { name: 'Load public holidays' }).click()
  const list = page.getByTestId('holidays')
  await expect(list.getByRole('textbox', { name: /Holiday \d+ name/ })).toHaveCount(12)
  await list.scrollIntoViewIfNeeded()
  await screenshot(page, 'lifecycle-settings-holidays')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled()
  await expect
    .poll(async () => (await api<{ holidays: { date: string }[] }>('settings.get', {})).holidays.map((h) => h.date))
    .toContain('2030-12-25')

  // 2. Generate December 2030: the visit moves to Monday 23rd (24–26 are holidays); the fee needs no visit.
  const run = await api<{ id: number }>('agreements.generate', { from: '2030-12-01', to: '2030-12-31' })
  await expect.poll(async () => (await api<{ status: string }>('agreements.run', { id: run.id })).status).toBe('done')
  const made = await api<{ rows: { id: number }[] }>('serviceOrders.list', { pageSize: 50 })
  const orders = await Promise.all(made.rows.map((r) => api<Order>('serviceOrders.get', { id: r.id })))
  const visit = orders.find((o) => o.lines[0]?.type === 'hour')!
  const feeOrder = orders.find((o) => o.lines[0]?.type === 'fee')!
  expect(visit.lines[0]!.scheduledDate).toBe('2030-12-23')
  expect(feeOrder.needsVisit).toBe(false)

  // 3. The board's tray holds the visit, not the fee.
  await page.getByRole('navigation').getByRole('link', { name: 'Dispatch board', exact: true }).click()
  const tray = page.getByTestId('tray-list')
  const trayCard = tray.locator(`[data-order="${visit.number}"]`)
  await expect(trayCard).toBeVisible()
  await expect(tray.locator(`[data-order="${feeOrder.number}"]`)).toHaveCount(0)
  await screenshot(page, 'lifecycle-tray')

  // 4. Drop it on the technician today at 11:00: he becomes responsible and gets the hour line. Undo restores it exactly.
  const lane = await box(page.locator(`[data-tech-row="${tech.id}"] [data-lane]`))
  const eleven = await box(page.locator('[data-tick="11:00"]'))
  const t = await box(trayCard)
  await drag(page, { x: t.x + 40, y: t.y + 12 }, { x: eleven.x + 3, y: lane.y + lane.height / 2 })
  await expect.poll(async () => (await api<Order>('serviceOrders.get', { id: visit.id })).responsibleWorkerId).toBe(tech.id)
  await expect(page.locator(`[data-tech-row="${tech.id}"] [data-order="${visit.number}"]`)).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => (await api<Order>('serviceOrders.get', { id: visit.id })).responsibleWorkerId).toBeNull()
  const undone = await api<Order>('serviceOrders.get', { id: visit.id })
  expect(undone.lines).toEqual(visit.lines.map((l) => expect.objectContaining({ workerId: l.workerId, scheduledDate: l.scheduledDate })))
  // Nobody named again: back on the Unassigned tab, not Unscheduled.
  await expect(tray.locator(`[data-order="${visit.number}"]`)).toBeVisible()
  await screenshot(page, 'lifecycle-after-undo')
})
