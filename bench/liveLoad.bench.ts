import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { orderHeaderInput, type OrderRow } from '@shared/domain/orders'
import { defineBenches, type Measurement } from './registry'
import { demoDatabase, ROOT, round, tempDir } from './support'

/**
 * Issue #21's load test: the browser-mode host (its own process, as in a shop) on a copy of the scale-100
 * demo, 20 clients each holding a `/events` stream and polling the order list every second, while 2
 * dispatchers save — an order header and a board move in turn, one save every 200 ms each. Answers the
 * dispatchers' save latency as they see it (request to answer, over loopback HTTP). The host's clock is set
 * to the morning of the demo's planned week, so that the moves are planning, not rewriting the past.
 */
const SCALE = 100
const CLIENTS = 20
const SAVES_PER_DISPATCHER = 60
const SAVE_EVERY_MS = 200
const HOST_NOW = Date.UTC(2025, 5, 2, 4, 0)
const WEEK_START = Date.UTC(2025, 5, 2, 5, 0)
const WEEK_END = Date.UTC(2025, 5, 6, 15, 0)
const log = (line: string) => process.stderr.write(`${line}\n`)

interface Host {
  origin: string
  token: string
  child: ChildProcess
}

async function startHost(dbFile: string, dir: string): Promise<Host> {
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const clockFile = join(dir, 'clock-offset-ms')
  writeFileSync(clockFile, String(HOST_NOW - Date.now()))
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['src/main/http/web.ts', '--db', dbFile, '--port', '0', '--renderer-dir', rendererDir],
    { cwd: ROOT, env: { ...process.env, HOOLDUS_WEB_TOKEN: '', HOOLDUS_TEST_CLOCK_FILE: clockFile }, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  process.on('exit', () => child.kill('SIGTERM'))
  let output = ''
  const url = await new Promise<string>((ok, fail) => {
    const onData = (b: Buffer) => {
      output += b.toString()
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (m) ok(m[1]!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()))
    child.once('exit', (code) => fail(new Error(`the host exited with ${code}:\n${output}`)))
  })
  return { origin: new URL(url).origin, token: new URL(url).searchParams.get('token')!, child }
}

/** One signed-in tab: its own session and client id, as the browser shim keeps them. */
async function signIn(host: Host, username: string, password: string) {
  const client = `bench-${username}-${Math.random().toString(36).slice(2, 12)}`
  let session = ''
  const headers = () => ({
    'content-type': 'application/json',
    'x-hooldus-token': host.token,
    'x-hooldus-session': session,
    'x-hooldus-client': client
  })
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${host.origin}/api/${method}`, { method: 'POST', headers: headers(), body: JSON.stringify(input) })
    session = res.headers.get('x-hooldus-session') ?? session
    const r = (await res.json()) as { ok: boolean; data?: T; error?: { message: string } }
    if (!r.ok) throw new Error(`${method}: ${r.error!.message}`)
    return r.data as T
  }
  await call('auth.signIn', { username, password })
  /** Holds the change stream open, reading every event, until `stop` aborts it. */
  const listen = (stop: AbortSignal) =>
    fetch(`${host.origin}/events`, { headers: headers(), signal: stop })
      .then(async (res) => {
        for await (const chunk of res.body!) void chunk
      })
      .catch(() => undefined)
  return { call, listen }
}

/** The header input that saves an order as it is (the order form's save, untouched fields and all). */
const headerOf = (o: OrderRow) => ({
  ...orderHeaderInput.parse({
    ...o,
    objects: o.objects.map((r) => ({ id: r.id, note: r.note })),
    tasks: o.tasks.map((r) => ({ id: r.id, note: r.note }))
  }),
  id: o.id,
  version: o.version
})

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!

type Tab = Awaited<ReturnType<typeof signIn>>
type Card = { id: number; version: number; workerId: number; start: number; end: number }

/** Each dispatcher saves `count` times, an order header and a board move in turn; the latencies go `into`. */
function saveLoop(dispatchers: Tab[], orders: { id: number }[], cards: { id: number }[], into: number[], count: number) {
  return Promise.all(
    dispatchers.map(async (d, k) => {
      let order = await d.call<OrderRow>('serviceOrders.get', { id: orders[k]!.id })
      let card = (await d.call<{ cards: Card[] }>('dispatch.board', { from: '2025-06-02', days: 5 })).cards.find(
        (c) => c.id === cards[k]!.id
      )!
      for (let i = 0; i < count; i++) {
        const t = performance.now()
        if (i % 2 === 0) {
          order = await d.call<OrderRow>('serviceOrders.update', { ...headerOf(order), notes: `Load test save ${i}` })
        } else {
          // Half an hour later, then back: the card stays in its week.
          const shift = (i % 4 === 1 ? 1 : -1) * 30 * 60_000
          const moved = { id: card.id, version: card.version, workerId: card.workerId, start: card.start + shift, end: card.end + shift }
          card = (await d.call<{ card: Card }>('dispatch.move', moved)).card
        }
        into.push(performance.now() - t)
        await new Promise((r) => setTimeout(r, SAVE_EVERY_MS))
      }
    })
  )
}

export const benches = defineBenches([
  {
    name: 'liveLoad',
    async run(): Promise<Measurement[]> {
      const { conn } = await demoDatabase(SCALE, log)
      const dir = tempDir()
      const copy = join(dir, 'load.db')
      // The cached database stays as it is for the other benches: the host writes to a copy.
      await conn.sqlite.backup(copy)
      // Two planned cards of the week, each on an open order, and two more open orders to edit: one pair per dispatcher.
      const cards = conn.sqlite
        .prepare(
          `select a.id from order_assignments a join service_orders o on o.id = a.order_id
           where a.status = 'planned' and a.start >= ? and a.end <= ? and o.progress = 'inProcess' order by a.id limit 2`
        )
        .all(WEEK_START, WEEK_END) as { id: number }[]
      const orders = conn.sqlite
        .prepare(
          `select id from service_orders where progress = 'inProcess' and is_template = 0 and id not in (select order_id from order_assignments) order by id desc limit 2`
        )
        .all() as { id: number }[]
      if (cards.length < 2 || orders.length < 2) throw new Error('the demo has no planned cards or open orders to save')

      const host = await startHost(copy, dir)
      try {
        const stop = new AbortController()
        const pollers = await Promise.all(Array.from({ length: CLIENTS }, () => signIn(host, 'dispatcher', 'demo-dispatcher')))
        const dispatchers = await Promise.all([
          signIn(host, 'dispatcher', 'demo-dispatcher'),
          signIn(host, 'dispatcher', 'demo-dispatcher')
        ])
        const saves: number[] = []
        const idle: number[] = []
        // The same saves with nobody else connected: what the load adds.
        await saveLoop(dispatchers, orders, cards, idle, 20)
        const polls: number[] = []
        let failedPolls = 0
        const streams = pollers.map((p) => p.listen(stop.signal))
        const polling = pollers.map(async (p, i) => {
          // Spread over the second, as clients that opened at different moments.
          await new Promise((r) => setTimeout(r, (1000 / CLIENTS) * i))
          while (!stop.signal.aborted) {
            const t = performance.now()
            // A poll the host did not answer is counted, not retried: the figure says how often it happened.
            const answered = await p.call('serviceOrders.list', {}).then(
              () => true,
              (e: unknown) => {
                log(
                  `a poll failed: ${e instanceof Error ? `${e.message} (${String((e.cause as Error | undefined)?.message)})` : String(e)}`
                )
                return false
              }
            )
            if (answered) polls.push(performance.now() - t)
            else failedPolls++
            await new Promise((r) => setTimeout(r, 1000))
          }
        })
        // Let the streams and polls settle before the saves are timed.
        await new Promise((r) => setTimeout(r, 2000))

        await saveLoop(dispatchers, orders, cards, saves, SAVES_PER_DISPATCHER)
        stop.abort()
        await Promise.all([...streams, ...polling])
        saves.sort((a, b) => a - b)
        idle.sort((a, b) => a - b)
        polls.sort((a, b) => a - b)
        return [
          { name: 'liveLoad.clients', value: CLIENTS, unit: 'streams' },
          { name: 'liveLoad.saves', value: saves.length, unit: 'calls' },
          { name: 'liveLoad.save.median', value: round(percentile(saves, 0.5)), unit: 'ms' },
          { name: 'liveLoad.save.p95', value: round(percentile(saves, 0.95)), unit: 'ms' },
          { name: 'liveLoad.save.alone.median', value: round(percentile(idle, 0.5)), unit: 'ms' },
          { name: 'liveLoad.poll.median', value: round(percentile(polls, 0.5)), unit: 'ms' },
          { name: 'liveLoad.poll.p95', value: round(percentile(polls, 0.95)), unit: 'ms' },
          { name: 'liveLoad.poll.failed', value: failedPolls, unit: 'calls' }
        ]
      } finally {
        host.child.kill('SIGTERM')
      }
    }
  }
])
