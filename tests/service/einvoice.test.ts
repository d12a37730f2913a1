import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineAmount, vatAmount } from '@shared/domain/orderRules'
import { invoiceReferenceNumber } from '@shared/domain/referenceNumber'
import type { Connection } from '../../src/main/db/connection'
import { customers, invoiceLines, invoices, settings } from '../../src/main/db/schema'
import { writeTx } from '../../src/main/services/core/tx'
import { addPayment } from '../../src/main/services/invoices/payments'
import { call, callError, freshDb, userWith } from '../support/db'
import { cli, ROOT } from '../support/processes'
import { seedMasterData } from '../support/seed'

/**
 * E-invoices generated from a real database and checked by the official rules: the EN 16931 (CEN TC434)
 * and Peppol BIS Billing 3.0 Schematron, run by ../shared/standards/en16931/validate.mjs, plus the totals
 * read back from the XML to the cent.
 */

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hooldus-einvoice-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** ../shared beside the repository; a git worktree lies apart from its main checkout, so beside that one. */
function validator(): string {
  const beside = (repo: string) => resolve(repo, '../shared/standards/en16931/validate.mjs')
  if (existsSync(beside(ROOT))) return beside(ROOT)
  const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: ROOT, encoding: 'utf8' })
  return beside(dirname(common.trim()))
}

interface Failure {
  ruleset: string
  id: string
  flag: string
  text: string
}

/** Every file through both rule sets in one node run (loading the rules is the slow part). */
function validate(files: string[]): Record<string, Failure[]> {
  const r = spawnSync(process.execPath, [validator(), ...files, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 })
  if (r.status !== 0 && r.status !== 1) throw new Error(`validate.mjs failed (${r.status}): ${r.stderr}`)
  return JSON.parse(r.stdout) as Record<string, Failure[]>
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false })
const many = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
/**
 * A parsed element, read below by deep paths (`party.PostalAddress.Country.IdentificationCode`). Typed, every
 * step would be `El | undefined` (noUncheckedIndexedAccess) and need a guard; a wrong path fails the test's
 * expectation anyway, so the checks read the tree untyped.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type El = Record<string, any>
const text = (v: El | string): string => (typeof v === 'string' ? v : (v['#text'] as string))
/** "1234.56" → 123456, exactly; refuses more than two decimals. */
function cents(v: El | string): number {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text(v))
  if (!m) throw new Error(`not an amount with two decimals: ${text(v)}`)
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]))
}

/** The document's amounts read back from the XML, and the checks that they reconcile. */
function reconcile(xml: string) {
  const parsed = parser.parse(xml) as El
  const root = (parsed.Invoice ?? parsed.CreditNote) as El
  const lines = many<El>(root.InvoiceLine ?? root.CreditNoteLine)
  const totals = root.LegalMonetaryTotal as El
  const tax = root.TaxTotal as El
  const subtotals = many<El>(tax.TaxSubtotal)
  const lineNet = lines.reduce((s, l) => s + cents(l.LineExtensionAmount), 0)
  const t = {
    lineNet: cents(totals.LineExtensionAmount),
    taxExclusive: cents(totals.TaxExclusiveAmount),
    vat: cents(tax.TaxAmount),
    taxInclusive: cents(totals.TaxInclusiveAmount),
    prepaid: totals.PrepaidAmount === undefined ? 0 : cents(totals.PrepaidAmount),
    payable: cents(totals.PayableAmount)
  }
  expect(lineNet, 'line nets sum to BT-106').toBe(t.lineNet)
  expect(t.taxExclusive + t.vat, 'BT-109 + BT-110 = BT-112').toBe(t.taxInclusive)
  expect(t.taxInclusive - t.prepaid, 'BT-115 = BT-112 − BT-113').toBe(t.payable)
  expect(subtotals.reduce((s, g) => s + cents(g.TaxableAmount), 0)).toBe(t.taxExclusive)
  expect(subtotals.reduce((s, g) => s + cents(g.TaxAmount), 0)).toBe(t.vat)
  return { root, lines, subtotals, totals: t }
}

const IBAN = 'EE382200221020145685'

async function world() {
  const { conn, file } = await freshDb()
  const seed = await seedMasterData(conn)
  // Company and customer details straight into their columns: their screens and checks are another feature's.
  conn.db
    .update(settings)
    .set({
      companyName: 'Külmaküte Hooldus',
      companyLegalName: 'Külmaküte Hooldus OÜ',
      companyAddress: 'Tööstuse 5',
      companyPostalCode: '10412',
      companyCity: 'Tallinn',
      companyCountry: 'EE',
      companyRegNo: '12345678',
      companyVatNumber: 'EE101234567',
      companyPhone: '+372 600 1234',
      companyEmail: 'arved@kylmakyte.ee',
      bankAccounts: [{ iban: IBAN, bankName: 'Swedbank', bic: 'HABAEE2X' }]
    })
    .where(eq(settings.id, 1))
    .run()
  conn.db
    .update(customers)
    .set({
      registryCode: '10000356',
      vatNumber: 'EE100200300',
      billingAddress: 'Pärnu mnt 10, 10148 Tallinn',
      invoiceEmail: 'arved@ounapuu.ee'
    })
    .where(eq(customers.id, seed.customer.id))
    .run()
  // The invoicing service sets reference numbers with the billing ledger; the seed's invoice predates it.
  conn.db
    .update(invoices)
    .set({ referenceNumber: invoiceReferenceNumber(seed.invoice.number, seed.invoice.id) })
    .where(eq(invoices.id, seed.invoice.id))
    .run()
  return { conn, file, ...seed }
}

interface LineSpec {
  description: string
  quantity: number
  unit: string
  unitPrice: number
  rate: number
  vatCode?: string
  netAmount?: number
  creditedLineId?: number
  orderNumber?: string
}

let invoiceNo = 0
/**
 * An invoice or credit note written as rows: the services for several VAT rates, reverse charge and partial
 * credit notes are being built beside this feature, so these documents are put in the tables the way those
 * services will write them (a credit note's lines and totals negative, its lines naming the lines they credit).
 */
function insertInvoice(
  conn: Connection,
  h: { customerId: number; kind?: 'invoice' | 'credit'; creditOfId?: number; reverseCharge?: boolean; note?: string; date?: string },
  specs: LineSpec[]
) {
  const kind = h.kind ?? 'invoice'
  const sign = kind === 'credit' ? -1 : 1
  const lines = specs.map((l) => {
    const net = l.netAmount ?? lineAmount(l.quantity, l.unitPrice)
    return {
      source: 'manual',
      orderNumber: l.orderNumber ?? '',
      type: 'fee',
      description: l.description,
      quantity: sign * l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      netAmount: sign * net,
      vatCode: l.vatCode ?? (l.rate === 0 ? 'Z' : 'S'),
      vatRate: l.rate,
      vatAmount: sign * vatAmount(net, l.rate),
      creditedLineId: l.creditedLineId ?? null
    }
  })
  const netTotal = lines.reduce((s, l) => s + l.netAmount, 0)
  const vatTotal = lines.reduce((s, l) => s + l.vatAmount, 0)
  const number = `${kind === 'credit' ? 'CRN' : 'INV'}-T${++invoiceNo}`
  const date = h.date ?? '2026-12-01'
  const row = conn.db
    .insert(invoices)
    .values({
      number,
      kind,
      customerId: h.customerId,
      invoiceDate: date,
      dueDate: kind === 'credit' ? date : '2026-12-15',
      currency: 'EUR',
      netTotal,
      vatTotal,
      grossTotal: netTotal + vatTotal,
      creditOfId: h.creditOfId ?? null,
      referenceNumber: kind === 'credit' ? '' : invoiceReferenceNumber(number, 0),
      reverseCharge: h.reverseCharge ?? false,
      note: h.note ?? '',
      requestKey: `einvoice-test-${number}`,
      createdAt: Date.now()
    })
    .returning({ id: invoices.id })
    .get()
  const ids = lines.map(
    (l) =>
      conn.db
        .insert(invoiceLines)
        .values({ ...l, invoiceId: row.id })
        .returning({ id: invoiceLines.id })
        .get().id
  )
  return { id: row.id, number, netTotal, vatTotal, grossTotal: netTotal + vatTotal, lineIds: ids }
}

describe('e-invoices (EN 16931, UBL 2.1, Peppol BIS Billing 3.0)', () => {
  it('pass the official EN 16931 and Peppol rules and reconcile to the cent: plain, several rates, reverse charge, partial credit', async () => {
    const w = await world()
    const { conn, admin } = w

    // Plain: the seed's invoice as the invoicing service made it, with one payment made before it was issued
    // (prepaid) and one after (not part of the document).
    writeTx(admin, () => {
      addPayment(admin, null, { invoiceId: w.invoice.id, date: '2026-11-18', amount: 50000, method: 'bank', note: 'advance' })
      addPayment(admin, null, { invoiceId: w.invoice.id, date: '2026-11-25', amount: 1000, method: 'bank', note: '' })
    })
    const plainXml = (await call(admin, 'invoices.einvoice', { id: w.invoice.id })).xml

    // Several rates, for a customer billed at its site's address with only an Estonian registry code.
    const site = await call(admin, 'customers.create', {
      name: 'Saare Kodu MTÜ',
      language: 'et',
      sites: [{ name: 'Maja', street: 'Lossi 3', postalCode: '93815', city: 'Kuressaare' }]
    })
    conn.db.update(customers).set({ registryCode: '80012345' }).where(eq(customers.id, site.id)).run()
    const multi = insertInvoice(conn, { customerId: site.id }, [
      { description: 'Hooldustööd', quantity: 2250, unit: 'h', unitPrice: 4500, rate: 2400, orderNumber: 'SO-000101' },
      { description: 'Sõidukulu', quantity: 35000, unit: 'km', unitPrice: 50, rate: 2400, orderNumber: 'SO-000101' },
      { description: 'Filter', quantity: 3000, unit: 'tk', unitPrice: 1999, rate: 900, orderNumber: 'SO-000102' },
      { description: 'Käsiraamat', quantity: 1000, unit: 'pcs', unitPrice: 1250, rate: 1300 },
      { description: 'Püsikliendi soodustus', quantity: 1000, unit: 'pcs', unitPrice: -2500, rate: 2400 },
      { description: 'Eksport', quantity: 1000, unit: 'pcs', unitPrice: 10000, rate: 0 },
      { description: 'Koolitus', quantity: 4000, unit: 'h', unitPrice: 3000, rate: 0, vatCode: 'E' },
      { description: '', quantity: 1234, unit: 'box', unitPrice: 333, rate: 2400 }
    ])
    const multiXml = (await call(admin, 'invoices.einvoice', { id: multi.id })).xml

    // Reverse charge: a Finnish business with a VAT number, reached by its VAT number's Peppol scheme.
    const fin = await call(admin, 'customers.create', {
      name: 'Lämpö Oy',
      language: 'en',
      billingAddress: 'Mannerheimintie 1, 00100 Helsinki',
      sites: [{ name: 'Office', street: 'Mannerheimintie 1', city: 'Helsinki' }]
    })
    conn.db
      .update(customers)
      .set({ country: 'FI', vatNumber: 'FI12345671', registryCode: '1234567-1' })
      .where(eq(customers.id, fin.id))
      .run()
    const rc = insertInvoice(conn, { customerId: fin.id, reverseCharge: true }, [
      { description: 'Heat pump service', quantity: 3000, unit: 'h', unitPrice: 6000, rate: 0, vatCode: 'AE' },
      { description: 'Valve', quantity: 2000, unit: 'pcs', unitPrice: 4550, rate: 0, vatCode: 'AE' }
    ])
    const rcXml = (await call(admin, 'invoices.einvoice', { id: rc.id })).xml

    // A credit note crediting part of the multi-rate invoice: half the hours, travel for less than its
    // price, and the whole 9 % line.
    const credit = insertInvoice(
      conn,
      { customerId: site.id, kind: 'credit', creditOfId: multi.id, note: 'Tööaeg arvestati topelt', date: '2026-12-05' },
      [
        {
          description: 'Hooldustööd',
          quantity: 1125,
          unit: 'h',
          unitPrice: 4500,
          rate: 2400,
          creditedLineId: multi.lineIds[0],
          orderNumber: 'SO-000101'
        },
        {
          description: 'Sõidukulu',
          quantity: 35000,
          unit: 'km',
          unitPrice: 50,
          rate: 2400,
          netAmount: 1000,
          creditedLineId: multi.lineIds[1]
        },
        { description: 'Filter', quantity: 3000, unit: 'tk', unitPrice: 1999, rate: 900, creditedLineId: multi.lineIds[2] }
      ]
    )
    conn.db.update(invoices).set({ creditedTotal: -credit.grossTotal }).where(eq(invoices.id, multi.id)).run()
    const creditXml = (await call(admin, 'invoices.einvoice', { id: credit.id })).xml

    const docs = { plain: plainXml, multi: multiXml, rc: rcXml, credit: creditXml }
    const files = Object.entries(docs).map(([name, xml]) => {
      const f = join(dir, `${name}.xml`)
      writeFileSync(f, xml)
      return f
    })
    const report = validate(files)
    for (const f of files)
      expect(
        report[f]!.filter((x) => x.flag === 'fatal').map((x) => `${x.id}: ${x.text}`),
        f
      ).toEqual([])

    // Plain: the invoice's own totals, what was paid in advance, the IBAN and reference number to pay with.
    const plain = reconcile(plainXml)
    expect(plain.root.InvoiceTypeCode).toBe('380')
    expect(plain.totals).toMatchObject({
      lineNet: w.invoice.netTotal,
      vat: w.invoice.vatTotal,
      taxInclusive: w.invoice.grossTotal,
      prepaid: 50000
    })
    expect(plain.totals.payable).toBe(w.invoice.grossTotal - 50000)
    expect(plain.root.PaymentMeans).toMatchObject({
      PaymentMeansCode: '58',
      PaymentID: invoiceReferenceNumber(w.invoice.number, w.invoice.id),
      PayeeFinancialAccount: { ID: IBAN, Name: 'Külmaküte Hooldus OÜ', FinancialInstitutionBranch: { ID: 'HABAEE2X' } }
    })
    const seller = plain.root.AccountingSupplierParty.Party as El
    expect(seller.EndpointID).toEqual({ '#text': '12345678', '@schemeID': '0191' })
    expect(seller.PartyTaxScheme.CompanyID).toBe('EE101234567')
    expect(seller.PartyLegalEntity).toEqual({
      RegistrationName: 'Külmaküte Hooldus OÜ',
      CompanyID: { '#text': '12345678', '@schemeID': '0191' }
    })
    expect(seller.PostalAddress).toMatchObject({
      StreetName: 'Tööstuse 5',
      CityName: 'Tallinn',
      PostalZone: '10412',
      Country: { IdentificationCode: 'EE' }
    })
    const buyer = plain.root.AccountingCustomerParty.Party as El
    expect(buyer.EndpointID).toEqual({ '#text': '10000356', '@schemeID': '0191' })
    expect(buyer.PostalAddress).toMatchObject({ StreetName: 'Pärnu mnt 10', CityName: 'Tallinn', PostalZone: '10148' })
    expect(buyer.Contact.ElectronicMail).toBe('arved@ounapuu.ee')
    expect(plain.root.BuyerReference).toBe(w.customer.number)
    expect(plain.root.OrderReference).toEqual({ ID: 'NA', SalesOrderID: w.doneOrder.number })

    // Several rates: one breakdown per category and rate, units as UN/ECE codes, the discount priced positive.
    const m = reconcile(multiXml)
    expect(m.totals).toMatchObject({ lineNet: multi.netTotal, vat: multi.vatTotal, taxInclusive: multi.grossTotal, prepaid: 0 })
    expect(m.subtotals.map((g) => [g.TaxCategory.ID, g.TaxCategory.Percent, cents(g.TaxableAmount), cents(g.TaxAmount)])).toEqual([
      ['S', '24', 10125 + 1750 - 2500 + 411, 2430 + 420 - 600 + 99],
      ['S', '13', 1250, 163],
      ['S', '9', 5997, 540],
      ['Z', '0', 10000, 0],
      ['E', '0', 12000, 0]
    ])
    expect(m.subtotals[4]!.TaxCategory.TaxExemptionReason).toBe('Käibemaksuvaba')
    expect(m.lines.map((l) => [l.InvoicedQuantity['@unitCode'], l.InvoicedQuantity['#text'], l.Price.PriceAmount['#text']])).toEqual([
      ['HUR', '2.25', '45.00'],
      ['KMT', '35', '0.50'],
      ['H87', '3', '19.99'],
      ['H87', '1', '12.50'],
      ['H87', '-1', '25.00'],
      ['H87', '1', '100.00'],
      ['HUR', '4', '30.00'],
      ['C62', '1.234', '3.33']
    ])
    expect(m.lines[0]!.Note).toBe('Hooldustellimus SO-000101')
    expect(m.lines[7]!.Item.Name).toBe('Tasu') // no description: the line's type
    expect(m.root.OrderReference).toBeUndefined() // two service orders
    const siteBuyer = m.root.AccountingCustomerParty.Party as El
    expect(siteBuyer.PostalAddress).toMatchObject({ StreetName: 'Lossi 3', CityName: 'Kuressaare', PostalZone: '93815' })
    expect(siteBuyer.EndpointID).toEqual({ '#text': '80012345', '@schemeID': '0191' })
    expect(siteBuyer.PartyTaxScheme).toBeUndefined()

    // Reverse charge: category AE at 0 % with its exemption code, the buyer's VAT number, English words.
    const r = reconcile(rcXml)
    expect(r.totals).toMatchObject({ lineNet: 18000 + 9100, vat: 0, taxInclusive: 27100, payable: 27100 })
    expect(r.subtotals).toHaveLength(1)
    expect(r.subtotals[0]!.TaxCategory).toMatchObject({ ID: 'AE', Percent: '0', TaxExemptionReasonCode: 'VATEX-EU-AE' })
    expect(r.subtotals[0]!.TaxCategory.TaxExemptionReason).toContain('Reverse charge')
    expect(r.lines.map((l) => l.Item.ClassifiedTaxCategory.ID)).toEqual(['AE', 'AE'])
    const finBuyer = r.root.AccountingCustomerParty.Party as El
    expect(finBuyer.EndpointID).toEqual({ '#text': 'FI12345671', '@schemeID': '0213' })
    expect(finBuyer.PartyTaxScheme.CompanyID).toBe('FI12345671')
    expect(finBuyer.PostalAddress.Country.IdentificationCode).toBe('FI')
    expect(r.root.PaymentTerms.Note).toBe('Payment within 14 days, by 15.12.2026')

    // Partial credit note: a CreditNote (381) with positive amounts, naming the invoice it credits.
    const c = reconcile(creditXml)
    expect(c.root.CreditNoteTypeCode).toBe('381')
    expect(c.root.BillingReference.InvoiceDocumentReference).toEqual({ ID: multi.number, IssueDate: '2026-12-01' })
    expect(c.root.Note).toBe('Tööaeg arvestati topelt')
    expect(c.totals).toMatchObject({ lineNet: -credit.netTotal, vat: -credit.vatTotal, taxInclusive: -credit.grossTotal })
    expect(c.totals.lineNet).toBe(5063 + 1000 + 5997)
    expect(
      c.lines.map((l) => [
        l.CreditedQuantity['#text'],
        cents(l.LineExtensionAmount),
        l.Price.PriceAmount['#text'],
        l.Price.BaseQuantity?.['#text']
      ])
    ).toEqual([
      ['1.125', 5063, '45.00', undefined],
      // Credited for less than quantity × price: priced for the whole quantity, so the two still agree.
      ['35', 1000, '10.00', '35'],
      ['3', 5997, '19.99', undefined]
    ])
    expect(c.root.PaymentMeans).toBeUndefined()
  }, 240_000)

  it('refuse, naming what to fill in, when the company or customer lacks what an e-invoice needs', async () => {
    const w = await world()
    const { conn, admin } = w
    const noVat = await call(admin, 'customers.create', { name: 'Ilma KMKR-ita OÜ', sites: [{ name: 'A', street: 'B 1', city: 'Tartu' }] })
    const rc = insertInvoice(conn, { customerId: noVat.id, reverseCharge: true }, [
      { description: 'Service', quantity: 1000, unit: 'h', unitPrice: 5000, rate: 0, vatCode: 'AE' }
    ])
    const noAddress = await callError(admin, 'invoices.einvoice', { id: rc.id })
    expect(noAddress).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Ilma KMKR-ita OÜ has no e-invoice address') })
    conn.db.update(customers).set({ einvoiceAddress: '0191:12345678' }).where(eq(customers.id, noVat.id)).run()
    expect((await callError(admin, 'invoices.einvoice', { id: rc.id })).message).toContain("must state the buyer's VAT number")

    conn.db.update(settings).set({ bankAccounts: [] }).where(eq(settings.id, 1)).run()
    expect((await callError(admin, 'invoices.einvoice', { id: w.invoice.id })).message).toContain('no bank account')
    conn.db.update(settings).set({ companyVatNumber: '' }).where(eq(settings.id, 1)).run()
    const noSellerVat = await callError(admin, 'invoices.einvoice', { id: w.invoice.id })
    expect(noSellerVat).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining("The company's VAT number is missing") })

    expect((await callError(admin, 'invoices.einvoice', { id: 99999 })).code).toBe('NOT_FOUND')
    const technician = userWith(conn, ['technician'])
    expect((await callError(technician, 'invoices.einvoice', { id: w.invoice.id })).code).toBe('FORBIDDEN')
  })

  it('are written by the command line: einvoice <number> --out file', async () => {
    const w = await world()
    const out = join(dir, 'cli-invoice.xml')
    const ok = await cli(['einvoice', w.invoice.number, '--out', out, '--db', w.file])
    expect(ok.err).toBe('')
    expect(ok.code).toBe(0)
    expect(ok.out).toContain(`Wrote e-invoice ${w.invoice.number} to ${out}`)
    expect(readFileSync(out, 'utf8')).toBe((await call(w.admin, 'invoices.einvoice', { id: w.invoice.id })).xml)

    const missing = await cli(['einvoice', 'INV-999999', '--out', join(dir, 'nope.xml'), '--db', w.file])
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('There is no invoice or credit note INV-999999.')
    expect(existsSync(join(dir, 'nope.xml'))).toBe(false)
    const usage = await cli(['einvoice', '--db', w.file])
    expect(usage.code).toBe(2)
    expect(usage.err).toContain('einvoice needs the number of an invoice or credit note')
  }, 120_000)
})
