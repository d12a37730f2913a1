import { describe, expect, it } from 'vitest'
import { dateOf, fromLocalDateTime } from '@shared/time'
import { call, freshDb } from '../support/db'
import { seedMasterData } from '../support/seed'

const TZ = 'Europe/Tallinn'

/** A working Monday well ahead, so that the assignment is in the future whenever the test runs. */
function nextMonday(): string {
  let d = dateOf(Date.now() + 7 * 86_400_000, TZ)
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = dateOf(Date.parse(`${d}T12:00:00Z`) + 86_400_000, TZ)
  return d
}

describe('the map of the day reads its points from the board and the tray', () => {
  it('cards and tray rows carry the site’s town and point, technicians their home base; none without them', async () => {
    const { conn } = await freshDb()
    const seed = await seedMasterData(conn)
    const admin = seed.admin
    const site = seed.customer.sites[0]!
    // The form fields for coordinates come with the site and worker forms; the columns are there since 0009.
    conn.sqlite.prepare('update customer_sites set latitude = 58.378, longitude = 26.729, city = ? where id = ?').run('Tartu', site.id)
    conn.sqlite.prepare('update workers set home_latitude = 59.437, home_longitude = 24.7536 where id = ?').run(seed.worker.id)
    const onSite = await call(admin, 'serviceOrders.create', { customerId: seed.customer.id, siteId: site.id, description: 'Kontroll' })
    const elsewhere = await call(admin, 'serviceOrders.create', {
      customerId: seed.customer.id,
      oneTimeAddress: 'Turu 2, Tartu',
      description: 'Ühekordne'
    })

    const tray = await call(admin, 'dispatch.tray', { tab: 'unassigned' })
    const row = (id: number) => tray.rows.find((r) => r.orderId === id)!
    expect(row(onSite.id)).toMatchObject({ city: 'Tartu', latitude: 58.378, longitude: 26.729 })
    expect(row(elsewhere.id)).toMatchObject({ city: null, latitude: null, longitude: null })

    const monday = nextMonday()
    const start = fromLocalDateTime(`${monday} 09:00`, TZ)!
    await call(admin, 'dispatch.assign', {
      orderId: onSite.id,
      orderVersion: onSite.version,
      workerId: seed.worker.id,
      start,
      end: start + 3_600_000
    })
    const board = await call(admin, 'dispatch.board', { from: monday, days: 1 })
    expect(board.cards.find((c) => c.orderId === onSite.id)).toMatchObject({ city: 'Tartu', latitude: 58.378, longitude: 26.729 })
    expect(board.technicians.find((t) => t.id === seed.worker.id)).toMatchObject({ homeLatitude: 59.437, homeLongitude: 24.7536 })
  })
})
