import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, holdAnswers, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** A signed-in API session for setting up master data and checking what the screens stored. */
async function adminApi(app: RunningApp) {
  const session = 'orders-check-session-0001'
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

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
}

/** Picks an option of a (searchable) select, typing first when asked to. */
async function choose(page: Page, combobox: string | RegExp, option: string | RegExp, type?: string) {
  const box = page.getByRole('combobox', { name: combobox })
  await box.click()
  if (type !== undefined) await box.fill(type)
  await page.getByRole('option', { name: option }).click()
}

/**
 * Clicks a dialog's submit button until `done` holds. In CI under load a click on the stage dialog's submit,
 * sent right after the dialog opened, was now and then lost (Playwright reported the click done; no request
 * left the page) — cause not found; a second click, while the button is still there, is what a person does.
 */
async function submitUntil(page: Page, button: string, done: () => Promise<void>) {
  await expect(async () => {
    const submit = page.getByRole('button', { name: button })
    if (await submit.isVisible()) await submit.click({ timeout: 2000 })
    await done()
  }).toPass({ timeout: 20_000 })
}

/** Moves the order along the workflow through the stage dialog. */
async function moveTo(page: Page, stage: string) {
  await page.getByRole('button', { name: 'Next stage' }).click()
  await page.getByRole('menuitem', { name: stage }).click()
  await submitUntil(page, `Move to ${stage}`, () => expect(page.getByTestId('stage-badge')).toHaveText(stage, { timeout: 4000 }))
}

interface Line {
  lineNo: number
  status: string
  signedOff: boolean
  invoiceNumber: string | null
  quantity: number
  unitPrice: number
  salesAmount: number
}

test('an order from the dispatcher through the workflow, signed off, posted and invoiced once by the service manager', async ({
  page,
  app
}) => {
  test.setTimeout(360_000)
  await setupAdmin(app)
  const api = await adminApi(app)
  const customer = await api<{ id: number }>('customers.create', {
    name: 'Pärnu Hotell AS',
    registryCode: '10137319',
    vatNumber: 'EE100594102',
    language: 'en',
    sites: [{ name: 'Main building', street: 'Rüütli 44', city: 'Pärnu', postalCode: '80010' }],
    contacts: [{ name: 'Mari Maasikas', phone: '+372 5555 1234' }]
  })
  // The company's invoice details (filled in on screen in legalDetails.spec.ts).
  const settings = await api<Record<string, unknown> & { version: number }>('settings.get', {})
  await api('settings.update', {
    ...settings,
    companyLegalName: 'Külmaexpert OÜ',
    companyRegNo: '14872366',
    companyVatNumber: 'EE102158371',
    companyAddress: 'Peterburi tee 46',
    companyPostalCode: '11415',
    companyCity: 'Tallinn',
    bankAccounts: [{ iban: 'EE267700771004815261', bankName: 'AS LHV Pank', bic: 'LHVBEE22' }],
    paymentTermsDays: 21
  })
  await api('workers.create', { name: 'Tiit Tehnik', roles: ['technician'] })
  await api('categories.create', { code: 'LABOUR', name: 'Service work', type: 'hour', unit: 'h', costPrice: 2500, salesPrice: 4500 })
  await api('items.create', { number: 'P-R32', name: 'Refrigerant R32', unit: 'kg', costPrice: 1500, salesPrice: 3200 })
  await api('users.create', { username: 'dora', displayName: 'Dora Dispatcher', roles: ['dispatcher'], password: 'dora-pass-1' })
  await api('users.create', { username: 'mart', displayName: 'Mart Manager', roles: ['serviceManager'], password: 'mart-pass-1' })

  // ---- The dispatcher creates the order.
  await signIn(page, app, 'dora', 'dora-pass-1')
  await nav(page, 'Service orders')
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Invoices' })).toHaveCount(0)
  await page.getByRole('button', { name: 'New order' }).click()
  await page.getByRole('button', { name: 'Create order' }).click()
  await expect(page.getByText('Choose a customer')).toBeVisible()
  await choose(page, /^Customer/, 'C-00001 Pärnu Hotell AS', 'Pärnu')
  // The customer's only site comes preselected (choosing it again would clear it).
  await expect(page.getByRole('combobox', { name: /^Service address/ })).toHaveValue(/Main building — Rüütli 44, Pärnu/)
  await choose(page, 'Contact', /Mari Maasikas/)
  await page.getByRole('textbox', { name: /^Description/ }).fill('Walk-in cooler does not hold temperature')
  await choose(page, 'Priority', 'High')
  await page.getByLabel('Planned start').fill('15.06.2026 09:00')
  await page.getByLabel('Planned end').fill('15.06.2026 12:30')
  await choose(page, 'Responsible', 'Tiit Tehnik', 'Tiit')
  await screenshot(page, 'order-new')
  await page.getByRole('button', { name: 'Create order' }).click()
  await expect(page.getByRole('heading', { name: 'SO-000001' })).toBeVisible()
  await expect(page.getByTestId('stage-badge')).toHaveText('New')
  // Shown and stored in the shop's time zone (Tallinn, summer time: UTC+3).
  await expect(page.getByLabel('Planned start')).toHaveValue('15.06.2026 09:00')
  const created = await api<{ id: number; plannedStart: number }>('serviceOrders.get', { id: 1 })
  expect(new Date(created.plannedStart).toISOString()).toBe('2026-06-15T06:00:00.000Z')

  // Two lines in the grid: 1,5 h of service work (Enter saves the row), 2 kg of refrigerant.
  await choose(page, 'New line category', 'Service work')
  await page.getByLabel('New line quantity').fill('1,5')
  await page.getByLabel('New line quantity').press('Enter')
  await expect(page.getByTestId('line-1')).toBeVisible()
  await expect(page.getByTestId('line-1-amount')).toHaveText(/€67\.50/)
  // The new-line row has the focus again, ready for the next line.
  await expect(page.getByRole('combobox', { name: 'New line type' })).toBeFocused()
  await choose(page, 'New line type', 'Item')
  await choose(page, 'New line item', 'P-R32 Refrigerant R32', 'R32')
  await page.getByLabel('New line quantity').fill('2')
  await page.getByRole('button', { name: 'Add line' }).click()
  await expect(page.getByTestId('line-2-amount')).toHaveText(/€64\.00/)
  await expect(page.getByTestId('order-totals')).toContainText(/€131\.50/)
  // The dispatcher cannot change prices: the price is shown, not editable.
  await expect(page.getByRole('textbox', { name: 'Line 1 unit price' })).toHaveCount(0)

  // Escape puts an edited row back; Enter on a changed row saves it.
  await page.getByLabel('Line 1 description').fill('Typo that should go away')
  await page.getByLabel('Line 1 description').press('Escape')
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Service work')
  await page.getByLabel('Line 1 description').fill('Diagnosis and repair of the cooling unit')
  // The save's answer is held back while the user moves on to the workflow menu: when it comes, the focus stays
  // there (a late move to the next row once scrolled the page away and closed the menu).
  const lineSave = await holdAnswers(page, 'serviceOrders.updateLine')
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/serviceOrders.updateLine'))
  await page.getByLabel('Line 1 description').press('Enter')
  await expect.poll(lineSave.held).toBe(1)
  await page.getByRole('button', { name: 'Next stage' }).click()
  const scheduled = page.getByRole('menuitem', { name: 'Scheduled' })
  await expect(scheduled).toBeVisible()
  lineSave.release()
  await answered
  // The answer is handled in the page's next tasks; the old focus move came within them.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 200)))
  await expect(scheduled).toBeVisible()
  expect(await page.getByTestId('lines-grid').evaluate((grid) => grid.contains(document.activeElement))).toBe(false)
  await page.keyboard.press('Escape')
  await expect(scheduled).toBeHidden()
  // Saved: asked of the database, not of the "Line 1 saved" notification, which closes by itself after a few
  // seconds and was gone before a loaded machine's next look (CI, 2c2be36).
  await expect
    .poll(async () => (await api<{ lines: { description: string }[] }>('serviceOrders.get', { id: created.id })).lines[0]?.description)
    .toBe('Diagnosis and repair of the cooling unit')
  await expect(page.getByLabel('Line 1 description')).toHaveValue('Diagnosis and repair of the cooling unit')
  await page.getByTestId('lines-grid').scrollIntoViewIfNeeded()
  await screenshot(page, 'order-detail-lines')

  // Through the workflow: Scheduled → In progress → Waiting for parts (a reason is required).
  await moveTo(page, 'Scheduled')
  await moveTo(page, 'In progress')
  await page.getByRole('button', { name: 'Next stage' }).click()
  await page.getByRole('menuitem', { name: 'Waiting for parts' }).click()
  await submitUntil(page, 'Move to Waiting for parts', () =>
    expect(page.getByText('Moving to "Waiting for parts" needs a reason')).toBeVisible({ timeout: 4000 })
  )
  await screenshot(page, 'order-stage-dialog-reason-required')
  await choose(page, /^Reason/, 'PARTS · Parts on order')
  await page.getByRole('dialog').getByLabel('Note').fill('Compressor relay ordered from the wholesaler')
  await page.getByRole('button', { name: 'Move to Waiting for parts' }).click()
  await expect(page.getByTestId('stage-badge')).toHaveText('Waiting for parts')
  // … back with Previous stage, then on to Completed.
  await page.getByRole('button', { name: 'Previous stage' }).click()
  await page.getByRole('button', { name: 'Back to In progress' }).click()
  await expect(page.getByTestId('stage-badge')).toHaveText('In progress')
  await moveTo(page, 'Completed')
  const timeline = page.getByTestId('stage-timeline')
  await expect(timeline).toContainText('In progress → Waiting for parts')
  await expect(timeline).toContainText('Parts on order')
  await expect(timeline).toContainText('Compressor relay ordered from the wholesaler')
  await expect(timeline).toContainText('Waiting for parts → In progress')
  await expect(timeline).toContainText('In progress → Completed')
  // The dispatcher may neither sign off nor post.
  await expect(page.getByRole('button', { name: 'Sign off', exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Post', exact: true })).toHaveCount(0)
  await screenshot(page, 'order-detail-completed')
  await signOut(page)

  // ---- The service manager signs off, posts and invoices.
  await signIn(page, app, 'mart', 'mart-pass-1')
  await nav(page, 'Service orders')
  await page.getByRole('cell', { name: 'SO-000001' }).click()
  await expect(page.getByRole('heading', { name: 'SO-000001' })).toBeVisible()
  await page.getByRole('button', { name: 'Sign off', exact: true }).click()
  await expect(page.getByTestId('order-meta')).toContainText('signed off by Mart Manager')
  await page.getByRole('button', { name: 'Post', exact: true }).click()
  const posting = page.getByRole('dialog', { name: 'Post lines of SO-000001?' })
  await expect(posting.getByTestId('post-summary')).toContainText('2 lines will be posted, €131.50 net')
  await screenshot(page, 'order-post-confirm')
  await posting.getByRole('button', { name: 'Post 2 lines' }).click()
  await expect(page.getByTestId('progress-badge').first()).toHaveText('Posted')
  await page.getByTestId('lines-grid').scrollIntoViewIfNeeded()
  await screenshot(page, 'order-posted')
  await page.getByRole('button', { name: 'Create invoice' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invoice Pärnu Hotell AS' })
  await expect(dialog.getByTestId('invoiceable-lines').getByRole('checkbox', { checked: true })).toHaveCount(3) // both lines and "all"
  await screenshot(page, 'order-invoice-dialog')
  // A double click makes one invoice: the dialog's request key is the same for both clicks.
  await dialog.getByTestId('create-invoice-submit').dblclick()
  await expect(page.getByRole('heading', { name: 'INV-000001' })).toBeVisible()
  const invoices = await api<{ total: number; rows: { number: string; netTotal: number; vatTotal: number; grossTotal: number }[] }>(
    'invoices.list',
    {}
  )
  expect(invoices.total).toBe(1)
  expect(invoices.rows[0]).toMatchObject({ number: 'INV-000001', netTotal: 13150 })
  await expect(page.getByTestId('invoice-lines')).toContainText('Diagnosis and repair of the cooling unit')
  await expect(page.getByTestId('invoice-totals')).toContainText(/€131\.50/)
  await screenshot(page, 'invoice-detail')

  // The invoice as a PDF.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download PDF' }).click()
  const file = await (await download).path()
  const bytes = readFileSync(file)
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
  // Seller and buyer details, the reference number with the IBAN, and the due date after the payment terms.
  const invoice = await api<{ referenceNumber: string; invoiceDate: string; dueDate: string }>('invoices.get', { id: 1 })
  expect(invoice.referenceNumber).toBe('13') // 1 and its 7-3-1 check digit
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  for (const expected of [
    'INV-000001',
    'Külmaexpert OÜ',
    '14872366',
    'EE102158371',
    'Peterburi tee 46',
    'Pärnu Hotell AS',
    '10137319',
    'EE100594102',
    'EE26 7700 7710 0481 5261',
    'LHVBEE22'
  ])
    expect(text, expected).toContain(expected)
  expect(text).toMatch(/Reference number\s+13\b/)
  const due = new Date(`${invoice.invoiceDate}T00:00:00Z`)
  due.setUTCDate(due.getUTCDate() + 21)
  expect(invoice.dueDate).toBe(due.toISOString().slice(0, 10))
  expect(text).toContain(invoice.dueDate.split('-').reverse().join('.'))

  // What the database holds now.
  const order = await api<{
    progress: string
    signedOff: boolean
    stage: { name: string }
    lines: Line[]
    history: { reason: string | null }[]
  }>('serviceOrders.get', { id: created.id })
  expect(order.progress).toBe('posted')
  expect(order.stage.name).toBe('Completed')
  expect(order.lines).toHaveLength(2)
  for (const l of order.lines) expect(l).toMatchObject({ status: 'posted', signedOff: true, invoiceNumber: 'INV-000001' })
  expect(order.lines.map((l) => [l.quantity, l.unitPrice, l.salesAmount])).toEqual([
    [1500, 4500, 6750],
    [2000, 3200, 6400]
  ])
  expect(order.history.map((h) => h.reason)).toContain('Parts on order')

  // From the invoice back to its order.
  await page.getByTestId('invoice-lines').getByRole('link', { name: 'SO-000001' }).first().click()
  await expect(page.getByRole('heading', { name: 'SO-000001' })).toBeVisible()
  await expect(page.getByTestId('line-1')).toContainText('INV-000001')

  // A partial credit note: one of the two parts returned, none of the hours. The amount follows the quantity.
  await page.getByTestId('line-1').getByRole('link', { name: 'INV-000001' }).click()
  await expect(page.getByTestId('invoice-status')).toHaveText('Open')
  await page.getByRole('button', { name: 'Create credit note' }).click()
  const credit = page.getByRole('dialog', { name: 'Credit note for INV-000001' })
  await expect(credit.getByTestId('credit-total')).toHaveText(/[-−]€163\.06/) // everything left, by default
  await credit.getByLabel('Quantity to credit on line 1').fill('0')
  await credit.getByLabel('Quantity to credit on line 2').fill('1')
  await expect(credit.getByLabel('Net amount to credit on line 2')).toHaveValue('32,00')
  await expect(credit.getByTestId('credit-total')).toHaveText(/[-−]€39\.68/)
  await credit.getByLabel('Reason').fill('One part returned unused')
  await screenshot(page, 'credit-note-dialog')
  await credit.getByTestId('create-credit-submit').dblclick()
  await expect(page.getByRole('heading', { name: 'CRN-000001' })).toBeVisible()
  await expect(page.getByText('credits INV-000001')).toBeVisible()
  await expect(page.getByTestId('invoice-totals')).toContainText(/[-−]€39\.68/)
  await expect(page.getByText('One part returned unused')).toBeVisible()
  await screenshot(page, 'credit-note-detail')
  // A partial credit leaves both order lines on the invoice.
  const kept = await api<{ lines: Line[] }>('serviceOrders.get', { id: created.id })
  expect(kept.lines.map((l) => l.invoiceNumber)).toEqual(['INV-000001', 'INV-000001'])

  // The rest is paid: the payment defaults to what is open, and the invoice is paid.
  await page.getByRole('link', { name: 'INV-000001' }).click()
  await expect(page.getByTestId('invoice-status')).toHaveText('Partly paid')
  await expect(page.getByTestId('invoice-balance')).toContainText(/Open\s*€123\.38/)
  await page.getByRole('button', { name: 'Record payment' }).click()
  const payment = page.getByRole('dialog', { name: 'Payment on INV-000001' })
  await expect(payment.getByLabel('Amount')).toHaveValue('123,38')
  await payment.getByTestId('record-payment-submit').click()
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid')
  await expect(page.getByTestId('payments')).toContainText('Bank transfer')
  await expect(page.getByTestId('invoice-balance')).toContainText(/Open\s*€0\.00/)
  await screenshot(page, 'invoice-paid')
  const after = await api<{ total: number }>('invoices.list', {})
  expect(after.total).toBe(2)
  await nav(page, 'Invoices')
  await expect(page.getByTestId('list-total')).toHaveText('2 rows')
  await expect(page.getByRole('row', { name: /^INV-000001 Invoice/ })).toContainText('credited by CRN-000001')
  await expect(page.getByRole('row', { name: /^INV-000001 Invoice/ })).toContainText('Paid')
  await screenshot(page, 'invoices-list')
  await choose(page, 'Status filter', 'Overdue')
  await expect(page.getByTestId('list-total')).toHaveText('0 rows')

  // The customer's balance: nothing open.
  await nav(page, 'Customers')
  await page.getByRole('cell', { name: 'Pärnu Hotell AS' }).click()
  await page.getByRole('tab', { name: 'Invoices' }).click()
  await expect(page.getByTestId('customer-balance')).toContainText(/Open\s*€0\.00\s*0 invoices/)
  await expect(page.getByRole('row', { name: /^INV-000001/ })).toContainText('Paid')
  await screenshot(page, 'customer-invoices')
  void customer
})

test('saved views on the order list, the workflow screen, and a technician registering on their own order', async ({ page, app }) => {
  test.setTimeout(360_000)
  await setupAdmin(app)
  const api = await adminApi(app)
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Tartu Pagar OÜ',
    sites: [{ name: 'Bakery', street: 'Riia 12', city: 'Tartu' }]
  })
  const tiit = await api<{ id: number }>('workers.create', { name: 'Tiit Tehnik', roles: ['technician'] })
  const other = await api<{ id: number }>('workers.create', { name: 'Olev Teine', roles: ['technician'] })
  await api('categories.create', { code: 'LABOUR', name: 'Service work', type: 'hour', unit: 'h', costPrice: 2500, salesPrice: 4500 })
  await api('categories.create', { code: 'TRAVEL', name: 'Travel', type: 'expense', unit: 'km', costPrice: 30, salesPrice: 60 })
  await api('users.create', {
    username: 'tiit',
    displayName: 'Tiit Tehnik',
    roles: ['technician'],
    password: 'tiit-pass-1',
    workerId: tiit.id
  })
  const header = { customerId: customer.id, siteId: customer.sites[0]!.id }
  const mine = await api<{ id: number; number: string }>('serviceOrders.create', {
    ...header,
    description: 'Oven fan noise',
    priority: 'high',
    responsibleWorkerId: tiit.id
  })
  await api('serviceOrders.create', {
    ...header,
    description: 'Yearly check of the cold room',
    priority: 'low',
    responsibleWorkerId: other.id
  })

  // ---- Saved views: the administrator keeps "High priority" as a view and applies it again.
  await signIn(page, app, 'admin', 'admin-pass-1')
  await nav(page, 'Service orders')
  await expect(page.getByTestId('list-total')).toHaveText('2 rows')
  await choose(page, 'Priority filter', 'High')
  await expect(page.getByTestId('list-total')).toHaveText('1 row')
  await page.getByTestId('saved-views').click()
  await page.getByRole('menuitem', { name: 'Save view…' }).click()
  await page.getByLabel('View name').fill('High priority')
  await page.getByRole('button', { name: 'Save view' }).click()
  await expect(page.getByTestId('saved-views')).toHaveText('High priority')
  await choose(page, 'Priority filter', 'High') // choosing the chosen option again clears the filter
  await expect(page.getByTestId('list-total')).toHaveText('2 rows')
  await page.getByTestId('saved-views').click()
  await page.getByRole('menuitem', { name: 'High priority' }).click()
  await expect(page.getByTestId('list-total')).toHaveText('1 row')
  await expect(page.getByRole('combobox', { name: 'Priority filter' })).toHaveValue('High')
  await screenshot(page, 'orders-list-saved-view')
  const views = await api<{ name: string; filters: Record<string, unknown> }[]>('savedViews.list', { list: 'serviceOrders' })
  expect(views).toEqual([expect.objectContaining({ name: 'High priority', filters: expect.objectContaining({ priority: 'high', q: '' }) })])

  // ---- The workflow screen: the tree with its rules.
  await nav(page, 'Order stages')
  const tree = page.getByTestId('stage-tree')
  await expect(tree.getByRole('row', { name: /Waiting for parts/ })).toContainText('reason')
  await expect(tree.getByRole('row', { name: /New\s+NEW/ })).toContainText('initial')
  await screenshot(page, 'stages-tree')
  await signOut(page)

  // ---- The technician sees only their order, registers times and books their own lines.
  await signIn(page, app, 'tiit', 'tiit-pass-1')
  await nav(page, 'Service orders')
  await expect(page.getByTestId('list-total')).toHaveText('1 row')
  await page.getByRole('cell', { name: mine.number }).click()
  await expect(page.getByRole('heading', { name: mine.number })).toBeVisible()
  await expect(page.getByRole('textbox', { name: /^Description/ })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'More' })).toHaveCount(0)
  await page.getByLabel('Actual start').fill('16.06.2026 08:15')
  await page.getByLabel('Notes').fill('Fan bearing worn; replaced.')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Order saved')).toBeVisible()
  await choose(page, 'New line category', 'Service work')
  await page.getByLabel('New line quantity').fill('2')
  await page.getByLabel('New line quantity').press('Enter')
  await expect(page.getByTestId('line-1')).toBeVisible()
  await choose(page, 'New line type', 'Expense')
  await choose(page, 'New line category', 'Travel')
  await page.getByLabel('New line quantity').fill('24')
  await page.getByLabel('New line quantity').press('Enter')
  await expect(page.getByTestId('line-2-amount')).toHaveText(/€14\.40/)
  await expect(page.getByRole('combobox', { name: 'Line 1 worker' })).toHaveValue('Tiit Tehnik')
  await page.getByTestId('lines-grid').scrollIntoViewIfNeeded()
  await screenshot(page, 'order-technician')

  // The office changes the header meanwhile: the technician's save is refused with the banner, edits kept until Reload.
  type Current = { version: number; actualStart: number; notes: string; lines: { id: number; version: number; categoryId: number }[] }
  let current = await api<Current>('serviceOrders.get', { id: mine.id })
  await api('serviceOrders.update', {
    ...header,
    id: mine.id,
    version: current.version,
    description: 'Oven fan noise (customer called again)',
    priority: 'high',
    responsibleWorkerId: tiit.id,
    actualStart: current.actualStart,
    notes: current.notes
  })
  await page.getByLabel('Notes').fill('Fan bearing worn; replaced. Tested 30 min.')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('conflict-alert')).toBeVisible()
  await expect(page.getByLabel('Notes')).toHaveValue('Fan bearing worn; replaced. Tested 30 min.')
  await page.getByTestId('conflict-alert').getByRole('button', { name: 'Reload' }).click()
  await expect(page.getByTestId('conflict-alert')).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: /^Description/ })).toHaveValue('Oven fan noise (customer called again)')
  await expect(page.getByLabel('Notes')).toHaveValue('Fan bearing worn; replaced.')

  // … and a line: saving the stale line reloads the order and says so.
  current = await api<Current>('serviceOrders.get', { id: mine.id })
  const first = current.lines[0]!
  await api('serviceOrders.updateLine', {
    id: first.id,
    version: first.version,
    type: 'hour',
    categoryId: first.categoryId,
    workerId: tiit.id,
    quantity: 2500
  })
  await page.getByLabel('Line 1 quantity').fill('3')
  await page.getByLabel('Line 1 quantity').press('Enter')
  await expect(page.getByText(/Line 1 was changed by Ada Admin at .*The order has been reloaded/)).toBeVisible()
  await expect(page.getByLabel('Line 1 quantity')).toHaveValue('2,5')

  const order = await api<{ actualStart: number; notes: string; lines: { workerId: number; type: string; quantity: number }[] }>(
    'serviceOrders.get',
    { id: mine.id }
  )
  expect(new Date(order.actualStart).toISOString()).toBe('2026-06-16T05:15:00.000Z')
  expect(order.notes).toBe('Fan bearing worn; replaced.')
  expect(order.lines.map((l) => [l.type, l.workerId, l.quantity])).toEqual([
    ['hour', tiit.id, 2500],
    ['expense', tiit.id, 24000]
  ])
})
