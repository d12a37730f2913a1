import i18next, { type i18n as I18n, type TFunction } from 'i18next'
import { en } from './catalogue/en'
import { et } from './catalogue/et'
import { DEFAULT_LANGUAGE, type Language } from './languages'

/**
 * The one i18next instance of a process: the main process translates errors, PDFs, CSV headers and the
 * CLI with it, the renderer its screens (through react-i18next) — the same catalogues both sides.
 * Initialised synchronously: the catalogues are bundled, nothing is loaded.
 */
export const i18n: I18n = i18next.createInstance()
void i18n.init({
  initAsync: false,
  resources: { en: { translation: en }, et: { translation: et } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  supportedLngs: ['et', 'en'],
  // React escapes; PDFs and CSV are not HTML.
  interpolation: { escapeValue: false },
  returnNull: false
})

export type T = TFunction

/** A translator fixed to one language, for a document, a CSV file or an API answer. */
export const tFor = (language: Language): TFunction => i18n.getFixedT(language)
