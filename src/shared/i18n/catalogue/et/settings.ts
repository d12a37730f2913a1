import type { settings as en } from '../en/settings'
import type { Shape } from '../shape'

export const settings: Shape<typeof en> = {
  company: {
    title: 'Ettevõte',
    name: 'Ettevõtte nimi',
    regNo: 'Registrikood',
    vatNumber: 'KMKR nr',
    address: 'Aadress',
    currency: 'Valuuta',
    timeZone: 'Ajavöönd',
    timeZoneHint: 'Tööaeg, teenusetaseme kellad ja kuupäevad käivad selles ajavööndis',
    language: 'Keel',
    languageHint: 'Uute kasutajate ja klientide ning sisselogimisekraani keel'
  }
}
