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
  IconDownload,
  IconFileTypePdf,
  IconPrinter,
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
import { useT } from '../../lib/i18n'
import { usePdf } from '../../lib/usePdf'
import { useSession } from '../../lib/session'
import { useSlaSignOffGate } from '../sla/useSignOffGate'
import { CopyLinesDialog } from './CopyLinesDialog'
import { CopyAgreementLinesDialog } from '../intake/CopyAgreementLinesDialog'
import { InvoiceDialog } from './InvoiceDialog'
import { useOrderAction } from './mutations'
import { PostDialog } from './PostDialog'
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
  const t = useT()
  const { can } = useSession()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const [target, setTarget] = useState<StageRef | null>(null)
  const [invoicing, setInvoicing] = useState(false)
  const [copying, setCopying] = useState(false)
  const [copyingAgreement, setCopyingAgreement] = useState(false)
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  const [posting, setPosting] = useState(false)

  const ref = { id: order.id, version: order.version }
  const signOff = useOrderAction('serviceOrders.signOff', order.id, {
    done: (o) => (o.signedOff ? t('orders.actions.orderSignedOff') : t('orders.actions.linesSignedOff'))
  })
  const slaGate = useSlaSignOffGate(order)
  const post = useOrderAction('serviceOrders.post', order.id, { done: t('orders.actions.linesPosted') })
  const cancel = useOrderAction('serviceOrders.cancel', order.id, { done: t('orders.actions.orderCancelled') })
  const revoke = useOrderAction('serviceOrders.revokeCancel', order.id, { done: t('orders.actions.cancellationRevoked') })
  const remove = useMutation({
    mutationFn: () => call('serviceOrders.delete', ref),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['list'] })
      notifications.show({ color: 'teal', message: t('orders.actions.orderDeleted', { number: order.number }), autoClose: 2500 })
      void navigate('/orders')
    },
    onError: (e) => showApiError(e)
  })
  const pdf = usePdf((document: 'workDescription' | 'workReceipt') => call('serviceOrders.pdf', { id: order.id, document }))

  const cancelled = order.progress === 'cancelled'
  const open = order.lines.filter((l) => l.status === 'created')
  const unsigned = open.filter((l) => !l.signedOff)
  const postable = open.filter((l) => l.signedOff)
  const invoiceable = order.lines.filter((l) => l.status === 'posted' && l.invoiceId === null)

  const signOffWhy = cancelled
    ? t('orders.actions.whyCancelled')
    : open.length === 0
      ? t('orders.actions.whyNoOpenLines')
      : unsigned.length === 0
        ? t('orders.actions.whyAllSignedOff')
        : null
  const postWhy = !order.stage.canPost
    ? t('orders.actions.whyStageNoPosting', { stage: order.stage.name })
    : postable.length === 0
      ? t('orders.actions.whyNothingToPost')
      : null
  const invoiceWhy = invoiceable.length === 0 ? t('orders.actions.whyNothingToInvoice') : null
  const modifiable = order.stage.canModify && !cancelled

  return (
    <Group gap="xs" data-testid="order-actions">
      {can('orders.register') && (
        <>
          <Why reason={order.previousStage ? null : t('orders.actions.firstStage')}>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowLeft size={14} />}
              disabled={!order.previousStage}
              onClick={() => setTarget(order.previousStage)}
              title={order.previousStage ? t('orders.actions.backTo', { stage: order.previousStage.name }) : undefined}
            >
              {t('orders.actions.previousStage')}
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
                {t('orders.actions.nextStage')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('orders.actions.moveFrom', { stage: order.stage.name })}</Menu.Label>
              {order.nextStages.map((s) => (
                <Menu.Item
                  key={s.id}
                  onClick={() => setTarget(s)}
                  rightSection={
                    s.reasonRequired ? (
                      <Text size="xs" c="dimmed">
                        {t('orders.actions.reason')}
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
            {t('orders.actions.signOff')}
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
            onClick={() => setPosting(true)}
          >
            {t('orders.actions.post')}
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
            {t('orders.actions.createInvoice')}
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
            loading={pdf.download.isPending || pdf.print.isPending}
            data-testid="order-documents"
          >
            {t('orders.actions.documents')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('orders.actions.downloadPdf')}</Menu.Label>
          <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => pdf.download.mutate('workDescription')}>
            {t('orders.actions.workDescriptionPdf')}
          </Menu.Item>
          <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => pdf.download.mutate('workReceipt')}>
            {t('orders.actions.workReceiptPdf')}
          </Menu.Item>
          <Menu.Label>{t('common.print')}</Menu.Label>
          <Menu.Item leftSection={<IconPrinter size={14} />} onClick={() => pdf.print.mutate('workDescription')}>
            {t('orders.actions.workDescription')}
          </Menu.Item>
          <Menu.Item leftSection={<IconPrinter size={14} />} onClick={() => pdf.print.mutate('workReceipt')}>
            {t('orders.actions.workReceipt')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {can('orders.write') && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" variant="subtle" color="gray" leftSection={<IconDots size={14} />}>
              {t('orders.actions.more')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconCopy size={14} />} disabled={!modifiable} onClick={() => setCopying(true)}>
              {t('orders.actions.copyFromTemplate')}
            </Menu.Item>
            {order.agreementId !== null && order.origin !== 'agreement' && (
              <Menu.Item leftSection={<IconCopy size={14} />} disabled={!modifiable} onClick={() => setCopyingAgreement(true)}>
                {t('intake.copy.menu')}
              </Menu.Item>
            )}
            <Menu.Divider />
            {cancelled ? (
              <Menu.Item leftSection={<IconArrowBackUp size={14} />} onClick={() => revoke.mutate(ref)}>
                {t('orders.actions.revokeCancel')}
              </Menu.Item>
            ) : (
              <Menu.Item
                leftSection={<IconX size={14} />}
                disabled={!order.stage.canCancel}
                onClick={() =>
                  setConfirm({
                    title: t('orders.actions.cancelTitle', { number: order.number }),
                    message: t('orders.actions.cancelMessage', { count: open.length }),
                    label: t('orders.actions.cancelOrder'),
                    run: () => cancel.mutate(ref)
                  })
                }
              >
                {order.stage.canCancel
                  ? t('orders.actions.cancelOrder')
                  : t('orders.actions.cancelOrderNotIn', { stage: order.stage.name })}
              </Menu.Item>
            )}
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} />}
              disabled={!order.stage.canDelete}
              onClick={() =>
                setConfirm({
                  title: t('orders.actions.deleteTitle', { number: order.number }),
                  message: t('orders.actions.deleteMessage', { count: order.lines.length }),
                  label: t('orders.actions.deleteOrder'),
                  run: () => remove.mutate()
                })
              }
            >
              {order.stage.canDelete ? t('orders.actions.deleteOrder') : t('orders.actions.deleteOrderNotIn', { stage: order.stage.name })}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}

      <StageDialog order={order} target={target} onClose={() => setTarget(null)} />
      {slaGate.dialog}
      <InvoiceDialog order={order} opened={invoicing} onClose={() => setInvoicing(false)} />
      <PostDialog
        order={order}
        lineIds={posting ? [] : null}
        onClose={() => setPosting(false)}
        onConfirm={(lineIds) => post.mutate({ ...ref, lineIds })}
      />
      <CopyLinesDialog order={order} opened={copying} onClose={() => setCopying(false)} />
      {order.agreementId !== null && (
        <CopyAgreementLinesDialog
          order={order}
          agreementId={order.agreementId}
          opened={copyingAgreement}
          onClose={() => setCopyingAgreement(false)}
        />
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm?.title} size="sm">
        <Text size="sm">{confirm?.message}</Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" size="xs" onClick={() => setConfirm(null)}>
            {t('common.keepIt')}
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
