import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type ChangeEvent, queryShows } from '@shared/api/changes'
import { orderHeaderInput, type OrderRow } from '@shared/domain/orders'
import { closeDatabase, openDatabase } from '../src/main/db/connection'
import { users } from '../src/main/db/schema'
import { hashPassword } from '../src/main/services/auth/passwords'
import { defineBenches, type Measurement } from './registry'
import { demoDatabase, ROOT, round, tempDir } from './support'

/**
 * Issue #21's load test: the browser-mode host (its own process, as in a shop) on a copy of the scale-100
 * demo, 20 clients with the order list open as the app has it, while 2 dispatchers save — an order header and
 * a board move in turn, one save every 500 ms each (a busy morning). Each client does what the renderer does:
 * holds a `/events` stream and refetches the list when a change it shows arrives (`queryShows`, ADR 0032), and,
 * to be pessimistic (the app's lists do not poll), polls it every second too — both as conditional reads, as
 * the browser shim makes them. Answers the dispatchers' save latency as they see it (request to answer, over
 * loopback HTTP). The host's clock is set to the morning of the demo's planned week, so that the moves are
 * planning, not rewriting the past.
 */
const SCALE = 100
const CLIENTS = 20
const SAVES_PER_DISPATCHER = 40
const SAVE_EVERY_MS = 500
const POLL_EVERY_MS = 1000
/** The order list's opening question, as `OrdersList` and `ListPage` send it. */
const ORDER_LIST = {
  stageId: null,
  progress: null,
  customerId: null,
  workerId: null,
  priority: null,
  from: null,
  to: null,
  templates: false,
  view: 'open',
  q: '',
  page: 1,
  pageSize: 50,
  sort: 'number',
  dir: 'desc'
}
const ORDER_LIST_KEY = ['list', 'serviceOrders.list', ORDER_LIST]
const CLIENT_PASSWORD = 'bench-dispatcher'

/**
 * A dispatcher of their own for every client: the host answers a list from memory only to the user it read it
 * for, so 20 people at 20 screens cost 20 reads of each change — the pessimistic case, and the shop's.
 */
function addClientUsers(file: string): string[] {
  const conn = openDatabase(file)
  try {
    const { hash, salt } = hashPassword(CLIENT_PASSWORD, 'bench-salt')
    const names = Array.from({ length: CLIENTS }, (_, i) => `bench-dispatcher-${i + 1}`)
    for (const username of names) {
      conn.db
        .insert(users)
        .values({
          username,
          displayName: username,
          language: 'et',
          csvDialect: 'spreadsheet',
          passwordHash: hash,
          passwordSalt: salt,
          roles: ['dispatcher'],
          createdAt: HOST_NOW
        })
        .run()
    }
    return names
  } finally {
    closeDatabase(conn)
  }
}
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
  /** A list read as the browser shim makes it: with the tag of the answer held; answers whether it changed. */
  let held = ''
  const read = async (method: string, input: unknown): Promise<'changed' | 'unchanged'> => {
    const res = await fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { ...headers(), ...(held ? { 'x-hooldus-if-version': held } : {}) },
      body: JSON.stringify(input)
    })
    if (res.status === 304) return 'unchanged'
    const r = (await res.json()) as { ok: boolean; error?: { message: string } }
    if (!r.ok) throw new Error(`${method}: ${r.error!.message}`)
    held = res.headers.get('x-hooldus-version') ?? ''
    return 'changed'
  }
  /** Holds the change stream open, handing each change to `onChange`, until `stop` aborts it. */
  const listen = (stop: AbortSignal, onChange: (change: ChangeEvent) => void) =>
    fetch(`${host.origin}/events`, { headers: headers(), signal: stop })
      .then(async (res) => {
        let buffer = ''
        for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) {
          buffer += chunk
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (block.startsWith('data: ')) onChange(JSON.parse(block.slice(6)) as ChangeEvent)
          }
        }
      })
      .catch(() => undefined)
  return { call, read, listen }
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

      const clientUsers = addClientUsers(copy)
      const host = await startHost(copy, dir)
      try {
        const stop = new AbortController()
        const pollers = await Promise.all(clientUsers.map((name) => signIn(host, name, CLIENT_PASSWORD)))
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
        let unchanged = 0
        let refetches = 0
        /**
         * One client's list: one read at a time, as TanStack Query runs a query; a change or a poll that comes
         * while a read is under way asks for one more after it, so that the last change is always read.
         */
        const lists = pollers.map((p) => {
          let running: Promise<void> | null = null
          let again = false
          const once = async () => {
            const t = performance.now()
            // A read the host did not answer is counted, not retried: the figure says how often it happened.
            const answer = await p.read('serviceOrders.list', ORDER_LIST).catch((e: unknown) => {
              log(`a read failed: ${e instanceof Error ? `${e.message} (${String((e.cause as Error | undefined)?.message)})` : String(e)}`)
              return 'failed' as const
            })
            if (answer === 'failed') failedPolls++
            else polls.push(performance.now() - t)
            if (answer === 'unchanged') unchanged++
          }
          const refresh = () => {
            if (running) {
              again = true
              return running
            }
            running = (async () => {
              do {
                again = false
                await once()
              } while (again && !stop.signal.aborted)
              running = null
            })()
            return running
          }
          return refresh
        })
        const streams = pollers.map((p, i) =>
          p.listen(stop.signal, (change) => {
            if (!queryShows(ORDER_LIST_KEY, change.domain)) return
            refetches++
            void lists[i]!()
          })
        )
        const polling = pollers.map(async (_, i) => {
          // Spread over the interval, as clients that opened at different moments.
          await new Promise((r) => setTimeout(r, (POLL_EVERY_MS / CLIENTS) * i))
          while (!stop.signal.aborted) {
            await lists[i]!()
            await new Promise((r) => setTimeout(r, POLL_EVERY_MS))
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
          { name: 'liveLoad.clients', value: CLIENTS, unit: 'users' },
          { name: 'liveLoad.saves', value: saves.length, unit: 'calls' },
          { name: 'liveLoad.save.median', value: round(percentile(saves, 0.5)), unit: 'ms' },
          { name: 'liveLoad.save.p95', value: round(percentile(saves, 0.95)), unit: 'ms' },
          { name: 'liveLoad.save.alone.median', value: round(percentile(idle, 0.5)), unit: 'ms' },
          { name: 'liveLoad.poll.median', value: round(percentile(polls, 0.5)), unit: 'ms' },
          { name: 'liveLoad.poll.p95', value: round(percentile(polls, 0.95)), unit: 'ms' },
          { name: 'liveLoad.poll.unchanged', value: unchanged, unit: 'calls' },
          { name: 'liveLoad.poll.all', value: polls.length, unit: 'calls' },
          { name: 'liveLoad.refetch.onChange', value: refetches, unit: 'events' },
          { name: 'liveLoad.poll.failed', value: failedPolls, unit: 'calls' }
        ]
      } finally {
        host.child.kill('SIGTERM')
      }
    }
  }
])
