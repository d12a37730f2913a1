import { Badge, Paper, Text, Timeline } from '@mantine/core'
import { IconArrowRight, IconFlag } from '@tabler/icons-react'
import type { OrderRow } from '@shared/domain/orders'
import { useFormat, useT } from '../../lib/i18n'
import classes from './OrderPage.module.css'

/** Where the order has been: each stage change with who, when, the reason and the note; newest first. */
export function StageTimeline({ order }: { order: OrderRow }) {
  const t = useT()
  const f = useFormat()
  return (
    <Paper withBorder p="sm">
      <Text className={classes.sectionTitle} mb="xs">
        {t('orders.page.stageHistory')}
      </Text>
      <div className={classes.timeline}>
        <Timeline active={0} bulletSize={20} lineWidth={2} data-testid="stage-timeline">
          {order.history.map((h) => {
            return (
              <Timeline.Item
                key={h.id}
                bullet={h.fromStage === null ? <IconFlag size={11} /> : <IconArrowRight size={11} />}
                title={
                  <Text size="sm" fw={500}>
                    {h.fromStage === null ? t('orders.page.createdIn', { stage: h.toStage }) : `${h.fromStage} → ${h.toStage}`}
                  </Text>
                }
              >
                <Text size="xs" c="dimmed">
                  {f.dateTime(h.at)} · {h.userName ?? t('common.system')}
                </Text>
                {h.reason && (
                  <Badge size="xs" variant="light" color="orange" mt={2}>
                    {h.reason}
                  </Badge>
                )}
                {h.note && (
                  <Text size="xs" mt={2}>
                    {h.note}
                  </Text>
                )}
              </Timeline.Item>
            )
          })}
        </Timeline>
      </div>
    </Paper>
  )
}
