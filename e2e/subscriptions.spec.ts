import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { DateTime } from 'luxon'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'
import { SHOP_ZONE } from './support/clock'

// Host and browser run from the same working-day clock: nothing depends on when the suite runs.
test.use({ workingDayClock: true, actionTimeout: 10_000 })

async function adminApi(app: RunningApp) {
  const session = 'subscriptions-check-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

const dotted = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`

async function pick(field: Locator, text: string, option: string | RegExp = text) {
  await field.click()
  await field.fill(text)
  await field.page().getByRole('option', { name: option }).first().click()
}

type Api = Awaited<ReturnType<typeof adminApi>>
interface Order {
  id: number
  version: number
  lines: { id: number }[]
  nextStages: { id: number; code: string }[]
}

/** A service order with one 123.45 fee line, taken through the workflow, posted and invoiced on the date. */
async function invoicedRepair(api: Api, customerId: number, invoiceDate: string) {
  let order = await api<Order>('serviceOrders.create', { customerId, oneTimeAddress: 'Rüütli 44, Pärnu', description: 'Compressor repair' })
  const category = await api<{ id: number }>('categories.create', { code: 'REPAIR', name: 'Repairs', type: 'fee' })
  order = await api<Order>('serviceOrders.addLine', {
    orderId: order.id,
    type: 'fee',
    categoryId: category.id,
    description: 'Repair',
    quantity: 1000,
    unitPrice: 12345
  })
  for (const code of ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED']) {
    const next = order.nextStages.find((s) => s.code === code)!
    order = await api<Order>('serviceOrders.changeStage', { id: order.id, version: order.version, toStageId: next.id })
  }
  order = await api<Order>('serviceOrders.signOff', { id: order.id, version: order.version })
  order = await api<Order>('serviceOrders.post', { id: order.id, version: order.version })
  return api<{ id: number }>('invoices.create', {
    customerId,
    lineIds: order.lines.map((l) => l.id),
    invoiceDate,
    requestKey: 'revenue-e2e-repair-0001'
  })
}

async function typeDate(page: Page, label: string, date: string) {
  const field = page.getByRole('dialog').getByRole('textbox', { name: label, exact: true })
  await field.fill(dotted(date))
  await field.press('Tab')
}

test('a manager creates a monthly subscription, generates a quarter, removes two days, invoices, credits a month and sees schedule and revenue change', async ({
  page,
  app
}) => {
  // 60 s left no margin on a loaded machine once the revenue report gained its PDF download.
  test.setTimeout(90_000)
  await setupAdmin(app)
  const api = await adminApi(app)
  const customer = await api<{ id: number }>('customers.create', {
    name: 'Pärnu Hotell AS',
    sites: [{ name: 'Main building', street: 'Rüütli 44', city: 'Pärnu' }]
  })
  await api('serviceObjects.create', { name: 'Cold room', customerId: customer.id })
  await api('subscriptionGroups.create', {
    code: 'MON',
    name: 'Remote monitoring',
    invoicingPeriod: 'month',
    accrue: true,
    accrualPeriod: 'month'
  })
  await api('users.create', { username: 'mart', displayName: 'Mart Manager', roles: ['serviceManager'], password: 'mart-pass-1' })
  // A repair invoiced today: 123.45 of service-order revenue beside the subscription's this month.
  await invoicedRepair(api, customer.id, DateTime.fromMillis(app.now(), { zone: SHOP_ZONE }).toISODate()!)

  // The next quarter after the app's today: fees invoiced in advance, recognised month by month.
  const today = DateTime.fromMillis(app.now(), { zone: SHOP_ZONE })
  const start = today.startOf('quarter').plus({ months: 3 })
  const month = (n: number) => start.plus({ months: n })
  const iso = (d: DateTime) => d.toISODate()!
  const end = iso(month(3).minus({ days: 1 }))
  const feb = month(1)
  const febDays = feb.daysInMonth!

  await signIn(page, app, 'mart', 'mart-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Subscriptions', exact: true }).click()
  await page.getByRole('button', { name: 'New subscription' }).click()
  await pick(page.getByRole('combobox', { name: 'Customer', exact: true }), 'Pärnu', /Pärnu Hotell AS/)
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Cold room monitoring')
  await pick(page.getByRole('combobox', { name: 'Subscription group', exact: true }), 'Remote', /Remote monitoring/)
  await page.getByRole('textbox', { name: 'Base price per period' }).fill('300')
  await page.getByRole('textbox', { name: 'Start date' }).fill(dotted(iso(start)))
  // The service objects it covers: the customer's only.
  await page.getByRole('combobox', { name: 'Service objects covered' }).click()
  await page.getByRole('option', { name: /Cold room/ }).click()
  await page.keyboard.press('Escape')
  await screenshot(page, 'subscriptions-objects')
  await page.getByRole('button', { name: 'Create', exact: true }).click()
  await expect(page.getByRole('heading', { name: /SUB-00001 · Cold room monitoring/ })).toBeVisible()
  const created = (await api<{ rows: { id: number }[] }>('subscriptions.list', {})).rows[0]!
  expect((await api<{ serviceObjectIds: number[] }>('subscriptions.get', { id: created.id })).serviceObjectIds).toHaveLength(1)

  // Generate the quarter: preview first, then the run with its progress.
  await page.getByRole('tab', { name: 'Fee transactions' }).click()
  await page.getByRole('button', { name: 'Generate fees…' }).click()
  await typeDate(page, 'Up to', end)
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('fee-preview')).toContainText('3 fees to create, 0 made before')
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await expect(page.getByTestId('fee-run-status')).toContainText('Done.')
  await expect(page.getByTestId('fee-run-progress')).toContainText('3 fees created')
  await screenshot(page, 'subscriptions-generate')
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByTestId('fee-row')).toHaveCount(3)

  // Two days off the second month: 2 / days-in-month of 300.00.
  await page.getByRole('button', { name: 'Remove days…' }).click()
  await typeDate(page, 'From', iso(feb.set({ day: 10 })))
  await typeDate(page, 'To', iso(feb.set({ day: 11 })))
  await page.getByRole('dialog').getByRole('button', { name: 'Remove days…' }).click()
  await expect(page.getByTestId('fee-row')).toHaveCount(4)
  const cut = Math.round((30000 * 2) / febDays)
  const money = (cents: number) => `€${(cents / 100).toLocaleString('en-IE', { minimumFractionDigits: 2 })}`
  await expect(page.getByTestId('fee-row').filter({ hasText: 'Days removed' })).toContainText(`-${money(cut)}`)

  // Invoice the quarter: the three fees and the reduction on one invoice.
  await page.getByRole('button', { name: 'Invoice 4 fees' }).click()
  await expect(page.getByTestId('fee-row').filter({ hasText: 'INV-' })).toHaveCount(4)
  await page.getByRole('tab', { name: 'Recognition schedule' }).click()
  await expect(page.getByTestId('schedule-row')).toHaveCount(4)
  await expect(page.getByTestId('schedule-totals')).toContainText(money(90000 - cut))
  await screenshot(page, 'subscriptions-schedule')

  // Credit the third month whole: its recognition is reversed.
  await page.getByRole('tab', { name: 'Fee transactions' }).click()
  await page
    .getByTestId('fee-row')
    .filter({ hasText: dotted(iso(month(2))) })
    .getByRole('button', { name: 'Credit…' })
    .click()
  await page.getByRole('dialog').getByRole('button', { name: 'Credit…' }).click()
  await expect(page.getByTestId('fee-row').filter({ hasText: 'Credited' })).toHaveCount(1)
  await screenshot(page, 'subscriptions-fees')
  await page.getByRole('tab', { name: 'Recognition schedule' }).click()
  await expect(page.getByTestId('schedule-row')).toHaveCount(5)
  await expect(page.getByTestId('schedule-row').filter({ hasText: 'Reversal' })).toContainText(`-${money(30000)}`)
  await expect(page.getByTestId('schedule-totals')).toContainText(money(60000 - cut))

  // The revenue report: the third month recognises nothing now, and the chart is drawn.
  await page.getByRole('navigation').getByRole('link', { name: 'Subscription revenue' }).click()
  const from = page.getByLabel('From', { exact: true })
  await from.fill(dotted(iso(today.startOf('month'))))
  await from.press('Tab')
  const to = page.getByLabel('To', { exact: true })
  await to.fill(dotted(end))
  await to.press('Enter')
  const third = page.getByTestId('revenue-row').last()
  await expect(third).toContainText(`${money(0)}`)
  await expect(page.getByTestId('revenue-row').nth(-3)).toContainText(money(30000))
  await expect(page.getByTestId('revenue-chart').locator('.recharts-bar-rectangle').first()).toBeVisible()
  // Contracted MRR and its movements: the subscription is new in its first month, 300.00 a month at the end.
  const table = page.getByTestId('revenue-table')
  for (const header of ['New', 'Expansion', 'Contraction', 'Churned', 'Contracted MRR']) {
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible()
  }
  await expect(third.getByRole('cell').last()).toHaveText(money(30000))
  await expect(page.getByTestId('revenue-row').nth(-3).getByRole('cell').nth(7)).toHaveText(money(30000))
  // Service-order revenue beside it: the repair in this month, nothing in the others.
  await expect(table.getByRole('columnheader', { name: 'Service order revenue', exact: true })).toBeVisible()
  await expect(page.getByTestId('service-order-revenue').first()).toHaveText(money(12345))
  await expect(page.getByTestId('service-order-revenue').last()).toHaveText(money(0))
  // Its forecast: no agreement orders, and the repair averaged over the last twelve months, 10.29 (10.2875) a
  // month: 123.48 over the next twelve.
  await expect(page.getByTestId('kpi-order-forecast')).toContainText(money(12348))
  const forecastChart = page.getByTestId('forecast-chart')
  await expect(forecastChart.getByText('Other orders (12-month average)')).toBeVisible()
  await expect(page.getByTestId('revenue-chart').getByText('Service order revenue')).toBeVisible()
  // The forecast: the twelve months after the report, each with its bar of subscription revenue.
  await expect(forecastChart.locator('.recharts-bar').first().locator('.recharts-bar-rectangle')).toHaveCount(12)
  // The date picker that Enter left open would cover the chart in the screenshot.
  await page.keyboard.press('Escape')
  await screenshot(page, 'subscriptions-revenue')
  const download = page.waitForEvent('download')
  await page.getByTestId('revenue-pdf').click()
  const pdf = await download
  expect(pdf.suggestedFilename()).toMatch(/^subscription-revenue-.*\.pdf$/)
  const pdfText = execFileSync('/usr/bin/pdftotext', [(await pdf.path())!, '-'], { encoding: 'utf8' })
  for (const words of ['Subscription revenue', 'MRR movements', 'Forecast, next 12 months', money(30000), 'Service order', money(12345)]) {
    expect(pdfText).toContain(words)
  }
  // The CSV file: the months, then the forecast, both revenue streams in each.
  const csvDownload = page.waitForEvent('download')
  await page.getByTestId('revenue-csv').click()
  const csv = readFileSync((await (await csvDownload).path())!, 'utf8')
  expect(csv).toContain('Service order revenue')
  const [, thisMonth, ...rest] = csv.split(/\r?\n/)
  expect(thisMonth).toMatch(/^\d{4}-\d\d[,;]Actual[,;].*[,;]123[.,]45[,;][,;]$/)
  expect(rest.filter((r) => /[,;]Forecast[,;]/.test(r))).toHaveLength(12)

  // The settings: credits leave recognition for a manual reversal from now on.
  await page.getByRole('navigation').getByRole('link', { name: 'Subscription groups' }).click()
  await page.getByRole('button', { name: 'Settings…' }).click()
  await page
    .getByRole('dialog')
    .getByRole('radio', { name: /Manually/ })
    .check()
  await screenshot(page, 'subscriptions-settings')
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  expect(await api('subscriptions.parameters', {})).toEqual({ invoiceWithOrderLines: false, reverseOnCredit: 'manual' })

  // The group's index rises by 3.5 %: previewed per subscription, then applied.
  await page.getByRole('row', { name: /Remote monitoring/ }).click()
  await page.getByRole('tab', { name: 'Subscriptions' }).click()
  await page.getByRole('button', { name: 'Update prices…' }).click()
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: /Change, %/ })
    .fill('3,5')
  await page.getByRole('dialog').getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('group-update-preview')).toContainText('100.00103.50')
  await screenshot(page, 'subscriptions-group-update')
  await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  expect((await api<{ rows: { priceIndex: number }[] }>('subscriptions.list', {})).rows[0]!.priceIndex).toBe(10350)
})
