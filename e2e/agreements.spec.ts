import type { Locator, Page } from '@playwright/test'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** A signed-in API session for setting up master data and checking what the screens stored. */
async function adminApi(app: RunningApp) {
  const session = 'agreements-check-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

/* Calendar dates as the app computes them: 'YYYY-MM-DD', local today, day and month steps in UTC. */
const iso = (d: Date) => d.toISOString().slice(0, 10)
const localToday = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
const addDays = (date: string, n: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000))
const addMonths = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate()
  return iso(new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))))
}
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7 // 0 = Monday
const dotted = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`

/** Opens a screen from the side navigation (breadcrumbs have links of the same name). */
async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
}

/** Turns on lines grid columns outside the compact default through the column chooser (remembered per user). */
async function showColumns(page: Page, names: string[]) {
  await page.getByTestId('column-chooser').click()
  for (const name of names) await page.getByRole('menuitem', { name }).click()
  await page.keyboard.press('Escape')
  for (const name of names) await expect(page.getByRole('columnheader', { name, exact: true })).toBeVisible()
}

/** Picks an option in a searchable select (EntitySelect or Select) by typing part of its label. */
async function pick(field: Locator, text: string, option: string | RegExp = text) {
  await field.click()
  await field.fill(text)
  await field.page().getByRole('option', { name: option }).first().click()
}

test('an agreement built in the editor: preview, generate with progress and summary, open an order and come back; a second run creates nothing', async ({
  page,
  app
}) => {
  test.setTimeout(240_000)
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  const api = await adminApi(app)

  // Master data through the API: a customer with a site and two service objects, an hour category with prices.
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Pärnu Hotell AS',
    sites: [{ name: 'Main building', street: 'Rüütli 44', city: 'Pärnu' }]
  })
  const siteId = customer.sites[0]!.id
  await api('serviceObjects.create', { name: 'Walk-in cooler', customerId: customer.id, siteId, serialNumber: 'KX-2291' })
  await api('serviceObjects.create', { name: 'Ice machine', customerId: customer.id, siteId, serialNumber: 'IM-0007' })
  await api('categories.create', { code: 'MAINT', name: 'Maintenance work', type: 'hour', unit: 'h', costPrice: 2500, salesPrice: 4500 })

  // An agreement group through its setup screen.
  await nav(page, 'Agreement groups')
  await page.getByRole('button', { name: 'New agreement group' }).click()
  await page.getByLabel('Code').fill('GOLD')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Gold maintenance')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'GOLD · Gold maintenance' })).toBeVisible()

  // The header: customer, description, group, start, one order per agreement and date.
  const today = localToday()
  const monday = addDays(today, 7 - weekday(today)) // the next Monday (a week ahead when today is one)
  await nav(page, 'Agreements')
  await page.getByRole('button', { name: 'New agreement' }).click()
  // Exact names: the list's "Customer filter" and "Agreement group filter" match the loose ones, and on a
  // loaded machine the list is still on screen when the pick starts — the typed text then went into the
  // filter, whose option was detached when the new-agreement page replaced the list.
  await pick(page.getByRole('combobox', { name: 'Customer', exact: true }), 'Pärnu', /Pärnu Hotell AS/)
  await page.getByRole('textbox', { name: 'Description' }).fill('Kitchen cooling maintenance')
  await pick(page.getByRole('combobox', { name: 'Agreement group', exact: true }), 'Gold', /Gold maintenance/)
  await page.getByRole('textbox', { name: 'Start date' }).fill(dotted(today))
  await page.getByRole('combobox', { name: 'Combine visits into orders' }).click()
  await page.getByRole('option', { name: 'One order per agreement and date' }).click()
  await page.getByRole('button', { name: 'Create agreement' }).click()
  await expect(page.getByRole('heading', { name: 'AGR-00001 Kitchen cooling maintenance' })).toBeVisible()
  const agreementId = Number(/#\/agreements\/(\d+)/.exec(page.url())![1])

  // Relate both service objects, with a note, and save.
  await pick(page.getByRole('combobox', { name: 'Add service object' }), 'Walk-in', /Walk-in cooler/)
  await pick(page.getByRole('combobox', { name: 'Add service object' }), 'Ice', /Ice machine/)
  await page.getByLabel(/Internal note on OBJ-\d+ Walk-in cooler/).fill('Key at the reception')
  await expect(page.getByTestId('relations-objects').getByRole('row')).toHaveCount(3)
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Agreement saved')).toBeVisible()
  await screenshot(page, 'agreement-header')

  // Two lines in the grid from the keyboard: weekly on the cooler, every two weeks on the ice machine,
  // both from the same Monday. Enter saves a row and leaves the cursor on a fresh bottom row.
  await page.getByRole('tab', { name: /Lines/ }).click()
  await showColumns(page, ['Description', 'Note'])
  const lines: [string, RegExp, string, string][] = [
    ['Weekly cooler check', /Walk-in cooler/, 'week', 'Every week'],
    ['Ice machine cleaning', /Ice machine/, '2 weeks', 'Every 2 weeks']
  ]
  for (const [n, [description, object, interval, intervalLabel]] of lines.entries()) {
    await pick(page.getByRole('combobox', { name: 'New line category' }), 'Maint', 'Maintenance work')
    await page.getByLabel('New line description').fill(description)
    await pick(page.getByRole('combobox', { name: 'New line service object' }), object.source.split(' ')[0]!, object)
    await pick(page.getByRole('combobox', { name: 'New line interval' }), interval, intervalLabel)
    await page.getByLabel('New line start date').fill(dotted(monday))
    await page.getByLabel('New line start date').press('Enter')
    await expect(page.getByTestId(`line-row-${n + 1}`)).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'New line type' })).toBeFocused()
  }
  await expect(page.getByLabel('Line 2 description')).toHaveValue('Ice machine cleaning')
  await expect(page.getByRole('combobox', { name: 'Line 1 interval' })).toHaveValue('Every week')

  // Enter on a select cell with nothing changed moves to the next row; a changed note is saved by Enter.
  await page.getByRole('combobox', { name: 'Line 1 type' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('combobox', { name: 'Line 2 type' })).toBeFocused()
  await expect(page.getByRole('combobox', { name: 'Line 1 type' })).toHaveValue('Hours')
  await page.getByLabel('Line 1 note').fill('Check the door seals')
  await page.getByLabel('Line 1 note').press('Enter')
  await expect(page.getByLabel('Line 2 note')).toBeFocused()
  await expect
    .poll(async () => (await api<{ lines: { note: string }[] }>('agreements.get', { id: agreementId })).lines[0]!.note)
    .toBe('Check the door seals')

  // Escape puts an edited row back as saved.
  await page.getByLabel('Line 1 description').fill('Something else')
  await page.getByLabel('Line 1 description').press('Escape')
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Weekly cooler check')

  // The preview over the next month: a visit every Monday, with both lines every other week.
  const panel = page.getByTestId('preview-panel')
  await panel.getByText('1 month', { exact: true }).click()
  const to = addDays(addMonths(today, 1), -1)
  const expected: { date: string; lines: number }[] = []
  for (let d = monday, k = 0; d <= to; d = addDays(d, 7), k++) expected.push({ date: d, lines: k % 2 === 0 ? 2 : 1 })
  expect(expected.length).toBeGreaterThanOrEqual(4)
  const totalLines = expected.reduce((n, e) => n + e.lines, 0)
  await expect(page.getByTestId('preview-summary')).toContainText(`${expected.length}Orders`)
  await expect(page.getByTestId('preview-summary')).toContainText(`${totalLines}Lines`)
  for (const e of expected) {
    await expect(page.getByTestId(`preview-day-${e.date}`)).toHaveAttribute('data-lines', String(e.lines))
  }
  await expect(page.getByTestId('preview-calendar').locator('[data-testid^="preview-day-"]')).toHaveCount(expected.length)
  await screenshot(page, 'agreement-editor-preview')
  await panel.getByText('List', { exact: true }).click()
  await expect(page.getByTestId('preview-list').locator('tbody tr')).toHaveCount(expected.length)
  await expect(page.getByTestId(`preview-visit-${expected[0]!.date}`)).toContainText('Weekly cooler check')
  await expect(page.getByTestId(`preview-visit-${expected[0]!.date}`)).toContainText('Ice machine cleaning')
  await expect(page.getByTestId(`preview-visit-${expected[1]!.date}`)).not.toContainText('Ice machine cleaning')
  await screenshot(page, 'agreement-editor-preview-list')

  // Generate from the editor over the same period: preview counts, then the run with its summary.
  await panel.getByRole('button', { name: 'Create service orders…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'To' }).fill(dotted(to))
  await dialog.getByRole('textbox', { name: 'To' }).press('Tab') // closes the date picker
  await dialog.getByRole('button', { name: 'Preview' }).click()
  await expect(dialog.getByTestId('generator-preview')).toContainText(`${expected.length}Orders to create`)
  await expect(dialog.getByTestId('generator-preview')).toContainText(`${totalLines}Lines to create`)
  await dialog.getByRole('button', { name: `Create ${expected.length} orders` }).click()
  await expect(dialog.getByTestId('generator-status')).toHaveText('Finished')
  await expect(dialog.getByTestId('generator-progress')).toContainText(`1 of 1 agreement · ${expected.length} orders created`)
  await expect(dialog.getByTestId('created-orders').getByRole('row')).toHaveCount(expected.length)
  await expect(dialog.getByTestId('created-orders')).toContainText('Kitchen cooling maintenance')
  await screenshot(page, 'agreement-generator-summary')

  // Open a created order from the summary: it links back to its agreement line; the API says where it came from.
  const firstOrder = dialog.getByTestId('created-orders').getByRole('link').first()
  // Each row says "Order <id>" until that order's own number has loaded.
  await expect(firstOrder).toHaveText(/^SO-\d+$/)
  const firstNumber = (await firstOrder.textContent())!
  await firstOrder.click()
  await expect(page.getByRole('heading', { name: firstNumber })).toBeVisible()
  const orderId = Number(/#\/orders\/(\d+)/.exec(page.url())![1])
  const order = await api<{
    origin: string
    agreementId: number
    lines: { agreementLineId: number | null; occurrenceDate: string | null }[]
  }>('serviceOrders.get', { id: orderId })
  expect(order.origin).toBe('agreement')
  expect(order.agreementId).toBe(agreementId)
  expect(order.lines.map((l) => l.occurrenceDate)).toEqual([monday, monday])
  const back = page.getByTestId('agreement-link').first()
  await expect(back).toContainText('AGR-00001 · line 1')
  await screenshot(page, 'agreement-order-link')
  await back.click()
  await expect(page.getByRole('heading', { name: 'AGR-00001 Kitchen cooling maintenance' })).toBeVisible()

  // Back in the editor, each line says how many order lines it has made.
  await expect(page.getByTestId('line-row-1').getByTestId('generated-count')).toHaveText(String(expected.length))
  await expect(page.getByTestId('line-row-2').getByTestId('generated-count')).toHaveText(
    String(expected.filter((e) => e.lines === 2).length)
  )

  // The same period again creates nothing: every visit is already there.
  await panel.getByRole('button', { name: 'Create service orders…' }).click()
  await dialog.getByRole('textbox', { name: 'To' }).fill(dotted(to))
  await dialog.getByRole('textbox', { name: 'To' }).press('Tab') // closes the date picker
  await dialog.getByRole('button', { name: 'Preview' }).click()
  await expect(dialog.getByTestId('generator-preview')).toContainText('0Orders to create')
  await expect(dialog.getByTestId('generator-preview')).toContainText(`${totalLines}Already created`)
  await dialog.getByRole('button', { name: 'Create 0 orders' }).click()
  await expect(dialog.getByTestId('generator-status')).toHaveText('Finished')
  await expect(dialog.getByTestId('generator-summary')).toContainText('0Orders created')
  await expect(dialog.getByTestId('generator-summary')).toContainText(`${totalLines}Already created (skipped)`)
  const orders = await api<{ total: number }>('serviceOrders.list', { pageSize: 500 })
  expect(orders.total).toBe(expected.length)
})

test('agreement setup screens, a template in a template group, and copying its lines with relations', async ({ page, app }) => {
  test.setTimeout(180_000)
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  const api = await adminApi(app)
  const customer = await api<{ id: number }>('customers.create', {
    name: 'Tartu Kool',
    sites: [{ name: 'School', street: 'Puiestee 1', city: 'Tartu' }]
  })
  await api('serviceObjects.create', { name: 'Ventilation unit', customerId: customer.id })
  await api('categories.create', { code: 'INSP', name: 'Inspection', type: 'hour', unit: 'h', costPrice: 2000, salesPrice: 4000 })
  await api('serviceTasks.create', { code: 'FILTER', name: 'Replace filters' })
  const group = await api<{ id: number }>('agreementGroups.create', { code: 'STD', name: 'Standard' })

  // A service interval says what it means.
  await nav(page, 'Service intervals')
  await expect(page.getByRole('row', { name: /BIWEEKLY/ })).toContainText('every 2 weeks')
  await page.getByRole('button', { name: 'New interval' }).click()
  await page.getByLabel('Code').fill('6W')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Every six weeks')
  await page.getByRole('textbox', { name: 'Every' }).fill('6')
  await page.getByRole('combobox', { name: 'Unit' }).click()
  await page.getByRole('option', { name: 'Weeks' }).click()
  await expect(page.getByTestId('interval-text')).toHaveText('Repeats every 6 weeks')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: '6W · Every six weeks' })).toBeVisible()

  // A manual time window needs days; week and month windows have none.
  await nav(page, 'Time windows')
  await page.getByRole('button', { name: 'New time window' }).click()
  await page.getByLabel('Code').fill('PM2')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Two days either way')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('A manual window needs days before or after')).toBeVisible()
  await page.getByRole('textbox', { name: 'Days before' }).fill('2')
  await page.getByRole('textbox', { name: 'Days after' }).fill('2')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'PM2 · Two days either way' })).toBeVisible()
  await page.getByText('Within the week', { exact: true }).click()
  await expect(page.getByRole('textbox', { name: 'Days before' })).toHaveCount(0)
  // That change is not saved: leaving the screen asks first, and the user leaves without it.
  let asked = ''
  page.once('dialog', (d) => {
    asked = d.message()
    void d.accept()
  })
  await nav(page, 'Template groups')
  // The router's blocker asks once the navigation has started, after the click has returned.
  await expect.poll(() => asked).toMatch(/unsaved/i)

  // Template groups form a tree.
  for (const [code, name, parent] of [
    ['HVAC', 'Ventilation', null],
    ['HVAC-SCH', 'Schools', 'Ventilation']
  ] as const) {
    await nav(page, 'Template groups')
    await page.getByRole('button', { name: 'New template group' }).click()
    await page.getByLabel('Code').fill(code)
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
    if (parent) {
      await page.getByRole('combobox', { name: 'Parent group' }).click()
      await page.getByRole('option', { name: new RegExp(parent) }).click()
    }
    await page.getByRole('button', { name: 'Create' }).click()
    await expect(page.getByRole('heading', { name: `${code} · ${name}` })).toBeVisible()
  }
  await nav(page, 'Template groups')
  await expect(page.getByTestId('template-tree').getByRole('button')).toHaveText([/HVAC\s*Ventilation/, /HVAC-SCH\s*Schools/])
  await screenshot(page, 'agreement-template-groups')

  // A template (filed under a template group) with a line and a task relation; it never produces orders.
  const groups = await api<{ rows: { id: number; code: string }[] }>('templateGroups.list', {})
  const template = await api<{ id: number }>('agreements.create', {
    customerId: customer.id,
    description: 'School ventilation template',
    groupId: group.id,
    startDate: '2026-01-01',
    templateGroupId: groups.rows.find((g) => g.code === 'HVAC-SCH')!.id,
    tasks: [{ id: (await api<{ rows: { id: number }[] }>('serviceTasks.list', {})).rows[0]!.id, internalNote: 'Bring F7 filters' }]
  })
  const inspection = (await api<{ rows: { id: number }[] }>('categories.list', {})).rows[0]!.id
  await api('agreements.addLine', {
    agreementId: template.id,
    type: 'hour',
    categoryId: inspection,
    description: 'Quarterly inspection',
    startDate: '2026-01-01',
    quantity: 1500
  })
  await nav(page, 'Agreements')
  await page.getByRole('row', { name: /AGR-00001/ }).click()
  await expect(page.getByRole('heading', { name: 'AGR-00001 School ventilation template' })).toBeVisible()
  await expect(page.getByTestId('agreement-status')).toHaveText('Template')
  await expect(page.getByTestId('preview-panel')).toContainText('This agreement is a template')

  // A customer agreement copies the template's lines with its relations.
  await nav(page, 'Agreements')
  await page.getByRole('button', { name: 'New agreement' }).click()
  await pick(page.getByRole('combobox', { name: 'Customer', exact: true }), 'Tartu', /Tartu Kool/)
  await page.getByRole('textbox', { name: 'Description' }).fill('School ventilation 2027')
  await pick(page.getByRole('combobox', { name: 'Agreement group', exact: true }), 'Stand', /Standard/)
  await page.getByRole('button', { name: 'Create agreement' }).click()
  await expect(page.getByRole('heading', { name: /AGR-00002 School ventilation 2027/ })).toBeVisible()
  await page.getByRole('tab', { name: /Lines/ }).click()
  await page.getByRole('button', { name: 'Copy lines from…' }).click()
  const dialog = page.getByRole('dialog')
  await pick(dialog.getByRole('combobox', { name: 'Template' }), 'School', /AGR-00001 School ventilation template/)
  await expect(dialog.getByLabel('With relations')).toBeChecked()
  await dialog.getByRole('button', { name: 'Copy lines' }).click()
  await expect(page.getByText('1 line copied')).toBeVisible()
  await showColumns(page, ['Description', 'Qty'])
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Quarterly inspection')
  await expect(page.getByLabel('Line 1 quantity')).toHaveValue('1,5')
  await page.getByRole('tab', { name: 'Agreement' }).click()
  await expect(page.getByTestId('relations-tasks')).toContainText('FILTER · Replace filters')
  await expect(page.getByLabel('Internal note on FILTER · Replace filters')).toHaveValue('Bring F7 filters')

  // The list: filters and the status badges.
  await nav(page, 'Agreements')
  await expect(page.getByTestId('list-total')).toHaveText('2 rows')
  await page.getByRole('combobox', { name: 'Status filter' }).click()
  await page.getByRole('option', { name: 'Template' }).click()
  await expect(page.getByTestId('list-total')).toHaveText('1 row')
  await expect(page.getByRole('row', { name: /AGR-00001/ })).toContainText('Template')
  await screenshot(page, 'agreements-list')

  // The generator over the list's filter: only templates are in it, and templates never produce orders.
  await page.getByRole('button', { name: 'Create service orders…' }).click()
  const generator = page.getByRole('dialog')
  await expect(generator.getByRole('radio', { name: 'The agreements in the list (status template)' })).toBeChecked()
  await generator.getByRole('button', { name: 'Preview' }).click()
  await expect(generator.getByTestId('generator-preview')).toContainText('0Orders to create')
  // A range over ten years is refused on the To field.
  await generator.getByRole('textbox', { name: 'To' }).fill('01.01.2040')
  await generator.getByRole('textbox', { name: 'To' }).press('Tab')
  await generator.getByRole('button', { name: 'Preview' }).click()
  await expect(generator.getByText('Generate at most ten years at a time')).toBeVisible()
})
