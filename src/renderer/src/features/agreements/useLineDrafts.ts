import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import type { AgreementLineRow, AgreementRow } from '@shared/domain/agreements'
import { isApiError } from '../../lib/api'
import { useT } from '../../lib/i18n'
import type { Col, RowKey } from './gridLayout'
import { NEW } from './gridLayout'
import { type DraftErrors, draftOf, type LineDraft, type LineField, lineInputOf, newDraft, sameDraft } from './lineDraft'
import { useAgreementAction } from './mutations'

/**
 * The grid's rows as drafts: a row with changes has a draft, Enter checks it with the API's schema and
 * saves it (the bottom row adds a line) and moves on, Escape forgets it; focus follows to the next row
 * once the save's answer is on screen, and a line opened from an order is scrolled into view once.
 */
export function useLineDrafts(agreement: AgreementRow, readOnly: boolean, highlightLineId: number | null) {
  const tr = useT()
  const [drafts, setDrafts] = useState<Partial<Record<RowKey, LineDraft>>>({})
  const [errors, setErrors] = useState<Partial<Record<RowKey, DraftErrors>>>({})
  // Bumped to remount a row's cells (their typed text) after a revert or an add.
  const [revision, setRevision] = useState<Partial<Record<RowKey, number>>>({})
  const [focusTarget, setFocusTarget] = useState<{ row: RowKey; col: Col; n: number } | null>(null)
  const saving = useRef<RowKey | null>(null)
  const wrap = useRef<HTMLDivElement>(null)

  const onFieldErrors = (e: unknown): boolean => {
    const key = saving.current
    if (key === null || !isApiError(e, 'VALIDATION') || e.issues.length === 0) return false
    const rowErrors: DraftErrors = {}
    for (const i of e.issues) {
      const field = i.path[0] as LineField | undefined
      if (field) rowErrors[field] = i.message
    }
    setErrors((all) => ({ ...all, [key]: rowErrors }))
    return false // and the notification, as the cell may be scrolled out of sight
  }
  const add = useAgreementAction('agreements.addLine', agreement.id, { onError: onFieldErrors })
  const update = useAgreementAction('agreements.updateLine', agreement.id, { onError: onFieldErrors })
  const remove = useAgreementAction('agreements.deleteLine', agreement.id, { done: tr('agreements.lines.deleted') })

  const lines = agreement.lines
  const draftFor = (key: RowKey, line: AgreementLineRow | null): LineDraft =>
    drafts[key] ?? (line ? draftOf(line) : newDraft(agreement.startDate))
  const isDirty = (key: RowKey, line: AgreementLineRow | null) =>
    drafts[key] !== undefined && !sameDraft(drafts[key]!, line ? draftOf(line) : newDraft(agreement.startDate))

  const forget = (key: RowKey) => {
    setDrafts(({ [key]: _d, ...rest }) => rest as typeof drafts)
    setErrors(({ [key]: _e, ...rest }) => rest as typeof errors)
    setRevision((r) => ({ ...r, [key]: (r[key] ?? 0) + 1 }))
  }

  const change = (key: RowKey, line: AgreementLineRow | null, patch: Partial<LineDraft>) => {
    setDrafts((all) => ({ ...all, [key]: { ...(all[key] ?? (line ? draftOf(line) : newDraft(agreement.startDate))), ...patch } }))
    setErrors((all) => {
      const rowErrors = all[key]
      if (!rowErrors) return all
      const left = { ...rowErrors }
      for (const f of Object.keys(patch) as LineField[]) delete left[f]
      if ('itemId' in patch || 'categoryId' in patch || 'type' in patch) {
        delete left.itemId
        delete left.categoryId
      }
      return { ...all, [key]: left }
    })
  }

  const nextRow = (key: RowKey): RowKey => {
    if (key === NEW) return NEW
    const i = lines.findIndex((l) => l.id === key)
    return i >= 0 && i + 1 < lines.length ? lines[i + 1]!.id : NEW
  }

  const focus = (row: RowKey, col: Col) => setFocusTarget((f) => ({ row, col, n: (f?.n ?? 0) + 1 }))
  // Focus once the row is on screen (after the save's answer has rendered), then never again.
  const focused = useRef(0)
  useEffect(() => {
    if (!focusTarget || focused.current === focusTarget.n) return
    const cell = wrap.current?.querySelector<HTMLElement>(`tr[data-row="${focusTarget.row}"] td[data-col="${focusTarget.col}"]`)
    const target = cell?.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), button:not([disabled])')
    if (!target) return
    focused.current = focusTarget.n
    target.focus()
  }, [focusTarget, lines])

  /** Enter: save the row when it has changes, then go on to the next row (same column; the bottom row's first). */
  const save = (key: RowKey, line: AgreementLineRow | null, col: Col) => {
    if (readOnly) return
    if (!isDirty(key, line)) {
      if (key !== NEW) focus(nextRow(key), col)
      return
    }
    const checked = lineInputOf(draftFor(key, line))
    if (!checked.ok) {
      setErrors((all) => ({ ...all, [key]: checked.errors }))
      return
    }
    saving.current = key
    if (key === NEW) {
      add.mutate(
        { ...checked.input, agreementId: agreement.id },
        {
          onSuccess: () => {
            forget(NEW)
            focus(NEW, 'type')
          }
        }
      )
    } else {
      update.mutate(
        { ...checked.input, id: key, version: line!.version },
        {
          onSuccess: () => {
            forget(key)
            focus(nextRow(key), col)
          }
        }
      )
    }
  }

  const onKeyDown = (key: RowKey, line: AgreementLineRow | null) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    const t = e.target as HTMLElement
    // An open dropdown takes Enter (pick) and Escape (close) for itself.
    if (e.defaultPrevented || t.getAttribute('aria-expanded') === 'true' || t.hasAttribute('data-expanded')) return
    const col = (t.closest('td')?.getAttribute('data-col') ?? 'type') as Col
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && t.tagName !== 'BUTTON') {
      e.preventDefault()
      save(key, line, col)
    } else if (e.key === 'Escape' && drafts[key] !== undefined) {
      e.preventDefault()
      forget(key)
      focus(key, col)
    }
  }

  // Scroll the marked line into view once.
  const highlighted = useRef(false)
  useEffect(() => {
    if (highlighted.current || highlightLineId === null) return
    const row = wrap.current?.querySelector<HTMLElement>(`tr[data-row="${highlightLineId}"]`)
    if (row) {
      highlighted.current = true
      row.scrollIntoView({ block: 'center' })
    }
  }, [highlightLineId, lines])

  return {
    wrap,
    errors,
    revision,
    draftFor,
    isDirty,
    change,
    forget,
    save,
    onKeyDown,
    savingRow: (key: RowKey) => saving.current === key && (add.isPending || update.isPending),
    remove
  }
}
