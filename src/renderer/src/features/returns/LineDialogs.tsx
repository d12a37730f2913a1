import { Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { dispositionEffects, type ReturnLineRow } from '@shared/domain/returns'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { QuantityCell } from '../../components/GridCells'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useRefreshReturns, useShopToday } from './shared'

interface LineDialogProps {
  line: ReturnLineRow | null
  returnId: number
  onClose: () => void
}

/** Registers what arrived of an expected line; less than the line splits it, the rest stays expected. */
export function RegisterDialog({ line, returnId, onClose }: LineDialogProps) {
  const t = useT()
  return (
    <Modal opened={line !== null} onClose={onClose} title={line ? t('returns.register.title', { lineNo: line.lineNo }) : ''} size="sm">
      {line && <RegisterForm line={line} returnId={returnId} onClose={onClose} />}
    </Modal>
  )
}

function RegisterForm({ line, returnId, onClose }: LineDialogProps & { line: ReturnLineRow }) {
  const t = useT()
  const refresh = useRefreshReturns()
  const [quantity, setQuantity] = useState(line.quantity)
  const [quarantine, setQuarantine] = useState(false)
  const save = useMutation({
    mutationFn: () => call('returns.register', { lineId: line.id, version: line.version, quantity, quarantine }),
    onSuccess: () => {
      refresh(returnId)
      onClose()
    },
    onError: (e) => showApiError(e)
  })
  return (
    <Stack gap="sm">
      <QuantityCell
        size="xs"
        label={t('returns.register.quantity', { unit: line.unit })}
        value={quantity}
        onChange={setQuantity}
        data-testid="register-quantity"
      />
      <Checkbox
        size="xs"
        label={t('returns.register.quarantine')}
        checked={quarantine}
        onChange={(e) => setQuarantine(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate()}>
          {t('returns.register.save')}
        </Button>
      </Group>
    </Stack>
  )
}

/** The inspector's (or office's) decision, carried out at once: credit, replacement, stock, shipment. */
export function DisposeDialog({ line, returnId, onClose }: LineDialogProps) {
  const t = useT()
  return (
    <Modal opened={line !== null} onClose={onClose} title={line ? t('returns.dispose.title', { lineNo: line.lineNo }) : ''} size="md">
      {line && <DisposeForm line={line} returnId={returnId} onClose={onClose} />}
    </Modal>
  )
}

function DisposeForm({ line, returnId, onClose }: LineDialogProps & { line: ReturnLineRow }) {
  const t = useT()
  const { can } = useSession()
  const refresh = useRefreshReturns()
  const codes = useQuery({
    queryKey: ['list', 'dispositionCodes.list', 'all'],
    queryFn: () => call('dispositionCodes.list', { pageSize: 100 })
  })
  const [dispositionId, setDispositionId] = useState<number | null>(line.dispositionId)
  const [note, setNote] = useState(line.inspectionNote)
  const [date, setDate] = useState<string | null>(useShopToday())
  const [replacementItemId, setReplacementItemId] = useState<number | null>(line.replacementItemId)
  const [newSerial, setNewSerial] = useState('')
  const code = codes.data?.rows.find((c) => c.id === dispositionId)
  const effects = code ? dispositionEffects(code.action) : null
  const save = useMutation({
    mutationFn: () =>
      call('returns.dispose', {
        lineId: line.id,
        version: line.version,
        dispositionId: dispositionId!,
        note,
        date: date!,
        replacementItemId,
        newSerial
      }),
    onSuccess: () => {
      refresh(returnId)
      onClose()
    },
    onError: (e) => showApiError(e)
  })
  return (
    <Stack gap="sm">
      <Select
        size="xs"
        label={t('returns.dispose.code')}
        data-testid="dispose-code"
        data={(codes.data?.rows ?? [])
          .filter((c) => can('returns.credit') || !dispositionEffects(c.action).credits)
          .map((c) => ({ value: String(c.id), label: `${c.code} · ${t(`enums.dispositionAction.${c.action}`)}` }))}
        value={dispositionId === null ? null : String(dispositionId)}
        onChange={(v) => setDispositionId(v === null ? null : Number(v))}
      />
      <Textarea
        size="xs"
        label={t('returns.dispose.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <DateField size="xs" label={t('returns.dispose.date')} value={date} onChange={setDate} />
      {effects?.order === 'replacement' && (
        <>
          <EntitySelect
            size="xs"
            label={t('returns.dispose.replacementItem')}
            list="items.list"
            labelOf={(i) => `${i.number} ${i.name}`}
            value={replacementItemId}
            onChange={setReplacementItemId}
          />
          {line.serviceObjectId !== null && (
            <TextInput
              size="xs"
              label={t('returns.dispose.newSerial')}
              value={newSerial}
              onChange={(e) => setNewSerial(e.currentTarget.value)}
            />
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={dispositionId === null || date === null}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="dispose-save"
        >
          {t('returns.dispose.save')}
        </Button>
      </Group>
    </Stack>
  )
}

/**
 * Replacement up front: a replacement order for a line still expected, so the customer is not left waiting for
 * the inspection; the line keeps waiting for the returned item and cannot be replaced a second time.
 */
export function UpFrontDialog({ line, returnId, onClose }: LineDialogProps) {
  const t = useT()
  return (
    <Modal opened={line !== null} onClose={onClose} title={line ? t('returns.upFront.title', { lineNo: line.lineNo }) : ''} size="md">
      {line && <UpFrontForm line={line} returnId={returnId} onClose={onClose} />}
    </Modal>
  )
}

function UpFrontForm({ line, returnId, onClose }: LineDialogProps & { line: ReturnLineRow }) {
  const t = useT()
  const refresh = useRefreshReturns()
  const [replacementItemId, setReplacementItemId] = useState<number | null>(line.replacementItemId ?? line.itemId)
  const [date, setDate] = useState<string | null>(useShopToday())
  const save = useMutation({
    mutationFn: () =>
      call('returns.upFrontReplacement', { lineId: line.id, version: line.version, replacementItemId: replacementItemId!, date: date! }),
    onSuccess: () => {
      refresh(returnId)
      onClose()
    },
    onError: (e) => showApiError(e)
  })
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('returns.upFront.hint')}
      </Text>
      <EntitySelect
        size="xs"
        label={t('returns.dispose.replacementItem')}
        list="items.list"
        labelOf={(i) => `${i.number} ${i.name}`}
        value={replacementItemId}
        onChange={setReplacementItemId}
        data-testid="upfront-item"
      />
      <DateField size="xs" label={t('returns.dispose.date')} value={date} onChange={setDate} />
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={replacementItemId === null || date === null}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="upfront-save"
        >
          {t('returns.upFront.save')}
        </Button>
      </Group>
    </Stack>
  )
}
