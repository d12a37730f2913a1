import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  deriveProgress,
  isAllowedStageMove,
  lineAmount,
  linesToPost,
  type PostingLine,
  postingPreview,
  type StageNode,
  stageTreeProblem,
  vatAmount
} from '../../src/shared/domain/orderRules'
import { LINE_STATUSES, LINE_TYPES, type LineStatus, PROGRESS } from '../../src/shared/domain/orders'

/** Exact reference: n / d rounded half away from zero, in BigInt (no binary floats). */
function roundedQuotient(n: bigint, d: bigint): number {
  const neg = n < 0n
  const abs = neg ? -n : n
  const q = (abs * 2n + d) / (2n * d)
  return Number(neg ? -q : q)
}

const status = fc.constantFrom(...LINE_STATUSES)
const progress = fc.constantFrom(...PROGRESS)

describe('deriveProgress (header progress from the lines, as in the reference)', () => {
  it.each<[LineStatus[], string]>([
    [['created'], 'inProcess'],
    [['created', 'posted'], 'inProcess'],
    [['created', 'cancelled'], 'inProcess'],
    [['created', 'posted', 'cancelled'], 'inProcess'],
    [['posted'], 'posted'],
    [['posted', 'posted'], 'posted'],
    [['posted', 'cancelled'], 'posted'],
    [['cancelled'], 'cancelled'],
    [['cancelled', 'cancelled'], 'cancelled']
  ])('%j → %s', (statuses, expected) => {
    for (const current of PROGRESS) expect(deriveProgress(statuses, current)).toBe(expected)
  })

  it('leaves an order without lines as it is (cancelling an empty order is an explicit act)', () => {
    expect(deriveProgress([], 'inProcess')).toBe('inProcess')
    expect(deriveProgress([], 'cancelled')).toBe('cancelled')
    expect(deriveProgress([], 'posted')).toBe('posted')
  })

  it('depends only on the set of statuses, never on their order or the current progress (when there are lines)', () => {
    fc.assert(
      fc.property(fc.array(status, { minLength: 1, maxLength: 20 }), progress, progress, (statuses, a, b) => {
        const result = deriveProgress(statuses, a)
        expect(deriveProgress([...statuses].reverse(), b)).toBe(result)
        const set = new Set(statuses)
        expect(result).toBe(set.has('created') ? 'inProcess' : set.size === 1 && set.has('cancelled') ? 'cancelled' : 'posted')
      })
    )
  })
})

describe('lineAmount (thousandths × cents, half away from zero)', () => {
  it('rounds half cents away from zero, negatives symmetrically', () => {
    expect(lineAmount(1000, 5500)).toBe(5500)
    expect(lineAmount(1500, 5500)).toBe(8250)
    expect(lineAmount(1500, 1001)).toBe(1502) // 1501.5
    expect(lineAmount(-1500, 1001)).toBe(-1502)
    expect(lineAmount(1500, -1001)).toBe(-1502)
    expect(lineAmount(500, 1)).toBe(1) // 0.5
    expect(lineAmount(499, 1)).toBe(0) // 0.499
    expect(lineAmount(-500, 1)).toBe(-1)
    expect(lineAmount(1, 1)).toBe(0)
    expect(lineAmount(333, 100)).toBe(33) // 33.3
    expect(lineAmount(335, 100)).toBe(34) // 33.5
    expect(lineAmount(0, 123456)).toBe(0)
  })

  it('never answers a negative zero (it would print as "-0,00 €")', () => {
    expect(Object.is(lineAmount(-1, 100), 0)).toBe(true)
    expect(Object.is(lineAmount(-1000, 0), 0)).toBe(true)
    expect(Object.is(lineAmount(0, -5), 0)).toBe(true)
  })

  it('matches exact integer arithmetic over realistic quantities and prices', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (q, p) => {
        const got = lineAmount(q, p)
        expect(got).toBe(roundedQuotient(BigInt(q) * BigInt(p), 1000n))
        expect(Object.is(got, -0)).toBe(false)
        expect(lineAmount(-q, p)).toBe(-got || 0)
      })
    )
  })
})

describe('vatAmount (cents × basis points, half away from zero)', () => {
  it('computes 24 %, 9 % and 0 %, rounding half cents away from zero', () => {
    expect(vatAmount(10000, 2400)).toBe(2400)
    expect(vatAmount(123456, 2400)).toBe(29629) // 29629.44
    expect(vatAmount(125, 2400)).toBe(30) // 30.0
    expect(vatAmount(50, 100)).toBe(1) // 0.5
    expect(vatAmount(-50, 100)).toBe(-1)
    expect(vatAmount(49, 100)).toBe(0)
    expect(vatAmount(123456, 0)).toBe(0)
    expect(vatAmount(-123456, 2400)).toBe(-29629)
    expect(vatAmount(1, 900)).toBe(0)
    expect(Object.is(vatAmount(-1, 2400), 0)).toBe(true)
  })

  it('matches exact integer arithmetic and is odd-symmetric', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }), fc.integer({ min: 0, max: 10000 }), (net, rate) => {
        const got = vatAmount(net, rate)
        expect(got).toBe(roundedQuotient(BigInt(net) * BigInt(rate), 10000n))
        expect(vatAmount(-net, rate)).toBe(-got || 0)
      })
    )
  })

  it('keeps the sum of line VAT within n/2 cents of the VAT of the sum (n lines)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom(2400, 2200, 2000, 1300, 900, 500, 0, 1, 9999),
        (nets, rate) => {
          const perLine = nets.reduce((s, n) => s + vatAmount(n, rate), 0)
          const ofSum = vatAmount(
            nets.reduce((s, n) => s + n, 0),
            rate
          )
          expect(Math.abs(perLine - ofSum)).toBeLessThanOrEqual(nets.length / 2)
        }
      )
    )
  })

  it('reaches the n/2 bound: two lines of half a cent of VAT each', () => {
    // 50 c at 1 % = 0.5 c → 1 c per line; 100 c at 1 % = 1 c for the sum.
    expect(vatAmount(50, 100) + vatAmount(50, 100) - vatAmount(100, 100)).toBe(1)
  })
})

/* ---------- the stage tree ---------- */

// The default workflow: New → Scheduled → (On hold | In progress → (Waiting for parts | Completed → Closed)).
const NEW = 1
const SCHEDULED = 2
const ON_HOLD = 3
const IN_PROGRESS = 4
const WAIT_PARTS = 5
const COMPLETED = 6
const CLOSED = 7
const workflow: StageNode[] = [
  { id: NEW, parentId: null },
  { id: SCHEDULED, parentId: NEW },
  { id: ON_HOLD, parentId: SCHEDULED },
  { id: IN_PROGRESS, parentId: SCHEDULED },
  { id: WAIT_PARTS, parentId: IN_PROGRESS },
  { id: COMPLETED, parentId: IN_PROGRESS },
  { id: CLOSED, parentId: COMPLETED }
]

describe('isAllowedStageMove', () => {
  it('allows a child as next and the parent as previous', () => {
    expect(isAllowedStageMove(workflow, NEW, SCHEDULED)).toBe('next')
    expect(isAllowedStageMove(workflow, SCHEDULED, ON_HOLD)).toBe('next')
    expect(isAllowedStageMove(workflow, SCHEDULED, IN_PROGRESS)).toBe('next')
    expect(isAllowedStageMove(workflow, COMPLETED, CLOSED)).toBe('next')
    expect(isAllowedStageMove(workflow, SCHEDULED, NEW)).toBe('previous')
    expect(isAllowedStageMove(workflow, ON_HOLD, SCHEDULED)).toBe('previous')
    expect(isAllowedStageMove(workflow, CLOSED, COMPLETED)).toBe('previous')
  })

  it('refuses skipping, siblings, staying and unknown stages', () => {
    expect(isAllowedStageMove(workflow, NEW, IN_PROGRESS)).toBeNull() // two steps ahead
    expect(isAllowedStageMove(workflow, CLOSED, IN_PROGRESS)).toBeNull() // two steps back
    expect(isAllowedStageMove(workflow, ON_HOLD, IN_PROGRESS)).toBeNull() // sibling
    expect(isAllowedStageMove(workflow, WAIT_PARTS, COMPLETED)).toBeNull() // sibling
    expect(isAllowedStageMove(workflow, SCHEDULED, SCHEDULED)).toBeNull()
    expect(isAllowedStageMove(workflow, NEW, 99)).toBeNull()
    expect(isAllowedStageMove(workflow, 99, NEW)).toBeNull()
    expect(isAllowedStageMove([], NEW, SCHEDULED)).toBeNull()
  })

  it('answers next exactly for the parent → child edges and previous for their reverse', () => {
    const ids = workflow.map((s) => s.id)
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.constantFrom(...ids), (a, b) => {
        const parentOf = (x: number) => workflow.find((s) => s.id === x)!.parentId
        const expected = parentOf(b) === a ? 'next' : parentOf(a) === b ? 'previous' : null
        expect(isAllowedStageMove(workflow, a, b)).toBe(expected)
        if (expected === 'next') expect(isAllowedStageMove(workflow, b, a)).toBe('previous')
      })
    )
  })
})

describe('stageTreeProblem', () => {
  it('accepts the default workflow, a single stage and an empty list', () => {
    expect(stageTreeProblem(workflow)).toBeNull()
    expect(stageTreeProblem([{ id: 1, parentId: null }])).toBeNull()
    expect(stageTreeProblem([])).toBeNull()
  })

  it('needs exactly one initial stage', () => {
    expect(stageTreeProblem([...workflow, { id: 8, parentId: null }])).toEqual({
      key: 'errors.orders.oneInitialStage',
      params: { count: 2 }
    })
    // No initial stage at all: every stage has a parent, so they must form a loop somewhere.
    expect(
      stageTreeProblem([
        { id: 1, parentId: 2 },
        { id: 2, parentId: 1 }
      ])
    ).toEqual({ key: 'errors.orders.oneInitialStage', params: { count: 0 } })
  })

  it('refuses a parent that does not exist', () => {
    expect(stageTreeProblem([...workflow, { id: 8, parentId: 42 }])).toEqual({ key: 'errors.orders.missingParent' })
  })

  it('refuses a loop beside a proper root, including a stage that is its own parent', () => {
    expect(stageTreeProblem([...workflow, { id: 8, parentId: 9 }, { id: 9, parentId: 8 }])).toEqual({ key: 'errors.orders.stageLoop' })
    expect(stageTreeProblem([...workflow, { id: 8, parentId: 8 }])).toEqual({ key: 'errors.orders.stageLoop' })
    // A branch hanging off a loop is caught as well.
    expect(stageTreeProblem([...workflow, { id: 8, parentId: 9 }, { id: 9, parentId: 10 }, { id: 10, parentId: 9 }])).toEqual({
      key: 'errors.orders.stageLoop'
    })
  })

  it('accepts every random tree and refuses it once an edge is bent into a cycle', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), fc.nat(), (picks, bend) => {
        // Stage i+1 hangs under one of the stages before it: always a tree rooted at stage 1.
        const tree: StageNode[] = [{ id: 1, parentId: null }, ...picks.map((p, i) => ({ id: i + 2, parentId: (p % (i + 1)) + 1 }))]
        expect(stageTreeProblem(tree)).toBeNull()
        // Point a non-root stage at itself or one of its descendants: a loop.
        const victim = tree[(bend % (tree.length - 1)) + 1]
        if (!victim) return
        const descendants = new Set([victim.id])
        for (const s of tree) if (s.parentId !== null && descendants.has(s.parentId)) descendants.add(s.id)
        const target = [...descendants][bend % descendants.size]!
        const bent = tree.map((s) => (s.id === victim.id ? { ...s, parentId: target } : s))
        expect(stageTreeProblem(bent)).toEqual({ key: 'errors.orders.stageLoop' })
      })
    )
  })
})

describe('postingPreview (what a post takes, shown before it is confirmed)', () => {
  const line = (id: number, over: Partial<PostingLine>): PostingLine => ({
    id,
    type: 'hour',
    status: 'created',
    signedOff: true,
    salesAmount: 1000,
    ...over
  })
  const lines = [
    line(1, { type: 'hour', salesAmount: 16500 }),
    line(2, { type: 'item', salesAmount: 4990 }),
    line(3, { type: 'hour', salesAmount: 5500 }),
    line(4, { type: 'item', signedOff: false, salesAmount: 700 }),
    line(5, { type: 'fee', status: 'posted', salesAmount: 2500 }),
    line(6, { type: 'expense', status: 'cancelled', salesAmount: 900 })
  ]

  it('without a choice takes every open, signed-off line, counted and summed per type in the order of LINE_TYPES', () => {
    expect(postingPreview(lines, [])).toEqual({
      count: 3,
      salesAmount: 26990,
      byType: [
        { type: 'hour', count: 2, salesAmount: 22000 },
        { type: 'item', count: 1, salesAmount: 4990 }
      ]
    })
  })

  it('with a choice takes exactly the chosen lines (the service refuses ones that cannot be posted)', () => {
    expect(postingPreview(lines, [3, 2])).toEqual({
      count: 2,
      salesAmount: 10490,
      byType: [
        { type: 'hour', count: 1, salesAmount: 5500 },
        { type: 'item', count: 1, salesAmount: 4990 }
      ]
    })
    expect(linesToPost(lines, [3, 2]).map((l) => l.id)).toEqual([2, 3])
  })

  it('shows nothing when nothing is signed off, and credits (negative amounts) lower the total', () => {
    expect(postingPreview([line(1, { signedOff: false })], [])).toEqual({ count: 0, salesAmount: 0, byType: [] })
    expect(postingPreview([line(1, { salesAmount: 3000 }), line(2, { type: 'fee', salesAmount: -1000 })], []).salesAmount).toBe(2000)
  })

  it('the total is the sum of the per-type rows, and every type row has lines', () => {
    const arbLine = fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      type: fc.constantFrom(...LINE_TYPES),
      status: status,
      signedOff: fc.boolean(),
      salesAmount: fc.integer({ min: -1_000_000, max: 1_000_000 })
    })
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 30 }), (ls) => {
        const p = postingPreview(ls, [])
        expect(p.byType.reduce((s, g) => s + g.count, 0)).toBe(p.count)
        expect(p.byType.reduce((s, g) => s + g.salesAmount, 0)).toBe(p.salesAmount)
        expect(p.byType.every((g) => g.count > 0)).toBe(true)
        expect(p.count).toBe(ls.filter((l) => l.status === 'created' && l.signedOff).length)
      })
    )
  })
})
