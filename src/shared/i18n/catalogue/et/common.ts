import type { common as en } from '../en/common'
import type { Shape } from '../shape'

export const common: Shape<typeof en> = {
  appName: 'Hooldus',
  save: 'Salvesta',
  cancel: 'Loobu',
  close: 'Sulge',
  delete: 'Kustuta',
  edit: 'Muuda',
  create: 'Loo',
  add: 'Lisa',
  remove: 'Eemalda',
  back: 'Tagasi',
  search: 'Otsi',
  yes: 'Jah',
  no: 'Ei',
  none: '—',
  loading: 'Laadin…',
  rows_one: '{{count}} rida',
  rows_other: '{{count}} rida',
  saved: '{{what}} salvestatud',
  notSaved: 'Ei salvestatud',
  exportCsv: 'Ekspordi CSV',
  language: 'Keel',
  csvDialect: 'CSV-failid',
  errorTitle: {
    VALIDATION: 'Kontrolli sisestust',
    NOT_FOUND: 'Ei leitud',
    CONFLICT: 'Muudeti mujal',
    FORBIDDEN: 'Pole lubatud',
    INTERNAL: 'Midagi läks valesti'
  }
}
