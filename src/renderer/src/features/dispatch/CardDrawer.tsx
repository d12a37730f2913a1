import { Anchor, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangleFilled, IconExternalLink, IconSend, IconTrash } from '@tabler/icons-react'
import { Link } from 'react-router'
import { dispatchText } from '@shared/dispatch/text'
import type { BoardCard } from '@shared/domain/dispatch'
import { formatsFor } from '@shared/i18n/format'
import { SlaBadge } from '../../components/SlaBadge'
import { useLanguage, useT } from '../../lib/i18n'
import { PriorityBadge } from '../orders/badges'

interface Props {
  card: BoardCard | null
  technician: string
  timeZone: string
  onClose: () => void
  onDispatch: (card: BoardCard) => void
  onUnassign: (card: BoardCard) => void
  readOnly: boolean
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  )
}

/** The whole card when the board's few words are not enough (double click or Enter). */
export function CardDrawer({ card, technician, timeZone, onClose, onDispatch, onUnassign, readOnly }: Props) {
  const t = useT()
  const f = formatsFor(useLanguage(), timeZone)
  return (
    <Drawer
      opened={card !== null}
      onClose={onClose}
      position="right"
      size={380}
      title={card ? `${card.orderNumber} · ${card.customerName}` : ''}
    >
      {card && (
        <Stack gap="xs" data-testid="card-drawer">
          <Group gap={6}>
            <PriorityBadge priority={card.priority} size="xs" />
            <Badge size="xs" variant="light" color={card.status === 'planned' ? 'gray' : 'teal'}>
              {t(`enums.assignmentStatus.${card.status}`)}
            </Badge>
            <SlaBadge badge={card.sla} />
          </Group>
          {card.conflicts.length > 0 && (
            <Stack gap={2} p={6} bg="red.0" style={{ borderRadius: 4 }}>
              {card.conflicts.map((c, i) => (
                <Text key={i} size="xs" c="red.8">
                  <IconAlertTriangleFilled size={11} /> {dispatchText(t, f, c)}
                </Text>
              ))}
            </Stack>
          )}
          <Field label={t('dispatch.drawer.technician')}>{technician}</Field>
          <Field label={t('dispatch.drawer.planned')}>
            {f.dateTime(card.start)} – {f.time(card.end)} ({f.duration((card.end - card.start) / 60_000)})
          </Field>
          {(card.actualStart !== null || card.actualEnd !== null) && (
            <Field label={t('dispatch.drawer.actual')}>
              {f.dateTime(card.actualStart) || '…'} – {f.dateTime(card.actualEnd) || '…'}
            </Field>
          )}
          <Field label={t('dispatch.drawer.stage')}>{card.stageName}</Field>
          <Field label={t('dispatch.drawer.address')}>{card.address}</Field>
          <Field label={t('dispatch.drawer.task')}>{card.taskNames}</Field>
          <Field label={t('dispatch.drawer.description')}>{card.description}</Field>
          {(card.requestedStart !== null || card.requestedEnd !== null) && (
            <Field label={t('dispatch.drawer.requested')}>
              {f.dateTime(card.requestedStart) || '…'} – {f.dateTime(card.requestedEnd) || '…'}
            </Field>
          )}
          {card.dispatchedAt !== null && <Field label={t('dispatch.drawer.dispatched')}>{f.dateTime(card.dispatchedAt)}</Field>}
          {card.note && <Field label={t('dispatch.drawer.note')}>{card.note}</Field>}
          <Group gap="xs" mt="sm">
            <Anchor component={Link} to={`/orders/${card.orderId}`} size="sm">
              <IconExternalLink size={13} /> {t('dispatch.drawer.openOrder')}
            </Anchor>
          </Group>
          {!readOnly && (
            <Group gap="xs">
              <Button size="xs" leftSection={<IconSend size={14} />} disabled={card.status !== 'planned'} onClick={() => onDispatch(card)}>
                {t('dispatch.board.dispatch')}
              </Button>
              <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => onUnassign(card)}>
                {t('dispatch.drawer.unassign')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  )
}
