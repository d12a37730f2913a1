import { Grid, Text, Title } from '@mantine/core'
import { SmallMultiSelect } from '../../components/EntitySelect'
import { useT } from '../../lib/i18n'
import type { SlaForm } from './slaForm'

/** The stages with a meaning for this SLA, each a multi-select. */
const STAGE_FIELDS = ['pauseStageIds', 'respondStageIds', 'resolveStageIds'] as const

/** Which stages pause this SLA's clock or meet its targets (on top of the stages that pause every SLA). */
export function SlaStages({ form }: { form: SlaForm }) {
  const t = useT()
  const v = form.values
  const labels: Record<(typeof STAGE_FIELDS)[number], string> = {
    pauseStageIds: t('sla.stages.pause'),
    respondStageIds: t('sla.stages.respond'),
    resolveStageIds: t('sla.stages.resolve')
  }
  return (
    <div>
      <Title order={5}>{t('sla.stages.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('sla.stages.explain')}
      </Text>
      <Grid gap="sm">
        {STAGE_FIELDS.map((field) => (
          <Grid.Col span={4} key={field}>
            <SmallMultiSelect
              list="serviceStages.list"
              labelOf={(s) => s.name}
              label={labels[field]}
              placeholder={t('sla.stages.pick')}
              value={v[field]}
              onChange={(ids) => form.setFieldValue(field, ids)}
              error={form.errors[field]}
            />
          </Grid.Col>
        ))}
      </Grid>
    </div>
  )
}
