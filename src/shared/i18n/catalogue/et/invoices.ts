import type { invoices as en } from '../en/invoices'
import type { Shape } from '../shape'

export const invoices: Shape<typeof en> = {
  title: 'Arved',
  exportName: 'arved',
  invoice: 'Arve',
  creditNote: 'Kreeditarve',
  cannotOpen: 'Arvet ei saa avada',
  credits: 'krediteerib arvet',
  creditedBy: 'krediteeritud arvega',
  downloadPdf: 'Laadi alla PDF',
  createCreditNote: 'Koosta kreeditarve',
  list: {
    searchPlaceholder: 'Number või klient',
    anyCustomer: 'Kõik kliendid',
    customerFilter: 'Kliendi filter',
    anyKind: 'Kõik liigid',
    kindFilter: 'Liigi filter',
    invoices: 'Arved',
    creditNotes: 'Kreeditarved',
    number: 'Nr',
    kind: 'Liik',
    customer: 'Klient',
    date: 'Kuupäev',
    due: 'Tähtaeg',
    net: 'Käibemaksuta',
    vat: 'Käibemaks',
    gross: 'Kokku',
    credit: 'Kreedit',
    creditedBy: 'krediteeritud arvega {{number}}',
    credits: 'krediteerib arvet {{number}}'
  },
  parties: {
    seller: 'Müüja',
    buyer: 'Ostja',
    regNo: 'Registrikood {{number}}',
    vatNo: 'KMKR nr {{number}}',
    date: 'Arve kuupäev',
    due: 'Maksetähtaeg',
    currency: 'Valuuta',
    order: 'Tellimus',
    orders: 'Tellimused'
  },
  lines: {
    order: 'Tellimus',
    type: 'Tüüp',
    description: 'Kirjeldus',
    quantity: 'Kogus',
    unitPrice: 'Ühiku hind',
    net: 'Käibemaksuta',
    vat: 'KM',
    vatAmount: 'Käibemaks',
    netTotal: 'Summa käibemaksuta',
    vatOf: 'Käibemaks {{rate}} summalt {{net}}',
    totalToPay: 'Kokku tasuda',
    totalCredited: 'Kokku krediteeritud'
  },
  credit: {
    title: 'Kas krediteerida {{number}}?',
    created: 'Kreeditarve {{number}} koostatud',
    message_one:
      'Kreeditarve tühistab arve {{number}} täies ulatuses: {{count}} rida, {{gross}} koos käibemaksuga, kliendile {{customer}}. Tellimuste read ({{orders}}) muutuvad uuesti arveldatavaks, et neid parandada ja uuesti arveldada. Arve ise jääb alles.',
    message_other:
      'Kreeditarve tühistab arve {{number}} täies ulatuses: {{count}} rida, {{gross}} koos käibemaksuga, kliendile {{customer}}. Tellimuste read ({{orders}}) muutuvad uuesti arveldatavaks, et neid parandada ja uuesti arveldada. Arve ise jääb alles.',
    date: 'Kreeditarve kuupäev',
    chooseDate: 'Vali kuupäev',
    keep: 'Jäta arve alles',
    create: 'Koosta kreeditarve'
  }
}
