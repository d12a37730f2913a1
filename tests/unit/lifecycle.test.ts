import { describe, expect, it } from 'vitest'
import {
  finishedStageIds,
  isFinishedOrder,
  type LifecycleStage,
  stageForEvent,
  stageWithoutPlan,
  technicianActions
} from '@shared/domain/lifecycle'

/** The default workflow: New → Scheduled → (On hold | In progress → (Waiting for parts | Completed → Closed)). */
const s = (id: number, parentId: number | null, extra: Partial<LifecycleStage> = {}): LifecycleStage => ({
  id,
  parentId,
  reasonRequired: false,
  requiresPlan: false,
  ...extra
})
const NEW = 1
const SCHEDULED = 2
const ON_HOLD = 3
const IN_PROGRESS = 4
const WAIT_PARTS = 5
const COMPLETED = 6
const CLOSED = 7
const stages = [
  s(NEW, null),
  s(SCHEDULED, NEW, { requiresPlan: true }),
  s(ON_HOLD, SCHEDULED, { reasonRequired: true }),
  s(IN_PROGRESS, SCHEDULED),
  s(WAIT_PARTS, IN_PROGRESS, { reasonRequired: true }),
  s(COMPLETED, IN_PROGRESS),
  s(CLOSED, COMPLETED)
]

describe('stageForEvent', () => {
  it('moves forward down the tree, skipping stages in between', () => {
    expect(stageForEvent(stages, NEW, SCHEDULED)).toBe(SCHEDULED)
    expect(stageForEvent(stages, SCHEDULED, COMPLETED)).toBe(COMPLETED)
    expect(stageForEvent(stages, NEW, COMPLETED)).toBe(COMPLETED)
  })
  it('never moves back, sideways, onto itself or without a target', () => {
    expect(stageForEvent(stages, COMPLETED, SCHEDULED)).toBeNull()
    expect(stageForEvent(stages, ON_HOLD, COMPLETED)).toBeNull()
    expect(stageForEvent(stages, SCHEDULED, SCHEDULED)).toBeNull()
    expect(stageForEvent(stages, NEW, null)).toBeNull()
  })
  it('never enters or passes a stage that asks for a reason', () => {
    expect(stageForEvent(stages, SCHEDULED, ON_HOLD)).toBeNull()
    const withReason = stages.map((x) => (x.id === IN_PROGRESS ? { ...x, reasonRequired: true } : x))
    expect(stageForEvent(withReason, SCHEDULED, COMPLETED)).toBeNull()
  })
})

describe('stageWithoutPlan', () => {
  it('steps back to the nearest stage above that needs no plan', () => {
    expect(stageWithoutPlan(stages, SCHEDULED)).toBe(NEW)
    const deeper = stages.map((x) => (x.id === IN_PROGRESS ? { ...x, requiresPlan: true } : x))
    expect(stageWithoutPlan(deeper, IN_PROGRESS)).toBe(NEW)
  })
  it('leaves a stage that needs no plan alone', () => {
    expect(stageWithoutPlan(stages, IN_PROGRESS)).toBeNull()
    expect(stageWithoutPlan(stages, NEW)).toBeNull()
  })
})

describe('finished work', () => {
  it('is the done stage and every stage after it, or posted, or cancelled', () => {
    const done = finishedStageIds(stages, COMPLETED)
    expect([...done].sort()).toEqual([COMPLETED, CLOSED])
    expect(finishedStageIds(stages, null).size).toBe(0)
    expect(isFinishedOrder({ progress: 'inProcess', stageId: CLOSED }, done)).toBe(true)
    expect(isFinishedOrder({ progress: 'inProcess', stageId: IN_PROGRESS }, done)).toBe(false)
    expect(isFinishedOrder({ progress: 'posted', stageId: IN_PROGRESS }, done)).toBe(true)
    expect(isFinishedOrder({ progress: 'cancelled', stageId: NEW }, done)).toBe(true)
  })
})

describe('technicianActions', () => {
  it('offers the next steps of an open order only', () => {
    expect(technicianActions('planned', true)).toEqual(['travelling', 'onSite'])
    expect(technicianActions('travelling', true)).toEqual(['onSite'])
    expect(technicianActions('onSite', true)).toEqual(['done'])
    expect(technicianActions('done', true)).toEqual([])
    expect(technicianActions('dispatched', false)).toEqual([])
  })
})
