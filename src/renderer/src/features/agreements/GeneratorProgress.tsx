import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { IconPlayerStop } from '@tabler/icons-react'
import type { GenerationRun } from '@shared/domain/agreements'
import { RunSummary } from './RunSummary'
import type { Generator } from './useGenerator'

interface GeneratorProgressProps {
  run: GenerationRun
  cancel: Generator['cancel']
  onClose: () => void
}

/** The run under way (progress, Cancel) and, once it ends, what it made. */
export function GeneratorProgress({ run: r, cancel, onClose }: GeneratorProgressProps) {
  const running = r.status === 'running'
  const finished = !running
  return (
    <Stack gap="sm">
      <Progress
        value={r.agreementsTotal === 0 ? (running ? 5 : 100) : (100 * r.agreementsDone) / r.agreementsTotal}
        animated={running}
        size="lg"
        aria-label="Generation progress"
      />
      <Group justify="space-between">
        <Text size="sm" data-testid="generator-progress">
          {r.agreementsDone} of {r.agreementsTotal} agreement{r.agreementsTotal === 1 ? '' : 's'} · {r.ordersCreated} order
          {r.ordersCreated === 1 ? '' : 's'} created
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
            Cancel
          </Button>
        </Group>
      )}
      {finished && <RunSummary run={r} onNavigate={onClose} />}
      {finished && (
        <Group justify="flex-end" gap="xs">
          <Button size="sm" onClick={onClose}>
            Close
          </Button>
        </Group>
      )}
    </Stack>
  )
}

const STATUS: Record<GenerationRun['status'], { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  done: { label: 'Finished', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'orange' },
  failed: { label: 'Failed', color: 'red' }
}

function RunStatus({ run }: { run: GenerationRun }) {
  return (
    <Badge variant="light" color={STATUS[run.status].color} data-testid="generator-status">
      {STATUS[run.status].label}
    </Badge>
  )
}
