import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** A signed-in API session for setting up the invoices and checking what the screens stored. */
async function adminApi(app: RunningApp) {
  const session = 'bank-check-session-0001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

interface Invoice {
  id: number
  number: string
  grossTotal: number
  openAmount: number
  referenceNumber: string
  lines: { id: number }[]
}

/** A posted order of n hours of work, invoiced: the way an invoice comes to be. */
async function invoiceFor(
  api: Awaited<ReturnType<typeof adminApi>>,
  categoryId: number,
  customerName: string,
  n: number
): Promise<Invoice> {
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: customerName,
    sites: [{ name: 'Kontor', street: `Pärnu mnt ${n}`, city: 'Tallinn' }]
  })
  const stages = await api<{ rows: { id: number; code: string }[] }>('serviceStages.list', { pageSize: 100 })
  let order = await api<{ id: number; version: number; lines: { id: number }[] }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Cooler service'
  })
  order = await api('serviceOrders.addLine', {
    orderId: order.id,
    type: 'hour',
    categoryId,
    quantity: 1000 * n
  })
  for (const code of ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED']) {
    const to = stages.rows.find((s) => s.code === code)!
    order = await api('serviceOrders.changeStage', { id: order.id, version: order.version, toStageId: to.id, reasonId: null })
  }
  order = await api('serviceOrders.signOff', { id: order.id, version: order.version })
  order = await api('serviceOrders.post', { id: order.id, version: order.version })
  return api<Invoice>('invoices.create', {
    customerId: customer.id,
    lineIds: order.lines.map((l) => l.id),
    invoiceDate: '2026-11-20',
    requestKey: `bank-e2e-${n}`
  })
}

const amount = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`

/**
 * A camt.053.001.02 statement as an Estonian bank exports it: two incoming payments — the first paying what is
 * left of the first invoice with its reference number — and a debit.
 */
function statementFile(first: Invoice, second: Invoice): string {
  const entry = (ref: string, cents: number, direction: string, debtor: string, text: string, reference = '') => `
      <Ntry>
        <Amt Ccy="EUR">${amount(cents)}</Amt>
        <CdtDbtInd>${direction}</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-12-01</Dt></BookgDt>
        <AcctSvcrRef>${ref}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Nm>${debtor}</Nm></Dbtr></RltdPties>
          <RmtInf><Ustrd>${text}</Ustrd>${reference ? `<Strd><CdtrRefInf><Ref>${reference}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>E2E-1</MsgId><CreDtTm>2026-12-02T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>E2E-STMT-1</Id>
      <Acct><Id><IBAN>EE382200221020145685</IBAN></Id></Acct>
      ${entry('E2E-1', first.openAmount, 'CRDT', 'PARNU HOTELL AS', 'hooldus', first.referenceNumber)}
      ${entry('E2E-2', second.grossTotal, 'CRDT', 'Mari Maasikas', 'hoolduse eest')}
      ${entry('E2E-3', 4500, 'DBIT', 'Üürileandja OÜ', 'Rent')}
    </Stmt>
  </BkToCstmrStmt>
</Document>`
}

test('a service manager imports a bank statement, confirms the payments, and the invoices are paid', async ({ page, app }) => {
  test.setTimeout(180_000)
  await setupAdmin(app)
  const api = await adminApi(app)
  const labour = await api<{ id: number }>('categories.create', {
    code: 'LABOUR',
    name: 'Service work',
    type: 'hour',
    unit: 'h',
    salesPrice: 5000
  })
  const invoiced = await invoiceFor(api, labour.id, 'Pärnu Hotell AS', 1)
  // Half an hour of the first invoice's hour is credited (the credit dialog is tested in orders.spec.ts).
  await api('invoices.credit', {
    id: invoiced.id,
    invoiceDate: '2026-11-25',
    requestKey: 'bank-e2e-credit',
    lines: [{ lineId: invoiced.lines[0]!.id, quantity: 500, netAmount: 2500 }]
  })
  const first = await api<Invoice>('invoices.get', { id: invoiced.id })
  expect([first.grossTotal, first.openAmount]).toEqual([6200, 3100])
  const second = await invoiceFor(api, labour.id, 'Kalevipoja Ehitus OÜ', 2)
  await api('users.create', { username: 'mart', displayName: 'Mart Manager', roles: ['serviceManager'], password: 'mart-pass-1' })
  const file = { name: 'konto-2026-12-01.xml', mimeType: 'application/xml', buffer: Buffer.from(statementFile(first, second)) }

  await signIn(page, app, 'mart', 'mart-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Bank statements', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Bank statements' })).toBeVisible()
  await page.locator('input[type=file]').setInputFiles(file)
  await expect(page.getByText('New payments: 2 · imported before: 0 · other entries: 1')).toBeVisible()

  // The statement: the first payment matched by its reference number, the second for nobody's invoice.
  await expect(page.getByRole('heading', { name: 'E2E-STMT-1' })).toBeVisible()
  const rows = page.getByTestId('bank-entries').locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('Matched')
  await expect(rows.nth(0)).toContainText('by reference number')
  await expect(rows.nth(1)).toContainText('Unmatched')
  await expect(rows.nth(0).getByRole('checkbox')).toBeChecked()
  await expect(rows.nth(1).getByRole('checkbox')).not.toBeChecked()
  await screenshot(page, 'bank-statement')

  // The second payment: the user finds the invoice by the customer's name.
  const picker = rows.nth(1).getByRole('combobox', { name: 'Choose an invoice' })
  await picker.click()
  await picker.fill('Kalevi')
  await page.getByRole('option', { name: new RegExp(`^${second.number} · Kalevipoja Ehitus OÜ`) }).click()
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked()
  await page.getByRole('button', { name: 'Confirm selected (2)' }).click()
  await expect(page.getByText('Payments confirmed: 2')).toBeVisible()
  await expect(rows.nth(0)).toContainText('Confirmed')
  await expect(rows.nth(1)).toContainText('Confirmed')
  await expect(rows.nth(0).getByRole('link', { name: first.number })).toBeVisible()
  await screenshot(page, 'bank-statement-confirmed')

  // Paid in full: nothing of either invoice is open any more; the credited, then paid invoice says so.
  await rows.nth(0).getByRole('link', { name: first.number }).click()
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid')
  await expect(page.getByTestId('invoice-balance')).toContainText(/Open\s*€0\.00/)
  await screenshot(page, 'bank-invoice-paid')
  await page.goBack()
  const statement = await api<{ entries: { status: string; invoice: { number: string; openAmount: number } | null }[] }>(
    'bankStatements.get',
    { id: 1 }
  )
  expect(statement.entries.map((e) => [e.status, e.invoice?.number, e.invoice?.openAmount])).toEqual([
    ['confirmed', first.number, 0],
    ['confirmed', second.number, 0]
  ])
  expect(await api('bankEntries.openInvoices', { q: '' })).toEqual([])

  // The same file again adds nothing.
  await page.getByRole('link', { name: 'Bank statements' }).first().click()
  await page.locator('input[type=file]').setInputFiles(file)
  await expect(page.getByText('Nothing new: every payment in this file was imported before (2).')).toBeVisible()
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await screenshot(page, 'bank-statements')
})
