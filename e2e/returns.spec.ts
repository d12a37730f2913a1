import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { BinaryBitmap, Code128Reader, HybridBinarizer, RGBLuminanceSource } from '@zxing/library'
import { expect, screenshot, setupAdmin, signIn, test } from './support/app'

/** The Code 128 on page 1 of a PDF, rendered with pdftoppm (grey PGM) and decoded with ZXing. */
function barcodeOf(pdf: string): string {
  const base = join(dirname(pdf), 'rma-page')
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', '1', pdf, base])
  const pgm = readFileSync(`${base}-1.pgm`)
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
  const [width, height] = [Number(header[1]), Number(header[2])]
  const pixels = new Uint8ClampedArray(pgm.subarray(header[0].length, header[0].length + width * height))
  return new Code128Reader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height)))).getText()
}

/**
 * Issue 16's "Done when": a consultant returns 2 of 3 invoiced units, registers 1 arriving into quarantine; the
 * service manager takes it from the inspection queue and sets "replace and credit" → a credit note for that unit
 * and a replacement order; the unit is in stock; the RMA PDF's barcode scans; the second unit is still expected.
 * The invoice and the users are made through the API; only the return flow goes through the screens.
 */
test('a return from an invoice: arrival, inspection, replace and credit, RMA barcode', async ({ page, app }) => {
  test.setTimeout(180_000)
  await setupAdmin(app)
  const session = 'returns-check-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
  for (const [username, role] of [
    ['cora', 'serviceConsultant'],
    ['max', 'serviceManager']
  ])
    await api('users.create', { username, displayName: username, roles: [role], password: 'returns-pass-1' })
  const item = await api<{ id: number }>('items.create', { number: 'PUMP-1', name: 'Circulation pump', unit: 'pcs', salesPrice: 10000 })
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Office', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const stages = (await api<{ rows: { id: number; code: string }[] }>('serviceStages.list', {})).rows
  let order = await api<{ id: number; version: number; lines: { id: number }[] }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Pump delivery'
  })
  order = await api('serviceOrders.addLine', { orderId: order.id, type: 'item', itemId: item.id, quantity: 3000 })
  for (const code of ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    order = await api('serviceOrders.changeStage', {
      id: order.id,
      version: order.version,
      toStageId: stages.find((s) => s.code === code)!.id
    })
  order = await api('serviceOrders.signOff', { id: order.id, version: order.version })
  order = await api('serviceOrders.post', { id: order.id, version: order.version })
  const today = new Date(app.now()).toISOString().slice(0, 10)
  await api('invoices.create', {
    customerId: customer.id,
    lineIds: order.lines.map((l) => l.id),
    invoiceDate: today,
    requestKey: 'returns-e2e-invoice'
  })

  // The consultant: a return of 2 of the 3 pumps, then 1 arrives into quarantine.
  await signIn(page, app, 'cora', 'returns-pass-1')
  await page.goto(`${app.url}#/returns`)
  await page.getByRole('button', { name: 'New return from invoice' }).click()
  const dialog = page.getByRole('dialog', { name: 'Find invoice' })
  await dialog.getByLabel('Customer').click()
  await page.getByRole('option', { name: /Õunapuu OÜ/ }).click()
  await dialog.getByLabel('Return reason').click()
  await page.getByRole('option', { name: /DEFECT/ }).click()
  await dialog.getByLabel('Quantity to return of Circulation pump').fill('2')
  await screenshot(page, 'returns-find-invoice')
  await dialog.getByRole('button', { name: 'Create return' }).click()
  await expect(page.getByRole('heading', { name: 'RMA-000001' })).toBeVisible()
  await page.getByRole('button', { name: 'Actions of line 1' }).click()
  await page.getByRole('menuitem', { name: 'Register arrival…' }).click()
  const arrival = page.getByRole('dialog', { name: 'Arrival of line 1' })
  await arrival.getByLabel('Arrived (pcs)').fill('1')
  await arrival.getByLabel('To quarantine for inspection').check()
  await arrival.getByRole('button', { name: 'Register' }).click()
  await expect(page.getByTestId('return-line-2')).toContainText('Expected')
  await expect(page.getByTestId('return-line-1')).toContainText('Quarantine')

  // The service manager, in a tab of their own: the inspection queue, then replace and credit.
  const manager = await page.context().newPage()
  await signIn(manager, app, 'max', 'returns-pass-1')
  await manager.goto(`${app.url}#/returns/inspection`)
  await expect(manager.getByRole('cell', { name: 'RMA-000001' })).toBeVisible()
  await screenshot(manager, 'returns-inspection')
  await manager.getByRole('cell', { name: 'RMA-000001' }).click()
  await expect(manager.getByRole('heading', { name: 'RMA-000001' })).toBeVisible()
  await manager.getByRole('button', { name: 'Actions of line 1' }).click()
  await manager.getByRole('menuitem', { name: 'Disposition…' }).click()
  const dispose = manager.getByRole('dialog', { name: 'Disposition of line 1' })
  await dispose.getByLabel('Disposition code').click()
  await manager.getByRole('option', { name: /Replace and credit/ }).click()
  await dispose.getByLabel('Inspection note').fill('Bearing noise')
  await screenshot(manager, 'returns-disposition')
  await dispose.getByRole('button', { name: 'Carry out' }).click()
  await expect(manager.getByTestId('credit-note-link')).toHaveText('CRN-000001')
  await expect(manager.getByTestId('replacement-order')).toContainText('SO-000002')
  await expect(manager.getByTestId('return-line-1')).toContainText('Credited')
  await expect(manager.getByTestId('return-line-2')).toContainText('Expected')
  await screenshot(manager, 'returns-page')

  // The unit still expected gets its replacement up front; the line keeps waiting for the pump.
  await manager.getByRole('button', { name: 'Actions of line 2' }).click()
  await manager.getByRole('menuitem', { name: 'Replacement up front…' }).click()
  const upFront = manager.getByRole('dialog', { name: 'Replacement up front for line 2' })
  await expect(upFront.getByLabel('Replacement item')).toHaveValue(/PUMP-1/)
  await screenshot(manager, 'returns-upfront')
  await upFront.getByRole('button', { name: 'Create replacement order' }).click()
  await expect(manager.getByText('Replacement shipped up front for line 2')).toBeVisible()
  await expect(manager.getByTestId('replacement-order')).toContainText('SO-000003')
  await expect(manager.getByTestId('return-line-2')).toContainText('Expected')

  const stock = await api<{ rows: { itemNumber: string; location: string; onHand: number }[] }>('returnStock.list', {})
  expect(stock.rows).toEqual([expect.objectContaining({ itemNumber: 'PUMP-1', location: 'stock', onHand: 1000 })])

  const download = manager.waitForEvent('download')
  await manager.getByRole('button', { name: 'RMA document', exact: true }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('RMA-000001.pdf')
  expect(barcodeOf(await file.path())).toBe('RMA-000001')

  await manager.goto(`${app.url}#/returns`)
  await expect(manager.getByRole('cell', { name: 'RMA-000001' })).toBeVisible()
  await expect(manager.getByTestId('return-figures')).toContainText('1 open')
  await expect(manager.getByTestId('figures-reason-DEFECT')).toContainText('1')
  await screenshot(manager, 'returns-list')
  await manager.getByRole('button', { name: 'Arrival' }).click()
  await expect(manager.getByTestId('arrival-scan')).toBeFocused()
  await screenshot(manager, 'returns-arrival')
  await manager.keyboard.press('Escape')

  // A return by hand, without an invoice to find.
  await manager.getByRole('button', { name: 'New return', exact: true }).click()
  const manual = manager.getByRole('dialog', { name: 'New return by hand' })
  await manual.getByLabel('Customer').click()
  await manager.getByRole('option', { name: /Õunapuu OÜ/ }).click()
  await manual.getByLabel('Return reason').click()
  await manager.getByRole('option', { name: /WRONG/ }).click()
  await manual.getByLabel('Item of line 1').click()
  await manager.getByRole('option', { name: /PUMP-1/ }).click()
  await manual.getByLabel('Return price of line 1').fill('50')
  await screenshot(manager, 'returns-manual')
  await manual.getByRole('button', { name: 'Create return' }).click()
  await expect(manager.getByRole('heading', { name: 'RMA-000002' })).toBeVisible()
  await expect(manager.getByTestId('return-line-1')).toContainText(/50[.,]00/)

  // The return stock (from the journal) and the order page's "Return parts".
  await manager.goto(`${app.url}#/return-stock`)
  await expect(manager.getByRole('row', { name: /PUMP-1.*Stock/ })).toBeVisible()
  await screenshot(manager, 'returns-stock')
  await manager.goto(`${app.url}#/orders/${order.id}`)
  await manager.getByRole('button', { name: 'Return parts' }).click()
  await expect(manager.getByTestId('order-return-line-1')).toContainText('Circulation pump')
  await screenshot(manager, 'returns-from-order')
  await manager.keyboard.press('Escape')

  // Setup: the seeded disposition codes, one per action, and the reasons.
  await manager.goto(`${app.url}#/disposition-codes`)
  await expect(manager.getByRole('cell', { name: 'REPLACE-CREDIT' })).toBeVisible()
  await screenshot(manager, 'returns-dispositions')
  await manager.goto(`${app.url}#/return-reasons/new`)
  await expect(manager.getByLabel('Handling charge')).toBeVisible()
  await screenshot(manager, 'returns-reason')
})
