import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { IconPlayerStop } from '@tabler/icons-react'
import type { GenerationRun } from '@shared/domain/agreements'
import type { T } from '@shared/i18n/i18n'
import { useT } from '../../lib/i18n'
import { RunSummary } from './RunSummary'
import type { Generator } from './useGenerator'

interface GeneratorProgressProps {
  run: GenerationRun
  cancel: Generator['cancel']
  onClose: () => void
}

/** The run under way (progress, Cancel) and, once it ends, what it made. */
export function GeneratorProgress({ run: r, cancel, onClose }: GeneratorProgressProps) {
  const t = useT()
  const running = r.status === 'running'
  const finished = !running
  return (
    <Stack gap="sm">
      <Progress
        value={r.agreementsTotal === 0 ? (running ? 5 : 100) : (100 * r.agreementsDone) / r.agreementsTotal}
        animated={running}
        size="lg"
        aria-label={t('agreements.generator.progressAria')}
      />
      <Group justify="space-between">
        <Text size="sm" data-testid="generator-progress">
          {t('agreements.generator.agreementsDone', { done: r.agreementsDone, count: r.agreementsTotal })} ·{' '}
          {t('agreements.generator.ordersCreatedCount', { count: r.ordersCreated })}
        </Text>
        <RunStatus run={r} />
      </Group>
      {running && (
        <Group justify="flex-end">
          <Button
            variant="default"
            size="sm"
            color="red"
            leftSection={<IconPlayerStop size={14} />}
            loading={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      )}
      {finished && <RunSummary run={r} onNavigate={onClose} />}
      {finished && (
        <Group justify="flex-end" gap="xs">
          <Button size="sm" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}

const STATUS: Record<GenerationRun['status'], { label: (t: T) => string; color: string }> = {
  running: { label: (t) => t('agreements.generator.running'), color: 'blue' },
  done: { label: (t) => t('agreements.generator.done'), color: 'teal' },
  cancelled: { label: (t) => t('agreements.generator.cancelled'), color: 'orange' },
  failed: { label: (t) => t('agreements.generator.failed'), color: 'red' }
}

function RunStatus({ run }: { run: GenerationRun }) {
  const t = useT()
  return (
    <Badge variant="light" color={STATUS[run.status].color} data-testid="generator-status">
      {STATUS[run.status].label(t)}
    </Badge>
  )
}
