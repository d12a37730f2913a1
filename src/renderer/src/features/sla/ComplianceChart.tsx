import { Box, Group, Stack, Text, Tooltip } from '@mantine/core'
import type { ComplianceRow } from '@shared/domain/sla'
import type { Formats } from '@shared/i18n/format'
import { useFormat, useT } from '../../lib/i18n'

const MAX_BARS = 24

/** A share as "87,5 %" / "87.5 %" (one decimal, a space before the sign in both languages, as the report always had it). */
export const percent = (f: Formats, share: number | null) => (share === null ? '—' : `${f.number(Math.round(share * 1000) / 10, 1)} %`)

/**
 * Share of targets met per group as horizontal bars (met teal, missed red, a dashed line at the goal).
 * Plain elements rather than a chart library: a bar per row is all the report needs.
 */
export function ComplianceChart({
  rows,
  labelOf,
  goal = 0.9
}: {
  rows: ComplianceRow[]
  labelOf: (r: ComplianceRow) => string
  goal?: number
}) {
  const t = useT()
  const f = useFormat()
  const shown = rows.slice(0, MAX_BARS)
  return (
    <Stack gap={6} data-testid="compliance-chart" role="img" aria-label={t('sla.compliance.chart')}>
      <Group gap="md">
        <Legend color="var(--mantine-color-teal-6)" label={t('sla.compliance.met')} />
        <Legend color="var(--mantine-color-red-5)" label={t('sla.compliance.missed')} />
        <Legend color="var(--mantine-color-gray-3)" label={t('sla.compliance.nothingFinished')} />
        <Text size="xs" c="dimmed">
          {t('sla.compliance.goal', { percent: percent(f, goal) })}
        </Text>
      </Group>
      {shown.map((r) => {
        const finished = r.met + r.breached
        return (
          <Group key={r.key} gap="sm" wrap="nowrap" data-testid="compliance-bar">
            <Text size="xs" w={180} truncate ta="right" title={labelOf(r)}>
              {labelOf(r)}
            </Text>
            <Tooltip label={t('sla.compliance.barTip', { met: r.met, missed: r.breached, targets: r.targets, orders: r.orders })} withArrow>
              <Box
                pos="relative"
                h={18}
                style={{ flex: 1, borderRadius: 3, overflow: 'hidden', background: 'var(--mantine-color-gray-3)' }}
              >
                {finished > 0 && (
                  <Box pos="absolute" inset={0} style={{ display: 'flex' }}>
                    <Box h="100%" w={`${(r.met / finished) * 100}%`} bg="teal.6" />
                    <Box h="100%" w={`${(r.breached / finished) * 100}%`} bg="red.5" />
                  </Box>
                )}
                <Box
                  pos="absolute"
                  top={0}
                  bottom={0}
                  left={`${goal * 100}%`}
                  style={{ borderLeft: '2px dashed var(--mantine-color-dark-3)' }}
                />
              </Box>
            </Tooltip>
            <Text size="xs" w={56} ta="right" fw={600}>
              {percent(f, r.share)}
            </Text>
          </Group>
        )
      })}
      {rows.length > shown.length && (
        <Text size="xs" c="dimmed">
          {t('sla.compliance.chartFirstOf', { shown: shown.length, total: rows.length })}
        </Text>
      )}
    </Stack>
  )
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4}>
      <Box w={12} h={12} style={{ background: color, borderRadius: 2 }} />
      <Text size="xs">{label}</Text>
    </Group>
  )
}
