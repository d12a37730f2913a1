import type { format as en } from '../en/format'
import type { Shape } from '../shape'

export const format: Shape<typeof en> = {
  duration: { days: '{{count}} p', hours: '{{count}} h', minutes: '{{count}} min' },
  languages: { et: 'Eesti keel', en: 'English' },
  csvDialects: { spreadsheet: 'Tabelarvutus (Eesti): semikoolonid, komakoht', standard: 'Standard (RFC 4180): komad, punkt' }
}
