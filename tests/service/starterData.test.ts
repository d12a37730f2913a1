import { describe, expect, it } from 'vitest'
import { createContext } from '../../src/main/services/core/context'
import { ensureReturnSetup } from '../../src/main/services/returns/setup'
import { call, freshDb } from '../support/db'

const setupInput = (language: 'et' | 'en') => ({
  username: 'admin',
  displayName: 'Owner',
  password: 'owner-password',
  companyName: 'Külmaabi OÜ',
  language
})

describe('starter data', () => {
  it('is named in the language chosen at first start: stages, reason codes, intervals, windows, sequences, VAT rates', async () => {
    const { conn } = await freshDb()
    conn.sqlite.prepare("update service_stages set name = 'Meie oma' where code = 'CLOSED'").run()
    const admin = await call(createContext(conn, null), 'auth.setup', setupInput('et'))
    const name = (sql: string) => (conn.sqlite.prepare(sql).get() as { name: string }).name
    expect(name("select name from service_stages where code = 'SCHEDULED'")).toBe('Planeeritud')
    expect(name("select name from stage_reasons where code = 'PARTS'")).toBe('Varuosad tellitud')
    expect(name("select name from sla_reasons where code = 'OTHER'")).toBe('Muu (vt märkust)')
    expect(name("select name from service_intervals where code = 'QUARTERLY'")).toBe('Iga 3 kuu järel')
    expect(name("select name from time_windows where code = 'MONTH'")).toBe('Kuu jooksul')
    expect(name("select name from number_sequences where code = 'serviceOrder'")).toBe('Hooldustellimused')
    expect(name("select name from disposition_codes where code = 'REPLACE-SCRAP'")).toBe('Asendus ja utiliseerimine')
    expect(name("select name from return_reasons where code = 'WRONG'")).toBe('Tarniti vale kaup')
    expect(name("select name from return_reason_groups where code = 'QUALITY'")).toBe('Kvaliteet')
    // A name someone already changed is kept.
    expect(name("select name from service_stages where code = 'CLOSED'")).toBe('Meie oma')
    const ctx = createContext(conn, admin)
    const settings = await call(ctx, 'settings.get', {})
    expect(settings.vatRates.find((r) => r.code === 'S')?.name).toBe('Tavamäär 24 %')
  })

  it('names return setup seeded later (a company upgrading to returns) in the company language at once', async () => {
    const { conn } = await freshDb()
    await call(createContext(conn, null), 'auth.setup', setupInput('et'))
    conn.sqlite.exec('delete from disposition_codes; delete from return_reasons; delete from return_reason_groups')
    ensureReturnSetup(conn.db)
    const name = (sql: string) => (conn.sqlite.prepare(sql).get() as { name: string }).name
    expect(name("select name from disposition_codes where code = 'CREDIT'")).toBe('Kreedit, tagasi lattu')
    expect(name("select name from return_reasons where code = 'DEFECT'")).toBe('Defektne')
  })

  it('keeps its English names for an English company', async () => {
    const { conn } = await freshDb()
    await call(createContext(conn, null), 'auth.setup', setupInput('en'))
    expect((conn.sqlite.prepare("select name from service_stages where code = 'SCHEDULED'").get() as { name: string }).name).toBe(
      'Scheduled'
    )
  })
})
