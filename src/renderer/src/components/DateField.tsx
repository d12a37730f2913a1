import { DateInput, type DateInputProps } from '@mantine/dates'
import { type FocusEvent, type KeyboardEvent, useState } from 'react'
import { parseTypedDate } from '../lib/dates'
import { useT } from '../lib/i18n'

type TypedDateProps = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'fixOnBlur' | 'withTime'>

/**
 * The typed-date core of DateField and DateTimeField. What is typed is read once, on leaving the field or on
 * Enter — not on every key, where "15.03.20" on the way to "15.03.2024" would already be a date, and the
 * library's own parser made 01.01.2001 of a "1". Text that is not a date in the user's format stays in the
 * field with an error under it and changes nothing; Enter never submits the form around the field.
 */
export function TypedDateInput({
  value,
  onChange,
  parse,
  withTime,
  error,
  onBlur,
  onKeyDown,
  ...rest
}: TypedDateProps & {
  /** "YYYY-MM-DD" (withTime: "YYYY-MM-DD HH:mm:ss"), as Mantine holds it. */
  value: string | null
  onChange: (v: string | null) => void
  parse: (text: string) => string | null
  withTime: boolean
}) {
  const t = useT()
  const [bad, setBad] = useState<string | null>(null)
  const commit = (text: string) => {
    const typed = text.trim()
    const parsed = typed === '' ? null : parse(typed)
    if (typed !== '' && parsed === null) return setBad(typed)
    setBad(null)
    if (parsed !== value) onChange(parsed)
  }
  return (
    <DateInput
      clearable
      placeholder={t(withTime ? 'common.dateTimePlaceholder' : 'common.datePlaceholder')}
      {...rest}
      withTime={withTime}
      valueFormat={withTime ? 'DD.MM.YYYY HH:mm' : 'DD.MM.YYYY'}
      dateParser={() => null}
      fixOnBlur={false}
      value={value}
      onChange={(v) => {
        setBad(null)
        onChange(v)
      }}
      onBlur={(e: FocusEvent<HTMLInputElement>) => {
        commit(e.currentTarget.value)
        onBlur?.(e)
      }}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          commit(e.currentTarget.value)
        }
        onKeyDown?.(e)
      }}
      error={bad !== null ? t(withTime ? 'common.notADateTime' : 'common.notADate', { text: bad }) : error}
    />
  )
}

interface DateFieldProps extends TypedDateProps {
  /** A calendar date, "YYYY-MM-DD". */
  value: string | null
  onChange: (date: string | null) => void
}

/** A calendar date typed as "15.06.2026" (or "15.6.26") or picked; the form holds "YYYY-MM-DD". */
export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  return (
    <TypedDateInput
      {...rest}
      withTime={false}
      parse={(text) => parseTypedDate(text)}
      value={value}
      onChange={(v) => onChange(v === null ? null : v.slice(0, 10))}
    />
  )
}
