import { NumberInput, type NumberInputProps } from '@mantine/core'
import { useState } from 'react'
import { useSelectOnFocus } from './selectOnFocus'

export interface ScaledNumberInputProps extends Omit<NumberInputProps, 'value' | 'onChange' | 'decimalScale' | 'fixedDecimalScale'> {
  /** The integer the API stores, e.g. cents or basis points. */
  value: number
  onChange: (value: number) => void
  /** How many stored units make one shown unit: 100 cents = 1 €, 100 basis points = 1 %. */
  scale?: number
  decimals?: number
}

/**
 * A number edited in whole units with decimals (euros, per cent) while the form holds the API's integer
 * (cents, basis points). Clearing the field stores 0 but leaves the field empty while typing; focusing
 * selects the value so that typing replaces "0,00". (Pasted "1234.56" or "1 234,56" is normalised by
 * NumberInput; a typed "." becomes the decimal separator.)
 */
export function ScaledNumberInput({ value, onChange, scale = 100, decimals = 2, ...rest }: ScaledNumberInputProps) {
  const toStored = (v: number | string): number => {
    const n = typeof v === 'number' ? v : Number.parseFloat(v.replace(/\s/g, '').replace(',', '.'))
    return Number.isFinite(n) ? Math.round(n * scale) : 0
  }
  const [text, setText] = useState<number | string>(value / scale)
  const shown = toStored(text) === value ? text : value / scale
  const selectOnFocus = useSelectOnFocus(rest)
  return (
    <NumberInput
      decimalScale={decimals}
      fixedDecimalScale
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
