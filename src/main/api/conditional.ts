import { createHash } from 'node:crypto'
import { contract, type MethodName } from '@shared/api/contract'
import type { SessionUser } from '@shared/domain/system'
import type { Connection } from '../db/connection'
import { dataVersion } from './changeFeed'

/**
 * Conditional reads (docs/adr/0032-live-updates.md, "Load"): many clients polling or refetching the same list
 * while nothing changed must cost (almost) nothing. A list's answer is named by a tag of who asked, what, and
 * which state of the database (and which half-minute: lists show SLA clocks) it reflects; a client holding that
 * tag is told "unchanged", and the host answers the same question again from memory until the database moves.
 */

/** Only lists: pure reads whose answer depends on nothing but the user, the input, the data and the clock. */
const LISTS = new Set(
  (Object.keys(contract) as MethodName[]).filter((m) => {
    const out = contract[m].output as unknown as { shape?: Record<string, unknown> }
    return m.endsWith('.list') && out.shape !== undefined && 'rows' in out.shape && 'total' in out.shape
  })
)

/** A conditional read's exchange: the tag the client holds in, this answer's tag and "unchanged" out. */
export interface Conditional {
  since?: string
  tag?: string
  unchanged?: boolean
}

export const isConditional = (method: string): boolean => LISTS.has(method as MethodName)

/** The clock's grain: SLA badges and "today" in a list may change with time alone, not only with writes. */
const CLOCK_GRAIN_MS = 30_000

/**
 * The tag of a list's answer. The user is in it (and their language, though changing it is a write), so a tag
 * or a held answer can never serve one user another user's view.
 */
export function readTag(conn: Connection, user: SessionUser | null, method: string, input: unknown, now: number): string {
  const key = JSON.stringify([user?.id ?? null, user?.language ?? null, method, input, dataVersion(conn), Math.floor(now / CLOCK_GRAIN_MS)])
  return createHash('sha256').update(key).digest('base64url').slice(0, 27)
}

/** Answers by tag, for the host's current database state only: anything older can never be asked for again. */
export class AnswerCache {
  private version = ''
  private readonly answers = new Map<string, unknown>()

  constructor(private readonly max = 200) {}

  get(conn: Connection, tag: string): { data: unknown } | undefined {
    if (this.moved(conn)) return undefined
    return this.answers.has(tag) ? { data: this.answers.get(tag) } : undefined
  }

  set(conn: Connection, tag: string, data: unknown): void {
    this.moved(conn)
    if (this.answers.size >= this.max) this.answers.delete(this.answers.keys().next().value!)
    this.answers.set(tag, data)
  }

  private moved(conn: Connection): boolean {
    const now = dataVersion(conn)
    if (now === this.version) return false
    this.version = now
    this.answers.clear()
    return true
  }
}
