import { Group, Input, NumberInput, Text } from '@mantine/core'
import type { ReactNode } from 'react'

interface DurationInputProps {
  label: string
  /** Whole minutes; null = not given. */
  value: number | null
  onChange: (minutes: number | null) => void
  error?: ReactNode
  required?: boolean
  /** Shown under the fields (e.g. what the span means in working days). */
  hint?: ReactNode
}

/**
 * A duration typed as hours and minutes (what people think in: "4 h 30 min"), kept as whole minutes.
 * Both fields empty = no value, so an optional target can be left out.
 */
export function DurationInput({ label, value, onChange, error, required, hint }: DurationInputProps) {
  const hours = value === null ? '' : Math.floor(value / 60)
  const minutes = value === null ? '' : value % 60
  const set = (h: number | string, m: number | string) => {
    if (h === '' && m === '') return onChange(null)
    onChange((Number(h) || 0) * 60 + (Number(m) || 0))
  }
  return (
    <Input.Wrapper label={label} withAsterisk={required} error={error}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          size="xs"
          w={76}
          aria-label={`${label} hours`}
          rightSection={<Text size="xs">h</Text>}
          rightSectionPointerEvents="none"
          min={0}
          max={8760}
          allowDecimal={false}
          allowNegative={false}
          value={hours}
          onChange={(h) => set(h, minutes)}
          error={Boolean(error)}
        />
        <NumberInput
          size="xs"
          w={80}
          aria-label={`${label} minutes`}
          rightSection={<Text size="xs">min</Text>}
          rightSectionPointerEvents="none"
          rightSectionWidth={34}
          min={0}
          max={59}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          value={minutes}
          onChange={(m) => set(hours, m)}
          error={Boolean(error)}
        />
      </Group>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Input.Wrapper>
  )
}
