import 'dayjs/locale/et'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { type Formats, formatsFor } from '@shared/i18n/format'
import { i18n } from '@shared/i18n/i18n'
import { isLanguage, type Language } from '@shared/i18n/languages'
import { useTimeZone } from './settings'

export { i18n }

/** The translate function of the screen's language (re-renders the component when the language changes). */
export function useT() {
  return useTranslation().t
}

export function useLanguage(): Language {
  const { i18n: current } = useTranslation()
  return isLanguage(current.language) ? current.language : 'et'
}

/** Dates, numbers, money and durations in the screen's language and the shop's time zone. */
export function useFormat(): Formats {
  return formatsFor(useLanguage(), useTimeZone())
}

/**
 * Switches the screens (and the date pickers' dayjs) to a language. Called with the signed-in user's
 * language, or the company's before anyone signs in, when that status arrives — before it renders.
 */
export function applyLanguage(language: Language): void {
  dayjs.locale(language)
  // Screen readers and the browser's hyphenation and spelling follow the page's language.
  document.documentElement.lang = language
  if (i18n.language !== language) void i18n.changeLanguage(language)
}
