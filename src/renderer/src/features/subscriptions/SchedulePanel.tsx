import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core'
import type { SubscriptionRow } from '@shared/domain/subscriptions'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'
import { useSchedule } from './queries'

/** The recognition schedule of the subscription's invoiced fees: what is recognised when, reversals included. */
export function SchedulePanel({ subscription: s }: { subscription: SubscriptionRow }) {
  const t = useT()
  const f = useFormat()
  const rows = useSchedule(s.id).data ?? []
  const now = today()
  const recognised = rows.filter((r) => r.recognizeOn <= now).reduce((sum, r) => sum + r.amount, 0)
  const deferred = rows.filter((r) => r.recognizeOn > now).reduce((sum, r) => sum + r.amount, 0)
  return (
    <Stack gap="sm">
      <Group gap="sm" data-testid="schedule-totals">
        <Paper withBorder p="xs" px="sm">
          <Text size="xs" c="dimmed">
            {t('subscriptions.schedule.recognised')}
          </Text>
          <Text fw={600}>{f.money(recognised, s.currency)}</Text>
        </Paper>
        <Paper withBorder p="xs" px="sm">
          <Text size="xs" c="dimmed">
            {t('subscriptions.schedule.deferred')}
          </Text>
          <Text fw={600}>{f.money(deferred, s.currency)}</Text>
        </Paper>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('subscriptions.schedule.none')}
        </Text>
      ) : (
        <Table striped withTableBorder fz="sm" verticalSpacing={2} data-testid="schedule-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subscriptions.schedule.period')}</Table.Th>
              <Table.Th>{t('subscriptions.schedule.recognizeOn')}</Table.Th>
              <Table.Th ta="right">{t('subscriptions.schedule.amount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="schedule-row">
                <Table.Td>
                  {f.date(r.from)} – {f.date(r.to)}
                </Table.Td>
                <Table.Td>{f.date(r.recognizeOn)}</Table.Td>
                <Table.Td ta="right">{f.money(r.amount, s.currency)}</Table.Td>
                <Table.Td>
                  {r.reversal && (
                    <Badge size="xs" color="red" variant="light">
                      {t('subscriptions.schedule.reversal')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
