import type { StageRow } from '@shared/domain/orders'

export type StageFlag = 'canModify' | 'canDelete' | 'canCancel' | 'canPost' | 'reasonRequired' | 'stopsSlaClock'

/** The six switches of a stage: a short name for the tree and what each one means for an order in it. */
export const STAGE_FLAGS: { key: StageFlag; label: string; short: string; explain: string }[] = [
  {
    key: 'canModify',
    label: 'Changes allowed',
    short: 'edit',
    explain: 'The header and the lines of an order in this stage can be changed.'
  },
  {
    key: 'canDelete',
    label: 'Orders can be deleted',
    short: 'delete',
    explain: 'An order in this stage may be deleted while it has no posted or cancelled lines.'
  },
  {
    key: 'canCancel',
    label: 'Orders can be cancelled',
    short: 'cancel',
    explain: 'The order, or single lines of it, may be cancelled in this stage.'
  },
  { key: 'canPost', label: 'Posting allowed', short: 'post', explain: 'Signed-off lines may be posted (and then invoiced) in this stage.' },
  { key: 'reasonRequired', label: 'Reason required', short: 'reason', explain: 'Moving an order into this stage asks for a reason code.' },
  {
    key: 'stopsSlaClock',
    label: 'Stops the SLA clock',
    short: 'SLA stop',
    explain: 'Time spent in this stage does not count against the service-level agreement.'
  }
]

export interface StageNode {
  stage: StageRow
  depth: number
}

/** The workflow as an indented list: the initial stage first, each stage followed by its children in sort order. */
export function stageTree(stages: StageRow[]): StageNode[] {
  const byParent = new Map<number | null, StageRow[]>()
  for (const s of stages) byParent.set(s.parentId, [...(byParent.get(s.parentId) ?? []), s])
  for (const list of byParent.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
  const out: StageNode[] = []
  const seen = new Set<number>()
  const walk = (parentId: number | null, depth: number) => {
    for (const s of byParent.get(parentId) ?? []) {
      if (seen.has(s.id)) continue
      seen.add(s.id)
      out.push({ stage: s, depth })
      walk(s.id, depth + 1)
    }
  }
  walk(null, 0)
  // Anything not reachable from the initial stage (should not happen) is listed at the end, not hidden.
  for (const s of stages) if (!seen.has(s.id)) out.push({ stage: s, depth: 0 })
  return out
}
