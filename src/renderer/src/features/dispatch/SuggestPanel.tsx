import { Button, Group, Loader, Paper, Text } from '@mantine/core'
import { IconSparkles } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { dispatchText } from '@shared/dispatch/text'
import type { TrayRow } from '@shared/domain/dispatch'
import { formatsFor } from '@shared/i18n/format'
import { useLanguage, useT } from '../../lib/i18n'
import { suggestQuery } from './queries'

interface Props {
  row: TrayRow
  from: string
  days: number
  timeZone: string
  onAssign: (workerId: number, start: number, end: number) => void
}

/** Ranked technicians for the selected tray order, with the reasons; Enter on the tray card takes the first. */
export function SuggestPanel({ row, from, days, timeZone, onAssign }: Props) {
  const t = useT()
  const f = formatsFor(useLanguage(), timeZone)
  const q = useQuery(suggestQuery(row.orderId, from, days))
  return (
    <Paper withBorder m={6} p={6} bg="indigo.0" data-testid="suggestions" style={{ maxHeight: '40%', overflow: 'auto', flexShrink: 0 }}>
      <Group gap={4} mb={4}>
        <IconSparkles size={14} />
        <Text size="xs" fw={600}>
          {t('dispatch.suggest.title', { order: row.orderNumber })}
        </Text>
        <Text size="10px" c="dimmed">
          {t('dispatch.suggest.enterHint')}
        </Text>
      </Group>
      {q.isPending && <Loader size="xs" />}
      {q.isError && (
        <Text size="xs" c="red">
          {q.error.message}
        </Text>
      )}
      {q.data?.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('dispatch.suggest.none')}
        </Text>
      )}
      {q.data?.slice(0, 8).map((s, i) => (
        <Group
          key={s.workerId}
          gap={6}
          wrap="nowrap"
          align="flex-start"
          py={3}
          style={{ borderTop: i ? '1px solid var(--mantine-color-indigo-1)' : undefined }}
          data-testid="suggestion"
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <Text size="xs" fw={600} truncate>
              {i + 1}. {s.name}{' '}
              <Text span size="xs" c="dimmed">
                {t('dispatch.suggest.score', { score: Math.round(s.score) })}
              </Text>
            </Text>
            <Text size="xs" c={s.slot ? 'teal.8' : 'orange.8'}>
              {s.slot ? `${f.dateTime(s.slot.start)} – ${f.time(s.slot.end)}` : t('dispatch.suggest.noSlot')}
            </Text>
            <Text size="10px" c="dimmed" lineClamp={2}>
              {s.reasons.map((r) => dispatchText(t, f, r)).join(' · ')}
            </Text>
          </div>
          <Button
            size="compact-xs"
            variant="light"
            disabled={!s.slot}
            onClick={() => s.slot && onAssign(s.workerId, s.slot.start, s.slot.end)}
          >
            {t('dispatch.suggest.assign')}
          </Button>
        </Group>
      ))}
    </Paper>
  )
}
