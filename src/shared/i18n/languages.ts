/** The languages Hooldus speaks; Estonian first, the default of a new company. */
export const APP_LANGUAGES = ['et', 'en'] as const
export type Language = (typeof APP_LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'et'

export const isLanguage = (v: unknown): v is Language => (APP_LANGUAGES as readonly unknown[]).includes(v)

/**
 * How a CSV file is written. *spreadsheet*: what Excel with Estonian regional settings opens with a
 * double click — semicolons, decimal comma, UTF-8 with a byte-order mark. *standard*: RFC 4180 — commas,
 * decimal point.
 */
export const CSV_DIALECTS = ['spreadsheet', 'standard'] as const
export type CsvDialect = (typeof CSV_DIALECTS)[number]

/** The dialect a user gets until they choose: Estonian Excel for Estonian, RFC 4180 otherwise. */
export const defaultCsvDialect = (language: Language): CsvDialect => (language === 'et' ? 'spreadsheet' : 'standard')
