import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconHistory, IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { SlaBadge } from '../../components/SlaBadge'
import { AgreementLink } from '../agreements/AgreementLink'
import { AuditTrail } from '../../components/AuditTrail'
import { OrderSlaPanel } from '../sla/OrderSlaPanel'
import { EntitlementPanel } from '../intake/EntitlementPanel'
import { OtherOpenOrders } from '../context/OtherOpenOrders'
import { RepairLinesPanel } from '../repair/RepairLinesPanel'
import { ReturnFromOrderButton } from '../returns/NewReturnDialogs'
import { useOrderClock } from '../sla/orderClock'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { PriorityBadge, ProgressBadge } from './badges'
import { LinesGrid } from './LinesGrid'
import { OrderActions } from './OrderActions'
import { OrderHeaderForm } from './OrderHeaderForm'
import { useTimeZone } from '../../lib/settings'
import { StageTimeline } from './StageTimeline'
import { useOrderEditor } from './useOrderEditor'

/** A service order: header, actions, lines, stage history. Also the "new order" screen (header only). */
export function OrderPage() {
  const { id } = useParams()
  const orderId = id === 'new' ? null : Number(id)
  const t = useT()
  const f = useFormat()
  const tz = useTimeZone()
  const { can } = useSession()
  const e = useOrderEditor(orderId)
  const [showAudit, setShowAudit] = useState(false)
  const o = e.record
  // The clock answers fresher than the order row (it refreshes on its own); the row's badge until it arrives.
  const clock = useOrderClock(o)

  if (e.loading) return <Loader m="xl" />
  if (e.loadError) {
    return (
      <Alert color="red" title={t('orders.cannotOpen')}>
        {(e.loadError as Error).message}
      </Alert>
    )
  }

  const cancelled = o?.progress === 'cancelled'
  const stageAllows = o === null || (o.stage.canModify && !cancelled)
  const canEdit = can('orders.write') && stageAllows
  const canRegister = e.registerOnly && stageAllows
  // Intake: what the customer is entitled to, while the order is being taken (new or hand-made, not a template).
  const showEntitlement = o === null || (o.origin !== 'agreement' && !o.isTemplate)
  const entitlement = showEntitlement && (
    <EntitlementPanel
      customerId={e.form.values.customerId}
      serviceObjectIds={e.form.values.objects.map((r) => r.id)}
      orderId={o?.id ?? null}
      agreementId={e.form.values.agreementId}
      onLink={
        !canEdit || e.linking
          ? undefined
          : o === null
            ? (agreementId) => e.form.setFieldValue('agreementId', agreementId)
            : (agreementId, agreementNumber) => e.link({ agreementId, agreementNumber })
      }
    />
  )
  const lock =
    o === null
      ? null
      : cancelled
        ? t('orders.page.cancelledLock')
        : !o.stage.canModify
          ? t('orders.page.stageLock', { stage: o.stage.name })
          : null

  return (
    <Stack gap="sm" maw={1400}>
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to="/orders">
          {t('orders.title')}
        </Anchor>
        <Text size="sm">{o ? o.number : t('common.new')}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="xs" align="center">
          <Title order={3}>{o ? o.number : t('orders.newServiceOrder')}</Title>
          {o && (
            <>
              <Badge variant="filled" color="indigo" data-testid="stage-badge">
                {o.stage.name}
              </Badge>
              <ProgressBadge progress={o.progress} />
              <PriorityBadge priority={o.priority} />
              <span data-testid="order-sla-badge">
                <SlaBadge badge={clock.data !== undefined ? (clock.data?.badge ?? null) : o.sla} />
              </span>
              {o.isTemplate && (
                <Badge variant="outline" color="grape">
                  {t('orders.template')}
                </Badge>
              )}
            </>
          )}
        </Group>
        {o && (
          <Text size="sm" c="dimmed" mt={2} data-testid="order-meta">
            {o.description} — {o.customerName}
            {o.address ? `, ${o.address}` : ''} · {t(`orders.origin.${o.origin}`)}
            {o.agreementId !== null && (
              <>
                {' '}
                ·{' '}
                <AgreementLink
                  agreementId={o.agreementId}
                  agreementLineId={o.lines.find((l) => l.agreementLineId !== null)?.agreementLineId ?? null}
                />
              </>
            )}
            {' · '}
            {o.signedOffAt !== null
              ? t('orders.page.signedOffBy', { name: o.signedOffByName ?? t('common.none'), at: f.dateTime(o.signedOffAt) })
              : t('orders.page.notSignedOff')}
          </Text>
        )}
      </div>

      {o && (
        <Group gap="xs" align="flex-start">
          <OrderActions order={o} />
          <ReturnFromOrderButton order={o} />
        </Group>
      )}

      {lock && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} py={6} data-testid="order-locked">
          {lock}
        </Alert>
      )}
      {!lock && o && e.registerOnly && (
        <Alert variant="light" color="blue" icon={<IconLock size={16} />} py={6}>
          {t('orders.page.registerOnly')}
        </Alert>
      )}
      {e.conflict && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          title={t('common.changedElsewhere')}
          data-testid="conflict-alert"
        >
          <Group gap="sm">
            <Text size="sm">{e.conflictBy ?? t('orders.page.conflict')}</Text>
            <Button size="xs" variant="light" color="orange" onClick={() => void e.reload()}>
              {t('common.reload')}
            </Button>
          </Group>
        </Alert>
      )}

      <Grid gap="sm">
        <Grid.Col span={8}>
          <Paper withBorder p="md">
            <OrderHeaderForm
              form={e.form}
              isNew={e.isNew}
              canEdit={canEdit}
              canRegister={canRegister}
              customerLocked={(o?.lines.length ?? 0) > 0}
              agreementLocked={o?.origin === 'agreement'}
              timeZone={tz}
              onSubmit={e.submit}
              saving={e.saving}
            />
          </Paper>
        </Grid.Col>
        <Grid.Col span={4}>
          <Stack gap="sm">
            {o && <StageTimeline order={o} />}
            {entitlement}
            {o && !showEntitlement && !o.isTemplate && (
              <OtherOpenOrders customerId={o.customerId} serviceObjectIds={o.objects.map((x) => x.id)} orderId={o.id} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>

      {o && !o.isTemplate && <OrderSlaPanel order={o} />}

      {o && <LinesGrid order={o} editable={stageAllows && can('orders.register')} />}

      {o && !o.isTemplate && <RepairLinesPanel order={o} editable={stageAllows && o.progress === 'inProcess' && can('orders.register')} />}

      {o && can('audit.read') && (
        <div>
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconHistory size={14} />} onClick={() => setShowAudit((s) => !s)}>
            {showAudit ? t('orders.page.hideHistory') : t('orders.page.showHistory')}
          </Button>
          {showAudit && <AuditTrail entity="serviceOrder" entityId={o.id} />}
        </div>
      )}
    </Stack>
  )
}
