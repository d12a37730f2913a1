import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { formatMinutes } from '../src/shared/sla/clock'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

const MINUTE = 60_000

// The host's and the browser's clocks start together and move together (advanceClock), whenever the suite runs.
test.use({ workingDayClock: true })

/** A signed-in API session for setting up master data and checking what the screens stored. */
async function adminApi(app: RunningApp) {
  const session = 'sla-check-session-00001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
}

async function choose(
  page: Page,
  combobox: string | RegExp,
  option: string | RegExp,
  type?: string,
  scope: Page | ReturnType<Page['getByRole']> = page
) {
  const box = scope.getByRole('combobox', { name: combobox })
  await box.click()
  if (type !== undefined) await box.fill(type)
  await page.getByRole('option', { name: option }).click()
}

async function moveTo(page: Page, stage: string, reason?: RegExp) {
  await page.getByRole('button', { name: 'Next stage' }).click()
  await page.getByRole('menuitem', { name: stage }).click()
  if (reason) await choose(page, /^Reason/, reason, undefined, page.getByRole('dialog'))
  await page.getByRole('button', { name: `Move to ${stage}` }).click()
  await expect(page.getByTestId('stage-badge')).toHaveText(stage)
}

/** Opens an order from the list (the built app's assets are relative: a deep link would not load them). */
async function openOrder(page: Page, number: string) {
  await nav(page, 'Service orders')
  await page.getByRole('row', { name: new RegExp(number) }).click()
  await expect(page.getByRole('heading', { name: number })).toBeVisible()
}

/**
 * Opens the order and reads one target's time left, as the host answered it on this visit (sla.forOrder)
 * and as the SLA section shows it once that answer is on screen.
 */
async function leftOnReopen(page: Page, number: string, target: 'response' | 'resolution'): Promise<number> {
  const fresh = page.waitForResponse((r) => r.url().endsWith('/api/sla.forOrder'))
  await openOrder(page, number)
  const clock = (await (await fresh).json()) as { data: { targets: { target: string; remaining: number }[] } }
  const remaining = clock.data.targets.find((t) => t.target === target)!.remaining
  await expect(page.getByTestId(`sla-left-${target}`)).toHaveText(formatMinutes(remaining))
  return remaining
}

test('an SLA made on screen: an order passes its response deadline and shows as breached; a paused order stops counting; the compliance report', async ({
  page,
  app
}) => {
  test.setTimeout(180_000)
  await setupAdmin(app)
  const api = await adminApi(app)
  // A shop open round the clock, so that business time runs whenever the test does (the SLA copies it).
  const settings = await api<Record<string, unknown>>('settings.get', {})
  const allWeek = Array.from({ length: 7 }, () => ({ open: true, start: '00:00', end: '23:59' }))
  await api('settings.update', { ...settings, workingHours: allWeek, holidays: [] })
  const customer = await api<{ id: number }>('customers.create', {
    name: 'Pärnu Hotell AS',
    sites: [{ name: 'Main building', street: 'Rüütli 44', city: 'Pärnu', postalCode: '80010' }]
  })
  const orderA = await api<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    oneTimeAddress: 'Rüütli 44, Pärnu',
    description: 'Cold room alarm',
    priority: 'normal'
  })
  const orderB = await api<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    oneTimeAddress: 'Rüütli 44, Pärnu',
    description: 'Ice machine leaks',
    priority: 'normal'
  })

  await signIn(page, app, 'admin', 'admin-pass-1')

  // ---- The SLA: a response target of one business minute, its own (round-the-clock) calendar.
  await nav(page, 'SLAs')
  await page.getByRole('button', { name: 'New SLA' }).click()
  await page.getByRole('textbox', { name: /^Code/ }).fill('FAST')
  await page.getByRole('textbox', { name: /^Name/ }).fill('Fast response')
  await page.getByRole('checkbox', { name: 'Targets for low priority' }).uncheck()
  // Bad input: a target left empty, and one of zero, are named; nothing is saved.
  await page.getByLabel('Normal response hours').fill('')
  await page.getByLabel('Normal response minutes').fill('')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('Response target is required')).toBeVisible()
  await page.getByLabel('Normal response minutes').fill('0')
  await page.getByLabel('Normal response hours').fill('0')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('Response target must be more than zero')).toBeVisible()
  await expect(page).toHaveURL(/\/slas\/new$/)
  expect((await api<{ total: number }>('slaDefinitions.list', {})).total).toBe(0)
  await page.getByLabel('Normal response minutes').fill('1')
  // A resolution of one hour keeps order A on the at-risk list after its response is missed.
  await page.getByLabel('Normal resolution hours').fill('1')
  await page.getByText('Own calendar').click()
  await expect(page.getByRole('checkbox', { name: 'Sunday open' })).toBeChecked()
  await page.getByRole('combobox', { name: 'Response met in' }).click()
  await page.getByRole('option', { name: 'Scheduled' }).click()
  await page.keyboard.press('Escape')
  await screenshot(page, 'sla-editor')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page).toHaveURL(/\/slas\/\d+$/)
  await expect(page.getByRole('heading', { name: 'FAST · Fast response' })).toBeVisible()
  const slas = await api<{
    rows: { code: string; workingHours: unknown; targets: { priority: string; responseMinutes: number }[]; respondStageIds: number[] }[]
  }>('slaDefinitions.list', {})
  expect(slas.rows).toHaveLength(1)
  expect(slas.rows[0]!.workingHours).toEqual(allWeek)
  expect(slas.rows[0]!.targets.map((t) => [t.priority, t.responseMinutes])).toEqual([
    ['high', 60],
    ['normal', 1]
  ])
  expect(slas.rows[0]!.targets[1]).toMatchObject({ resolutionMinutes: 60, arrivalMinutes: null })
  expect(slas.rows[0]!.respondStageIds).toHaveLength(1)

  // ---- Order A gets the SLA from its SLA section, order B from the header's SLA field.
  await openOrder(page, orderA.number)
  await expect(page.getByTestId('order-sla')).toContainText('No SLA applies')
  await page.getByRole('button', { name: 'SLA actions' }).click()
  await page.getByRole('menuitem', { name: 'Set an SLA…' }).click()
  await choose(page, /^SLA/, 'FAST · Fast response', undefined, page.getByRole('dialog'))
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByTestId('order-sla')).toContainText('set on this order')
  await expect(page.getByTestId('order-sla-badge')).toContainText('left')

  await openOrder(page, orderB.number)
  await choose(page, /^SLA/, 'FAST · Fast response')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('order-sla')).toContainText('Fast response')
  // Scheduled meets the response (the SLA says so); On hold pauses the clock for every SLA.
  await moveTo(page, 'Scheduled')
  await expect(page.locator('[data-target="response"]')).toContainText('met')
  await moveTo(page, 'On hold', /Customer not available/)
  await expect(page.getByTestId('order-sla-badge')).toHaveText('Paused')
  const pausedLeft = await leftOnReopen(page, orderB.number, 'resolution')

  // ---- Ten minutes later (the host's clock): A is past its one-minute response target.
  await app.advanceClock(10 * MINUTE)
  await nav(page, 'Service orders')
  // A search asks the host afresh (the list shown first is the one cached a moment ago).
  await page.getByRole('textbox', { name: 'Search service orders' }).fill('Pärnu')
  const rowA = page.getByRole('row', { name: new RegExp(orderA.number) })
  const rowB = page.getByRole('row', { name: new RegExp(orderB.number) })
  await expect(rowA.locator('[data-sla-level="breached"]')).toHaveText(/^Breached/)
  await expect(rowB.locator('[data-sla-level="paused"]')).toHaveText('Paused')
  await screenshot(page, 'sla-order-list')

  await rowA.click()
  await expect(page.getByTestId('order-sla-badge')).toContainText('Breached')
  await expect(page.locator('[data-target="response"]')).toContainText('breached')
  await expect(page.getByTestId('sla-events')).toContainText('Breached')
  await screenshot(page, 'sla-order-breached')
  await page.getByTestId('order-sla').scrollIntoViewIfNeeded()
  await screenshot(page, 'sla-order-section')
  const runningBefore = await leftOnReopen(page, orderA.number, 'resolution')

  // A paused clock stands still; a running one counts down.
  expect(await leftOnReopen(page, orderB.number, 'resolution')).toBe(pausedLeft)
  await app.advanceClock(30 * MINUTE)
  expect(await leftOnReopen(page, orderB.number, 'resolution')).toBe(pausedLeft)
  await expect(page.getByTestId('order-sla-badge')).toHaveText('Paused')
  const runningAfter = await leftOnReopen(page, orderA.number, 'resolution')
  expect(runningBefore - runningAfter).toBeGreaterThanOrEqual(30)

  // The missed target's reason, given on the order.
  await page.locator('[data-target="response"]').getByRole('button', { name: 'Give reason' }).click()
  await choose(page, /^Reason/, /No technician free in time/, undefined, page.getByRole('dialog'))
  await page.getByRole('button', { name: 'Save reason' }).click()
  await expect(page.locator('[data-target="response"]')).toContainText('No technician free in time')

  // ---- The at-risk list has the breached order.
  await nav(page, 'SLAs at risk')
  await expect(page.getByRole('row', { name: new RegExp(orderA.number) })).toContainText('Breached')
  await screenshot(page, 'sla-at-risk')

  // ---- Compliance: A's response missed, B's met.
  await nav(page, 'SLA compliance')
  // Within the grouping control: a bare "Priority" is also the at-risk list's column, still on screen until the page turns.
  await page.getByRole('radiogroup', { name: 'Group by' }).getByText('Priority', { exact: true }).click()
  const normal = page.getByTestId('compliance-table').getByRole('row', { name: /Normal/ })
  await expect(normal).toContainText('50 %')
  await expect(page.getByTestId('compliance-bar')).toHaveCount(1)
  await screenshot(page, 'sla-compliance')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csv = parse(readFileSync(await (await download).path(), 'utf8'), { bom: true, columns: true }) as Record<string, string>[]
  expect(csv).toHaveLength(1)
  expect(Object.values(csv[0]!)).toContain('Normal')
  const pdf = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF' }).click()
  expect(
    readFileSync(await (await pdf).path())
      .subarray(0, 4)
      .toString('latin1')
  ).toBe('%PDF')
})
