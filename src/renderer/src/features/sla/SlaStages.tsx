import { Grid, Text, Title } from '@mantine/core'
import { SmallMultiSelect } from '../../components/EntitySelect'
import type { SlaForm } from './slaForm'

/** The stages with a meaning for this SLA, each a multi-select. */
const STAGE_FIELDS = [
  ['pauseStageIds', 'Pause the clock in'],
  ['respondStageIds', 'Response met in'],
  ['resolveStageIds', 'Resolution met in']
] as const

/** Which stages pause this SLA's clock or meet its targets (on top of the stages that pause every SLA). */
export function SlaStages({ form }: { form: SlaForm }) {
  const v = form.values
  return (
    <div>
      <Title order={5}>Stages</Title>
      <Text size="xs" c="dimmed" mb="xs">
        Stages marked &ldquo;stops the SLA clock&rdquo; pause every SLA; add more here for this SLA only. Entering a &ldquo;met&rdquo; stage
        meets the target (response is also met when the work is dispatched, on site when the technician arrives).
      </Text>
      <Grid gap="sm">
        {STAGE_FIELDS.map(([field, label]) => (
          <Grid.Col span={4} key={field}>
            <SmallMultiSelect
              list="serviceStages.list"
              labelOf={(s) => s.name}
              label={label}
              placeholder="Pick stages"
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
