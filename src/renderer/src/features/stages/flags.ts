import type { T } from '@shared/i18n/i18n'
import type { StageRow } from '@shared/domain/orders'

export type StageFlag =
  | 'canModify'
  | 'canDelete'
  | 'canCancel'
  | 'canPost'
  | 'reasonRequired'
  | 'stopsSlaClock'
  | 'requiresPlan'
  | 'waitsForParts'

/** The switches of a stage: a short name for the tree and what each one means for an order in it. */
export const STAGE_FLAGS: { key: StageFlag; label: (t: T) => string; short: (t: T) => string; explain: (t: T) => string }[] = [
  {
    key: 'canModify',
    label: (t) => t('settings.stages.flags.canModify.label'),
    short: (t) => t('settings.stages.flags.canModify.short'),
    explain: (t) => t('settings.stages.flags.canModify.explain')
  },
  {
    key: 'canDelete',
    label: (t) => t('settings.stages.flags.canDelete.label'),
    short: (t) => t('settings.stages.flags.canDelete.short'),
    explain: (t) => t('settings.stages.flags.canDelete.explain')
  },
  {
    key: 'canCancel',
    label: (t) => t('settings.stages.flags.canCancel.label'),
    short: (t) => t('settings.stages.flags.canCancel.short'),
    explain: (t) => t('settings.stages.flags.canCancel.explain')
  },
  {
    key: 'canPost',
    label: (t) => t('settings.stages.flags.canPost.label'),
    short: (t) => t('settings.stages.flags.canPost.short'),
    explain: (t) => t('settings.stages.flags.canPost.explain')
  },
  {
    key: 'reasonRequired',
    label: (t) => t('settings.stages.flags.reasonRequired.label'),
    short: (t) => t('settings.stages.flags.reasonRequired.short'),
    explain: (t) => t('settings.stages.flags.reasonRequired.explain')
  },
  {
    key: 'stopsSlaClock',
    label: (t) => t('settings.stages.flags.stopsSlaClock.label'),
    short: (t) => t('settings.stages.flags.stopsSlaClock.short'),
    explain: (t) => t('settings.stages.flags.stopsSlaClock.explain')
  },
  {
    key: 'requiresPlan',
    label: (t) => t('settings.stages.flags.requiresPlan.label'),
    short: (t) => t('settings.stages.flags.requiresPlan.short'),
    explain: (t) => t('settings.stages.flags.requiresPlan.explain')
  },
  {
    key: 'waitsForParts',
    label: (t) => t('settings.stages.flags.waitsForParts.label'),
    short: (t) => t('settings.stages.flags.waitsForParts.short'),
    explain: (t) => t('settings.stages.flags.waitsForParts.explain')
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
