import { Anchor, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangleFilled, IconExternalLink, IconSend, IconTrash } from '@tabler/icons-react'
import { Link } from 'react-router'
import { ASSIGNMENT_STATUS_LABELS, type BoardCard } from '@shared/domain/dispatch'
import { formatInstant } from '@shared/time'
import { SlaBadge } from '../../components/SlaBadge'
import { PriorityBadge } from '../orders/badges'
import { formatDuration } from './timeScale'

interface Props {
  card: BoardCard | null
  technician: string
  timeZone: string
  onClose: () => void
  onDispatch: (card: BoardCard) => void
  onUnassign: (card: BoardCard) => void
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
export function CardDrawer({ card, technician, timeZone, onClose, onDispatch, onUnassign }: Props) {
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
              {ASSIGNMENT_STATUS_LABELS[card.status]}
            </Badge>
            <SlaBadge badge={card.sla} />
          </Group>
          {card.conflicts.length > 0 && (
            <Stack gap={2} p={6} bg="red.0" style={{ borderRadius: 4 }}>
              {card.conflicts.map((c, i) => (
                <Text key={i} size="xs" c="red.8">
                  <IconAlertTriangleFilled size={11} /> {c.message}
                </Text>
              ))}
            </Stack>
          )}
          <Field label="Technician">{technician}</Field>
          <Field label="Planned">
            {formatInstant(card.start, timeZone)} – {formatInstant(card.end, timeZone).slice(-5)} ({formatDuration(card.end - card.start)})
          </Field>
          {(card.actualStart !== null || card.actualEnd !== null) && (
            <Field label="Actual">
              {formatInstant(card.actualStart, timeZone) || '…'} – {formatInstant(card.actualEnd, timeZone) || '…'}
            </Field>
          )}
          <Field label="Stage">{card.stageName}</Field>
          <Field label="Address">{card.address}</Field>
          <Field label="Task">{card.taskNames}</Field>
          <Field label="Description">{card.description}</Field>
          {(card.requestedStart !== null || card.requestedEnd !== null) && (
            <Field label="Requested">
              {formatInstant(card.requestedStart, timeZone) || '…'} – {formatInstant(card.requestedEnd, timeZone) || '…'}
            </Field>
          )}
          {card.dispatchedAt !== null && <Field label="Dispatched">{formatInstant(card.dispatchedAt, timeZone)}</Field>}
          {card.note && <Field label="Note">{card.note}</Field>}
          <Group gap="xs" mt="sm">
            <Anchor component={Link} to={`/orders/${card.orderId}`} size="sm">
              <IconExternalLink size={13} /> Open order
            </Anchor>
          </Group>
          <Group gap="xs">
            <Button size="xs" leftSection={<IconSend size={14} />} disabled={card.status !== 'planned'} onClick={() => onDispatch(card)}>
              Dispatch
            </Button>
            <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => onUnassign(card)}>
              Unassign
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  )
}
