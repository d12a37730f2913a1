import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { LINE_TYPES } from '@shared/domain/orders'
import { DateField } from '../../components/DateField'
import { useT } from '../../lib/i18n'
import { Count } from './Count'
import type { Generator, GeneratorTarget, Scope } from './useGenerator'

interface GeneratorFormProps extends GeneratorTarget {
  generator: Generator
  onClose: () => void
}

/** The generator's choices, the preview's counts, and Preview / Create. */
export function GeneratorForm({ generator: g, agreement, filter, onClose }: GeneratorFormProps) {
  const t = useT()
  const { counts, errors, preview, start } = g
  const busy = preview.isPending || start.isPending
  return (
    <Stack gap="sm">
      <Group grow align="start">
        <DateField
          label={t('agreements.generator.from')}
          withAsterisk
          clearable={false}
          value={g.from}
          onChange={g.setFrom}
          error={errors.from}
        />
        <DateField label={t('agreements.generator.to')} withAsterisk clearable={false} value={g.to} onChange={g.setTo} error={errors.to} />
      </Group>
      <Checkbox.Group
        label={t('agreements.generator.types')}
        value={g.types}
        onChange={(v) => g.setTypes(LINE_TYPES.filter((lt) => v.includes(lt)))}
        error={errors.types}
      >
        <Group gap="md" mt={4}>
          {LINE_TYPES.map((lt) => (
            <Checkbox key={lt} value={lt} label={t(`enums.lineType.${lt}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group label={t('agreements.generator.scope')} value={g.scope} onChange={(v) => g.setScope(v as Scope)} error={errors.scope}>
        <Stack gap={6} mt={4}>
          {agreement && <Radio value="agreement" label={t('agreements.generator.thisOne', { number: agreement.number })} />}
          {g.hasFilter && <Radio value="filter" label={t('agreements.generator.inList', { filter: filter!.label })} />}
          <Radio value="all" label={t('agreements.generator.every')} />
        </Stack>
      </Radio.Group>
      <Text size="xs" c="dimmed">
        {t('agreements.generator.note')}
      </Text>

      {counts && (
        <SimpleGrid cols={4} spacing="xs" data-testid="generator-preview">
          <Count label={t('agreements.generator.ordersToCreate')} value={counts.orders} />
          <Count label={t('agreements.generator.linesToCreate')} value={counts.lines} />
          <Count label={t('agreements.generator.conflicts')} value={counts.conflicts} color={counts.conflicts > 0 ? 'red' : undefined} />
          <Count label={t('agreements.generator.alreadyCreated')} value={counts.skipped} />
        </SimpleGrid>
      )}
      {counts && counts.conflicts > 0 && (
        <Text size="xs" c="red">
          {t('agreements.generator.conflictsNote')}
        </Text>
      )}

      <Group justify="flex-end" gap="xs" mt="xs">
        <Button variant="default" size="sm" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button variant="light" size="sm" loading={preview.isPending} disabled={busy} onClick={() => preview.mutate()}>
          {t('agreements.generator.preview')}
        </Button>
        <Button
          size="sm"
          leftSection={<IconPlayerPlay size={14} />}
          loading={start.isPending}
          disabled={busy}
          onClick={() => start.mutate()}
        >
          {counts ? t('agreements.generator.createOrders', { count: counts.orders }) : t('agreements.generator.create')}
        </Button>
      </Group>
    </Stack>
  )
}
