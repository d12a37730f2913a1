import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'

/**
 * The strip above the return list: open returns per reason and the overdue count, from one query. A reason
 * or the overdue figure sets the list's filter.
 */
export function ReturnFiguresStrip({ onReason, onOverdue }: { onReason: (reasonId: number) => void; onOverdue: () => void }) {
  const t = useT()
  // Under ['list'] so that every return action (which refreshes the lists) refreshes the figures too.
  const figures = useQuery({ queryKey: ['list', 'returns.figures'], queryFn: () => call('returns.figures', {}) })
  const d = figures.data
  if (!d) return null
  return (
    <Paper withBorder px="sm" py={6} data-testid="return-figures">
      <Group gap="lg" wrap="wrap">
        <Text size="sm">
          <Text span fw={700}>
            {d.open}
          </Text>{' '}
          {t('returns.figures.open')}
        </Text>
        <UnstyledButton onClick={onOverdue} data-testid="figures-overdue">
          <Text size="sm" c={d.overdue > 0 ? 'red' : 'dimmed'}>
            <Text span fw={700}>
              {d.overdue}
            </Text>{' '}
            {t('returns.figures.overdue')}
          </Text>
        </UnstyledButton>
        {d.byReason.map((r) => (
          <UnstyledButton key={r.reasonId} onClick={() => onReason(r.reasonId)} data-testid={`figures-reason-${r.code}`}>
            <Group gap={4} wrap="nowrap">
              <Text size="sm" c="dimmed">
                {r.name}
              </Text>
              <Badge size="sm" variant="light" color="blue">
                {r.open}
              </Badge>
              {r.overdue > 0 && (
                <Badge size="sm" variant="light" color="red" title={t('returns.figures.overdue')}>
                  {`${r.overdue} ⚠`}
                </Badge>
              )}
            </Group>
          </UnstyledButton>
        ))}
      </Group>
    </Paper>
  )
}
