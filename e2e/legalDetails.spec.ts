import { demoLogo } from '../src/main/demo/company'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** A signed-in API session for checking what the screens stored. */
async function adminApi(app: RunningApp) {
  const session = 'legal-details-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

test('a manager fills in the company’s invoice details and a customer abroad; bad codes are refused on their fields', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  const api = await adminApi(app)

  await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click()
  const section = page.getByTestId('invoicing-section')
  await section.getByLabel('Legal name').fill('Külmaexpert OÜ')
  await section.getByLabel('Registry code').fill('14872367')
  await section.getByLabel('VAT number').fill('ee 102 158 371')
  await section.getByLabel('Street address').fill('Peterburi tee 46')
  await section.getByLabel('Postal code').fill('11415')
  await section.getByLabel('City').fill('Tallinn')
  await section.getByLabel('Phone').fill('+372 640 1234')
  await section.getByLabel('E-mail').fill('arved@kylmaexpert.example')
  await section.getByLabel('Web').fill('www.kylmaexpert.example')
  await section.getByLabel('Invoice footer').fill('Täname koostöö eest!')
  await section.getByRole('button', { name: 'Add bank account' }).click()
  await section.getByLabel('Bank account 1 IBAN').fill('EE26 7700 7710 0481 5262')
  await section.getByLabel('Bank account 1 bank').fill('AS LHV Pank')
  await section.getByLabel('Bank account 1 BIC').fill('LHVBEE22')
  const png = Buffer.from(demoLogo().split(',')[1]!, 'base64')
  await section.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
  await expect(section.getByRole('img', { name: 'Logo preview' })).toBeVisible()

  // The registry code's check digit and the IBAN's check digits are wrong: both named on their fields.
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(section.getByText('Registry code: 8 digits whose last digit checks the others')).toBeVisible()
  await expect(section.getByText('IBAN: the check digits do not match (a typing error?)')).toBeVisible()
  expect((await api<{ version: number }>('settings.get', {})).version).toBe(1)

  await section.getByLabel('Registry code').fill('14872366')
  await section.getByLabel('Bank account 1 IBAN').fill('EE26 7700 7710 0481 5261')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled()
  // Stored in the forms the documents and e-invoices read: no spaces, upper case.
  await expect(section.getByLabel('VAT number')).toHaveValue('EE102158371')
  const s = await api<{ companyRegNo: string; companyVatNumber: string; bankAccounts: unknown[]; logo: string }>('settings.get', {})
  expect(s.companyRegNo).toBe('14872366')
  expect(s.companyVatNumber).toBe('EE102158371')
  expect(s.bankAccounts).toEqual([{ iban: 'EE267700771004815261', bankName: 'AS LHV Pank', bic: 'LHVBEE22' }])
  expect(s.logo).toBe(demoLogo())
  await section.scrollIntoViewIfNeeded()
  await screenshot(page, 'settings-company-invoicing')

  // A Finnish customer: an Estonian VAT number does not fit the country.
  await page.getByRole('navigation').getByRole('link', { name: 'Customers', exact: true }).click()
  await page.getByRole('button', { name: 'New customer' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Pohjolan Kiinteistöhuolto Oy')
  await page.getByRole('combobox', { name: 'Country', exact: true }).click()
  await page.getByRole('combobox', { name: 'Country', exact: true }).fill('Finland')
  await page.getByRole('option', { name: 'FI · Finland' }).click()
  await page.getByLabel('Registry code').fill('2485694-6')
  await page.getByLabel('VAT number').fill('EE102158371')
  await page.getByLabel('Payment terms (days)').fill('21')
  await page.getByLabel('Invoice e-mail').fill('laskut@pohjolan.example')
  await page.getByLabel('Billing address').fill('Mannerheimintie 12 B, 00100 Helsinki')
  await page.getByLabel('Site 1 street').fill('Veerenni 24')
  await page.getByLabel('Site 1 city').fill('Tallinn')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('VAT number: must be of the customer’s country (its code, EL for Greece)')).toBeVisible()
  await page.getByLabel('VAT number').fill('FI 2485 6946')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: /Pohjolan Kiinteistöhuolto Oy/ })).toBeVisible()
  await expect(page.getByLabel('VAT number')).toHaveValue('FI24856946')
  await screenshot(page, 'customer-abroad')
  const list = await api<{ rows: { id: number }[] }>('customers.list', { q: 'Pohjolan' })
  const customer = await api<Record<string, unknown>>('customers.get', { id: list.rows[0]!.id })
  expect(customer).toMatchObject({ country: 'FI', registryCode: '2485694-6', vatNumber: 'FI24856946', paymentTermsDays: 21 })
})
