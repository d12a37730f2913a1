import { notifications } from '@mantine/notifications'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import type { LineRow, OrderRow } from '@shared/domain/orders'
import { isApiError } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { draftOf, type LineDraft, lineInputOf, newDraft } from './lineDraft'
import { useOrderAction } from './mutations'

/**
 * One editable row's state: the draft against the line it came from, the field errors of a refused save,
 * Enter to save (carrying the line's version), Escape to put the row back.
 */
export function useLineDraft(line: LineRow | null, order: OrderRow, onDone: () => void) {
  const { can, user } = useSession()
  const registerOnly = !can('orders.write')
  const canOverride = can('prices.override')
  const own = registerOnly ? (user?.workerId ?? null) : null
  const [draft, setDraft] = useState<LineDraft>(() => (line ? draftOf(line) : newDraft('hour', own)))
  // The new-line row keeps the type last used; choosing a type alone is not an edit.
  const original = line ? draftOf(line) : newDraft(draft.type, own)
  const [errors, setErrors] = useState<Record<string, string>>({})
  // Bumped to remount the inputs when the row is put back (Escape) or cleared after adding.
  const [rev, setRev] = useState(0)
  const refocus = useRef<string | null>(null)
  const t = useT()
  const row = useRef<HTMLTableRowElement>(null)

  useEffect(() => {
    if (refocus.current === null) return
    row.current?.querySelector<HTMLElement>(`[data-col="${refocus.current}"]`)?.focus()
    refocus.current = null
  }, [rev])

  const onError = (e: unknown) => {
    if ((isApiError(e, 'VALIDATION') || isApiError(e, 'FORBIDDEN')) && e.issues.length > 0) {
      setErrors(Object.fromEntries(e.issues.map((i) => [i.path.join('.'), i.message])))
      notifications.show({
        color: 'red',
        title: line ? t('orders.lines.lineNotSaved', { lineNo: line.lineNo }) : t('orders.lines.lineNotAdded'),
        message: e.message
      })
      return true
    }
    return false
  }
  const add = useOrderAction('serviceOrders.addLine', order.id, {
    done: (o) => t('orders.lines.lineAdded', { lineNo: o.lines.at(-1)?.lineNo ?? '' }),
    onError
  })
  const update = useOrderAction('serviceOrders.updateLine', order.id, {
    done: t('orders.lines.lineSaved', { lineNo: line?.lineNo ?? '' }),
    onError
  })
  const saving = add.isPending || update.isPending

  const input = lineInputOf(draft, canOverride)
  const dirty = JSON.stringify(input) !== JSON.stringify(lineInputOf(original, canOverride))
  const set = (patch: Partial<LineDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors({})
  }

  const revert = (col: string | null) => {
    refocus.current = col
    setDraft(original)
    setErrors({})
    setRev((r) => r + 1)
  }

  const commit = async () => {
    if (saving) return
    if (!dirty) {
      if (line) onDone()
      return
    }
    try {
      if (line) {
        await update.mutateAsync({ ...input, id: line.id, version: line.version })
      } else {
        await add.mutateAsync({ ...input, orderId: order.id })
        setDraft(newDraft(draft.type, own))
        setRev((r) => r + 1)
      }
      onDone()
    } catch {
      // shown by the action's error handler
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    const target = e.target as HTMLElement
    // An open drop-down takes Enter (choose) and Escape (close) for itself.
    if (target.getAttribute('aria-expanded') === 'true') return
    if (e.key === 'Enter' && target.tagName !== 'BUTTON' && target.tagName !== 'TEXTAREA') {
      e.preventDefault()
      void commit()
    } else if (e.key === 'Escape' && dirty) {
      e.preventDefault()
      revert(target.getAttribute('data-col'))
    }
  }

  return {
    draft,
    set,
    errors,
    rev,
    row,
    dirty,
    saving,
    commit,
    revert,
    onKeyDown,
    registerOnly,
    canOverride,
    label: line ? t('orders.lines.line', { lineNo: line.lineNo }) : t('orders.lines.newLine'),
    /** The label inside a sentence: "line 3". */
    labelLower: line ? t('orders.lines.lineLower', { lineNo: line.lineNo }) : t('orders.lines.newLineLower')
  }
}
