import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Bar, BarChart, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts'
import type { Priority } from '@shared/domain/orders'
import { useFormat, useT } from '../../lib/i18n'
import { Figure } from './Figure'
import { dispatcherHomeQuery } from './queries'

const PRIORITY_COLOR: Record<Priority, string> = {
  high: 'var(--mantine-color-red-6)',
  normal: 'var(--mantine-color-blue-5)',
  low: 'var(--mantine-color-gray-5)'
}

/**
 * The dispatcher's day (docs/adr/0027): today's board in figures, what waits for a technician, what is late or in
 * conflict. Every figure opens the screen it counts (the board on today, its tray, the at-risk list, the order list's
 * "Unplanned" view by priority).
 */
export function DispatcherHome() {
  const t = useT()
  const f = useFormat()
  const home = useQuery(dispatcherHomeQuery)
  const d = home.data
  const n = (v: number) => f.number(v, 0)
  return (
    <Stack gap="sm" maw={1100}>
      <Group gap="xs" align="baseline">
        <Title order={3}>{t('home.dispatcher.title')}</Title>
        {d && (
          <Text c="dimmed" size="sm" data-testid="home-date">
            {f.dayTitle(d.date)}
          </Text>
        )}
      </Group>
      {d && (
        <>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            {t('home.dispatcher.board')}
          </Text>
          <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs">
            <Figure testId="home-planned" label={t('home.dispatcher.planned')} value={n(d.board.planned)} to="/dispatch" />
            <Figure testId="home-dispatched" label={t('home.dispatcher.dispatched')} value={n(d.board.dispatched)} to="/dispatch" />
            <Figure testId="home-done" label={t('home.dispatcher.done')} value={n(d.board.done)} to="/dispatch" />
            <Figure
              testId="home-unassigned"
              label={t('home.dispatcher.unassigned')}
              hint={t('home.dispatcher.unassignedHint')}
              value={n(d.unassigned)}
              to="/dispatch"
            />
            <Figure
              testId="home-sla-at-risk"
              label={t('home.dispatcher.slaAtRisk')}
              hint={t('home.dispatcher.slaAtRiskHint')}
              value={n(d.slaAtRisk)}
              to="/sla-at-risk"
              tone="alert"
            />
            <Figure
              testId="home-conflicts"
              label={t('home.dispatcher.conflicts')}
              hint={t('home.dispatcher.conflictsHint')}
              value={n(d.conflicts)}
              to="/dispatch"
              tone="alert"
            />
          </SimpleGrid>
          <Paper withBorder p="sm">
            <Text size="sm" fw={600}>
              {t('home.dispatcher.unplanned')}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {t('home.dispatcher.unplannedHint')}
            </Text>
            <Group align="stretch" gap="md" wrap="nowrap">
              <Stack gap={6} w={220}>
                {d.unplannedByPriority.map((p) => (
                  <Figure
                    key={p.priority}
                    testId={`home-unplanned-${p.priority}`}
                    label={t(`enums.priority.${p.priority}`)}
                    value={n(p.count)}
                    to={`/orders?view=unplanned&priority=${p.priority}`}
                  />
                ))}
              </Stack>
              <div style={{ flex: 1, height: 200 }} role="img" aria-label={t('home.dispatcher.chart')}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart
                    layout="vertical"
                    data={d.unplannedByPriority.map((p) => ({
                      name: t(`enums.priority.${p.priority}`),
                      count: p.count,
                      priority: p.priority
                    }))}
                    margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
                  >
                    <XAxis type="number" fontSize={11} allowDecimals={false} />
                    <YAxis type="category" dataKey="name" fontSize={11} width={80} />
                    <Bar dataKey="count" isAnimationActive={false} barSize={22}>
                      {d.unplannedByPriority.map((p) => (
                        <Cell key={p.priority} fill={PRIORITY_COLOR[p.priority]} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </Group>
          </Paper>
        </>
      )}
    </Stack>
  )
}
