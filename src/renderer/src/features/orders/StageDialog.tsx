import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRow, StageRef } from '@shared/domain/orders'
import { isApiError } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { useOrderAction } from './mutations'
import { reasonsQuery } from './queries'

interface StageDialogProps {
  order: OrderRow
  /** The stage to move to; null = closed. */
  target: StageRef | null
  onClose: () => void
}

/** Moves the order along the workflow with a reason code and a note (the reason is required where the stage says so). */
export function StageDialog({ order, target, onClose }: StageDialogProps) {
  const t = useT()
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('orders.stage.moveTitle', { number: order.number, stage: target.name }) : ''}
      size="md"
    >
      {target && <StageForm key={target.id} order={order} target={target} onClose={onClose} />}
    </Modal>
  )
}

function StageForm({ order, target, onClose }: { order: OrderRow; target: StageRef; onClose: () => void }) {
  const t = useT()
  const reasons = useQuery(reasonsQuery)
  const [reasonId, setReasonId] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const change = useOrderAction('serviceOrders.changeStage', order.id, {
    done: t('orders.stage.moved', { stage: target.name }),
    onSuccess: onClose,
    onError: (e) => {
      if (isApiError(e, 'VALIDATION') && e.issues.length > 0) {
        setErrors(Object.fromEntries(e.issues.map((i) => [i.path.join('.'), i.message])))
        return true
      }
      return false
    }
  })
  const back = order.previousStage?.id === target.id

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        if (target.reasonRequired && reasonId === null) {
          setErrors({ reasonId: t('orders.stage.reasonNeeded', { stage: target.name }) })
          return
        }
        change.mutate({ id: order.id, version: order.version, toStageId: target.id, reasonId, note })
      }}
      noValidate
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {back ? t('orders.stage.backFrom') : t('orders.stage.from')}
          </Text>
          <Text size="sm" fw={500}>
            {order.stage.name}
          </Text>
          <IconArrowRight size={14} />
          <Text size="sm" fw={500}>
            {target.name}
          </Text>
        </Group>
        <Select
          label={t('orders.stage.reason')}
          data-autofocus
          withAsterisk={target.reasonRequired}
          description={target.reasonRequired ? t('orders.stage.asksReason', { stage: target.name }) : t('orders.stage.optional')}
          placeholder={t('orders.stage.chooseReason')}
          clearable
          data={(reasons.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.code} · ${r.name}` }))}
          value={reasonId === null ? null : String(reasonId)}
          onChange={(v) => {
            // The select also reports null when its options arrive; only a real choice clears the message.
            const next = v === null ? null : Number(v)
            if (next === reasonId) return
            setReasonId(next)
            setErrors({})
          }}
          error={errors.reasonId}
        />
        <Textarea
          label={t('orders.stage.note')}
          autosize
          minRows={2}
          maxRows={6}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        {errors.toStageId && (
          <Text c="red" size="sm">
            {errors.toStageId}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={change.isPending}>
            {back ? t('orders.stage.backTo', { stage: target.name }) : t('orders.stage.moveTo', { stage: target.name })}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
