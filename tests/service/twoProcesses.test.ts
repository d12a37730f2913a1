import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { closeDatabase } from '../../src/main/db/connection'
import { call, callError, freshDb, userWith } from '../support/db'
import { bundled, childEnv, ROOT } from '../support/processes'

/** A child process, with its stdout read line by line. */
function child(script: 'holdChild' | 'saveChild', args: string[]) {
  const p = spawn(process.execPath, [bundled(script), ...args], { cwd: ROOT, env: childEnv() }) as ChildProcessWithoutNullStreams
  let stderr = ''
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  createInterface({ input: p.stdout }).on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line)
    else lines.push(line)
  })
  const exited = new Promise<number | null>((done) => p.on('exit', (code) => done(code)))
  return {
    process: p,
    nextLine: () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise<string>((r) => waiting.push(r))),
    exited,
    stderr: () => stderr
  }
}

async function world(orders: number) {
  const { conn, file } = await freshDb()
  const admin = userWith(conn, ['administrator'], 'boss')
  const customer = await call(admin, 'customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const made = []
  for (let n = 0; n < orders; n++)
    made.push(
      await call(admin, 'serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description: `Repair ${n + 1}` })
    )
  return { conn, file, admin, orders: made }
}

describe('two processes on one database file', () => {
  it('a save while another process holds the write lock waits for it and succeeds', async () => {
    const w = await world(1)
    const order = w.orders[0]!
    try {
      const holder = child('holdChild', [w.file, '1000'])
      expect(await holder.nextLine(), holder.stderr()).toBe('locked')
      const t0 = Date.now()
      // A deferred transaction would read, then find the lock taken and the snapshot stale once the other
      // process commits: "database is locked" at once. The immediate one waits at BEGIN and then reads.
      const saved = await call(w.admin, 'serviceOrders.register', {
        id: order.id,
        version: order.version,
        actualStart: null,
        actualEnd: null,
        notes: 'Saved while the CLI wrote'
      })
      const waited = Date.now() - t0
      expect(saved).toMatchObject({ notes: 'Saved while the CLI wrote', version: order.version + 1 })
      expect(waited).toBeGreaterThan(200)
      expect(await holder.nextLine()).toBe('committed')
      expect(await holder.exited, holder.stderr()).toBe(0)
      const rows = w.conn.sqlite.prepare("select count(*) as n from audit_log where entity = 'test'").get() as { n: number }
      expect(rows.n).toBe(1)
    } finally {
      closeDatabase(w.conn)
    }
  }, 120_000)

  it('a lock held past the busy timeout answers a retryable CONFLICT that says so, and saves nothing', async () => {
    const w = await world(1)
    const order = w.orders[0]!
    try {
      w.conn.sqlite.pragma('busy_timeout = 200')
      const holder = child('holdChild', [w.file, '3000'])
      expect(await holder.nextLine(), holder.stderr()).toBe('locked')
      const e = await callError(w.admin, 'serviceOrders.register', {
        id: order.id,
        version: order.version,
        actualStart: null,
        actualEnd: null,
        notes: 'Too late'
      })
      expect(e).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/busy with another program.*nothing was saved — try again/)
      })
      expect(await holder.exited, holder.stderr()).toBe(0)
      w.conn.sqlite.pragma('busy_timeout = 5000')
      const retried = await call(w.admin, 'serviceOrders.register', {
        id: order.id,
        version: order.version,
        actualStart: null,
        actualEnd: null,
        notes: 'Retried'
      })
      expect(retried).toMatchObject({ notes: 'Retried', version: order.version + 1 })
    } finally {
      closeDatabase(w.conn)
    }
  }, 120_000)

  it('the same records saved from two processes with the same version: one save each succeeds, the other is a CONFLICT, never INTERNAL', async () => {
    const ROUNDS = 20
    const w = await world(ROUNDS)
    closeDatabase(w.conn)
    const savers = ['A', 'B'].map((tag) =>
      child('saveChild', [
        w.file,
        String(w.admin.user!.id),
        JSON.stringify(
          w.orders.map((o) => ({ id: o.id, version: o.version, actualStart: null, actualEnd: null, notes: `Saved by ${tag}` }))
        )
      ])
    )
    for (const s of savers) expect(await s.nextLine(), s.stderr()).toBe('ready')
    for (const s of savers) s.process.stdin.write('go\n')
    const tallies = await Promise.all(
      savers.map(
        async (s) => JSON.parse(await s.nextLine()) as { tried: number; ok: number; codes: Record<string, number>; messages: string[] }
      )
    )
    for (const s of savers) expect(await s.exited, s.stderr()).toBe(0)

    const total = { tried: 0, ok: 0, CONFLICT: 0, INTERNAL: 0 }
    for (const t of tallies) {
      total.tried += t.tried
      total.ok += t.ok
      total.CONFLICT += t.codes.CONFLICT ?? 0
      total.INTERNAL += t.codes.INTERNAL ?? 0
    }
    expect(tallies.flatMap((t) => t.messages)).toEqual([])
    expect(total).toEqual({ tried: 2 * ROUNDS, ok: ROUNDS, CONFLICT: ROUNDS, INTERNAL: 0 })
    console.info(`two processes: ${total.tried} saves tried, ${total.ok} succeeded, ${total.CONFLICT} CONFLICT, ${total.INTERNAL} INTERNAL`)
  }, 120_000)
})
