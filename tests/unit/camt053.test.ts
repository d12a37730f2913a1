import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/main/services/core/errors'
import { amountToCents, parseCamt053 } from '../../src/main/services/bank/camt053'

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/bank', name), 'utf8')

/** A minimal statement of version 02 around the given entries. */
const statement = (entries: string, ns = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02') =>
  `<?xml version="1.0"?><Document xmlns="${ns}"><BkToCstmrStmt><Stmt><Id>S1</Id><Acct><Id><IBAN>EE382200221020145685</IBAN></Id></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`
const credit = (inner: string) => `<Ntry>${inner}</Ntry>`
const booked = (amount = '<Amt Ccy="EUR">10.00</Amt>', date = '<BookgDt><Dt>2026-12-01</Dt></BookgDt>') =>
  credit(`${amount}<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>${date}<AcctSvcrRef>R1</AcctSvcrRef>`)

function refusal(content: string): AppError {
  try {
    parseCamt053(content)
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('the file was accepted')
}

describe('amounts to cents', () => {
  it('read from the text, never through a float', () => {
    expect(amountToCents('124.00')).toBe(12400)
    expect(amountToCents('0.1')).toBe(10)
    expect(amountToCents('1.15')).toBe(115) // 1.15 * 100 = 114.99999999999999 in floating point
    expect(amountToCents('4.35')).toBe(435)
    expect(amountToCents('0012.50')).toBe(1250)
    expect(amountToCents('7')).toBe(700)
    expect(amountToCents('123456789012.34')).toBe(12345678901234)
    expect(amountToCents('124.00000')).toBe(12400)
  })

  it('refuse what is not an amount, or one below the cent', () => {
    for (const bad of ['', '-5.00', '1,50', '1.2.3', '1e3', ' 1.00', '.50', '1.', '1.005', 'abc'])
      expect(amountToCents(bad), bad).toBeNull()
  })
})

describe('camt.053 statements', () => {
  it('read version 02: booked credits with reference, remittance, debtor; debits and pending entries counted aside', () => {
    const [s, ...more] = parseCamt053(fixture('statement-001.02.xml'))
    expect(more).toEqual([])
    expect(s).toMatchObject({ statementId: 'STMT-2026-12-01', iban: 'EE382200221020145685', otherEntries: 2 })
    expect(s!.credits).toEqual([
      {
        entryRef: 'EE382200221020145685/2026120100001',
        bookingDate: '2026-12-01',
        amount: 12400,
        currency: 'EUR',
        debtorName: 'KALEVIPOJA EHITUS OU',
        referenceNumber: '1012',
        remittance: ''
      },
      expect.objectContaining({ amount: 50000, debtorName: 'Jaan Tamm', referenceNumber: '', remittance: 'Arve inv-000102 tasumine' }),
      expect.objectContaining({ amount: 31000, debtorName: 'JOE KULMATEHNIKA', remittance: 'novembri hooldus' }),
      expect.objectContaining({ amount: 8000, debtorName: 'Saare Hooldus' }),
      expect.objectContaining({ amount: 7777, debtorName: 'Tundmatu Isik', remittance: 'tagasimakse' }),
      // The batched entry: one payment per transaction, each with its own amount.
      expect.objectContaining({ entryRef: 'EE382200221020145685/2026120100007/1', amount: 15000, referenceNumber: '1067' }),
      expect.objectContaining({ entryRef: 'EE382200221020145685/2026120100007/2', amount: 5000, remittance: 'INV-000107 osamakse' })
    ])
  })

  it('read version 08 with a namespace prefix: <Sts><Cd>, Dbtr/Pty/Nm, a booking date-time', () => {
    const [s] = parseCamt053(fixture('statement-002.08.xml'))
    expect(s).toEqual({
      statementId: 'STMT-2026-12-02',
      iban: 'EE382200221020145685',
      otherEntries: 0,
      credits: [
        {
          entryRef: 'EE382200221020145685/2026120200077',
          bookingDate: '2026-12-02',
          amount: 12400,
          currency: 'EUR',
          debtorName: 'Kalevipoja Ehitus OÜ',
          referenceNumber: '1012',
          remittance: 'Arve INV-000101'
        }
      ]
    })
  })

  it('name an entry without a bank reference by the statement and its place, the same on every import', () => {
    const entry = credit('<Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt>')
    const content = statement(entry + entry)
    const refs = parseCamt053(content)[0]!.credits.map((c) => c.entryRef)
    expect(refs).toEqual(['EE382200221020145685/S1/1', 'EE382200221020145685/S1/2'])
    expect(parseCamt053(content)[0]!.credits.map((c) => c.entryRef)).toEqual(refs)
  })

  it('accept the other versions of the message, refuse other messages', () => {
    expect(parseCamt053(statement(booked(), 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.13'))[0]!.credits).toHaveLength(1)
    expect(refusal(statement(booked(), 'urn:iso:std:iso:20022:tech:xsd:camt.054.001.02')).message).toMatch(
      /not a camt\.053 bank statement \(found urn:iso:std:iso:20022:tech:xsd:camt\.054\.001\.02\)/
    )
    expect(refusal('<?xml version="1.0"?><Invoice><ID>1</ID></Invoice>').message).toMatch(
      /not a camt\.053 bank statement \(found Invoice\)/
    )
  })

  it('refuse a broken file with a message naming what is wrong, on the content field', () => {
    const cases: [string, RegExp][] = [
      ['Kuupäev;Summa\n2026-12-01;124,00', /The file is not XML: .*line 1/],
      [statement(booked()).replace('</Document>', ''), /The file is not XML/],
      [statement(''.padEnd(0)).replace(/<Stmt>.*<\/Stmt>/, ''), /no statement/],
      [statement(booked()).replace('<Id>S1</Id>', ''), /Statement 1 of the file has no Id/],
      [statement(booked('')), /Statement S1, entry 1: Amt is missing/],
      [statement(booked('<Amt>10.00</Amt>')), /Statement S1, entry 1: Amt\/@Ccy is missing/],
      [statement(booked('<Amt Ccy="EUR">10,00</Amt>')), /Statement S1, entry 1: "10,00" is not an amount/],
      [statement(booked(undefined, '')), /Statement S1, entry 1: BookgDt is missing/],
      [statement(booked(undefined, '<BookgDt><Dt>2026-02-30</Dt></BookgDt>')), /booking date "2026-02-30" is not a date/],
      [statement(credit('<Amt Ccy="EUR">1.00</Amt><Sts>BOOK</Sts>')), /entry 1: CdtDbtInd is missing/],
      [statement(booked() + booked()), /The entry reference EE382200221020145685\/R1 appears twice/],
      ['<!DOCTYPE x [<!ENTITY a "aaaa">]><Document/>', /DOCTYPE/]
    ]
    for (const [content, message] of cases) {
      const e = refusal(content)
      expect({ code: e.code, message: e.message }, String(message)).toEqual({ code: 'VALIDATION', message: expect.stringMatching(message) })
      expect(e.issues?.[0]?.path).toEqual(['content'])
    }
  })

  it('refuse a batch whose transactions lack an amount or do not add up to the entry', () => {
    const batch = (a: string, b: string) =>
      statement(
        credit(
          `<Amt Ccy="EUR">20.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>B</AcctSvcrRef><NtryDtls><TxDtls>${a}</TxDtls><TxDtls>${b}</TxDtls></NtryDtls>`
        )
      )
    const amt = (v: string) => `<Amt Ccy="EUR">${v}</Amt>`
    expect(parseCamt053(batch(amt('5.00'), amt('15.00')))[0]!.credits.map((c) => c.amount)).toEqual([500, 1500])
    expect(refusal(batch(amt('5.00'), '')).message).toMatch(/entry 1: transaction 2 of the batch has no amount/)
    expect(refusal(batch(amt('5.00'), amt('14.99'))).message).toMatch(/its transactions add up to 19\.99, the entry says 20\.00/)
    expect(refusal(batch(amt('5.00'), '<Amt Ccy="USD">15.00</Amt>')).message).toMatch(/transaction 2 is in USD/)
  })

  it('skip debits and unbooked credits without reading their booking date', () => {
    const debit = credit('<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>')
    const pending = credit('<Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts>')
    expect(parseCamt053(statement(debit + pending))[0]).toMatchObject({ credits: [], otherEntries: 2 })
  })
})
