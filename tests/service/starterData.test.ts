import { describe, expect, it } from 'vitest'
import { createContext } from '../../src/main/services/core/context'
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
    // A name someone already changed is kept.
    expect(name("select name from service_stages where code = 'CLOSED'")).toBe('Meie oma')
    const ctx = createContext(conn, admin)
    const settings = await call(ctx, 'settings.get', {})
    expect(settings.vatRates.find((r) => r.code === 'S')?.name).toBe('Tavamäär 24 %')
  })

  it('keeps its English names for an English company', async () => {
    const { conn } = await freshDb()
    await call(createContext(conn, null), 'auth.setup', setupInput('en'))
    expect((conn.sqlite.prepare("select name from service_stages where code = 'SCHEDULED'").get() as { name: string }).name).toBe(
      'Scheduled'
    )
  })
})
