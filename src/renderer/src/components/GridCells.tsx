import { NumberInput, type NumberInputProps, TextInput, type TextInputProps } from '@mantine/core'
import { useState } from 'react'
import { parseTypedDate } from '../lib/dates'
import { useFormat, useT } from '../lib/i18n'
import { useSelectOnFocus } from './selectOnFocus'

/* Inputs for the cells of the order and agreement lines grids: typed, never a popup on every Tab. */

interface QuantityCellProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** Thousandths, as the API stores quantities (1500 = 1,5). */
  value: number
  onChange: (thousandths: number) => void
}

/** A quantity typed with up to three decimals ("1,5" or "1.5"); shown without trailing zeros. */
export function QuantityCell({ value, onChange, ...rest }: QuantityCellProps) {
  const toStored = (v: number | string): number => {
    const n = typeof v === 'number' ? v : Number.parseFloat(v.replace(/\s/g, '').replace(',', '.'))
    return Number.isFinite(n) ? Math.round(n * 1000) : 0
  }
  const [text, setText] = useState<number | string>(value / 1000)
  const shown = toStored(text) === value ? text : value / 1000
  const selectOnFocus = useSelectOnFocus(rest)
  return (
    <NumberInput
      decimalScale={3}
      decimalSeparator=","
      thousandSeparator=" "
      allowNegative={false}
      hideControls
      {...rest}
      {...selectOnFocus}
      styles={{ input: { textAlign: 'right' } }}
      value={shown}
      onChange={(v) => {
        setText(v)
        onChange(toStored(v))
      }}
    />
  )
}

interface PriceCellProps extends Omit<NumberInputProps, 'value' | 'onChange'> {
  /** Cents; null = the item's or category's price. */
  value: number | null
  onChange: (cents: number | null) => void
}

/** A sales price in euros; left blank, the line takes the default price when the order is created. */
export function PriceCell({ value, onChange, ...rest }: PriceCellProps) {
  const toStored = (v: number | string): number | null => {
    if (typeof v === 'number') return Math.round(v * 100)
    const n = Number.parseFloat(v.replace(/\s/g, '').replace(',', '.'))
    return Number.isFinite(n) ? Math.round(n * 100) : null
  }
  const [text, setText] = useState<number | string>(value === null ? '' : value / 100)
  const shown = toStored(text) === value ? text : value === null ? '' : value / 100
  const selectOnFocus = useSelectOnFocus(rest)
  return (
    <NumberInput
      decimalScale={2}
      fixedDecimalScale
      decimalSeparator=","
      thousandSeparator=" "
      allowNegative={false}
      hideControls
      {...rest}
      {...selectOnFocus}
      styles={{ input: { textAlign: 'right' } }}
      value={shown}
      onChange={(v) => {
        setText(v)
        onChange(toStored(v))
      }}
    />
  )
}

interface DateCellProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string | null
  onChange: (date: string | null) => void
}

/**
 * A date typed as "15.06.2026" or "15.6.26". The text stays as typed until it is a whole date; an
 * unfinished date is marked and not stored.
 */
export function DateCell({ value, onChange, ...rest }: DateCellProps) {
  const tr = useT()
  const { date: formatDate } = useFormat()
  const [text, setText] = useState(value ? formatDate(value) : '')
  const typed = text.trim() === '' ? null : parseTypedDate(text)
  const invalid = text.trim() !== '' && typed === null
  const shown = invalid || typed === value ? text : value ? formatDate(value) : ''
  return (
    <TextInput
      placeholder={tr('common.datePlaceholder')}
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
