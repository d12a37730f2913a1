import { Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { Link } from 'react-router'
import { useFormat, useT } from '../../lib/i18n'
import { Figure } from './Figure'
import classes from './home.module.css'
import { managerHomeQuery } from './queries'

/**
 * The service manager's overview (docs/adr/0027): how the month goes against the last (SLA compliance, utilisation),
 * how often work holds (first-time fix), what is open (by stage, returns) and what was invoiced, month by month.
 */
export function ManagerHome() {
  const t = useT()
  const f = useFormat()
  const home = useQuery(managerHomeQuery)
  const d = home.data
  const share = (s: number | null) => (s === null ? t('home.manager.none') : f.rate(Math.round(s * 10_000)))
  const hours = (h: number) => f.number(h, 0)
  const [lastCompliance, compliance] = d?.compliance ?? []
  const [lastUse, use] = d?.utilisation ?? []
  const euros = (v: unknown) => f.money(Math.round(Number(v) * 100))
  return (
    <Stack gap="sm" maw={1200}>
      <Group gap="xs" align="baseline">
        <Title order={3}>{t('home.manager.title')}</Title>
        {d && (
          <Text c="dimmed" size="sm">
            {f.dayTitle(d.date)}
          </Text>
        )}
      </Group>
      {d && compliance && lastCompliance && use && lastUse && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
            <Figure
              testId="home-compliance"
              label={`${t('home.manager.compliance')} · ${f.month(compliance.month)}`}
              hint={t('home.manager.complianceHint')}
              value={share(compliance.share)}
              detail={`${t('home.manager.complianceOf', { met: compliance.met, total: compliance.met + compliance.breached })} · ${f.month(lastCompliance.month)} ${share(lastCompliance.share)}`}
              to="/sla-compliance"
            />
            <Figure
              testId="home-first-time-fix"
              label={t('home.manager.firstTimeFix')}
              hint={t('home.manager.firstTimeFixHint', {
                from: f.date(d.firstTimeFix.from),
                to: f.date(d.firstTimeFix.to),
                days: d.firstTimeFix.days
              })}
              value={share(d.firstTimeFix.share)}
              detail={t('home.manager.firstTimeFixOf', { fixed: d.firstTimeFix.fixed, closed: d.firstTimeFix.closed })}
            />
            <Figure
              testId="home-utilisation"
              label={`${t('home.manager.utilisation')} · ${f.month(use.month)}`}
              hint={t('home.manager.utilisationHint')}
              value={share(use.share)}
              detail={`${t('home.manager.utilisationOf', { booked: hours(use.bookedHours), available: hours(use.availableHours) })} · ${f.month(lastUse.month)} ${share(lastUse.share)}`}
            />
            <Figure
              testId="home-returns-open"
              label={t('home.manager.returnsOpen')}
              hint={t('home.manager.returnsOpenHint')}
              value={f.number(d.returnsOpen, 0)}
              to="/returns"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <Paper withBorder p="sm">
              <Text size="sm" fw={600} mb="xs">
                {t('home.manager.openByStage')}
              </Text>
              {d.openByStage.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('home.manager.noOpenOrders')}
                </Text>
              ) : (
                <Group align="flex-start" gap="sm" wrap="nowrap">
                  <Stack gap={2} w={230} data-testid="home-open-by-stage">
                    {d.openByStage.map((s) => (
                      <UnstyledButton
                        key={s.stageId}
                        component={Link}
                        to={`/orders?view=open&stageId=${s.stageId}`}
                        className={classes.stageRow}
                        data-testid={`home-stage-${s.code}`}
                      >
                        <Text size="sm" truncate>
                          {s.name}
                        </Text>
                        <Text size="sm" fw={600}>
                          {f.number(s.count, 0)}
                        </Text>
                      </UnstyledButton>
                    ))}
                  </Stack>
                  <div
                    style={{ flex: 1, height: Math.max(160, d.openByStage.length * 28) }}
                    role="img"
                    aria-label={t('home.manager.openByStageChart')}
                  >
                    <ResponsiveContainer width="100%" height="100%">
                      <BarChart layout="vertical" data={d.openByStage} margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
                        <XAxis type="number" fontSize={11} allowDecimals={false} />
                        <YAxis type="category" dataKey="code" fontSize={11} width={90} />
                        <Bar dataKey="count" fill="var(--mantine-color-blue-5)" isAnimationActive={false} barSize={16} />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                </Group>
              )}
            </Paper>
            <Paper withBorder p="sm" h={300} role="img" aria-label={t('home.manager.revenueChart')} data-testid="home-revenue">
              <Text size="sm" fw={600}>
                {t('home.manager.revenue')}
              </Text>
              <ResponsiveContainer width="100%" height="90%">
                <BarChart
                  data={d.revenue.map((r) => ({
                    month: f.month(r.month),
                    serviceOrders: r.serviceOrders / 100,
                    subscriptions: r.subscriptions / 100,
                    other: r.other / 100
                  }))}
                  margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" fontSize={10} interval={0} angle={-30} textAnchor="end" height={58} />
                  <YAxis fontSize={11} tickFormatter={(v: number) => f.number(v, 0)} />
                  <Tooltip formatter={euros} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Bar
                    dataKey="serviceOrders"
                    stackId="r"
                    name={t('home.manager.serviceOrders')}
                    fill="var(--mantine-color-teal-6)"
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="subscriptions"
                    stackId="r"
                    name={t('home.manager.subscriptions')}
                    fill="var(--mantine-color-indigo-4)"
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="other"
                    stackId="r"
                    name={t('home.manager.other')}
                    fill="var(--mantine-color-gray-5)"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  )
}
