import { Box, Group, Stack, Text, Tooltip } from '@mantine/core'
import type { ComplianceRow } from '@shared/domain/sla'

const MAX_BARS = 24

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10} %`)

/**
 * Share of targets met per group as horizontal bars (met teal, missed red, a dashed line at the goal).
 * Plain elements rather than a chart library: a bar per row is all the report needs.
 */
export function ComplianceChart({ rows, goal = 0.9 }: { rows: ComplianceRow[]; goal?: number }) {
  const shown = rows.slice(0, MAX_BARS)
  return (
    <Stack gap={6} data-testid="compliance-chart" role="img" aria-label="Share of SLA targets met per group">
      <Group gap="md">
        <Legend color="var(--mantine-color-teal-6)" label="Met" />
        <Legend color="var(--mantine-color-red-5)" label="Missed" />
        <Legend color="var(--mantine-color-gray-3)" label="Nothing finished yet" />
        <Text size="xs" c="dimmed">
          Dashed line: {Math.round(goal * 100)} % goal
        </Text>
      </Group>
      {shown.map((r) => {
        const finished = r.met + r.breached
        return (
          <Group key={r.key} gap="sm" wrap="nowrap" data-testid="compliance-bar">
            <Text size="xs" w={180} truncate ta="right" title={r.label}>
              {r.label}
            </Text>
            <Tooltip label={`${r.met} met, ${r.breached} missed of ${r.targets} targets (${r.orders} orders)`} withArrow>
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
              {percent(r.share)}
            </Text>
          </Group>
        )
      })}
      {rows.length > shown.length && (
        <Text size="xs" c="dimmed">
          The first {shown.length} of {rows.length} groups; the table and the exports have them all.
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
