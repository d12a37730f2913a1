import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { GenerationRun } from '@shared/domain/agreements'
import { closeDatabase, type Connection, openDatabase } from '../../src/main/db/connection'
import { openAndMigrate } from '../../src/main/bootstrap'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { createContext } from '../../src/main/services/core/context'
import { agreementState, agreementWorld, type AgreementWorld, generate, insertWeeklyAgreements } from '../support/agreements'
import { call } from '../support/db'
import { bundled, childEnv, ROOT } from '../support/processes'

const ALL = ['hour', 'expense', 'item', 'fee'] as ('hour' | 'expense' | 'item' | 'fee')[]
const turn = () => new Promise((r) => setTimeout(r, 1))

async function waitWhile(w: AgreementWorld, id: number, cond: (r: GenerationRun) => boolean): Promise<GenerationRun> {
  let run = await call(w.admin, 'agreements.run', { id })
  for (let i = 0; i < 20000 && cond(run); i++) {
    await turn()
    run = await call(w.admin, 'agreements.run', { id })
  }
  return run
}

/** Each agreement is whole (as many order lines as ledger rows, `full` of them, no empty order) or untouched. */
function expectWholeOrNothing(state: ReturnType<typeof agreementState>, full: number) {
  for (const a of state) {
    expect(a.emptyOrders, a.number).toBe(0)
    expect(a.lines, a.number).toBe(a.ledger)
    expect([0, full], a.number).toContain(a.ledger)
  }
}

describe('the background run', () => {
  it('reports progress while the app keeps answering, and a cancel stops it between agreements', async () => {
    const w = await agreementWorld()
    const ids = insertWeeklyAgreements(w.conn, w, 60)
    // 2026: 52 Mondays for each agreement. A 50 ms slice makes a few agreements' orders (all 3,120 would take
    // several slices even on a machine six times as fast as this one); twice as many agreements and years made
    // the re-run below generate 12,000 orders, which timed out where the unit tests share the CPU with the browsers.
    const started = await call(w.admin, 'agreements.generate', { from: '2026-01-01', to: '2026-12-31', agreementIds: ids })
    expect(started).toMatchObject({ status: 'running', agreementsTotal: 60, agreementsDone: 0 })
    const midway = await waitWhile(w, started.id, (r) => r.status === 'running' && r.agreementsDone === 0)
    expect(midway.status).toBe('running')
    await call(w.admin, 'agreements.cancelRun', { id: started.id })
    const run = await waitWhile(w, started.id, (r) => r.status === 'running')
    expect(run.status).toBe('cancelled')
    expect(run.agreementsDone).toBeGreaterThan(0)
    expect(run.agreementsDone).toBeLessThan(60)
    expect(run.finishedAt).not.toBeNull()

    const mine = agreementState(w.conn).filter((a) => ids.includes(a.id))
    expectWholeOrNothing(mine, 52)
    const done = mine.filter((a) => a.ledger > 0)
    expect(done).toHaveLength(run.agreementsDone)
    expect(run).toMatchObject({ ordersCreated: done.length * 52, linesCreated: done.length * 52 })
    // The first ones in order are done, the rest untouched.
    expect(done.map((a) => a.id)).toEqual(ids.slice(0, done.length))

    // Running again completes the rest, without duplicates.
    const rest = generate(w, '2026-01-01', '2026-12-31', ids)
    expect(rest.summary).toMatchObject({ orders: (60 - done.length) * 52, skipped: done.length * 52 })
    expectWholeOrNothing(agreementState(w.conn), 52)
    expect(
      agreementState(w.conn)
        .filter((a) => ids.includes(a.id))
        .every((a) => a.ledger === 52)
    ).toBe(true)
  })

  it('cancelled before its first slice: nothing made, the total still known', async () => {
    const w = await agreementWorld()
    const ids = insertWeeklyAgreements(w.conn, w, 5)
    const started = await call(w.admin, 'agreements.generate', { from: '2026-01-01', to: '2026-12-31', agreementIds: ids })
    await call(w.admin, 'agreements.cancelRun', { id: started.id })
    const run = await waitWhile(w, started.id, (r) => r.status === 'running')
    expect(run).toMatchObject({ status: 'cancelled', agreementsTotal: 5, agreementsDone: 0, ordersCreated: 0 })
    expect(agreementState(w.conn).every((a) => a.ledger === 0)).toBe(true)
    // Cancelling a finished run changes nothing.
    expect(await call(w.admin, 'agreements.cancelRun', { id: started.id })).toMatchObject({ status: 'cancelled' })
  })

  it('an error in one agreement keeps the whole agreements before it and fails the run with the reason', async () => {
    const w = await agreementWorld()
    const ids = insertWeeklyAgreements(w.conn, w, 5)
    // The third agreement gets an item line without an item (only possible behind the API's back).
    w.conn.sqlite
      .prepare("insert into agreement_lines (agreement_id, line_no, type, start_date, interval_id) values (?, 2, 'item', '2026-01-05', ?)")
      .run(ids[2], w.intervals.WEEKLY)
    expect(() => generate(w, '2026-01-01', '2026-01-31', ids)).toThrow('An item line needs an item')
    expect(
      agreementState(w.conn)
        .filter((a) => ids.includes(a.id))
        .map((a) => a.ledger)
    ).toEqual([4, 4, 0, 0, 0])

    const started = await call(w.admin, 'agreements.generate', { from: '2026-01-01', to: '2026-02-28', agreementIds: ids })
    const run = await waitWhile(w, started.id, (r) => r.status === 'running')
    expect(run).toMatchObject({ status: 'failed', error: 'An item line needs an item', agreementsDone: 2, ordersCreated: 8 })
    expectWholeOrNothing(
      agreementState(w.conn).filter((a) => ids.includes(a.id)),
      8
    )
  })
})

describe('atomicity under a crash', () => {
  function crash(file: string, mode: 'run' | 'background', after: number, fault = 'generate.afterOrder') {
    return spawnSync(process.execPath, [bundled('generateChild'), file, '2026-01-01', '2026-01-31', mode], {
      cwd: ROOT,
      encoding: 'utf8',
      env: childEnv({ HOOLDUS_FAULT: fault, HOOLDUS_FAULT_AFTER: String(after) }),
      timeout: 60000
    })
  }

  it('a process killed inside an agreement leaves whole agreements done and none half done; a re-run completes the rest', async () => {
    const w = await agreementWorld()
    const ids = insertWeeklyAgreements(w.conn, w, 5)
    closeDatabase(w.conn)
    // In order: the seeded agreement (one January order), then five with four Monday orders each. The
    // 11th order is the second of the third weekly agreement.
    const r = crash(w.file, 'run', 11)
    expect(r.signal, r.stderr).toBe('SIGKILL')
    expect(r.stdout).toBe('')

    const { conn } = await openAndMigrate(w.file)
    try {
      const state = agreementState(conn)
      expect(state.map((a) => [a.ledger, a.lines, a.orders])).toEqual([
        [1, 1, 1],
        [4, 4, 4],
        [4, 4, 4],
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0]
      ])
      // The numbers of the rolled-back orders were never handed out: the next order takes the next number.
      const numbers = (
        conn.sqlite.prepare("select number from service_orders where origin = 'agreement' order by id").all() as { number: string }[]
      ).map((o) => o.number)
      expect(new Set(numbers).size).toBe(9)

      const rest = runGeneration(createContext(conn, null), {
        from: '2026-01-01',
        to: '2026-01-31',
        agreementIds: [],
        customerId: null,
        groupId: null,
        types: ALL
      })
      expect(rest.summary).toEqual({ orders: 12, lines: 12, skipped: 9, conflicts: 0, agreements: 3 })
      expect(agreementState(conn).map((a) => a.ledger)).toEqual([1, 4, 4, 4, 4, 4])
      expectWholeOrNothing(agreementState(conn).slice(1), 4)
      const dupes = conn.sqlite
        .prepare(
          'select count(*) as n from (select agreement_line_id, occurrence_date from service_order_lines where agreement_line_id is not null group by 1, 2 having count(*) > 1)'
        )
        .get() as { n: number }
      expect(dupes.n).toBe(0)
    } finally {
      closeDatabase(conn)
    }
    expect(ids).toHaveLength(5)
  })

  it('a background run killed midway is marked interrupted at the next start, with whole agreements only', async () => {
    const w = await agreementWorld()
    insertWeeklyAgreements(w.conn, w, 5)
    closeDatabase(w.conn)
    const r = crash(w.file, 'background', 7)
    expect(r.signal, r.stderr).toBe('SIGKILL')

    const raw = openDatabase(w.file)
    expect((raw.sqlite.prepare('select status from generation_runs').get() as { status: string }).status).toBe('running')
    closeDatabase(raw)
    const { conn } = await openAndMigrate(w.file)
    try {
      const run = conn.sqlite.prepare('select status, error, finished_at as finishedAt from generation_runs').get() as {
        status: string
        error: string
        finishedAt: number | null
      }
      expect(run.status).toBe('failed')
      expect(run.error).toMatch(/^Interrupted/)
      expect(run.finishedAt).not.toBeNull()
      expectWholeOrNothing(agreementState(conn).slice(1), 4)
      expect([0, 1]).toContain(agreementState(conn)[0]!.ledger)
      expectCountersMatchRows(conn)
    } finally {
      closeDatabase(conn)
    }
  })

  /** The interrupted run's counters tell what the database holds: they commit with the rows they count. */
  function expectCountersMatchRows(conn: Connection) {
    const run = conn.sqlite
      .prepare('select agreements_done as agreements, orders_created as orders, lines_created as lines from generation_runs')
      .get() as { agreements: number; orders: number; lines: number }
    const made = conn.sqlite
      .prepare(
        "select count(distinct o.agreement_id) as agreements, count(distinct o.id) as orders, count(l.id) as lines from service_orders o join service_order_lines l on l.order_id = o.id where o.origin = 'agreement'"
      )
      .get() as { agreements: number; orders: number; lines: number }
    expect(run.orders).toBe(made.orders)
    expect(run.lines).toBe(made.lines)
    return { run, made }
  }

  it('a background run killed right after a slice commits reports exactly the orders that slice committed', async () => {
    const w = await agreementWorld()
    insertWeeklyAgreements(w.conn, w, 5)
    closeDatabase(w.conn)
    // Killed after the first commit (however many agreements its 50 ms held), before the next turn of the event loop.
    const r = crash(w.file, 'background', 1, 'generate.afterCommit')
    expect(r.signal, r.stderr).toBe('SIGKILL')

    const { conn } = await openAndMigrate(w.file)
    try {
      const { run, made } = expectCountersMatchRows(conn)
      expect(made.orders).toBeGreaterThan(0)
      expect(run.agreements).toBe(made.agreements)
    } finally {
      closeDatabase(conn)
    }
  })
})
