/** Units and words of the formatting module. */
export const format = {
  duration: { days: '{{count}} d', hours: '{{count}} h', minutes: '{{count}} min' },
  languages: { et: 'Eesti keel', en: 'English' },
  csvDialects: { spreadsheet: 'Spreadsheet (Estonian): semicolons, decimal comma', standard: 'Standard (RFC 4180): commas, decimal point' }
}
