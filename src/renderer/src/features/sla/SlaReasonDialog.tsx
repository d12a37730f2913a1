import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { isApiError } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { reasonsListQuery } from './orderClock'

export interface ReasonValue {
  reasonId: number | null
  note: string
}

interface SlaReasonDialogProps {
  opened: boolean
  title: string
  message: ReactNode
  confirmLabel: string
  /** The reason code must be chosen (the setting requires one, or the target was missed). */
  reasonRequired: boolean
  busy: boolean
  onClose: () => void
  /** Runs the change; a VALIDATION refusal it throws is shown on the fields. */
  onConfirm: (value: ReasonValue) => Promise<unknown>
  danger?: boolean
}

/** Asks for a reason code and a note before a clock is cancelled or reset, or to explain a missed target. */
export function SlaReasonDialog(p: SlaReasonDialogProps) {
  return (
    <Modal opened={p.opened} onClose={p.onClose} title={p.title} size="md">
      {p.opened && <ReasonForm {...p} />}
    </Modal>
  )
}

function ReasonForm({ message, confirmLabel, reasonRequired, busy, onClose, onConfirm, danger }: SlaReasonDialogProps) {
  const t = useT()
  const reasons = useQuery(reasonsListQuery)
  const [reasonId, setReasonId] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const rows = reasons.data?.rows ?? []
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (reasonRequired && reasonId === null) {
          setErrors({ reasonId: t('sla.reason.choose') })
          return
        }
        onConfirm({ reasonId, note }).catch((err: unknown) => {
          if (isApiError(err, 'VALIDATION')) setErrors(Object.fromEntries(err.issues.map((i) => [i.path.join('.'), i.message])))
        })
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        <Select
          label={t('sla.reason.label')}
          data-autofocus
          withAsterisk={reasonRequired}
          placeholder={rows.length === 0 && reasons.isSuccess ? t('sla.reason.noCodes') : t('sla.reason.pick')}
          clearable
          data={rows.map((r) => ({ value: String(r.id), label: `${r.code} · ${r.name}` }))}
          value={reasonId === null ? null : String(reasonId)}
          onChange={(v) => {
            setReasonId(v === null ? null : Number(v))
            setErrors({})
          }}
          error={errors.reasonId}
        />
        <Textarea
          label={t('sla.reason.note')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        {errors.target && (
          <Text c="red" size="sm">
            {errors.target}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" color={danger ? 'red' : undefined} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
