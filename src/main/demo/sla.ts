import { DateTime } from 'luxon'
import type { Connection } from '../db/connection'
import { createContext } from '../services/core/context'
import { orderSeedUpdates } from '../services/orders/write'
import { loadSettings } from '../services/settings/settings'
import { sweepBreaches } from '../services/sla/clock'
import { ensureSlaReasons } from '../services/sla/definitions'
import { slaArrived, slaDispatched, slaOrderCreated, slaStageChanged } from '../services/sla/hooks'

export interface DemoSlaCounts {
  definitions: number
  clocks: number
}

/** Minutes: response, on site (null = not measured), resolution, per priority. */
const DEFINITIONS = [
  {
    code: 'GOLD',
    name: 'Kuld',
    description: 'Võtmekliendid ja Kuld-teenuselepped: vastus tunni jooksul',
    targets: [
      ['high', 60, 240, 480],
      ['normal', 120, 480, 960],
      ['low', 240, null, 1920]
    ]
  },
  {
    code: 'SILVER',
    name: 'Hõbe',
    description: 'Hõbe-teenuselepped ja avalik sektor',
    targets: [
      ['high', 120, 480, 960],
      ['normal', 240, null, 1920]
    ]
  },
  {
    code: 'STANDARD',
    name: 'Standard',
    description: 'Kõik teised teenuseleppe või ärilepinguga kliendid',
    targets: [
      ['high', 240, null, 1920],
      ['normal', 480, null, 2880]
    ]
  }
] as const

/** Agreement group → SLA, customer group → SLA (Residential customers have none: walk-ins). */
const AGREEMENT_GROUPS = { GOLD: 'GOLD', SILVER: 'SILVER', BRONZE: 'STANDARD' } as const
const CUSTOMER_GROUPS = { KEY: 'GOLD', PUB: 'SILVER', COM: 'STANDARD' } as const

const HOUR = 3_600_000

/**
 * SLAs on the agreement and customer groups, and clocks on the most recent open orders, played forward
 * through the same hooks the app uses: some still running, some paused on hold, some met, the rest left to
 * pass their deadlines (recorded by the closing breach sweep), a few of those with a reason given.
 */
export function generateSlas(conn: Connection, o: { today: string }): DemoSlaCounts {
  const s = conn.sqlite
  // "Now" is noon of the demo date, as for the orders, so the same seed and date give the same clocks.
  const now = DateTime.fromISO(o.today, { zone: loadSettings(conn.db).timeZone })
    .set({ hour: 12 })
    .toMillis()
  ensureSlaReasons(conn.db)
  const slaIds = new Map<string, number>()
  const defStmt = s.prepare('insert into sla_definitions (code, name, description) values (?, ?, ?)')
  const targetStmt = s.prepare(
    'insert into sla_targets (sla_id, priority, response_minutes, arrival_minutes, resolution_minutes) values (?, ?, ?, ?, ?)'
  )
  const stageStmt = s.prepare(
    "insert into sla_stages (sla_id, stage_id, role) select ?, id, 'respond' from service_stages where code = 'IN-PROGRESS'"
  )
  for (const d of DEFINITIONS) {
    const id = Number(defStmt.run(d.code, d.name, d.description).lastInsertRowid)
    for (const [priority, response, arrival, resolution] of d.targets) targetStmt.run(id, priority, response, arrival, resolution)
    stageStmt.run(id)
    slaIds.set(d.code, id)
  }
  for (const [group, sla] of Object.entries(AGREEMENT_GROUPS))
    s.prepare('update agreement_groups set sla_id = ? where code = ?').run(slaIds.get(sla), group)
  for (const [group, sla] of Object.entries(CUSTOMER_GROUPS))
    s.prepare('update customer_groups set sla_id = ? where code = ?').run(slaIds.get(sla), group)

  const recent = s
    .prepare(
      `select o.id, st.code as stage from service_orders o join service_stages st on st.id = o.stage_id
       where o.progress = 'inProcess' and o.is_template = 0 and st.code in ('NEW', 'SCHEDULED') order by o.id desc limit 60`
    )
    .all() as { id: number; stage: string }[]
  const onHold = s.prepare("select id from service_stages where code = 'ON-HOLD'").get() as { id: number }
  const lastMoveStmt = s.prepare('select max(at) as at from stage_history where order_id = ?')
  const seed = orderSeedUpdates(s)
  const historyStmt = s.prepare(
    "insert into stage_history (order_id, at, from_stage_id, to_stage_id, reason_id, note) select id, ?, stage_id, ?, (select id from stage_reasons where code = 'CUST-AWAY'), ? from service_orders where id = ?"
  )
  const reasonStmt = s.prepare(
    "update order_sla_targets set reason_id = (select id from sla_reasons where code = 'CUST-UNAVAIL'), reason_note = 'Objektil polnud kedagi' where order_id = ? and breached_at is not null"
  )
  let t = 0
  const ctx = createContext(conn, null, undefined, () => t)
  let clocks = 0
  recent.forEach((order, n) => {
    // The calls came in over the last two days (the order may have been entered earlier), so that
    // deadlines fall on both sides of now.
    const created = now - (n % 12) * 2 * HOUR - (n % 2) * 24 * HOUR
    t = created
    slaOrderCreated(ctx, order.id)
    if (!s.prepare('select 1 from order_slas where order_id = ?').get(order.id)) return
    clocks++
    const scenario = n % 5
    const lastMove = (lastMoveStmt.get(order.id) as { at: number }).at
    if (scenario === 1 && order.stage === 'SCHEDULED' && Math.max(created + 30 * 60_000, lastMove + 60_000) < now) {
      // On hold follows Scheduled in the workflow, and the history stays in time order.
      t = Math.max(created + 30 * 60_000, lastMove + 60_000)
      historyStmt.run(t, onHold.id, 'Ootab klienti', order.id)
      const from = (s.prepare('select stage_id as id from service_orders where id = ?').get(order.id) as { id: number }).id
      seed.setStage(order.id, onHold.id)
      slaStageChanged(ctx, order.id, from, onHold.id)
    } else if (scenario === 2 || scenario === 3) {
      t = created + 20 * 60_000
      slaDispatched(ctx, order.id, t)
      if (scenario === 3) {
        t = created + 90 * 60_000
        slaArrived(ctx, order.id, t)
      }
    }
  })
  t = now
  sweepBreaches(ctx)
  // A reason on every third breached clock, so the compliance report and sign-off show both kinds.
  const breached = s
    .prepare('select distinct order_id as id from order_sla_targets where breached_at is not null order by order_id')
    .all() as { id: number }[]
  breached.forEach((b, n) => {
    if (n % 3 === 0) reasonStmt.run(b.id)
  })
  return { definitions: DEFINITIONS.length, clocks }
}
