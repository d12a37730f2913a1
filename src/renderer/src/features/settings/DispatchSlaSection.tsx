import { NumberInput, Paper, SimpleGrid, Switch, Title } from '@mantine/core'
import type { SectionProps } from './settingsForm'

/** The board's past limit and the SLA thresholds. */
export function DispatchSlaSection({ form }: SectionProps) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        Dispatch and service levels
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <NumberInput
          label="At risk when SLA time left is at most (minutes)"
          description="Business minutes; shown amber on lists and the board"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('slaAtRiskMinutes')}
        />
        <NumberInput
          label="Planning in the past allowed (hours)"
          description="The board refuses drops further back than this"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('dispatchPastLimitHours')}
        />
        <NumberInput
          label="Sign out after idle (hours)"
          description="A session unused this long is signed out"
          min={1}
          allowDecimal={false}
          {...form.getInputProps('sessionIdleHours')}
        />
        <Switch
          mt="lg"
          label="Reason code required for a missed target or a cancelled clock"
          {...form.getInputProps('slaReasonRequired', { type: 'checkbox' })}
        />
      </SimpleGrid>
    </Paper>
  )
}
