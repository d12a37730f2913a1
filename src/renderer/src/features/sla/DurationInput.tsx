import { Group, Input, NumberInput, Text } from '@mantine/core'
import { type ReactNode, useState } from 'react'
import { useT } from '../../lib/i18n'

interface Raw {
  hours: number | string
  minutes: number | string
}

const rawOf = (value: number | null): Raw =>
  value === null ? { hours: '', minutes: '' } : { hours: Math.floor(value / 60), minutes: value % 60 }
/** Both fields empty = no value; otherwise hours and minutes, an empty one counting as zero. */
const minutesOf = (raw: Raw): number | null =>
  raw.hours === '' && raw.minutes === '' ? null : (Number(raw.hours) || 0) * 60 + (Number(raw.minutes) || 0)

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
  // The two fields as typed: "0 h 0 min" must stay on screen (and be refused) rather than turn into "no value".
  const t = useT()
  const [raw, setRaw] = useState<Raw>(() => rawOf(value))
  if (minutesOf(raw) !== value) setRaw(rawOf(value))
  const { hours, minutes } = raw
  const set = (next: Raw) => {
    setRaw(next)
    onChange(minutesOf(next))
  }
  return (
    <Input.Wrapper label={label} withAsterisk={required} error={error}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          size="xs"
          w={76}
          aria-label={t('sla.targets.hours', { label })}
          rightSection={<Text size="xs">{t('sla.targets.hoursUnit')}</Text>}
          rightSectionPointerEvents="none"
          min={0}
          max={8760}
          allowDecimal={false}
          allowNegative={false}
          value={hours}
          onChange={(h) => set({ hours: h, minutes })}
          error={Boolean(error)}
        />
        <NumberInput
          size="xs"
          w={80}
          aria-label={t('sla.targets.minutes', { label })}
          rightSection={<Text size="xs">{t('sla.targets.minutesUnit')}</Text>}
          rightSectionPointerEvents="none"
          rightSectionWidth={34}
          min={0}
          max={59}
          clampBehavior="strict"
          allowDecimal={false}
          allowNegative={false}
          value={minutes}
          onChange={(m) => set({ hours, minutes: m })}
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
