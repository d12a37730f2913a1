import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Writable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { Input, MethodName } from '@shared/api/contract'
import type { ErrorCode } from '@shared/api/result'
import { invoiceReferenceNumber } from '@shared/domain/referenceNumber'
import { writeCsv } from '../../src/main/api/csv'
import { startExport } from '../../src/main/api/pipeline'
import type { Connection } from '../../src/main/db/connection'
import { invoices } from '../../src/main/db/schema'
import type { ServiceContext } from '../../src/main/services/core/context'
import { call, callError, freshDb, userWith } from '../support/db'

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/bank', name), 'utf8')
const STATEMENT_1 = fixture('statement-001.02.xml')
const STATEMENT_2 = fixture('statement-002.08.xml')

/** Every table an import, a confirmation or an ignore writes. */
const TABLES = ['bank_statements', 'bank_entries', 'payments', 'invoices', 'audit_log']
const snapshot = (conn: Connection) =>
  Object.fromEntries(TABLES.map((t) => [t, conn.sqlite.prepare(`select * from ${t} order by rowid`).all()]))

async function expectRefused<M extends MethodName>(ctx: ServiceContext, method: M, input: Input<M>, code: ErrorCode, message: RegExp) {
  const before = snapshot(ctx.conn)
  const error = await callError(ctx, method, input)
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(message) })
  expect(snapshot(ctx.conn)).toEqual(before)
  return error
}

/**
 * The open invoices the hand-written statements pay (tests/fixtures/bank), inserted as issued invoices with
 * the reference numbers the ledger gives them.
 */
async function world() {
  const { conn } = await freshDb()
  const manager = userWith(conn, ['serviceManager'], 'manager')
  const customer = async (name: string) =>
    (await call(manager, 'customers.create', { name, sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }] })).id
  const kalevipoja = await customer('Kalevipoja Ehitus OÜ')
  const metsJaMeri = await customer('Mets ja Meri AS')
  const joe = await customer('Jõe Külmatehnika OÜ')
  const saare = await customer('Saare Hooldus OÜ')
  const louna = await customer('Lõuna Kinnisvara OÜ')
  const issue = (n: number, customerId: number, gross: number, currency = 'EUR') => {
    const number = `INV-000${n}`
    const net = Math.round(gross / 1.24)
    return conn.db
      .insert(invoices)
      .values({
        number,
        kind: 'invoice',
        customerId,
        invoiceDate: '2026-11-20',
        dueDate: '2026-12-04',
        currency,
        netTotal: net,
        vatTotal: gross - net,
        grossTotal: gross,
        referenceNumber: invoiceReferenceNumber(number, n),
        requestKey: `bank-test-${n}`,
        createdAt: Date.now()
      })
      .returning({ id: invoices.id })
      .get().id
  }
  const inv = {
    101: issue(101, kalevipoja, 12400),
    102: issue(102, metsJaMeri, 50000),
    103: issue(103, joe, 31000),
    104: issue(104, saare, 8000),
    105: issue(105, saare, 8000),
    106: issue(106, louna, 15000),
    107: issue(107, louna, 10000)
  }
  const paidTotal = (id: number) => (conn.sqlite.prepare('select paid_total as p from invoices where id = ?').get(id) as { p: number }).p
  return { conn, manager, inv, paidTotal, customers: { saare } }
}

const importFile = (ctx: ServiceContext, content: string, fileName = 'statement.xml') =>
  call(ctx, 'bankStatements.import', { fileName, content })

describe('bank statement import', () => {
  it('proposes an invoice for each incoming credit: by reference, invoice number, amount and name; ambiguous; unmatched', async () => {
    const w = await world()
    const result = await importFile(w.manager, STATEMENT_1, 'konto-2026-12-01.xml')
    expect(result).toEqual({ statementIds: [expect.any(Number)], newEntries: 7, alreadyImported: 0, notCredits: 2 })

    const s = await call(w.manager, 'bankStatements.get', { id: result.statementIds[0]! })
    expect(s).toMatchObject({
      statementId: 'STMT-2026-12-01',
      iban: 'EE382200221020145685',
      fileName: 'konto-2026-12-01.xml',
      importedByName: 'manager',
      entryCount: 7,
      toReview: 7,
      confirmed: 0,
      creditTotal: 12400 + 50000 + 31000 + 8000 + 7777 + 15000 + 5000,
      currency: 'EUR'
    })
    expect(
      s.entries.map((e) => [e.debtorName, e.amount, e.status, e.matchedBy, e.invoice?.number ?? null, e.candidates.map((c) => c.number)])
    ).toEqual([
      ['KALEVIPOJA EHITUS OU', 12400, 'matched', 'reference', 'INV-000101', []],
      ['Jaan Tamm', 50000, 'matched', 'invoiceNumber', 'INV-000102', []],
      ['JOE KULMATEHNIKA', 31000, 'matched', 'amountAndName', 'INV-000103', []],
      ['Saare Hooldus', 8000, 'ambiguous', 'amountAndName', null, ['INV-000104', 'INV-000105']],
      ['Tundmatu Isik', 7777, 'unmatched', null, null, []],
      ['Lõuna Kinnisvara OÜ', 15000, 'matched', 'reference', 'INV-000106', []],
      ['Lõuna Kinnisvara OÜ', 5000, 'matched', 'invoiceNumber', 'INV-000107', []]
    ])
    expect(s.entries[0]!.invoice).toMatchObject({
      customerName: 'Kalevipoja Ehitus OÜ',
      grossTotal: 12400,
      openAmount: 12400,
      referenceNumber: '1012'
    })
    // Nothing is paid before the user confirms.
    expect(Object.values(w.inv).map(w.paidTotal)).toEqual([0, 0, 0, 0, 0, 0, 0])

    const list = await call(w.manager, 'bankStatements.list', {})
    expect(list.rows.map((r) => [r.statementId, r.entryCount, r.toReview])).toEqual([['STMT-2026-12-01', 7, 7]])
  })

  it('adds nothing when the same statement is imported again', async () => {
    const w = await world()
    await importFile(w.manager, STATEMENT_1)
    const before = snapshot(w.conn)
    expect(await importFile(w.manager, STATEMENT_1)).toEqual({ statementIds: [], newEntries: 0, alreadyImported: 7, notCredits: 2 })
    expect(snapshot(w.conn)).toEqual(before)
    // A statement that repeats some entries and brings new ones: only the new ones.
    const withOneMore = STATEMENT_1.replace(
      '<!-- 8.',
      `<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>2026120100099</AcctSvcrRef></Ntry><!-- 8.`
    )
    const again = await importFile(w.manager, withOneMore)
    expect(again).toMatchObject({ newEntries: 1, alreadyImported: 7 })
    expect((await call(w.manager, 'bankStatements.get', { id: again.statementIds[0]! })).entries.map((e) => e.amount)).toEqual([100])
  })

  it('refuses a malformed file as a whole: nothing imported', async () => {
    const w = await world()
    // The sixth entry of an otherwise good statement has lost its amount.
    const broken = STATEMENT_1.replace('<Amt Ccy="EUR">45.00</Amt>', '')
    const e = await expectRefused(
      w.manager,
      'bankStatements.import',
      { content: broken },
      'VALIDATION',
      /STMT-2026-12-01, entry 6: Amt is missing/
    )
    expect(e.issues?.map((i) => i.path)).toEqual([['content']])
    await expectRefused(w.manager, 'bankStatements.import', { content: 'not a statement' }, 'VALIDATION', /not XML/)
    await expectRefused(
      w.manager,
      'bankStatements.import',
      { content: STATEMENT_1.replace('<BookgDt><Dt>2026-12-01</Dt></BookgDt>', '') },
      'VALIDATION',
      /entry 1: BookgDt is missing/
    )
    expect(await call(w.manager, 'bankStatements.list', {})).toMatchObject({ total: 0 })
  })

  it('exports the statement list as CSV, newest first', async () => {
    const w = await world()
    await importFile(w.manager, STATEMENT_1, 'first.xml')
    await importFile(w.manager, STATEMENT_2, 'second.xml')
    const started = startExport({ conn: w.conn }, () => null, w.manager.session, 'bankStatements.list', {})
    if (!started.ok) throw new Error(started.error.message)
    const chunks: Buffer[] = []
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk)
        done()
      }
    })
    await writeCsv(started.columns, started.rows, out, started.csv)
    const rows = parse(Buffer.concat(chunks).toString('utf8'), { bom: true }) as string[][]
    expect(rows[0]).toEqual([
      'Imported',
      'Statement',
      'Account',
      'File',
      'Imported by',
      'Payments',
      'To review',
      'Confirmed',
      'Received',
      'Currency'
    ])
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual([
      ['STMT-2026-12-02', 'EE382200221020145685', 'second.xml', 'manager', '1', '1', '0', '124.00', 'EUR'],
      ['STMT-2026-12-01', 'EE382200221020145685', 'first.xml', 'manager', '7', '7', '0', '1291.77', 'EUR']
    ])
  })

  it('answers in the user’s language', async () => {
    const w = await world()
    w.conn.sqlite.prepare("update users set language = 'et' where username = 'manager'").run()
    const e = await callError(w.manager, 'bankStatements.import', {
      content: STATEMENT_1.replace('xsd:camt.053.001.02', 'xsd:camt.052.001.02')
    })
    expect(e.message).toMatch(/^Fail ei ole camt\.053 pangaväljavõte/)
  })
})

describe('confirming bank entries', () => {
  async function imported() {
    const w = await world()
    const { statementIds } = await importFile(w.manager, STATEMENT_1)
    const s = await call(w.manager, 'bankStatements.get', { id: statementIds[0]! })
    const entry = (debtor: string, amount: number) => s.entries.find((e) => e.debtorName === debtor && e.amount === amount)!
    return { ...w, statementId: statementIds[0]!, s, entry }
  }

  it('turns each into a bank payment of its invoice, in one step, and the entry into a confirmed one', async () => {
    const w = await imported()
    const proposed = w.s.entries.filter((e) => e.status === 'matched').map((e) => ({ id: e.id, invoiceId: e.invoice!.id }))
    const ambiguous = w.entry('Saare Hooldus', 8000)
    expect(await call(w.manager, 'bankEntries.confirm', { entries: [...proposed, { id: ambiguous.id, invoiceId: w.inv[105] }] })).toEqual({
      confirmed: 6
    })
    expect(Object.values(w.inv).map(w.paidTotal)).toEqual([12400, 50000, 31000, 0, 8000, 15000, 5000])
    const payment = w.conn.sqlite
      .prepare(
        'select invoice_id as invoiceId, date, amount, method, note, bank_entry_id as bankEntryId from payments where amount = 12400'
      )
      .get()
    expect(payment).toEqual({
      invoiceId: w.inv[101],
      date: '2026-12-01',
      amount: 12400,
      method: 'bank',
      note: 'KALEVIPOJA EHITUS OU · 1012',
      bankEntryId: w.entry('KALEVIPOJA EHITUS OU', 12400).id
    })
    expect(w.conn.sqlite.prepare('select note from payments where amount = 50000').get()).toEqual({
      note: 'Jaan Tamm · Arve inv-000102 tasumine'
    })

    const after = await call(w.manager, 'bankStatements.get', { id: w.statementId })
    expect(after).toMatchObject({ toReview: 1, confirmed: 6 })
    const confirmed = after.entries.find((e) => e.id === ambiguous.id)!
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      paymentId: expect.any(Number),
      invoice: { number: 'INV-000105', openAmount: 0 }
    })
    // INV-000107 was paid in part: 50.00 of 100.00 is still open.
    expect(after.entries.find((e) => e.amount === 5000)!.invoice).toMatchObject({ number: 'INV-000107', openAmount: 5000 })
  })

  it('refuses an entry confirmed already, and then confirms none of the others either', async () => {
    const w = await imported()
    const first = w.entry('KALEVIPOJA EHITUS OU', 12400)
    await call(w.manager, 'bankEntries.confirm', { entries: [{ id: first.id, invoiceId: w.inv[101] }] })
    const other = w.entry('Jaan Tamm', 50000)
    await expectRefused(
      w.manager,
      'bankEntries.confirm',
      {
        entries: [
          { id: other.id, invoiceId: w.inv[102] },
          { id: first.id, invoiceId: w.inv[101] }
        ]
      },
      'CONFLICT',
      /The payment of KALEVIPOJA EHITUS OU on 2026-12-01 is already confirmed/
    )
    // The same entry twice in one request is one payment at most: refused the same way.
    await expectRefused(
      w.manager,
      'bankEntries.confirm',
      {
        entries: [
          { id: other.id, invoiceId: w.inv[102] },
          { id: other.id, invoiceId: w.inv[103] }
        ]
      },
      'CONFLICT',
      /already confirmed/
    )
    expect(w.paidTotal(w.inv[102])).toBe(0)
  })

  it('refuses an invoice in another currency, a credit note, an unknown entry or invoice; nothing changes', async () => {
    const w = await imported()
    const e = w.entry('Tundmatu Isik', 7777)
    w.conn.sqlite.prepare("update invoices set currency = 'USD' where id = ?").run(w.inv[104])
    await expectRefused(
      w.manager,
      'bankEntries.confirm',
      { entries: [{ id: e.id, invoiceId: w.inv[104] }] },
      'VALIDATION',
      /INV-000104 is in USD, the payment in EUR/
    )
    await expectRefused(
      w.manager,
      'bankEntries.confirm',
      { entries: [{ id: 999_999, invoiceId: w.inv[101] }] },
      'NOT_FOUND',
      /Bank statement entry was not found/
    )
    await expectRefused(
      w.manager,
      'bankEntries.confirm',
      { entries: [{ id: e.id, invoiceId: 999_999 }] },
      'NOT_FOUND',
      /Invoice was not found/
    )
    w.conn.sqlite.prepare("update invoices set kind = 'credit' where id = ?").run(w.inv[103])
    await expectRefused(
      w.manager,
      'bankEntries.confirm',
      { entries: [{ id: e.id, invoiceId: w.inv[103] }] },
      'VALIDATION',
      /INV-000103 is a credit note/
    )
  })

  it('ignores entries that pay no invoice, and can still confirm one later; never ignores a confirmed one', async () => {
    const w = await imported()
    const stranger = w.entry('Tundmatu Isik', 7777)
    const paid = w.entry('KALEVIPOJA EHITUS OU', 12400)
    expect(await call(w.manager, 'bankEntries.ignore', { ids: [stranger.id, stranger.id] })).toEqual({ ignored: 1 })
    expect((await call(w.manager, 'bankStatements.get', { id: w.statementId })).entries.find((e) => e.id === stranger.id)!.status).toBe(
      'ignored'
    )
    await call(w.manager, 'bankEntries.confirm', { entries: [{ id: paid.id, invoiceId: w.inv[101] }] })
    await expectRefused(w.manager, 'bankEntries.ignore', { ids: [stranger.id, paid.id] }, 'CONFLICT', /already confirmed/)
    await call(w.manager, 'bankEntries.confirm', { entries: [{ id: stranger.id, invoiceId: w.inv[104] }] })
    expect(w.paidTotal(w.inv[104])).toBe(7777)
  })

  it('no longer proposes an invoice once it is paid: a second payment of it stays unmatched', async () => {
    const w = await imported()
    await call(w.manager, 'bankEntries.confirm', { entries: [{ id: w.entry('KALEVIPOJA EHITUS OU', 12400).id, invoiceId: w.inv[101] }] })
    const second = await importFile(w.manager, STATEMENT_2)
    const s = await call(w.manager, 'bankStatements.get', { id: second.statementIds[0]! })
    expect(s.entries.map((e) => [e.status, e.referenceNumber, e.remittance])).toEqual([['unmatched', '1012', 'Arve INV-000101']])
  })

  it('lists the candidates of an ambiguous entry as they stand: a paid one drops out', async () => {
    const w = await imported()
    await call(w.manager, 'bankEntries.confirm', { entries: [{ id: w.entry('Tundmatu Isik', 7777).id, invoiceId: w.inv[104] }] })
    w.conn.sqlite.prepare('update invoices set paid_total = gross_total where id = ?').run(w.inv[104])
    const s = await call(w.manager, 'bankStatements.get', { id: w.statementId })
    expect(s.entries.find((e) => e.status === 'ambiguous')!.candidates.map((c) => c.number)).toEqual(['INV-000105'])
  })

  it('offers open invoices to choose from by number, customer or reference number', async () => {
    const w = await imported()
    const numbers = async (q: string, currency = '') =>
      (await call(w.manager, 'bankEntries.openInvoices', { q, currency })).map((i) => i.number)
    expect(await numbers('saare')).toEqual(['INV-000104', 'INV-000105'])
    expect(await numbers('000107')).toEqual(['INV-000107'])
    expect(await numbers('1038')).toEqual(['INV-000103'])
    expect(await numbers('', 'USD')).toEqual([])
    await call(w.manager, 'bankEntries.confirm', { entries: [{ id: w.entry('KALEVIPOJA EHITUS OU', 12400).id, invoiceId: w.inv[101] }] })
    expect(await numbers('')).not.toContain('INV-000101')
  })

  it('is a service manager’s work: a technician or a service consultant is refused', async () => {
    const w = await imported()
    for (const role of ['technician', 'serviceConsultant'] as const) {
      const ctx = userWith(w.conn, [role], role)
      expect((await callError(ctx, 'bankStatements.list', {})).code).toBe('FORBIDDEN')
      expect((await callError(ctx, 'bankEntries.confirm', { entries: [{ id: w.s.entries[0]!.id, invoiceId: w.inv[101] }] })).code).toBe(
        'FORBIDDEN'
      )
    }
  })
})
