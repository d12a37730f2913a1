import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { invoiceStatus, openAmount } from '@shared/domain/billing'
import { customers, invoices } from '../../src/main/db/schema'
import { openAmountSql, statusSql } from '../../src/main/services/invoices/status'
import { freshDb } from '../support/db'

describe('invoice status in SQL and in TypeScript', () => {
  it('agree on every combination of kind, paid, credited and due date', async () => {
    const { conn } = await freshDb()
    const customer = conn.db.insert(customers).values({ number: 'C-1', name: 'Õunapuu OÜ' }).returning({ id: customers.id }).get()
    const today = '2026-12-15'
    const cases = []
    let n = 0
    for (const kind of ['invoice', 'credit'] as const)
      for (const grossTotal of [0, 10000])
        for (const paidTotal of [-500, 0, 4000, 10000, 12000])
          for (const creditedTotal of [0, 3000, 6000, 10000])
            for (const dueDate of ['2026-12-14', '2026-12-15', '2026-12-16']) {
              n++
              const facts = { kind, grossTotal: kind === 'credit' ? -grossTotal : grossTotal, paidTotal, creditedTotal, dueDate }
              const { id } = conn.db
                .insert(invoices)
                .values({
                  ...facts,
                  number: `T-${n}`,
                  customerId: customer.id,
                  invoiceDate: '2026-12-01',
                  currency: 'EUR',
                  netTotal: facts.grossTotal,
                  vatTotal: 0,
                  requestKey: `status-case-${n}`,
                  createdAt: 0
                })
                .returning({ id: invoices.id })
                .get()
              cases.push({ id, facts })
            }
    const statuses = new Set<string | null>()
    for (const c of cases) {
      const row = conn.db
        .select({ status: statusSql(today), open: openAmountSql })
        .from(invoices)
        .where(eq(invoices.id, c.id))
        .get()!
      expect(row, JSON.stringify(c.facts)).toEqual({ status: invoiceStatus(c.facts, today), open: openAmount(c.facts) })
      statuses.add(row.status)
    }
    // The grid reaches every status.
    expect([...statuses].sort()).toEqual(['credited', 'open', 'overdue', 'paid', 'partlyPaid', null].sort())
  })
})
