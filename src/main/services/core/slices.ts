import type { Connection } from '../../db/connection'

/** A job that works in slices: `step` works for up to `ms`, committing whole units, and calls `record` inside each slice's transaction. */
export interface SlicedJob {
  step(ms: number, record: () => void): unknown
  readonly finished: boolean
}

export type SlicedRunStatus = 'running' | 'done' | 'cancelled' | 'failed'

/**
 * Drives a background job a slice per turn of the event loop until it is finished, cancelled or fails; `save`
 * records the run's status. better-sqlite3 is synchronous, so slicing keeps the app answering, and no
 * transaction stays open between turns.
 */
export function driveInSlices(
  conn: Connection,
  job: SlicedJob,
  o: { sliceMs: number; cancelRequested: () => boolean; save: (status: SlicedRunStatus, error?: string) => void }
): void {
  const tick = (): void => {
    // The host closed the database (app quitting, a test ending): the run stays 'running' and is marked
    // interrupted at the next start.
    if (!conn.sqlite.open) return
    try {
      if (o.cancelRequested()) {
        o.save('cancelled')
        return
      }
      // The counters are saved in the slice's own transaction: a kill right after a commit cannot leave the
      // run row reporting less work than was done.
      job.step(o.sliceMs, () => o.save('running'))
      if (job.finished) {
        o.save('done')
        return
      }
      setImmediate(tick)
    } catch (e) {
      if (conn.sqlite.open) o.save('failed', e instanceof Error ? e.message : String(e))
    }
  }
  setImmediate(tick)
}
