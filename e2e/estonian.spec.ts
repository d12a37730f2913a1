import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Page } from '@playwright/test'
import { en } from '../src/shared/i18n/catalogue/en'
import { et } from '../src/shared/i18n/catalogue/et'
import { apiSettled, expect, screenshot, test } from './support/app'

/**
 * A shop whose language is Estonian: the main screens in Estonian, with a screenshot of each; no English
 * navigation label and no English catalogue text on any of them; an invoice PDF for an Estonian customer
 * with Estonian labels; a CSV in the Estonian spreadsheet dialect.
 */

type Tree = { [k: string]: string | Tree }
const leaves = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)))
const estonian = new Set(leaves(et as Tree))
/** English catalogue texts that never read the same in Estonian (whole lines; placeholders cannot match). */
const english = new Set(leaves(en as Tree).filter((s) => !s.includes('{{') && /[a-z]{3}/.test(s) && !estonian.has(s)))

/** The lines of the screen that are an English catalogue text. */
async function englishOnScreen(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText()
  return [...new Set(text.split('\n').map((l) => l.trim()))].filter((l) => english.has(l))
}

/**
 * Nothing visible is loading any more: no spinner, and the API calls have settled. Visible only: a tab the
 * user has not opened (the History tab) stays "loading" inside React's hidden Activity, which runs no
 * effects and so fetches nothing until the tab is shown.
 */
async function settled(page: Page): Promise<void> {
  await apiSettled(page)
  await expect(page.locator('.mantine-Loader-root').filter({ visible: true })).toHaveCount(0)
  await expect(page.getByText(et.common.loading).filter({ visible: true })).toHaveCount(0)
}

test.use({ workingDayClock: true })

test('the main flows in Estonian: every screen, an order, an agreement, an invoice PDF and a CSV', async ({ page, app }) => {
  test.setTimeout(240_000)
  const setup = await app.api('auth.setup', {
    username: 'admin',
    displayName: 'Ada Admin',
    password: 'admin-pass-1',
    companyName: 'Külmaexpert OÜ',
    language: 'et',
    withDemoData: true
  })
  expect(setup.ok).toBe(true)

  // Sign-in, in the company's language.
  await page.goto(app.url)
  await expect(page.getByRole('button', { name: et.app.signIn.submit })).toBeVisible()
  await screenshot(page, 'et-sign-in')
  await page.getByLabel(et.app.signIn.username).fill('admin')
  await page.getByLabel(et.app.signIn.password, { exact: true }).fill('admin-pass-1')
  await page.getByRole('button', { name: et.app.signIn.submit }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()

  // No English navigation label remains.
  const nav = page.getByRole('navigation')
  const navLabels = Object.entries(et.app.nav).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && !['soon', 'arrivesWith'].includes(e[0])
  )
  for (const [key] of navLabels) {
    const englishLabel = (en.app.nav as Record<string, unknown>)[key] as string
    await expect(nav.getByText(englishLabel, { exact: true }), `English nav label "${englishLabel}"`).toHaveCount(0)
  }

  // Every screen the navigation opens, in Estonian.
  for (const [key, label] of navLabels) {
    const link = nav.getByRole('link', { name: label, exact: true })
    if ((await link.count()) === 0) continue
    await link.click()
    await expect(link).toHaveAttribute('data-active', 'true')
    await settled(page)
    await screenshot(page, `et-${key}`)
    expect(await englishOnScreen(page), `English on the ${label} screen`).toEqual([])
  }

  // A service order, an agreement and a customer, opened from their lists.
  for (const [key, label, path, number] of [
    ['order', et.app.nav.serviceOrders, 'orders', /SO-\d+/],
    ['agreement', et.app.nav.agreements, 'agreements', /AGR-\d+/],
    ['customer', et.app.nav.customers, 'customers', /C-\d+/]
  ] as const) {
    await nav.getByRole('link', { name: label, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`#/${path}$`))
    await settled(page)
    // A row of the list's data (not a placeholder row shown while it loads), by its record number.
    await page.locator('tbody tr', { hasText: number }).first().click()
    await expect(page).toHaveURL(new RegExp(`#/${path}/.+$`))
    await settled(page)
    await screenshot(page, `et-${key}-detail`)
    expect(await englishOnScreen(page), `English on the ${key} page`).toEqual([])
  }

  // An invoice of an Estonian customer, as a PDF: Estonian labels, extractable with õ ä ö ü and €.
  const invoices = (await app.api('invoices.list', {})) as {
    ok: boolean
    data?: { rows: { id: number; number: string; customerId: number; kind: string }[] }
  }
  expect(invoices.ok).toBe(true)
  let invoiceId: number | null = null
  for (const row of invoices.data!.rows.filter((r) => r.kind === 'invoice')) {
    const customer = (await app.api('customers.get', { id: row.customerId })) as { data?: { language: string } }
    if (customer.data?.language === 'et') {
      invoiceId = row.id
      break
    }
  }
  expect(invoiceId).not.toBeNull()
  await page.evaluate((id) => (location.hash = `#/invoices/${id}`), invoiceId!)
  await expect(page.getByTestId('invoice-lines')).toBeVisible()
  await settled(page)
  await screenshot(page, 'et-invoice-detail')
  expect(await englishOnScreen(page), 'English on the invoice page').toEqual([])
  const pdfDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: et.invoices.downloadPdf }).click()
  const pdfText = execFileSync('/usr/bin/pdftotext', ['-layout', (await (await pdfDownload).path())!, '-'], { encoding: 'utf8' })
  for (const label of [
    et.documents.invoice.invoice,
    et.documents.invoice.billTo,
    et.documents.invoice.dueDate,
    et.documents.invoice.netTotal,
    et.documents.invoice.vatTotal,
    et.documents.invoice.totalToPay
  ]) {
    expect(pdfText).toContain(label)
  }
  expect(pdfText).toMatch(/\d,\d{2}\s€/)

  // The invoice list as CSV: the Estonian spreadsheet dialect (BOM, semicolons, decimal comma).
  await nav.getByRole('link', { name: et.app.nav.invoices, exact: true }).click()
  const csvDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: et.common.exportCsv }).click()
  const bytes = readFileSync((await (await csvDownload).path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][]
  const header = rows[0]!
  expect(header.length).toBeGreaterThan(5)
  expect(header).toContain(et.csv.columns.number)
  const amounts = rows.slice(1).flatMap((r) => r.filter((cell) => /^-?\d+[,.]\d{2}$/.test(cell)))
  expect(amounts.length).toBeGreaterThan(0)
  for (const a of amounts) expect(a).toMatch(/^-?\d+,\d{2}$/)
})
