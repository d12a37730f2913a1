import { Button, Divider, Group, Menu, Modal, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconArrowRight,
  IconChevronDown,
  IconCircleCheck,
  IconCopy,
  IconDots,
  IconFileInvoice,
  IconFileTypePdf,
  IconSend,
  IconTrash,
  IconX
} from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useNavigate } from 'react-router'
import type { OrderRow, StageRef } from '@shared/domain/orders'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { downloadPdf } from '../../lib/pdf'
import { useSession } from '../../lib/session'
import { useSlaSignOffGate } from '../sla/useSignOffGate'
import { CopyLinesDialog } from './CopyLinesDialog'
import { InvoiceDialog } from './InvoiceDialog'
import { useOrderAction } from './mutations'
import { StageDialog } from './StageDialog'

interface Confirm {
  title: string
  message: ReactNode
  label: string
  run: () => void
}

/** Wraps a disabled control so its tooltip still shows (disabled buttons get no pointer events). */
function Why({ reason, children }: { reason: string | null; children: ReactNode }) {
  return (
    <Tooltip label={reason} disabled={reason === null} withArrow>
      <span style={{ display: 'inline-flex' }}>{children}</span>
    </Tooltip>
  )
}

/**
 * What can be done with the order now: move it along the workflow, sign off, post, invoice, print, cancel,
 * copy template lines, delete. What the role or the stage does not allow is hidden or disabled with the reason.
 */
export function OrderActions({ order }: { order: OrderRow }) {
  const { can } = useSession()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [target, setTarget] = useState<StageRef | null>(null)
  const [invoicing, setInvoicing] = useState(false)
  const [copying, setCopying] = useState(false)
  const [confirm, setConfirm] = useState<Confirm | null>(null)

  const ref = { id: order.id, version: order.version }
  const signOff = useOrderAction('serviceOrders.signOff', order.id, {
    done: (o) => (o.signedOff ? 'Order signed off' : 'Lines signed off')
  })
  const slaGate = useSlaSignOffGate(order)
  const post = useOrderAction('serviceOrders.post', order.id, { done: 'Lines posted' })
  const cancel = useOrderAction('serviceOrders.cancel', order.id, { done: 'Order cancelled' })
  const revoke = useOrderAction('serviceOrders.revokeCancel', order.id, { done: 'Cancellation revoked' })
  const remove = useMutation({
    mutationFn: () => call('serviceOrders.delete', ref),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['list'] })
      notifications.show({ color: 'teal', message: `Order ${order.number} deleted`, autoClose: 2500 })
      void navigate('/orders')
    },
    onError: (e) => showApiError(e)
  })
  const pdf = useMutation({
    mutationFn: (document: 'workDescription' | 'workReceipt') => call('serviceOrders.pdf', { id: order.id, document }),
    onSuccess: (file) => downloadPdf(file),
    onError: (e) => showApiError(e)
  })

  const cancelled = order.progress === 'cancelled'
  const open = order.lines.filter((l) => l.status === 'created')
  const unsigned = open.filter((l) => !l.signedOff)
  const postable = open.filter((l) => l.signedOff)
  const invoiceable = order.lines.filter((l) => l.status === 'posted' && l.invoiceId === null)
  const stageName = `"${order.stage.name}"`

  const signOffWhy = cancelled
    ? 'The order is cancelled'
    : open.length === 0
      ? 'No open lines to sign off'
      : unsigned.length === 0
        ? 'Every open line is signed off'
        : null
  const postWhy = !order.stage.canPost
    ? `Stage ${stageName} does not allow posting; move the order on (e.g. to Completed)`
    : postable.length === 0
      ? 'Nothing to post: sign off the lines first'
      : null
  const invoiceWhy = invoiceable.length === 0 ? 'No posted lines waiting for an invoice' : null
  const modifiable = order.stage.canModify && !cancelled

  return (
    <Group gap="xs" data-testid="order-actions">
      {can('orders.register') && (
        <>
          <Why reason={order.previousStage ? null : 'This is the first stage'}>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowLeft size={14} />}
              disabled={!order.previousStage}
              onClick={() => setTarget(order.previousStage)}
              title={order.previousStage ? `Back to ${order.previousStage.name}` : undefined}
            >
              Previous stage
            </Button>
          </Why>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button
                size="xs"
                rightSection={<IconChevronDown size={14} />}
                leftSection={<IconArrowRight size={14} />}
                disabled={order.nextStages.length === 0}
              >
                Next stage
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Move from {order.stage.name} to</Menu.Label>
              {order.nextStages.map((s) => (
                <Menu.Item
                  key={s.id}
                  onClick={() => setTarget(s)}
                  rightSection={
                    s.reasonRequired ? (
                      <Text size="xs" c="dimmed">
                        reason
                      </Text>
                    ) : null
                  }
                >
                  {s.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Divider orientation="vertical" />
        </>
      )}
      {can('orders.signOff') && (
        <Why reason={signOffWhy}>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconCircleCheck size={14} />}
            disabled={signOffWhy !== null}
            loading={signOff.isPending || slaGate.checking}
            onClick={() => void slaGate.check(() => signOff.mutate({ ...ref, lineIds: [] }))}
          >
            Sign off
          </Button>
        </Why>
      )}
      {can('orders.post') && (
        <Why reason={postWhy}>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconSend size={14} />}
            disabled={postWhy !== null}
            loading={post.isPending}
            onClick={() => post.mutate({ ...ref, lineIds: [] })}
          >
            Post
          </Button>
        </Why>
      )}
      {can('invoices.create') && (
        <Why reason={invoiceWhy}>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconFileInvoice size={14} />}
            disabled={invoiceWhy !== null}
            onClick={() => setInvoicing(true)}
          >
            Create invoice
          </Button>
        </Why>
      )}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileTypePdf size={14} />}
            rightSection={<IconChevronDown size={14} />}
            loading={pdf.isPending}
          >
            Print
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => pdf.mutate('workDescription')}>Work description PDF</Menu.Item>
          <Menu.Item onClick={() => pdf.mutate('workReceipt')}>Work receipt PDF</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {can('orders.write') && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconDots size={14} />}>
              More
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconCopy size={14} />} disabled={!modifiable} onClick={() => setCopying(true)}>
              Copy lines from template…
            </Menu.Item>
            <Menu.Divider />
            {cancelled ? (
              <Menu.Item leftSection={<IconArrowBackUp size={14} />} onClick={() => revoke.mutate(ref)}>
                Revoke cancel
              </Menu.Item>
            ) : (
              <Menu.Item
                leftSection={<IconX size={14} />}
                disabled={!order.stage.canCancel}
                onClick={() =>
                  setConfirm({
                    title: `Cancel ${order.number}?`,
                    message: `Its ${open.length} open ${open.length === 1 ? 'line is' : 'lines are'} cancelled and the order is no longer worked on. "Revoke cancel" brings it back.`,
                    label: 'Cancel order',
                    run: () => cancel.mutate(ref)
                  })
                }
              >
                {order.stage.canCancel ? 'Cancel order' : `Cancel order (not in ${order.stage.name})`}
              </Menu.Item>
            )}
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} />}
              disabled={!order.stage.canDelete}
              onClick={() =>
                setConfirm({
                  title: `Delete ${order.number}?`,
                  message: `This removes the order with its ${order.lines.length} ${order.lines.length === 1 ? 'line' : 'lines'} and its stage history. It cannot be undone; the change history keeps a copy.`,
                  label: 'Delete order',
                  run: () => remove.mutate()
                })
              }
            >
              {order.stage.canDelete ? 'Delete order' : `Delete order (not in ${order.stage.name})`}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}

      <StageDialog order={order} target={target} onClose={() => setTarget(null)} />
      {slaGate.dialog}
      <InvoiceDialog order={order} opened={invoicing} onClose={() => setInvoicing(false)} />
      <CopyLinesDialog order={order} opened={copying} onClose={() => setCopying(false)} />
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm?.title} size="sm">
        <Text size="sm">{confirm?.message}</Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" size="xs" onClick={() => setConfirm(null)}>
            Keep it
          </Button>
          <Button
            color="red"
            size="xs"
            onClick={() => {
              confirm?.run()
              setConfirm(null)
            }}
          >
            {confirm?.label}
          </Button>
        </Group>
      </Modal>
    </Group>
  )
}
