import { NumberInput, type NumberInputProps, TextInput, type TextInputProps } from '@mantine/core'
import { useState } from 'react'
import { parseTypedDate } from '../../lib/dates'
import { formatDate } from '../../lib/format'

interface QuantityInputProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** Thousandths, as the API stores quantities (1500 = 1,5). */
  value: number
  onChange: (thousandths: number) => void
}

/** A quantity typed with up to three decimals ("1,5" or "1.5"); shown without trailing zeros. */
export function QuantityInput({ value, onChange, ...rest }: QuantityInputProps) {
  const toStored = (v: number | string): number => {
    const n = typeof v === 'number' ? v : Number.parseFloat(v.replace(/\s/g, '').replace(',', '.'))
    return Number.isFinite(n) ? Math.round(n * 1000) : 0
  }
  const [text, setText] = useState<number | string>(value / 1000)
  const shown = toStored(text) === value ? text : value / 1000
  return (
    <NumberInput
      decimalScale={3}
      decimalSeparator=","
      thousandSeparator=" "
      allowNegative={false}
      hideControls
      selectAllOnFocus
      {...rest}
      styles={{ input: { textAlign: 'right' } }}
      value={shown}
      onChange={(v) => {
        setText(v)
        onChange(toStored(v))
      }}
    />
  )
}

interface CellDateInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string | null
  onChange: (date: string | null) => void
}

/**
 * A date cell typed as "15.06.2026" or "15.6.26", without a calendar popping up on every Tab. The text
 * stays as typed until it is a whole date; an unfinished date is marked and not stored.
 */
export function CellDateInput({ value, onChange, ...rest }: CellDateInputProps) {
  const [text, setText] = useState(value ? formatDate(value) : '')
  const typed = text.trim() === '' ? null : parseTypedDate(text)
  const invalid = text.trim() !== '' && typed === null
  const shown = invalid || typed === value ? text : value ? formatDate(value) : ''
  return (
    <TextInput
      placeholder="dd.mm.yyyy"
      {...rest}
      value={shown}
      error={invalid || rest.error}
      onChange={(e) => {
        const t = e.currentTarget.value
        setText(t)
        const d = t.trim() === '' ? null : parseTypedDate(t)
        if (t.trim() === '' || d !== null) onChange(d)
      }}
      onBlur={(e) => {
        if (!invalid) setText(value ? formatDate(value) : '')
        rest.onBlur?.(e)
      }}
    />
  )
}
