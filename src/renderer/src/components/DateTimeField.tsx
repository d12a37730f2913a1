import type { DateInputProps } from '@mantine/dates'
import { fromLocalDateTime, toLocalDateTime } from '@shared/time'
import { parseTypedDate } from '../lib/dates'
import { TypedDateInput } from './DateField'

interface DateTimeFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'withTime' | 'valueFormat' | 'dateParser' | 'fixOnBlur'> {
  /** UTC epoch milliseconds, as the API stores instants. */
  value: number | null
  onChange: (ms: number | null) => void
  /** The shop's time zone: the field shows and reads wall-clock time there, whatever the computer's zone. */
  timeZone: string
}

/**
 * A date and time typed as "15.06.2026 09:00" (or "15.6.26 9:00", or picked from the calendar) in the shop's
 * time zone; the form holds the UTC instant. A date without a time is midnight.
 */
export function DateTimeField({ value, onChange, timeZone, ...rest }: DateTimeFieldProps) {
  const local = toLocalDateTime(value, timeZone)
  return (
    <TypedDateInput
      {...rest}
      withTime
      parse={(text) => parseTypedDate(text, true)}
      value={local === null ? null : `${local}:00`}
      onChange={(v) => onChange(fromLocalDateTime(v, timeZone))}
    />
  )
}
