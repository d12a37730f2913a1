import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/main/services/auth/passwords'
import { createDemoData } from '../../src/main/demo/createDemo'
import { call, freshDb, userWith } from '../support/db'

const fastHash = (password: string) => hashPassword(password, 'demo-test-salt')

describe('demo SLAs', () => {
  it('puts SLAs on the groups and leaves clocks running, paused, met and breached, some breaches explained', async () => {
    const { conn } = await freshDb()
    const summary = createDemoData(conn, { today: '2025-06-02', hashPassword: fastHash })
    expect(summary.counts.slas.definitions).toBe(3)
    expect(summary.counts.slas.clocks).toBeGreaterThan(20)
    const rows = (sql: string) => conn.sqlite.prepare(sql).all() as Record<string, unknown>[]
    expect(rows('select g.code, d.code as sla from agreement_groups g join sla_definitions d on d.id = g.sla_id order by g.code')).toEqual([
      { code: 'BRONZE', sla: 'STANDARD' },
      { code: 'GOLD', sla: 'GOLD' },
      { code: 'SILVER', sla: 'SILVER' }
    ])
    expect(rows('select count(*) as n from customer_groups where sla_id is not null')[0]!.n).toBe(3)
    const states = new Set(rows('select state from order_slas').map((r) => r.state))
    expect([...states]).toEqual(expect.arrayContaining(['paused', 'running']))
    expect(rows('select count(*) as n from order_sla_targets where breached_at is not null and met_at is null')[0]!.n).toBeGreaterThan(0)
    expect(rows('select count(*) as n from order_sla_targets where met_at is not null')[0]!.n).toBeGreaterThan(0)
    expect(
      rows('select count(*) as n from order_sla_targets where breached_at is not null and reason_id is not null')[0]!.n
    ).toBeGreaterThan(0)
    // Every clock is consistent with the API's view of it.
    const admin = userWith(conn, ['administrator'], 'root')
    const some = rows('select order_id as id from order_slas order by order_id limit 5')
    for (const r of some) expect(await call(admin, 'sla.forOrder', { orderId: r.id as number })).not.toBeNull()
  })
})
