import { DateInput, type DateInputProps } from '@mantine/dates'
import { parseTypedDate } from '../lib/dates'
import { useT } from '../lib/i18n'

interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> {
  /** A calendar date, "YYYY-MM-DD". */
  value: string | null
  onChange: (date: string | null) => void
}

/** A calendar date typed as "15.06.2026" (or "15.6.26") or picked; the form holds "YYYY-MM-DD". */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  const t = useT()
  return (
    <DateInput
      clearable
      placeholder={t('common.datePlaceholder')}
      {...rest}
      valueFormat="DD.MM.YYYY"
      dateParser={(text) => parseTypedDate(text)}
      value={value}
      onChange={(v) => onChange(v === null ? null : v.slice(0, 10))}
    />
  )
}
