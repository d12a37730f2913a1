import { readFileSync } from 'node:fs'
import { expect, screenshot, setupAdmin, signIn, test } from './support/app'

/**
 * The invoice page's "Download e-invoice": refused with a message naming what to fill in while the company
 * lacks it, then the EN 16931 UBL XML of the invoice as a download. The demo company has every detail; the
 * test takes its VAT number away through the API and gives it back.
 */
test('an invoice downloads as an e-invoice once the company details are there', async ({ page, app }) => {
  test.setTimeout(180_000)
  await setupAdmin(app, true)
  const session = 'einvoice-check-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
  const list = await api<{ rows: { id: number; number: string; customerId: number }[] }>('invoices.list', {
    kind: 'invoice',
    sort: 'number',
    dir: 'asc'
  })
  // An invoice of a company with a registry code: a private person or a company without one has no e-invoice address.
  let invoice = list.rows[0]!
  let customer = { registryCode: '', country: '' }
  for (const row of list.rows) {
    customer = await api<{ registryCode: string; country: string }>('customers.get', { id: row.customerId })
    invoice = row
    if (customer.country === 'EE' && customer.registryCode !== '') break
  }
  const settings = await api<Record<string, unknown> & { companyVatNumber: string; version: number }>('settings.get', {})
  const vatNumber = settings.companyVatNumber
  const withoutVat = await api<{ version: number }>('settings.update', { ...settings, companyVatNumber: '' })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/invoices/${invoice.id}`)
  await expect(page.getByRole('heading', { name: invoice.number })).toBeVisible()

  await page.getByRole('button', { name: 'Download e-invoice' }).click()
  await expect(page.getByText("The company's VAT number is missing")).toBeVisible()
  await screenshot(page, 'einvoice-refused')

  await api('settings.update', { ...settings, version: withoutVat.version, companyVatNumber: vatNumber })
  await api('invoices.einvoice', { id: invoice.id })
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download e-invoice' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`${invoice.number}.xml`)
  const xml = readFileSync(await file.path(), 'utf8')
  expect(xml).toContain('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"')
  expect(xml).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`)
  expect(xml).toContain(`<cbc:CompanyID>${vatNumber}</cbc:CompanyID>`)
  expect(xml).toContain(`<cbc:EndpointID schemeID="0191">${customer.registryCode}</cbc:EndpointID>`)
  await page.getByRole('button', { name: 'Download e-invoice' }).hover()
  await expect(page.getByText('EN 16931 XML (Peppol BIS Billing 3.0)')).toBeVisible()
  await screenshot(page, 'einvoice-button')
})
