import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import type { OrderClock } from '@shared/domain/sla'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'
import { SlaReasonDialog } from './SlaReasonDialog'
import { clockKeys } from './orderClock'

/**
 * Sign-off asks first for the reasons the settings require: when a target was missed and nobody said why,
 * the user gives one reason for the missed targets, it is recorded (sla.giveReason per target), and then
 * the sign-off goes ahead. Without missed targets the sign-off runs at once.
 */
export function useSlaSignOffGate(order: OrderRow) {
  const qc = useQueryClient()
  const t = useT()
  const [pending, setPending] = useState<{ clock: OrderClock; proceed: () => void } | null>(null)
  const [busy, setBusy] = useState(false)

  const check = async (proceed: () => void) => {
    setBusy(true)
    try {
      // Read afresh: a target may have been missed since the screen loaded.
      const clock = await call('sla.forOrder', { orderId: order.id })
      if (clock && clock.reasonsMissing.length > 0) setPending({ clock, proceed })
      else proceed()
    } catch (e) {
      showApiError(e)
    } finally {
      setBusy(false)
    }
  }

  const giveReasons = async (reasonId: number, note: string) => {
    const { clock, proceed } = pending!
    setBusy(true)
    try {
      let version = clock.version
      for (const target of clock.reasonsMissing) {
        version = (await call('sla.giveReason', { orderId: order.id, version, target, reasonId, note })).version
      }
      void qc.invalidateQueries({ queryKey: clockKeys.of(order.id) })
      setPending(null)
      proceed()
    } finally {
      setBusy(false)
    }
  }

  const missed = pending
    ? pending.clock.reasonsMissing.map((k) => t(`enums.slaTarget.${k}`).toLowerCase()).join(` ${t('sla.clock.and')} `)
    : ''
  const dialog = (
    <SlaReasonDialog
      opened={pending !== null}
      title={t('sla.signOff.title', { order: order.number })}
      message={t('sla.signOff.missed', { targets: missed, count: pending?.clock.reasonsMissing.length ?? 1 })}
      confirmLabel={t('sla.signOff.confirm')}
      reasonRequired
      busy={busy}
      onClose={() => setPending(null)}
      onConfirm={(v) =>
        giveReasons(v.reasonId!, v.note).catch((e: unknown) => {
          showApiError(e)
          throw e
        })
      }
    />
  )
  return { check, checking: busy, dialog }
}
