import { type AgreementLineRow, agreementLineInput } from '@shared/domain/agreements'
import { i18n } from '../../lib/i18n'
import { type LineDraftBase, sourceIdsOf } from '../../lib/lineDraft'
import { fieldIssues } from '@shared/i18n/issues'

/** One agreement line as edited in the grid: the API's line input, with clock times as typed. */
export interface LineDraft extends LineDraftBase {
  intervalId: number | null
  timeWindowId: number | null
  startDate: string | null
  endDate: string | null
  /** As typed ("8", "0830", "8:30"); read as HH:MM when saved. */
  startAfter: string
  endBefore: string
  stopped: boolean
}

export type LineField = keyof LineDraft

export function draftOf(l: AgreementLineRow): LineDraft {
  return {
    type: l.type,
    description: l.description,
    serviceObjectId: l.serviceObjectId,
    serviceTaskId: l.serviceTaskId,
    intervalId: l.intervalId,
    timeWindowId: l.timeWindowId,
    startDate: l.startDate,
    endDate: l.endDate,
    startAfter: l.startAfter ?? '',
    endBefore: l.endBefore ?? '',
    quantity: l.quantity,
    itemId: l.itemId,
    categoryId: l.categoryId,
    unitPrice: l.unitPrice,
    workerId: l.workerId,
    stopped: l.stopped,
    note: l.note
  }
}

export function newDraft(startDate: string | null): LineDraft {
  return {
    type: 'hour',
    description: '',
    serviceObjectId: null,
    serviceTaskId: null,
    intervalId: null,
    timeWindowId: null,
    startDate,
    endDate: null,
    startAfter: '',
    endBefore: '',
    quantity: 1000,
    itemId: null,
    categoryId: null,
    unitPrice: null,
    workerId: null,
    stopped: false,
    note: ''
  }
}

export const sameDraft = (a: LineDraft, b: LineDraft) => (Object.keys(a) as LineField[]).every((k) => a[k] === b[k])

/** "8" → 08:00, "830" / "0830" / "8.30" / "8:30" → 08:30; '' → null; anything else → undefined (not a time). */
export function parseClock(text: string): string | null | undefined {
  const t = text.trim()
  if (t === '') return null
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(t)
  if (!m) return undefined
  const h = Number(m[1])
  const min = m[2] === undefined ? 0 : Number(m[2])
  if (h > 23 || min > 59) return undefined
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`
}

export type DraftErrors = Partial<Record<LineField, string>>

/**
 * What the API gets for a draft, or the field errors that keep it from being sent — checked with the
 * API's own schema, so the messages are the ones the API would answer.
 */
export function lineInputOf(
  d: LineDraft
): { ok: true; input: ReturnType<typeof agreementLineInput.parse> } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {}
  const startAfter = parseClock(d.startAfter)
  const endBefore = parseClock(d.endBefore)
  if (startAfter === undefined) errors.startAfter = i18n.t('agreements.lines.useHhmm')
  if (endBefore === undefined) errors.endBefore = i18n.t('agreements.lines.useHhmm')
  if (d.startDate === null) errors.startDate = i18n.t('agreements.lines.required')
  if (d.type === 'item' && d.itemId === null) errors.itemId = i18n.t('agreements.lines.chooseItem')
  if (d.type !== 'item' && d.categoryId === null) errors.categoryId = i18n.t('agreements.lines.chooseCategory')
  const parsed = agreementLineInput.safeParse({
    ...d,
    description: d.description.trim(),
    note: d.note.trim(),
    startAfter: startAfter ?? null,
    endBefore: endBefore ?? null,
    ...sourceIdsOf(d)
  })
  if (!parsed.success) {
    for (const issue of fieldIssues(parsed.error.issues, i18n.t)) {
      const field = issue.path[0] as LineField | undefined
      if (field && !errors[field]) errors[field] = issue.message
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors }
  return { ok: true, input: parsed.data }
}
