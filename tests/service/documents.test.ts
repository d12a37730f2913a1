import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DateTime } from 'luxon'
import type { Connection } from '../../src/main/db/connection'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { renderInvoicePdf, renderOrderPdf } from '../../src/main/services/documents/downloads'
import { customerDocumentLanguage, documentLocale, formatWindow } from '../../src/main/services/documents/format'
import { invoiceReferenceNumber } from '@shared/domain/referenceNumber'
import { demoLogo } from '../../src/main/demo/company'
import { call, callError, freshDb } from '../support/db'
import { cli } from '../support/processes'
import { type Seed, seedMasterData } from '../support/seed'

/**
 * The four documents rendered from a seeded database and read back with poppler (pdftotext, pdftoppm):
 * the text a customer or technician sees, with Estonian letters and formatted amounts. Set
 * HOOLDUS_ARTIFACTS=artifacts/documents to keep the PDFs and page-1 PNGs for a look.
 */

const root = resolve(import.meta.dirname, '../..')
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hooldus-pdf-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const keep = process.env.HOOLDUS_ARTIFACTS ? resolve(root, process.env.HOOLDUS_ARTIFACTS) : null

/** Writes the PDF, answers its text (layout kept; non-breaking spaces and the minus sign made plain). */
function pdfText(name: string, content: Buffer): { file: string; text: string } {
  const file = join(dir, name)
  writeFileSync(file, content)
  if (keep) {
    mkdirSync(keep, { recursive: true })
    copyFileSync(file, join(keep, name))
  }
  const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  return { file, text: raw.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-') }
}

function page1Png(file: string, name: string): string {
  const prefix = join(dir, name)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix])
  if (keep) execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', '-f', '1', '-l', '1', file, join(keep, name)])
  return `${prefix}.png`
}

const TZ = 'Europe/Tallinn'
const at = (iso: string) => DateTime.fromISO(iso, { zone: TZ }).toMillis()

interface World extends Seed {
  conn: Connection
  file: string
  receiptOrder: Seed['openOrder']
}

/**
 * The seed, plus: company details in the settings, a VAT number on the customer, and on the open order a
 * contact, windows, a task, notes and one line of every type (plus a cancelled one, which no document shows).
 */
async function world(): Promise<World> {
  const { conn, file } = await freshDb()
  const seed = await seedMasterData(conn)
  const admin = seed.admin
  const settings = await call(admin, 'settings.get', {})
  await call(admin, 'settings.update', {
    ...settings,
    companyName: 'Külmaküte Hooldus OÜ',
    companyAddress: 'Tööstuse 5, 10412 Tallinn',
    companyRegNo: '12345678',
    companyVatNumber: 'EE101234567'
  })
  const customer = await call(admin, 'customers.get', { id: seed.customer.id })
  // English unless a test says otherwise: customer documents speak the customer's language.
  await call(admin, 'customers.update', {
    ...customer,
    language: 'en',
    vatNumber: 'EE100200300',
    billingAddress: 'Pärnu mnt 10, 10148 Tallinn'
  })

  const travel = await call(admin, 'categories.create', { code: 'TRAVEL', name: 'Sõidukulu', type: 'expense', unit: 'km', salesPrice: 50 })
  const callout = await call(admin, 'categories.create', {
    code: 'CALLOUT',
    name: 'Väljakutse tasu',
    type: 'fee',
    unit: 'tk',
    salesPrice: 2500
  })
  let o = await call(admin, 'serviceOrders.get', { id: seed.openOrder.id })
  o = await call(admin, 'serviceOrders.update', {
    id: o.id,
    version: o.version,
    customerId: o.customerId,
    siteId: o.siteId,
    contactId: customer.contacts[0]!.id,
    description: 'Soojuspumba hooldus: filtrite vahetus ja lekkekontroll',
    priority: 'high',
    requestedStart: at('2026-11-23T08:00'),
    requestedEnd: at('2026-11-27T17:00'),
    plannedStart: at('2026-11-24T09:00'),
    plannedEnd: at('2026-11-24T12:30'),
    actualStart: at('2026-11-24T09:15'),
    actualEnd: at('2026-11-24T12:05'),
    responsibleWorkerId: seed.worker.id,
    notes: 'Võti on valvelauas. Helistage enne saabumist.',
    objects: [{ id: seed.serviceObject.id, note: 'Katlaruum, keldris' }],
    tasks: [{ id: seed.serviceTask.id, note: 'Vt tootja juhendit' }]
  })
  o = await call(admin, 'serviceOrders.addLine', {
    orderId: o.id,
    type: 'hour',
    categoryId: seed.category.id,
    workerId: seed.worker.id,
    description: 'Hooldustööd',
    quantity: 2250,
    unitPrice: 4500,
    scheduledDate: '2026-11-24',
    actualDate: '2026-11-24'
  })
  o = await call(admin, 'serviceOrders.addLine', {
    orderId: o.id,
    type: 'item',
    itemId: seed.item.id,
    quantity: 1000,
    note: 'Garantii 2 aastat'
  })
  o = await call(admin, 'serviceOrders.addLine', { orderId: o.id, type: 'expense', categoryId: travel.id, quantity: 35000 })
  o = await call(admin, 'serviceOrders.addLine', { orderId: o.id, type: 'fee', categoryId: callout.id, quantity: 1000 })
  o = await call(admin, 'serviceOrders.addLine', {
    orderId: o.id,
    type: 'fee',
    categoryId: callout.id,
    description: 'Tühistatud öötasu',
    quantity: 1000
  })
  const cancelled = o.lines.find((l) => l.description === 'Tühistatud öötasu')!
  o = await call(admin, 'serviceOrders.cancelLine', { id: cancelled.id, version: cancelled.version })
  return { ...seed, conn, file, receiptOrder: o }
}

/** A user of the given roles linked to a worker, signed in. */
async function technician(w: World, username: string, workerId: number): Promise<ServiceContext> {
  const u = await call(w.admin, 'users.create', {
    username,
    displayName: username,
    roles: ['technician'],
    password: 'password123',
    workerId
  })
  return createContext(w.conn, loadSessionUser(w.conn.db, u.id))
}

const squash = (s: string) => s.replace(/\s+/g, ' ')

describe('formats of the documents', () => {
  it('writes money, quantities, rates and windows in the document language (through the one formatting module)', () => {
    const et = documentLocale('et', TZ)
    expect(et.f.money(123456)).toBe('1\u00a0234,56\u00a0€')
    expect(et.f.money(-153085)).toBe('\u22121\u00a0530,85\u00a0€')
    expect(et.f.quantity(1500)).toBe('1,5')
    expect(et.f.quantity(1234567)).toBe('1\u00a0234,567')
    expect(et.f.rate(2400)).toBe('24 %')
    expect(et.f.rate(2250)).toBe('22,5 %')
    const en = documentLocale('en', TZ)
    expect(en.f.money(123456)).toBe('€1,234.56')
    expect(en.f.quantity(1500)).toBe('1.5')
    expect(en.f.rate(2400)).toBe('24%')
    for (const l of [et, en]) {
      expect(formatWindow(l, at('2026-11-24T09:00'), at('2026-11-24T12:30'))).toBe('24.11.2026 09:00–12:30')
      expect(formatWindow(l, at('2026-11-23T08:00'), at('2026-11-27T17:00'))).toBe('23.11.2026 08:00 – 27.11.2026 17:00')
      expect(formatWindow(l, null, null)).toBe('')
    }
    expect(formatWindow(et, at('2026-11-24T09:00'), null)).toBe('alates 24.11.2026 09:00')
    expect(formatWindow(en, null, at('2026-11-24T09:00'))).toBe('until 24.11.2026 09:00')
  })

  it('speaks Estonian to an Estonian customer and English to every other', () => {
    expect(customerDocumentLanguage('et')).toBe('et')
    for (const l of ['en', 'ru', 'fi', 'lv', 'de']) expect(customerDocumentLanguage(l)).toBe('en')
  })
})

describe('PDF documents', () => {
  it('work description: header, window in the shop time zone, customer, objects, tasks, planned lines, notes', async () => {
    const w = await world()
    const pdf = await renderOrderPdf(w.admin, { id: w.receiptOrder.id, document: 'workDescription' })
    expect(pdf.fileName).toBe(`${w.receiptOrder.number}-work-description.pdf`)
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-')
    const { file, text } = pdfText(pdf.fileName, pdf.content)
    const flat = squash(text)
    for (const s of [
      'Külmaküte Hooldus OÜ',
      'Work description',
      w.receiptOrder.number,
      'High',
      '24.11.2026 09:00–12:30',
      '23.11.2026 08:00 – 27.11.2026 17:00',
      'Õunapuu OÜ',
      'Pärnu mnt 10, Tallinn',
      'Mari Maasikas',
      '+372 5555 1234',
      'Soojuspumba hooldus: filtrite vahetus ja lekkekontroll',
      'SN-778899',
      'Soojuspump katlaruumis',
      'Hooldus',
      'Hooldustööd',
      'Jaan Tamm',
      '2.25 h',
      '35 km',
      'Võti on valvelauas. Helistage enne saabumist.'
    ]) {
      expect(flat).toContain(s)
    }
    expect(flat).not.toContain('Tühistatud öötasu')
    expect(statSync(page1Png(file, 'work-description')).size).toBeGreaterThan(5000)
  })

  it('work receipt: lines grouped with amounts, totals at the default VAT rate, actual times, signature box', async () => {
    const w = await world()
    const pdf = await renderOrderPdf(w.admin, { id: w.receiptOrder.id, document: 'workReceipt' })
    expect(pdf.fileName).toBe(`${w.receiptOrder.number}-work-receipt.pdf`)
    const { file, text } = pdfText(pdf.fileName, pdf.content)
    const flat = squash(text)
    // Hours 1.5 h × 0.00 (seeded) + 2.25 h × 45.00 = 101.25; part 1,234.56; travel 35 km × 0.50 = 17.50; call-out 25.00.
    for (const s of [
      'Work receipt',
      w.receiptOrder.number,
      'Õunapuu OÜ',
      'Pärnu mnt 10, Tallinn',
      '24.11.2026 09:15',
      '24.11.2026 12:05',
      'Hours',
      'Parts',
      'Expenses',
      'Fees',
      '2.25 h',
      '€45.00',
      '€101.25',
      'Soojuspump',
      '€1,234.56',
      '€17.50',
      '€25.00',
      'Net total €1,378.31',
      'VAT 24% €330.79',
      'Total €1,709.10',
      'Work accepted by the customer',
      'Customer name',
      'Signature'
    ]) {
      expect(flat).toContain(s)
    }
    expect(flat).not.toContain('Tühistatud öötasu')
    expect(statSync(page1Png(file, 'work-receipt')).size).toBeGreaterThan(5000)
  })

  it('invoice: seller, buyer with VAT number, dates, lines, VAT summary, totals; page 1 renders to PNG', async () => {
    const w = await world()
    const pdf = await renderInvoicePdf(w.admin, { id: w.invoice.id })
    expect(pdf.fileName).toBe(`${w.invoice.number}.pdf`)
    const { file, text } = pdfText(pdf.fileName, pdf.content)
    const flat = squash(text)
    // One part €1,234.56; VAT 24% = €296.29; gross €1,530.85.
    for (const s of [
      'Invoice',
      w.invoice.number,
      'Külmaküte Hooldus OÜ',
      'Tööstuse 5, 10412 Tallinn',
      'Reg. no 12345678',
      'VAT no EE101234567',
      'Õunapuu OÜ',
      'Pärnu mnt 10, 10148 Tallinn',
      'VAT no EE100200300',
      'Invoice date 20.11.2026',
      'Due date 04.12.2026',
      'EUR',
      w.doneOrder.number,
      'Soojuspump',
      '€1,234.56',
      '24%',
      'Net total €1,234.56',
      'VAT total €296.29',
      'Total to pay €1,530.85',
      // Every invoice the ledger makes has a reference number (INV-000001 → 1 and its check digit).
      `Please pay by 04.12.2026 quoting the reference number ${w.invoice.referenceNumber}.`,
      'Seller',
      'Page 1 of 1'
    ]) {
      expect(flat).toContain(s)
    }
    const png = page1Png(file, 'invoice')
    expect(existsSync(png)).toBe(true)
    expect(statSync(png).size).toBeGreaterThan(5000)
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
  })

  it('credit note: the same layout titled "Credit note", naming the invoice it reverses, negative amounts', async () => {
    const w = await world()
    const credit = await call(w.admin, 'invoices.credit', { id: w.invoice.id, invoiceDate: '2026-11-25', requestKey: 'doc-test-credit-1' })
    const api = await call(w.admin, 'invoices.pdf', { id: credit.id })
    expect(api.fileName).toBe(`${credit.number}.pdf`)
    const { file, text } = pdfText(api.fileName, Buffer.from(api.contentBase64, 'base64'))
    const flat = squash(text)
    for (const s of [
      'Credit note',
      credit.number,
      `Credits invoice ${w.invoice.number}`,
      `This credit note reverses invoice ${w.invoice.number} of 20.11.2026 in full.`,
      'Õunapuu OÜ',
      '-€1,234.56',
      'Total credited -€1,530.85'
    ]) {
      expect(flat).toContain(s)
    }
    expect(flat).not.toContain('Total to pay')
    expect(statSync(page1Png(file, 'credit-note')).size).toBeGreaterThan(5000)
  })

  it('in Estonian for an Estonian customer: invoice, credit note and work receipt, letters õ ä ö ü š ž and € extractable', async () => {
    const w = await world()
    const customer = await call(w.admin, 'customers.get', { id: w.customer.id })
    await call(w.admin, 'customers.update', { ...customer, language: 'et', name: 'Šokolaaditehas Žužu ja Tšempion OÜ' })

    const invoice = pdfText('et-invoice.pdf', (await renderInvoicePdf(w.admin, { id: w.invoice.id })).content)
    const flat = squash(invoice.text)
    for (const s of [
      'Arve',
      w.invoice.number,
      'Müüja',
      'Külmaküte Hooldus OÜ',
      'Registrikood 12345678',
      'KMKR nr EE101234567',
      'Ostja',
      'KMKR nr EE100200300',
      'Arve kuupäev 20.11.2026',
      'Maksetähtaeg 04.12.2026',
      'Valuuta EUR',
      'Kirjeldus',
      'Kogus',
      'Ühiku hind',
      'KM määr',
      '1 234,56 €',
      '24 %',
      'Summa käibemaksuta 1 234,56 €',
      'Käibemaks 296,29 €',
      'Kokku tasuda 1 530,85 €',
      `Palume tasuda hiljemalt 04.12.2026, viitenumber ${w.invoice.referenceNumber}.`,
      'Lk 1 / 1'
    ]) {
      expect(flat).toContain(s)
    }
    // Embedded and extractable: the letters of the words, the company and the buyer, and the euro sign.
    for (const letter of ['ä', 'ö', 'ü', 'Š', 'Ž', 'Ü', '€']) expect(flat).toContain(letter)
    expect(flat).not.toMatch(/Invoice|Total to pay|Due date/)

    const credit = await call(w.admin, 'invoices.credit', { id: w.invoice.id, invoiceDate: '2026-11-25', requestKey: 'doc-test-credit-et' })
    const creditText = squash(pdfText('et-credit.pdf', (await renderInvoicePdf(w.admin, { id: credit.id })).content).text)
    for (const s of [
      'Kreeditarve',
      `Krediteerib arvet ${w.invoice.number}`,
      `See kreeditarve tühistab 20.11.2026 arve ${w.invoice.number} täies ulatuses.`,
      'Kokku krediteeritud -1 530,85 €'
    ]) {
      expect(creditText).toContain(s)
    }

    const receipt = squash(
      pdfText('et-receipt.pdf', (await renderOrderPdf(w.admin, { id: w.receiptOrder.id, document: 'workReceipt' })).content).text
    )
    for (const s of [
      'Tööakt',
      'Šokolaaditehas Žužu ja Tšempion OÜ',
      'Tööaeg',
      'Varuosad',
      'Kulud',
      'Tasud',
      '2,25 h',
      'Summa käibemaksuta 1 378,31 €',
      'Käibemaks 24 % 330,79 €',
      'Kokku 1 709,10 €',
      'Klient võttis töö vastu',
      'Allkiri'
    ]) {
      expect(receipt).toContain(s)
    }
    for (const letter of ['õ', 'ä', 'ö', 'ü', 'š', 'ž', 'Š', 'Ž', '€']) expect(receipt).toContain(letter)

    const description = squash(
      pdfText('et-description.pdf', (await renderOrderPdf(w.admin, { id: w.receiptOrder.id, document: 'workDescription' })).content).text
    )
    for (const s of ['Töö kirjeldus', 'Prioriteet', 'Kõrge', 'Hooldusobjektid', 'Hooldustööd', 'Planeeritud read', 'Märkused']) {
      expect(description).toContain(s)
    }
  })

  it('serviceOrders.pdf answers base64 through the pipeline; an assigned technician may print, another is FORBIDDEN', async () => {
    const w = await world()
    const viaApi = await call(w.admin, 'serviceOrders.pdf', { id: w.openOrder.id, document: 'workReceipt' })
    expect(viaApi.fileName).toBe(`${w.openOrder.number}-work-receipt.pdf`)
    expect(Buffer.from(viaApi.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')

    const jaan = await technician(w, 'jaan', w.worker.id)
    const own = await call(jaan, 'serviceOrders.pdf', { id: w.openOrder.id, document: 'workDescription' })
    expect(own.fileName).toBe(`${w.openOrder.number}-work-description.pdf`)

    const other = await call(w.admin, 'workers.create', { name: 'Mati Mets' })
    const mati = await technician(w, 'mati', other.id)
    const err = await callError(mati, 'serviceOrders.pdf', { id: w.openOrder.id, document: 'workDescription' })
    expect(err.code).toBe('FORBIDDEN')
    // A technician has no invoices.read — refused by the pipeline, and by the service when called directly.
    expect((await callError(mati, 'invoices.pdf', { id: w.invoice.id })).code).toBe('FORBIDDEN')
    await expect(renderInvoicePdf(mati, { id: w.invoice.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(renderOrderPdf(mati, { id: w.openOrder.id, document: 'workReceipt' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await callError(w.admin, 'serviceOrders.pdf', { id: 99999, document: 'workReceipt' })).code).toBe('NOT_FOUND')
    expect((await callError(w.admin, 'invoices.pdf', { id: 99999 })).code).toBe('NOT_FOUND')
  })
})

/**
 * The seller's and buyer's legal details filled in as a manager would, and the invoice's reference number
 * and reverse charge as the ledger sets them (written straight to the row here: assigning them is not the
 * documents' job).
 */
async function withLegalDetails(w: World, invoice: { reverseCharge?: boolean } = {}) {
  const s = await call(w.admin, 'settings.get', {})
  await call(w.admin, 'settings.update', {
    ...s,
    companyLegalName: 'Külmaküte Hooldus OÜ',
    companyAddress: 'Tööstuse 5',
    companyPostalCode: '10412',
    companyCity: 'Tallinn',
    companyPhone: '+372 640 1234',
    companyEmail: 'arved@kylmakyte.example',
    companyWeb: 'www.kylmakyte.example',
    bankAccounts: [
      { iban: 'EE267700771004815261', bankName: 'AS LHV Pank', bic: 'LHVBEE22' },
      { iban: 'EE50 1022 0000 4563 7911', bankName: 'AS SEB Pank', bic: 'EEUHEE2X' }
    ],
    invoiceFooter: 'Täname koostöö eest! Garantii 6 kuud.',
    logo: demoLogo()
  })
  const customer = await call(w.admin, 'customers.get', { id: w.customer.id })
  await call(w.admin, 'customers.update', { ...customer, registryCode: '10539549' })
  const reference = invoiceReferenceNumber(w.invoice.number, w.invoice.id)
  w.conn.sqlite
    .prepare('update invoices set reference_number = ?, reverse_charge = ? where id = ?')
    .run(reference, invoice.reverseCharge ? 1 : 0, w.invoice.id)
  return reference
}

/** The images a PDF embeds (poppler's pdfimages; a PNG's alpha channel is listed apart, as an smask): the logo is one. */
function imageCount(file: string): number {
  const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2)
  return rows.filter((r) => r.trim().split(/\s+/)[2] === 'image').length
}

describe('legal content of invoices and credit notes', () => {
  it('invoice: logo, seller and buyer details, reference number, IBANs with bank and BIC, VAT per rate, footer; no reverse charge', async () => {
    const w = await world()
    const reference = await withLegalDetails(w)
    const pdf = await renderInvoicePdf(w.admin, { id: w.invoice.id })
    const { file, text } = pdfText('legal-invoice.pdf', pdf.content)
    const flat = squash(text)
    for (const s of [
      // Seller: legal name, address, codes, contacts.
      'Seller',
      'Külmaküte Hooldus OÜ',
      'Tööstuse 5, 10412 Tallinn',
      'Reg. no 12345678',
      'VAT no EE101234567',
      'Phone +372 640 1234',
      'E-mail arved@kylmakyte.example',
      'www.kylmakyte.example',
      // Buyer: name, address, registry code, VAT number.
      'Bill to',
      'Õunapuu OÜ',
      'Pärnu mnt 10, 10148 Tallinn',
      'Reg. no 10539549',
      'VAT no EE100200300',
      // Dates and the reference number.
      'Invoice date 20.11.2026',
      'Due date 04.12.2026',
      `Reference number ${reference}`,
      `Please pay by 04.12.2026 quoting the reference number ${reference}.`,
      // Where to pay: every account, IBAN in groups of four, with its bank and BIC.
      'Payment details',
      'EE26 7700 7710 0481 5261',
      'AS LHV Pank',
      'LHVBEE22',
      'EE50 1022 0000 4563 7911',
      'AS SEB Pank',
      'EEUHEE2X',
      // VAT per rate: taxable amount, rate, VAT.
      'VAT summary',
      '24% €1,234.56 €296.29',
      'Total to pay €1,530.85',
      'Täname koostöö eest! Garantii 6 kuud.'
    ]) {
      expect(flat).toContain(s)
    }
    expect(flat).not.toMatch(/Reverse charge/i)
    expect(imageCount(file)).toBe(1)
    expect(statSync(page1Png(file, 'legal-invoice')).size).toBeGreaterThan(5000)
  })

  it('reverse charge: the legal note, in English and in Estonian, and the buyer’s country written out', async () => {
    const w = await world()
    await withLegalDetails(w, { reverseCharge: true })
    const customer = await call(w.admin, 'customers.get', { id: w.customer.id })
    await call(w.admin, 'customers.update', {
      ...customer,
      country: 'FI',
      registryCode: '2485694-6',
      vatNumber: 'FI24856946',
      billingAddress: 'Mannerheimintie 12 B, 00100 Helsinki'
    })
    const en = squash(pdfText('reverse-en.pdf', (await renderInvoicePdf(w.admin, { id: w.invoice.id })).content).text)
    for (const s of [
      'Reverse charge: VAT to be accounted for by the buyer (Council Directive 2006/112/EC, Article 196).',
      'Finland',
      'Estonia',
      'Reg. no 2485694-6',
      'VAT no FI24856946'
    ]) {
      expect(en).toContain(s)
    }

    await call(w.admin, 'customers.update', { ...(await call(w.admin, 'customers.get', { id: w.customer.id })), language: 'et' })
    const et = squash(pdfText('reverse-et.pdf', (await renderInvoicePdf(w.admin, { id: w.invoice.id })).content).text)
    for (const s of [
      'Pöördmaksustamine: käibemaksu arvestab ostja (nõukogu direktiivi 2006/112/EÜ artikkel 196).',
      'Soome',
      'Eesti',
      'Registrikood 2485694-6',
      'KMKR nr FI24856946',
      'Viitenumber',
      'Makseandmed',
      'Arvelduskonto',
      'EE26 7700 7710 0481 5261'
    ]) {
      expect(et).toContain(s)
    }
  })

  it('credit note: names the invoice it credits and why; no reference number, payment details or reverse charge', async () => {
    const w = await world()
    const reference = await withLegalDetails(w)
    const credit = await call(w.admin, 'invoices.credit', {
      id: w.invoice.id,
      invoiceDate: '2026-11-25',
      requestKey: 'doc-test-credit-legal'
    })
    // The reason is the ledger's input; written to the row here as it stores it.
    w.conn.sqlite.prepare('update invoices set note = ? where id = ?').run('Varuosa tagastati', credit.id)
    const pdf = await renderInvoicePdf(w.admin, { id: credit.id })
    const { file, text } = pdfText('legal-credit.pdf', pdf.content)
    const flat = squash(text)
    for (const s of [
      'Credit note',
      `Credits invoice ${w.invoice.number}`,
      `This credit note reverses invoice ${w.invoice.number} of 20.11.2026 in full.`,
      'Reason: Varuosa tagastati',
      'Külmaküte Hooldus OÜ',
      'Reg. no 12345678',
      'VAT no EE101234567',
      'Reg. no 10539549',
      'VAT no EE100200300',
      'Total credited -€1,530.85',
      'Täname koostöö eest! Garantii 6 kuud.'
    ]) {
      expect(flat).toContain(s)
    }
    expect(flat).not.toContain(reference)
    expect(flat).not.toContain('Payment details')
    expect(flat).not.toMatch(/Reverse charge/i)
    expect(imageCount(file)).toBe(1)
    page1Png(file, 'legal-credit')
  })

  it('prints nothing for what is not filled in: no reference number, no accounts, no logo, no footer', async () => {
    const w = await world()
    // Every invoice gets a reference number now; one without (as a credit note has none) asks for the invoice number.
    w.conn.sqlite.prepare("update invoices set reference_number = '' where id = ?").run(w.invoice.id)
    const pdf = await renderInvoicePdf(w.admin, { id: w.invoice.id })
    const { file, text } = pdfText('bare-invoice.pdf', pdf.content)
    const flat = squash(text)
    expect(flat).not.toMatch(/Reference number|Payment details|Phone|E-mail/)
    expect(flat).toContain(`Please pay by 04.12.2026 and quote the invoice number ${w.invoice.number}.`)
    expect(imageCount(file)).toBe(0)
  })
})

describe('pdf on the command line', () => {
  it('writes an invoice by its number, the same as the app; refuses an unknown number or document', async () => {
    const w = await world()
    // The CLI opens the file itself; the test's connection stays open (WAL), as the app's would.
    const out = join(dir, 'cli-invoice.pdf')
    const ok = await cli(['pdf', 'invoice', w.invoice.number, '--out', out, '--db', w.file])
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain(`Wrote invoice ${w.invoice.number}`)
    const { text } = pdfText('cli-invoice.pdf', readFileSync(out))
    expect(squash(text)).toContain('Total to pay €1,530.85')
    expect(squash(text)).toContain('Õunapuu OÜ')

    const receipt = join(dir, 'cli-receipt.pdf')
    const r = await cli(['pdf', 'work-receipt', w.receiptOrder.number, '--out', receipt, '--db', w.file])
    expect(r.code, r.err).toBe(0)
    expect(squash(pdfText('cli-receipt.pdf', readFileSync(receipt)).text)).toContain('Total €1,709.10')

    const missing = await cli(['pdf', 'invoice', 'INV-999999', '--out', join(dir, 'nope.pdf'), '--db', w.file])
    expect(missing.code).toBe(1)
    expect(missing.err.trim()).toBe('hooldus: There is no invoice INV-999999.')
    expect(existsSync(join(dir, 'nope.pdf'))).toBe(false)

    const wrongKind = await cli(['pdf', 'credit-note', w.invoice.number, '--out', join(dir, 'nope.pdf'), '--db', w.file])
    expect(wrongKind.code).toBe(1)
    expect(wrongKind.err).toContain(`${w.invoice.number} is an invoice, not a credit note`)

    const badDoc = await cli(['pdf', 'letter', w.invoice.number, '--out', join(dir, 'nope.pdf'), '--db', w.file])
    expect(badDoc.code).toBe(2)
    expect(badDoc.err).toContain('Unknown document "letter"')
    expect(badDoc.err).toContain('work-description, work-receipt, invoice, credit-note')

    const help = await cli(['--help'])
    expect(help.out).toMatch(/\n\s+pdf\s+/)
  }, 120000)
})
