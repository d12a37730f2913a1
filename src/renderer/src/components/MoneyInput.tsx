import { ScaledNumberInput, type ScaledNumberInputProps } from './ScaledNumberInput'

interface MoneyInputProps extends Omit<ScaledNumberInputProps, 'scale' | 'decimals'> {
  currencySymbol?: string
}

/**
 * A money field edited in euros with two decimals, written as the shop writes money (1 234,50; a typed
 * "." becomes the decimal comma); the form holds integer cents, as the API does.
 */
export function MoneyInput({ currencySymbol = '€', ...rest }: MoneyInputProps) {
  return (
    <ScaledNumberInput
      decimalSeparator=","
      thousandSeparator=" "
      rightSection={currencySymbol}
      rightSectionPointerEvents="none"
      {...rest}
      scale={100}
      decimals={2}
    />
  )
}
