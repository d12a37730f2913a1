import type { intake as en } from '../en/intake'
import type { Shape } from '../shape'

export const intake: Shape<typeof en> = {
  agreement: 'Teenuselepe',
  agreementPlaceholder: 'Ei ole teenuseleppe all',
  panel: {
    title: 'Kliendile kehtib',
    pickCustomer: 'Vali klient (ja hooldusobjektid), et näha, mis talle kehtib.',
    onDate: 'seisuga {{date}}',
    agreements: 'Kehtivad teenuselepped',
    noAgreements: 'Ükski kehtiv teenuselepe seda ei kata.',
    coversAll: 'kõik objektid',
    noSla: 'teenusetaseme leppeta',
    slaFromGroup: '{{sla}} (grupist)',
    link: 'Seo',
    linked: 'Seotud',
    linkSaved: 'Hooldustellimus {{order}} on seotud teenuseleppega {{agreement}}',
    linkAria: 'Seo tellimus teenuseleppega {{number}}',
    warranty: 'Garantii',
    noObjects: 'Vali hooldusobjektid, et näha nende garantiid.',
    warrantyUntil: 'kuni {{date}}',
    warrantyFrom: 'alates {{date}}',
    openOrders: 'Nende objektide avatud tellimused',
    openOrdersCustomer: 'Kliendi avatud tellimused',
    noOpenOrders: 'Puuduvad.',
    moreOpenOrders: 'ja veel {{count}}',
    subscriptions: 'Teenuste kordustellimused',
    noSubscriptions: 'Ükski kordustellimus seda ei kata.',
    wholeCustomer: 'kogu klient',
    objectsCount_one: '{{count}} objekt',
    objectsCount_other: '{{count}} objekti'
  },
  warrantyStatus: {
    active: 'Garantii kehtib',
    notStarted: 'Pole alanud',
    expired: 'Lõppenud',
    unknown: 'Garantii pole märgitud'
  },
  copy: {
    menu: 'Kopeeri teenuseleppest…',
    title: 'Kopeeri teenuseleppe {{number}} read',
    intro: 'Valitud read lisatakse tellimusele {{number}} avatud ridadena teenuseleppe hindadega.',
    date: 'Planeeritud kuupäev',
    dateHint: 'Iga rea kehtivuse piires; tühi = ridadel pole kuupäeva',
    none: 'Teenuseleppel pole ridu.',
    stopped: 'peatatud',
    runs: '{{from}} – {{to}}',
    quantity: 'kogus {{quantity}}',
    copy: 'Kopeeri read',
    chooseLine: 'Vali vähemalt üks rida',
    done_one: '{{count}} rida kopeeritud',
    done_other: '{{count}} rida kopeeritud'
  }
}
