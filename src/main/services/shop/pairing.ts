import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto'
import { desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { pairedClients } from '../../db/schema'
import type { MessageKey } from '../core/errors'

/** How long a pairing code works, and how many wrong tries burn it (docs/adr/0033-shop-server.md). */
export const CODE_LIFETIME_MS = 10 * 60 * 1000
export const WRONG_TRIES = 5
/** `last_seen_at` is written at most this often per client: a busy board must not write on every call. */
export const SEEN_EVERY_MS = 60 * 1000

export interface PairingCode {
  code: string
  expiresAt: number
  state: 'valid' | 'expired' | 'burnt'
}

export interface PairedClient {
  id: string
  machine: string
  createdAt: number
  lastSeenAt: number | null
  revokedAt: number | null
}

export type PairResult = { ok: true; clientId: string; key: string } | { ok: false; key: MessageKey; field?: 'code' | 'machine' }

/** A presented key: its client, a revoked pairing, or nothing we know. */
export type KeyCheck = { kind: 'paired'; clientId: string } | { kind: 'revoked' } | { kind: 'unknown' }

const hashOf = (key: string) => createHash('sha256').update(key).digest('base64url')

/**
 * The shop server's pairing: one short code at a time (in memory: a restart shows a new one), and the paired
 * clients in `paired_clients`, of which only a hash of the key is stored. The code may pair several
 * workstations while it is valid, so a manager can walk round the shop with it; five wrong tries burn it.
 */
export class Pairing {
  private current: { code: string; expiresAt: number; wrong: number }
  private readonly seen = new Map<string, number>()

  /** `db` is asked for on each use: a restore swaps the host's database (ADR 0022). */
  constructor(
    private readonly db: () => Db,
    private readonly now: () => number
  ) {
    this.current = this.fresh()
  }

  private fresh() {
    return { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), expiresAt: this.now() + CODE_LIFETIME_MS, wrong: 0 }
  }

  code(): PairingCode {
    const { code, expiresAt, wrong } = this.current
    const state = wrong >= WRONG_TRIES ? 'burnt' : this.now() >= expiresAt ? 'expired' : 'valid'
    return { code, expiresAt, state }
  }

  /** A new code; the old one stops working at once. */
  renew(): PairingCode {
    this.current = this.fresh()
    return this.code()
  }

  pair(code: unknown, machine: unknown): PairResult {
    const name = typeof machine === 'string' ? machine.trim() : ''
    if (typeof code !== 'string' || !/^\d{6}$/.test(code.trim())) return { ok: false, key: 'errors.pairing.code', field: 'code' }
    if (name.length < 1 || name.length > 60) return { ok: false, key: 'errors.pairing.machine', field: 'machine' }
    const state = this.code().state
    if (state === 'burnt') return { ok: false, key: 'errors.pairing.burnt' }
    if (state === 'expired') return { ok: false, key: 'errors.pairing.expired' }
    if (code.trim() !== this.current.code) {
      this.current.wrong += 1
      return { ok: false, key: this.current.wrong >= WRONG_TRIES ? 'errors.pairing.burnt' : 'errors.pairing.wrongCode' }
    }
    const clientId = randomUUID()
    const key = randomBytes(32).toString('base64url')
    this.db()
      .insert(pairedClients)
      .values({ id: clientId, machine: name, keyHash: hashOf(key), createdAt: this.now() })
      .run()
    return { ok: true, clientId, key }
  }

  /** Who presents this key; a known client's `last_seen_at` moves (at most once a minute). */
  check(key: string): KeyCheck {
    const row = this.db()
      .select({ id: pairedClients.id, revokedAt: pairedClients.revokedAt })
      .from(pairedClients)
      .where(eq(pairedClients.keyHash, hashOf(key)))
      .get()
    if (!row) return { kind: 'unknown' }
    if (row.revokedAt !== null) return { kind: 'revoked' }
    const at = this.now()
    if (at - (this.seen.get(row.id) ?? -Infinity) >= SEEN_EVERY_MS) {
      this.seen.set(row.id, at)
      this.db().update(pairedClients).set({ lastSeenAt: at }).where(eq(pairedClients.id, row.id)).run()
    }
    return { kind: 'paired', clientId: row.id }
  }

  /** Ends a pairing; false when there is no such client or it was revoked already. */
  revoke(clientId: string): boolean {
    const row = this.db().select().from(pairedClients).where(eq(pairedClients.id, clientId)).get()
    if (!row || row.revokedAt !== null) return false
    this.db().update(pairedClients).set({ revokedAt: this.now() }).where(eq(pairedClients.id, clientId)).run()
    this.seen.delete(clientId)
    return true
  }

  list(): PairedClient[] {
    return this.db()
      .select({
        id: pairedClients.id,
        machine: pairedClients.machine,
        createdAt: pairedClients.createdAt,
        lastSeenAt: pairedClients.lastSeenAt,
        revokedAt: pairedClients.revokedAt
      })
      .from(pairedClients)
      .orderBy(desc(pairedClients.createdAt))
      .all()
  }
}
