import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { type DispatchMessage, dispatchText } from '@shared/dispatch/text'
import { formatsFor } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import { runMethod } from '../../src/main/api/pipeline'
import { createContext } from '../../src/main/services/core/context'
import { freshDb } from '../support/db'
import { seedMasterData, testClock } from '../support/seed'

const TZ = 'Europe/Tallinn'
const MIN = 60_000
/** Tallinn wall time in March 2026 (UTC+2). */
const local = (day: number, h: number, m = 0) => Date.UTC(2026, 2, day, h - 2, m)
const english = (m: DispatchMessage): string => dispatchText(tFor('en'), formatsFor('en', TZ), m)

const TALLINN = { latitude: 59.437, longitude: 24.7536 }
const TARTU = { latitude: 58.378, longitude: 26.729 }

/**
 * Monday 2 March 2026, 07:00. Tiit lives in Tallinn (Kase 4). A customer has a site in Tallinn and one in Tartu,
 * both with coordinates; an order for each, and one at a one-time address (no coordinates).
 */
async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const clock = testClock(local(2, 7))
  const admin = createContext(conn, seed.admin.user, seed.admin.session, clock.now)
  const host = { conn, checkOutputs: true, now: clock.now }
  async function run<M extends MethodName>(method: M, input: Input<M>) {
    return runMethod(host, () => null, admin.session, method, input)
  }
  async function api<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await run(method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.data as Output<M>
  }
  const tiit = await api('workers.create', {
    name: 'Tiit Teekond',
    teamId: seed.team.id,
    homeBase: 'Kase 4, Tallinn',
    homeLatitude: 59.43,
    homeLongitude: 24.74
  })
  const customer = await api('customers.create', {
    name: 'Kaks Linna AS',
    sites: [
      { name: 'Tallinn', street: 'Pärnu mnt 10', city: 'Tallinn', ...TALLINN },
      { name: 'Tartu', street: 'Küüni 5', city: 'Tartu', ...TARTU }
    ]
  })
  const order = (siteId: number | null, description: string) =>
    api('serviceOrders.create', { customerId: customer.id, siteId, description, oneTimeAddress: siteId ? '' : 'Turu 2, Tartu' })
  const inTallinn = await order(customer.sites[0]!.id, 'Tallinn')
  const inTartu = await order(customer.sites[1]!.id, 'Tartu')
  const nowhere = await order(null, 'One-time address')
  const assign = (o: { id: number; version: number }, start: number, end: number) =>
    api('dispatch.assign', { orderId: o.id, orderVersion: o.version, workerId: tiit.id, start, end })
  const board = () => api('dispatch.board', { from: '2026-03-02', days: 1, teamIds: [], workerId: null })
  return { conn, seed, run, api, tiit, customer, inTallinn, inTartu, nowhere, assign, board }
}

describe('coordinates of sites and home bases', () => {
  it('stores decimal degrees on sites and workers and lists them', async () => {
    const w = await world()
    const got = await w.api('customers.get', { id: w.customer.id })
    expect(got.sites.map((s) => [s.latitude, s.longitude])).toEqual([
      [59.437, 24.7536],
      [58.378, 26.729]
    ])
    const list = await w.api('customers.list', { q: 'Kaks' })
    expect(list.rows[0]).toMatchObject({ city: 'Tallinn', latitude: 59.437, longitude: 24.7536 })
    expect(await w.api('workers.get', { id: w.tiit.id })).toMatchObject({ homeLatitude: 59.43, homeLongitude: 24.74 })
    // A site without coordinates is still a site.
    const plain = await w.api('customers.create', { name: 'Koordinaatideta OÜ', sites: [{ name: 'A', street: 'B 1', city: 'Pärnu' }] })
    expect(plain.sites[0]).toMatchObject({ latitude: null, longitude: null })
  })

  it('refuses a latitude out of range or half a point, naming the field, and changes nothing', async () => {
    const w = await world()
    const site = { name: 'X', street: 'Y 1', city: 'Tallinn' }
    const bad = await w.run('customers.create', { name: 'Vale OÜ', sites: [{ ...site, latitude: 95, longitude: 24 }] })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.code).toBe('VALIDATION')
    expect(bad.error.issues).toEqual([expect.objectContaining({ path: ['sites', 0, 'latitude'], code: 'validation.latitude' })])
    const half = await w.run('customers.create', { name: 'Pool OÜ', sites: [{ ...site, latitude: 59.4 }] })
    expect(!half.ok && half.error.issues).toEqual([
      expect.objectContaining({ path: ['sites', 0, 'longitude'], code: 'validation.longitudeMissing' })
    ])
    const lon = await w.run('workers.create', { name: 'Vale Kraad', homeLatitude: 59, homeLongitude: 190 })
    expect(!lon.ok && lon.error.issues).toEqual([expect.objectContaining({ path: ['homeLongitude'], code: 'validation.longitude' })])
    expect((await w.api('customers.list', { q: 'OÜ' })).rows.map((r) => r.name)).not.toContain('Vale OÜ')
    expect((await w.api('workers.list', { q: 'Vale' })).total).toBe(0)
  })
})

describe('travel on the board', () => {
  it('shows the drive between a job in Tallinn and one in Tartu 15 minutes later as a travel conflict, gone once moved later', async () => {
    const w = await world()
    await w.assign(w.inTallinn, local(2, 9), local(2, 9, 30))
    const { card: tartu } = await w.assign(w.inTartu, local(2, 9, 45), local(2, 10, 45))
    // The mutation's answer already knows.
    expect(tartu.conflicts.map((c) => c.kind)).toEqual(['travel'])

    const board = await w.board()
    const a = board.cards.find((c) => c.orderId === w.inTallinn.id)!
    const b = board.cards.find((c) => c.orderId === w.inTartu.id)!
    expect(a.conflicts).toEqual([])
    expect(a.travel.before).toMatchObject({ fromHome: true, from: 'Kase 4, Tallinn', to: 'Pärnu mnt 10, Tallinn' })
    expect(a.travel.before!.minutes).toBeGreaterThan(5)
    expect(a.travel.before!.minutes).toBeLessThan(10)
    expect(a.travel.after).toBeNull()
    // 161 km as the crow flies × 1.3 at 60 km/h + 5 min.
    const leg = b.travel.before!
    expect(leg).toMatchObject({ fromOrder: a.orderNumber, from: 'Pärnu mnt 10, Tallinn', to: 'Küüni 5, Tartu' })
    expect(leg.km).toBeGreaterThan(200)
    expect(leg.km).toBeLessThan(215)
    expect(leg.minutes).toBe(Math.ceil(leg.km! + 5 - 0.05))
    expect(b.travel.after).toMatchObject({ toHome: true, to: 'Kase 4, Tallinn' })
    expect(b.conflicts).toHaveLength(1)
    expect(english(b.conflicts[0]!)).toBe(
      `Too little time to drive from ${a.orderNumber}: ${leg.minutes} min (${leg.km} km), the gap is 15 min`
    )

    // Moved to leave exactly the drive: no conflict.
    await w.api('dispatch.move', {
      id: b.id,
      version: b.version,
      workerId: w.tiit.id,
      start: local(2, 9, 30) + leg.minutes! * MIN,
      end: local(2, 10, 30) + leg.minutes! * MIN
    })
    const after = await w.board()
    expect(after.cards.find((c) => c.id === b.id)!.conflicts).toEqual([])
  })

  it('follows the travel settings, and refuses a speed of nothing', async () => {
    const w = await world()
    await w.assign(w.inTallinn, local(2, 9), local(2, 9, 30))
    await w.assign(w.inTartu, local(2, 13), local(2, 14))
    const before = (await w.board()).cards.find((c) => c.orderId === w.inTartu.id)!.travel.before!
    const settings = await w.api('settings.get', {})
    expect(settings).toMatchObject({ travelRoadFactor: 1.3, travelSpeedKmh: 60, travelOverheadMinutes: 5 })
    const { version: _v, ...rest } = settings
    const zero = await w.run('settings.update', { ...rest, version: settings.version, travelSpeedKmh: 0 })
    expect(!zero.ok && zero.error.issues).toEqual([expect.objectContaining({ path: ['travelSpeedKmh'], code: 'validation.travelSpeed' })])
    await w.api('settings.update', { ...rest, version: settings.version, travelSpeedKmh: 120, travelOverheadMinutes: 0 })
    const faster = (await w.board()).cards.find((c) => c.orderId === w.inTartu.id)!.travel.before!
    expect(faster.km).toBe(before.km)
    expect(faster.minutes).toBe(Math.ceil((before.km! / 120) * 60 - 0.05))
  })

  it('never breaks on missing coordinates: no drive, no conflict, and the day sheet says so', async () => {
    const w = await world()
    await w.assign(w.inTallinn, local(2, 9), local(2, 9, 30))
    await w.assign(w.inTartu, local(2, 13), local(2, 14))
    await w.assign(w.nowhere, local(2, 14), local(2, 15))
    const board = await w.board()
    const c = board.cards.find((x) => x.orderId === w.nowhere.id)!
    expect(c.travel.before).toMatchObject({ minutes: null, km: null, from: 'Küüni 5, Tartu', to: 'Turu 2, Tartu' })
    expect(c.travel.after).toMatchObject({ minutes: null, toHome: true })
    expect(c.conflicts).toEqual([])
    const legs = board.cards.flatMap((x) => [x.travel.before, x.travel.after]).filter((l) => l !== null)
    const km = legs.reduce((sum, l) => sum + (l.km ?? 0), 0)
    const minutes = legs.reduce((sum, l) => sum + (l.minutes ?? 0), 0)

    const pdf = await w.api('dispatch.daySheet', { workerId: w.tiit.id, date: '2026-03-02' })
    const file = join(w.conn.file, '..', 'travel-day.pdf')
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'))
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    const f = formatsFor('en', TZ)
    const tartuLeg = board.cards.find((x) => x.orderId === w.inTartu.id)!.travel.before!
    // Table cells wrap: the numbers, then the rest of the line.
    expect(text).toContain(`Drive ${tartuLeg.minutes} min · ${f.number(tartuLeg.km!, 1)}`)
    expect(text).toContain('from home Kase 4, Tallinn')
    expect(text).toMatch(/Drive from SO-\d+ .*Küüni 5, Tartu: no coordinates/)
    expect(text).toContain('Drive home Kase 4, Tallinn: no coordinates')
    expect(text).toMatch(new RegExp(`Kilometres ${f.number(Math.round(km * 10) / 10, 1).replace('.', '\\.')} km`))
    expect(text).toMatch(new RegExp(`Driving ${f.number(Math.round(minutes / 6) / 10, 1).replace('.', '\\.')} h`))
    expect(text).toMatch(/Drives without coordinates 2/)
  })
})

describe('suggestions count the travel', () => {
  it('does not offer a slot that leaves no time to drive from the previous job, and says how long the drive is', async () => {
    const w = await world()
    // Tiit is in Tartu 08:00–09:00; the new job is in Tallinn, about 3½ hours away.
    await w.assign(w.inTartu, local(2, 8), local(2, 9))
    const s = await w.api('dispatch.suggest', { orderId: w.inTallinn.id, from: '2026-03-02', days: 1, teamId: null })
    const tiit = s.find((x) => x.workerId === w.tiit.id)!
    const drive = (await w.board()).cards[0]!.travel.after
    expect(drive).not.toBeNull()
    expect(tiit.slot).not.toBeNull()
    // The earliest quarter hour after 09:00 plus the drive.
    expect(tiit.slot!.start).toBeGreaterThanOrEqual(local(2, 9) + 200 * MIN)
    expect(tiit.slot!.start - (local(2, 9) + 200 * MIN)).toBeLessThan(30 * MIN)
    expect(tiit.reasons.map(english)).toContainEqual(expect.stringMatching(/^\d+ min from the previous job \(.+\)$/))
    // Jaan has nothing booked: his slot is at the start of the day and no drive is mentioned.
    const jaan = s.find((x) => x.workerId === w.seed.worker.id)!
    expect(jaan.slot!.start).toBe(local(2, 8))
    expect(jaan.reasons.map(english).some((r) => r.includes('previous job'))).toBe(false)
  })
})
