import { describe, expect, it } from 'vitest'
import { buildScale, placeCards, snap, timeAt, weekStart, xOf } from '../../src/renderer/src/features/dispatch/timeScale'
import { type BoardOp, type Executed, UndoStack } from '../../src/renderer/src/features/dispatch/undo'

const TZ = 'Europe/Tallinn'
const H = 3_600_000
// 2026-03-02 06:00 in Tallinn (UTC+2) is 04:00Z.
const MON_0600 = Date.UTC(2026, 2, 2, 4)

describe('board time scale', () => {
  it('maps instants to x and back in the day view, 06–20 local time', () => {
    const s = buildScale('day', '2026-03-02', TZ)
    expect(s.segments).toHaveLength(1)
    expect(s.segments[0]!.start).toBe(MON_0600)
    expect(s.segments[0]!.end).toBe(MON_0600 + 14 * H)
    expect(xOf(s, MON_0600)).toBe(0)
    expect(xOf(s, MON_0600 + 7 * H)).toBeCloseTo(s.width / 2)
    expect(timeAt(s, s.width / 2)).toBeCloseTo(MON_0600 + 7 * H)
    // Outside the visible hours sticks to the edges.
    expect(xOf(s, MON_0600 - H)).toBe(0)
    expect(xOf(s, MON_0600 + 20 * H)).toBe(s.width)
  })

  it('lays the week out as seven day columns; x in a column maps to that day', () => {
    const s = buildScale('week', weekStart('2026-03-05'), TZ)
    expect(s.segments.map((d) => d.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08'
    ])
    const wed = s.segments[2]!
    expect(timeAt(s, wed.x + 1)).toBeGreaterThanOrEqual(wed.start)
    expect(timeAt(s, wed.x + 1)).toBeLessThan(wed.end)
    expect(xOf(s, wed.start + 2 * H)).toBeCloseTo(wed.x + wed.width / 7)
  })

  it('gives a daylight-saving day its real length: the 06–20 window of 29 March 2026 is still 14 h', () => {
    const s = buildScale('week', '2026-03-23', TZ)
    const sunday = s.segments[6]!
    expect(sunday.date).toBe('2026-03-29')
    expect(sunday.end - sunday.start).toBe(14 * H)
    // After the change Tallinn is UTC+3: 06:00 local is 03:00Z.
    expect(sunday.start).toBe(Date.UTC(2026, 2, 29, 3))
  })

  it('snaps to the nearest quarter hour of wall time', () => {
    expect(snap(MON_0600 + 7 * 60_000, TZ)).toBe(MON_0600)
    expect(snap(MON_0600 + 8 * 60_000, TZ)).toBe(MON_0600 + 15 * 60_000)
    expect(snap(MON_0600 + 52 * 60_000 + 29_999, TZ)).toBe(MON_0600 + 45 * 60_000)
    // India (UTC+5:30): quarter hours of its own wall clock.
    const t = Date.UTC(2026, 2, 2, 4, 37)
    expect(new Date(snap(t, 'Asia/Kolkata')).getUTCMinutes() % 15).toBe(0)
  })

  it('stacks overlapping cards in lanes and leaves separate ones full height', () => {
    const s = buildScale('day', '2026-03-02', TZ)
    const a = { id: 1, start: MON_0600 + 2 * H, end: MON_0600 + 4 * H }
    const b = { id: 2, start: MON_0600 + 3 * H, end: MON_0600 + 5 * H }
    const c = { id: 3, start: MON_0600 + 6 * H, end: MON_0600 + 7 * H }
    const off = { id: 4, start: MON_0600 - 10 * H, end: MON_0600 - 9 * H }
    const placed = placeCards(s, [c, b, a, off])
    expect(placed.map((p) => [p.card.id, p.lane, p.lanes])).toEqual([
      [1, 0, 2],
      [2, 1, 2],
      [3, 0, 1]
    ])
    expect(placed[0]!.left).toBeCloseTo(xOf(s, a.start))
    expect(placed[0]!.width).toBeCloseTo(xOf(s, a.end) - xOf(s, a.start))
  })
})

describe('undo stack', () => {
  /** A fake board: assignments by id, ids handed out like the database does. */
  function fakeBoard() {
    const rows = new Map<number, { orderId: number; workerId: number; start: number; end: number }>()
    let nextId = 1
    const run = async (op: BoardOp): Promise<Executed> => {
      if (op.kind === 'assign') {
        const id = nextId++
        rows.set(id, { orderId: op.orderId, workerId: op.workerId, start: op.start, end: op.end })
        return { inverse: { kind: 'unassign', id }, replaced: op.previousId !== undefined ? { from: op.previousId, to: id } : undefined }
      }
      const prev = rows.get(op.id)
      if (!prev) throw new Error(`no assignment ${op.id}`)
      if (op.kind === 'unassign') {
        rows.delete(op.id)
        return {
          inverse: { kind: 'assign', orderId: prev.orderId, workerId: prev.workerId, start: prev.start, end: prev.end, previousId: op.id }
        }
      }
      rows.set(op.id, { ...prev, workerId: op.workerId, start: op.start, end: op.end })
      return { inverse: { kind: 'move', id: op.id, workerId: prev.workerId, start: prev.start, end: prev.end } }
    }
    return { rows, run }
  }

  it('undoes and redoes assign then move, following the new id of a re-created assignment', async () => {
    const { rows, run } = fakeBoard()
    const stack = new UndoStack()
    stack.record(await run({ kind: 'assign', orderId: 7, workerId: 1, start: 100, end: 200 }))
    stack.record(await run({ kind: 'move', id: 1, workerId: 2, start: 300, end: 400 }))
    expect(rows.get(1)).toMatchObject({ workerId: 2, start: 300 })

    await stack.undo(run)
    expect(rows.get(1)).toMatchObject({ workerId: 1, start: 100 })
    await stack.undo(run)
    expect(rows.size).toBe(0)
    expect(stack.canUndo).toBe(false)

    await stack.redo(run) // re-assign: the assignment is now id 2
    expect([...rows.keys()]).toEqual([2])
    await stack.redo(run) // the move recorded against id 1 lands on id 2
    expect(rows.get(2)).toMatchObject({ workerId: 2, start: 300, end: 400 })
    expect(stack.canRedo).toBe(false)
  })

  it('undoing an unassign puts the work back where it was', async () => {
    const { rows, run } = fakeBoard()
    const stack = new UndoStack()
    await run({ kind: 'assign', orderId: 9, workerId: 3, start: 10, end: 20 })
    stack.record(await run({ kind: 'unassign', id: 1 }))
    expect(rows.size).toBe(0)
    await stack.undo(run)
    expect([...rows.values()]).toEqual([{ orderId: 9, workerId: 3, start: 10, end: 20 }])
  })

  it('keeps a refused step on its stack and clears redo on a new change', async () => {
    const { run } = fakeBoard()
    const stack = new UndoStack()
    stack.record(await run({ kind: 'assign', orderId: 1, workerId: 1, start: 0, end: 1 }))
    const failing = async () => {
      throw new Error('CONFLICT')
    }
    await expect(stack.undo(failing)).rejects.toThrow('CONFLICT')
    expect(stack.canUndo).toBe(true)
    await stack.undo(run)
    expect(stack.canRedo).toBe(true)
    stack.record(await run({ kind: 'assign', orderId: 2, workerId: 1, start: 0, end: 1 }))
    expect(stack.canRedo).toBe(false)
  })
})
