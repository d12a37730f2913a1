import { readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { expect, screenshot, setupAdmin, signIn, test } from './support/app'

/**
 * The invoice page's "Download e-invoice": refused with a message naming what to fill in while the company
 * lacks it, then the EN 16931 UBL XML of the invoice as a download. The company and customer details are
 * written straight into their columns (their screens belong to another feature).
 */
test('an invoice downloads as an e-invoice once the company details are there', async ({ page, app }) => {
  test.setTimeout(180_000)
  await setupAdmin(app, true)
  const list = await app.api('invoices.list', { kind: 'invoice', sort: 'number', dir: 'asc' })
  expect(list.ok).toBe(true)
  const invoice = (list.data as { rows: { id: number; number: string; customerId: number }[] }).rows[0]!

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/invoices/${invoice.id}`)
  await expect(page.getByRole('heading', { name: invoice.number })).toBeVisible()

  await page.getByRole('button', { name: 'Download e-invoice' }).click()
  await expect(page.getByText("The company's VAT number is missing")).toBeVisible()
  await screenshot(page, 'einvoice-refused')

  const db = new Database(app.dbFile)
  try {
    db.prepare(
      `update settings set company_reg_no = '12345678', company_vat_number = 'EE101234567', company_legal_name = 'Külmaexpert OÜ',
         company_address = 'Tööstuse 5', company_postal_code = '10412', company_city = 'Tallinn', bank_accounts = ?`
    ).run(JSON.stringify([{ iban: 'EE382200221020145685', bankName: 'Swedbank', bic: 'HABAEE2X' }]))
    db.prepare(`update customers set registry_code = '10000356' where id = ?`).run(invoice.customerId)
  } finally {
    db.close()
  }

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download e-invoice' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`${invoice.number}.xml`)
  const xml = readFileSync(await file.path(), 'utf8')
  expect(xml).toContain('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"')
  expect(xml).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`)
  expect(xml).toContain('<cbc:EndpointID schemeID="0191">10000356</cbc:EndpointID>')
  await page.getByRole('button', { name: 'Download e-invoice' }).hover()
  await expect(page.getByText('EN 16931 XML (Peppol BIS Billing 3.0)')).toBeVisible()
  await screenshot(page, 'einvoice-button')
})
