import { useMemo } from 'react'
import { COUNTRY_CODES, EU_COUNTRIES } from '@shared/domain/identifiers'
import { useLanguage, useT } from './i18n'

/**
 * The country select's options in the screen's language: the names come from the browser's own ICU data
 * (Intl.DisplayNames), so 250 names need no catalogue. Estonia and the other EU states first, as the shop
 * invoices them most; then every other country by name.
 */
export function useCountryOptions(): { group: string; items: { value: string; label: string }[] }[] {
  const language = useLanguage()
  const t = useT()
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region' })
    const item = (code: string) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` })
    const byName = (a: { label: string }, b: { label: string }) => a.label.slice(5).localeCompare(b.label.slice(5), language)
    const eu = new Set<string>(EU_COUNTRIES)
    return [
      {
        group: t('common.countries.eu'),
        items: [
          item('EE'),
          ...EU_COUNTRIES.filter((c) => c !== 'EE')
            .map(item)
            .sort(byName)
        ]
      },
      {
        group: t('common.countries.other'),
        items: COUNTRY_CODES.filter((c) => !eu.has(c))
          .map(item)
          .sort(byName)
      }
    ]
  }, [language, t])
}
