import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { LINE_TYPE_LABELS, LINE_TYPES } from '@shared/domain/orders'
import { DateField } from '../../components/DateField'
import { Count } from './Count'
import type { Generator, GeneratorTarget, Scope } from './useGenerator'

interface GeneratorFormProps extends GeneratorTarget {
  generator: Generator
  onClose: () => void
}

/** The generator's choices, the preview's counts, and Preview / Create. */
export function GeneratorForm({ generator: g, agreement, filter, onClose }: GeneratorFormProps) {
  const { counts, errors, preview, start } = g
  const busy = preview.isPending || start.isPending
  return (
    <Stack gap="sm">
      <Group grow align="start">
        <DateField label="From" withAsterisk clearable={false} value={g.from} onChange={g.setFrom} error={errors.from} />
        <DateField label="To" withAsterisk clearable={false} value={g.to} onChange={g.setTo} error={errors.to} />
      </Group>
      <Checkbox.Group
        label="Line types to include"
        value={g.types}
        onChange={(v) => g.setTypes(LINE_TYPES.filter((t) => v.includes(t)))}
        error={errors.types}
      >
        <Group gap="md" mt={4}>
          {LINE_TYPES.map((t) => (
            <Checkbox key={t} value={t} label={LINE_TYPE_LABELS[t]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group label="Agreements" value={g.scope} onChange={(v) => g.setScope(v as Scope)} error={errors.scope}>
        <Stack gap={6} mt={4}>
          {agreement && <Radio value="agreement" label={`This agreement (${agreement.number})`} />}
          {g.hasFilter && <Radio value="filter" label={`The agreements in the list (${filter!.label})`} />}
          <Radio value="all" label="Every agreement" />
        </Stack>
      </Radio.Group>
      <Text size="xs" c="dimmed">
        Templates, suspended agreements and stopped lines are left out. Visits created before are never created twice.
      </Text>

      {counts && (
        <SimpleGrid cols={4} spacing="xs" data-testid="generator-preview">
          <Count label="Orders to create" value={counts.orders} />
          <Count label="Lines to create" value={counts.lines} />
          <Count label="Calendar conflicts" value={counts.conflicts} color={counts.conflicts > 0 ? 'red' : undefined} />
          <Count label="Already created" value={counts.skipped} />
        </SimpleGrid>
      )}
      {counts && counts.conflicts > 0 && (
        <Text size="xs" c="red">
          Visits on closed days are created anyway and flagged as calendar conflicts.
        </Text>
      )}

      <Group justify="flex-end" gap="xs" mt="xs">
        <Button variant="default" size="sm" onClick={onClose}>
          Close
        </Button>
        <Button variant="light" size="sm" loading={preview.isPending} disabled={busy} onClick={() => preview.mutate()}>
          Preview
        </Button>
        <Button
          size="sm"
          leftSection={<IconPlayerPlay size={14} />}
          loading={start.isPending}
          disabled={busy}
          onClick={() => start.mutate()}
        >
          {counts ? `Create ${counts.orders} order${counts.orders === 1 ? '' : 's'}` : 'Create'}
        </Button>
      </Group>
    </Stack>
  )
}
