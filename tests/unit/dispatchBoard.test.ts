import { describe, expect, it } from 'vitest'
import { buildScale, placeCards, snap, timeAt, weekStart, xOf } from '../../src/renderer/src/features/dispatch/timeScale'
import { UndoStack } from '../../src/renderer/src/features/dispatch/undo'

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
  /** A fake server: changes by id, each flipping between done and undone, refusing a step from the wrong state. */
  function fakeServer() {
    const state = new Map<number, 'done' | 'undone'>()
    const steps: string[] = []
    let nextId = 1
    const change = () => {
      const id = nextId++
      state.set(id, 'done')
      return id
    }
    const run = async (id: number, direction: 'undo' | 'redo') => {
      if (state.get(id) !== (direction === 'undo' ? 'done' : 'undone')) throw new Error(`CONFLICT ${direction} ${id}`)
      state.set(id, direction === 'undo' ? 'undone' : 'done')
      steps.push(`${direction} ${id}`)
    }
    return { change, run, state, steps }
  }

  it('undoes the latest change first and redoes in the order undone', async () => {
    const { change, run, steps } = fakeServer()
    const stack = new UndoStack()
    stack.record(change())
    stack.record(change())
    await stack.undo(run)
    await stack.undo(run)
    expect(stack.canUndo).toBe(false)
    await stack.redo(run)
    await stack.redo(run)
    expect(stack.canRedo).toBe(false)
    expect(steps).toEqual(['undo 2', 'undo 1', 'redo 1', 'redo 2'])
  })

  it('does not record a change that changed nothing', () => {
    const stack = new UndoStack()
    stack.record(null)
    expect(stack.canUndo).toBe(false)
  })

  it('keeps a refused step on its stack and clears redo on a new change', async () => {
    const { change, run } = fakeServer()
    const stack = new UndoStack()
    stack.record(change())
    const failing = async () => {
      throw new Error('CONFLICT')
    }
    await expect(stack.undo(failing)).rejects.toThrow('CONFLICT')
    expect(stack.canUndo).toBe(true)
    await stack.undo(run)
    expect(stack.canRedo).toBe(true)
    stack.record(change())
    expect(stack.canRedo).toBe(false)
  })
})
