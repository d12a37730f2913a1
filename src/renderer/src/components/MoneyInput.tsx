import { NumberInput, type NumberInputProps } from '@mantine/core'
import { useState } from 'react'

interface MoneyInputProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'decimalScale' | 'fixedDecimalScale'> {
  /** Integer cents, as the API stores money. */
  value: number
  onChange: (cents: number) => void
  currencySymbol?: string
}

const toCents = (v: number | string): number => {
  if (typeof v === 'number') return Math.round(v * 100)
  const n = Number.parseFloat(v.replace(/\s/g, '').replace(',', '.'))
  return Number.isFinite(n) ? Math.round(n * 100) : 0
}

/** A money field edited in euros with two decimals; the form holds integer cents. */
export function MoneyInput({ value, onChange, currencySymbol = '€', ...rest }: MoneyInputProps) {
  // What the user typed, so that clearing the field (0 cents) does not snap back to "0.00" mid-edit.
  const [text, setText] = useState<number | string>(value / 100)
  const shown = toCents(text) === value ? text : value / 100
  return (
    <NumberInput
      decimalScale={2}
      fixedDecimalScale
      allowNegative={false}
      hideControls
      thousandSeparator=" "
      rightSection={currencySymbol}
      rightSectionPointerEvents="none"
      {...rest}
      styles={{ input: { textAlign: 'right' } }}
      value={shown}
      onChange={(v) => {
        setText(v)
        onChange(toCents(v))
      }}
    />
  )
}
