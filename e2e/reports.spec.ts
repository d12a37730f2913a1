import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { DateTime } from 'luxon'
import type { Page } from '@playwright/test'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** Tallinn wall time in 2025 (UTC+2 in winter, UTC+3 in summer). */
const tallinn = (month: number, day: number, h: number) => Date.UTC(2025, month - 1, day, h - (month >= 4 && month <= 10 ? 3 : 2))

async function adminApi(app: RunningApp) {
  const session = 'reports-admin-session-001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

const HOUR = 3_600_000

/** The report's PDF as text (pdftotext, its layout kept). */
async function pdfText(page: Page): Promise<string> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'PDF' }).click()
  const path = (await (await download).path())!
  return execFileSync('/usr/bin/pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ')
}

/**
 * March 2025: one order, 2 h of service at 60.00 (cost 25.00) and 3 filters at 20.00 (cost 8.00) — revenue 180.00,
 * cost 74.00, margin 106.00. June 2025: another order (a filter, margin 12.00) that March's report must leave out.
 * Both are made today; two hours later the June order enters Scheduled for "Parts on order", and an hour after that
 * In progress: one stay of exactly 1 h in Scheduled. The customer reads Estonian.
 */
async function seed(app: RunningApp) {
  await setupAdmin(app)
  const admin = await adminApi(app)
  await admin('users.create', { username: 'manager', displayName: 'Maria Manager', roles: ['serviceManager'], password: 'manager-pass-1' })
  const service = await admin<{ id: number }>('categories.create', {
    code: 'SERVICE',
    name: 'Service hours',
    type: 'hour',
    costPrice: 2500,
    salesPrice: 6000
  })
  const filter = await admin<{ id: number }>('items.create', { number: 'FILTER', name: 'Filter', costPrice: 800, salesPrice: 2000 })
  const customer = await admin<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Õunapuu OÜ',
    language: 'et',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const march = await admin<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Heat pump service',
    plannedStart: tallinn(3, 12, 9),
    plannedEnd: tallinn(3, 12, 12)
  })
  await admin('serviceOrders.addLine', { orderId: march.id, type: 'hour', categoryId: service.id, quantity: 2000 })
  await admin('serviceOrders.addLine', { orderId: march.id, type: 'item', itemId: filter.id, quantity: 3000 })
  const june = await admin<{ id: number; number: string }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Filter change',
    plannedStart: tallinn(6, 4, 9),
    plannedEnd: tallinn(6, 4, 10)
  })
  await admin('serviceOrders.addLine', { orderId: june.id, type: 'item', itemId: filter.id, quantity: 1000 })
  const made = app.now()

  const stages = (await admin<{ rows: { id: number; code: string }[] }>('serviceStages.list', {})).rows
  const parts = (await admin<{ rows: { id: number; code: string }[] }>('stageReasons.list', {})).rows.find((r) => r.code === 'PARTS')!
  const move = async (code: string, reasonId: number | null) => {
    const o = await admin<{ version: number }>('serviceOrders.get', { id: june.id })
    await admin('serviceOrders.changeStage', {
      id: june.id,
      version: o.version,
      toStageId: stages.find((s) => s.code === code)!.id,
      reasonId
    })
  }
  await app.advanceClock(2 * HOUR)
  await move('SCHEDULED', parts.id)
  await app.advanceClock(HOUR)
  await move('IN-PROGRESS', null)
  return { march, june, admin, made }
}

test('a manager opens the margin report, filters a period, exports CSV and PDF; a reload keeps the filters', async ({ page, app }) => {
  const { march, june, admin, made } = await seed(app)
  await signIn(page, app, 'manager', 'manager-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Reports', exact: true }).click()
  await expect(page.getByRole('tab', { name: 'Margin' })).toHaveAttribute('aria-selected', 'true')

  // The period: March 2025. Each change is remembered; the last save is awaited before the reload below.
  await page.getByRole('textbox', { name: 'From' }).fill('01.03.2025')
  await page.getByRole('textbox', { name: 'From' }).press('Tab')
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/savedViews.save') && r.request().postData()!.includes('2025-03-31'))
  await page.getByRole('textbox', { name: 'To' }).fill('31.03.2025')
  await page.getByRole('textbox', { name: 'To' }).press('Tab')

  const table = page.getByTestId('report-table')
  const row = table.getByRole('row', { name: new RegExp(march.number) })
  await expect(row).toContainText('€180.00')
  await expect(row).toContainText('€74.00')
  await expect(row).toContainText('€106.00')
  await expect(row).toContainText('58.89%')
  await expect(table.getByRole('row', { name: new RegExp(june.number) })).toHaveCount(0)
  await expect(page.getByTestId('margin-total')).toHaveText('€106.00')
  await saved
  await screenshot(page, 'reports-margin')

  const csvDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csv = parse(readFileSync((await (await csvDownload).path())!, 'utf8'), {
    bom: true,
    columns: true,
    delimiter: [';', ',']
  }) as Record<string, string>[]
  expect(csv).toHaveLength(1)
  expect(csv[0]).toMatchObject({ Group: march.number, Customer: 'Õunapuu OÜ', Revenue: '180.00', Cost: '74.00', Margin: '106.00' })

  const text = await pdfText(page)
  expect(text).toContain('Service order margin')
  expect(text).toContain('01.03.2025 – 31.03.2025')
  expect(text).toMatch(new RegExp(`${march.number}\\s+Õunapuu OÜ\\s+1\\s+€180\\.00\\s+€74\\.00\\s+€106\\.00`))
  expect(text).not.toContain(june.number)

  // Grouped by customer, then a reload: the period and the grouping come back.
  const grouped = page.waitForResponse((r) => r.url().endsWith('/api/savedViews.save') && r.request().postData()!.includes('"customer"'))
  await page.getByText('Customer', { exact: true }).first().click()
  await expect(table.getByRole('row', { name: /Õunapuu OÜ/ })).toContainText('€106.00')
  await grouped
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'From' })).toHaveValue('01.03.2025')
  await expect(page.getByRole('textbox', { name: 'To' })).toHaveValue('31.03.2025')
  await expect(page.getByRole('radio', { name: 'Customer' })).toBeChecked()
  await expect(page.getByTestId('report-table').getByRole('row', { name: /Õunapuu OÜ/ })).toContainText('€106.00')
  await screenshot(page, 'reports-margin-by-customer')
  // The tab is the route: once it is selected the other report has gone, and its fields cannot take the dates.
  const open = async (tab: string) => {
    await page.getByRole('tab', { name: tab }).click()
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
  }
  const period = async (from: string, to: string) => {
    await page.getByRole('textbox', { name: 'From' }).fill(from)
    await page.getByRole('textbox', { name: 'From' }).press('Tab')
    await page.getByRole('textbox', { name: 'To' }).fill(to)
    await page.getByRole('textbox', { name: 'To' }).press('Tab')
  }

  // Progress of the orders made today, per order: the June order's one stay in Scheduled lasted 1 h, for PARTS.
  await open('Progress')
  const madeOn = DateTime.fromMillis(made, { zone: 'Europe/Tallinn' }).toFormat('dd.LL.yyyy')
  await period(madeOn, madeOn)
  await page.getByText('Service order', { exact: true }).first().click()
  const scheduled = page.getByTestId('report-table').getByRole('row').filter({ hasText: june.number }).filter({ hasText: 'Scheduled' })
  await expect(scheduled.getByRole('cell')).toHaveText([june.number, 'Õunapuu OÜ', 'Scheduled', '1', '1 h', '1 h', 'PARTS'])
  await screenshot(page, 'reports-progress-by-order')

  // Utilisation on a coming weekday (work cannot be planned in the past), with no public holidays set: Jaan Tamm's
  // 3 h card of the day's 9 h (08:00–17:00) is 33.33%.
  let day = DateTime.fromMillis(app.now(), { zone: 'Europe/Tallinn' }).startOf('day').plus({ days: 2 })
  while (day.weekday > 5) day = day.plus({ days: 1 })
  const settings = await admin<Record<string, unknown>>('settings.get', {})
  await admin('settings.update', { ...settings, holidays: [] })
  const jaan = await admin<{ id: number }>('workers.create', { name: 'Jaan Tamm', roles: ['technician'] })
  const { customerId, siteId } = await admin<{ customerId: number; siteId: number }>('serviceOrders.get', { id: march.id })
  const visit = await admin<{ id: number; version: number }>('serviceOrders.create', { customerId, siteId, description: 'Visit' })
  await admin('dispatch.assign', {
    orderId: visit.id,
    orderVersion: visit.version,
    workerId: jaan.id,
    start: day.set({ hour: 9 }).toMillis(),
    end: day.set({ hour: 12 }).toMillis()
  })
  await open('Utilisation')
  await period(day.toFormat('dd.LL.yyyy'), day.toFormat('dd.LL.yyyy'))
  const week = page.getByTestId('report-table').getByRole('row').filter({ hasText: 'Jaan Tamm' })
  await expect(week.getByRole('cell')).toHaveText(['Jaan Tamm', day.toFormat("kkkk-'W'WW"), day.toFormat('dd.LL.yyyy'), '9', '3', '33.33%'])
  await screenshot(page, 'reports-utilisation')

  // The customer's schedule for March: the March order with its time and address; the PDF in the customer's Estonian.
  await open('Customer schedule')
  await period('01.03.2025', '31.03.2025')
  const customer = page.getByRole('combobox', { name: 'Customer', exact: true })
  await customer.click()
  await customer.fill('Õunapuu')
  await page
    .getByRole('option', { name: /Õunapuu OÜ/ })
    .first()
    .click()
  const visits = page.getByTestId('report-table').getByRole('row')
  await expect(visits.filter({ hasText: march.number }).getByRole('cell')).toHaveText([
    '12.03.2025',
    '09:00–12:00',
    'Heat pump service',
    'Pärnu mnt 10, Tallinn',
    march.number
  ])
  await expect(visits.filter({ hasText: june.number })).toHaveCount(0)
  await screenshot(page, 'reports-schedule')
  const schedule = await pdfText(page)
  expect(schedule).toContain('Hooldusgraafik')
  expect(schedule).toContain('Külastusi')
  expect(schedule).toMatch(/12\.03\.2025\s+09:00–12:00\s+Heat pump service/)
  expect(schedule).toContain(march.number)
  expect(schedule).not.toContain('Customer schedule')
})
