import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyDiff,
  type BomChange,
  type BomComponent,
  descendants,
  diff,
  structureAsOf,
  treeOrder,
  wouldCycle
} from '../../src/shared/domain/serviceBom'

const base = { quantity: 1000, unit: 'pcs', oldItemId: null, oldSerial: '' }
function change(seq: number, at: number, c: Partial<BomChange> & Pick<BomChange, 'kind' | 'componentId'>): BomChange {
  return { seq, at, parentId: null, itemId: 1, position: '', serial: '', ...base, ...c }
}

describe('structureAsOf', () => {
  const history = [
    change(1, 100, { kind: 'add', componentId: 1, itemId: 10, position: '10' }),
    change(2, 100, { kind: 'add', componentId: 2, parentId: 1, itemId: 20, position: '10.1', serial: 'P-1' }),
    change(3, 200, { kind: 'replace', componentId: 2, itemId: 21, serial: 'P-2', oldItemId: 20, oldSerial: 'P-1' }),
    change(4, 300, { kind: 'remove', componentId: 2 })
  ]

  it('answers the structure as it was at each instant', () => {
    expect([...structureAsOf(history, 99).values()]).toEqual([])
    expect(structureAsOf(history, 150).get(2)?.serial).toBe('P-1')
    expect(structureAsOf(history, 200).get(2)).toMatchObject({ itemId: 21, serial: 'P-2', parentId: 1 })
    expect(structureAsOf(history, 300).has(2)).toBe(false)
  })

  it('replays in time order whatever order the events come in', () => {
    expect(structureAsOf([...history].reverse(), 250)).toEqual(structureAsOf(history, 250))
  })

  it('diff names what was replaced between two dates', () => {
    const d = diff(structureAsOf(history, 150), structureAsOf(history, 250))
    expect(d).toEqual([expect.objectContaining({ kind: 'changed', fields: ['itemId', 'serial'] })])
  })
})

describe('tree rules', () => {
  const nodes = [
    { id: 1, parentId: null, position: '1' },
    { id: 2, parentId: 1, position: '1.2' },
    { id: 3, parentId: 2, position: '1.2.1' },
    { id: 4, parentId: null, position: '2' }
  ]
  it('refuses a component as its own ancestor', () => {
    expect(wouldCycle(nodes, 1, 3)).toBe(true)
    expect(wouldCycle(nodes, 2, 2)).toBe(true)
    expect(wouldCycle(nodes, 4, 3)).toBe(false)
    expect(wouldCycle(nodes, 3, null)).toBe(false)
  })
  it('lists descendants deepest first and orders the tree by position', () => {
    expect(descendants(nodes, 1)).toEqual([3, 2])
    expect(treeOrder(nodes).map((n) => [n.node.id, n.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 0]
    ])
  })
})

/** Random valid histories: each step acts on a component that exists at that moment. */
const historyArb = fc
  .array(
    fc.record({
      op: fc.constantFrom('add', 'remove', 'replace', 'serial', 'move'),
      pick: fc.nat(),
      pick2: fc.nat(),
      gap: fc.integer({ min: 0, max: 3 }),
      item: fc.integer({ min: 1, max: 5 }),
      serial: fc.string({ maxLength: 4 })
    }),
    { maxLength: 40 }
  )
  .map((steps) => {
    const live = new Map<number, BomComponent>()
    const events: BomChange[] = []
    const snapshots: { at: number; state: Map<number, BomComponent> }[] = []
    let at = 0
    let nextId = 1
    steps.forEach((s, i) => {
      at += s.gap
      const ids = [...live.keys()]
      const target = ids.length > 0 ? ids[s.pick % ids.length] : undefined
      let e: BomChange | null = null
      if (s.op === 'add' || target === undefined) {
        const parentId = ids.length > 0 && s.pick2 % 2 === 0 ? ids[s.pick2 % ids.length]! : null
        const c = { id: nextId++, parentId, itemId: s.item, quantity: 1000, unit: 'pcs', position: String(i), serial: s.serial }
        live.set(c.id, c)
        e = change(i, at, { kind: 'add', componentId: c.id, parentId, itemId: s.item, position: c.position, serial: s.serial })
      } else if (s.op === 'remove') {
        const gone = [...descendants([...live.values()], target), target]
        for (const id of gone) {
          live.delete(id)
          events.push(change(i * 1000 + events.length, at, { kind: 'remove', componentId: id }))
        }
      } else if (s.op === 'replace' || s.op === 'serial') {
        const c = live.get(target)!
        const itemId = s.op === 'replace' ? s.item : c.itemId
        live.set(target, { ...c, itemId, serial: s.serial })
        e = change(i, at, { kind: s.op, componentId: target, itemId, serial: s.serial, oldItemId: c.itemId, oldSerial: c.serial })
      } else {
        const parentId = ids[s.pick2 % ids.length]!
        if (!wouldCycle([...live.values()], target, parentId)) {
          live.set(target, { ...live.get(target)!, parentId })
          e = change(i, at, { kind: 'move', componentId: target, parentId })
        }
      }
      if (e) events.push({ ...e, seq: i * 1000 + events.length })
      snapshots.push({ at, state: new Map(live) })
    })
    return { events, snapshots, end: at }
  })

describe('replaying a history (property)', () => {
  it('replaying the versions up to a date gives the structure as it was then', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), ({ events, snapshots, end }, when) => {
        const t = end === 0 ? 0 : when % (end + 1)
        const last = snapshots.filter((s) => s.at <= t).at(-1)
        expect(structureAsOf(events, t)).toEqual(last?.state ?? new Map())
      })
    )
  })

  it('a diff between two dates turns the earlier structure into the later one', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), fc.nat(), ({ events, end }, x, y) => {
        const a = structureAsOf(events, x % (end + 1))
        const b = structureAsOf(events, y % (end + 1))
        expect(applyDiff(a, diff(a, b))).toEqual(b)
      })
    )
  })

  it('a tree built by the history never holds a cycle', () => {
    fc.assert(
      fc.property(historyArb, ({ events, end }) => {
        const nodes = [...structureAsOf(events, end).values()]
        expect(treeOrder(nodes)).toHaveLength(nodes.length)
      })
    )
  })
})
