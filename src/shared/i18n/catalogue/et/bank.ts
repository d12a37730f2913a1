import type { bank as en } from '../en/bank'
import type { Shape } from '../shape'

export const bank: Shape<typeof en> = {
  title: 'Pangaväljavõtted',
  exportName: 'pangavaljavotted',
  import: 'Impordi väljavõte',
  importedNote: 'Uusi laekumisi: {{fresh}} · varem imporditud: {{known}} · muid kandeid: {{other}}',
  nothingNew: 'Midagi uut ei ole: kõik selle faili laekumised on varem imporditud ({{known}}).',
  list: {
    searchPlaceholder: 'Väljavõte, konto või fail',
    importedAt: 'Imporditud',
    statement: 'Väljavõte',
    account: 'Konto',
    file: 'Fail',
    importedBy: 'Importija',
    entries: 'Laekumisi',
    toReview: 'Üle vaadata',
    confirmed: 'Kinnitatud',
    total: 'Laekunud'
  },
  statement: {
    cannotOpen: 'Väljavõtet ei saa avada',
    imported: 'imporditud {{at}}, importis {{name}}',
    all: 'Kõik',
    date: 'Kuupäev',
    payer: 'Maksja',
    details: 'Viitenumber ja selgitus',
    reference: 'Viitenr {{reference}}',
    amount: 'Summa',
    status: 'Olek',
    invoice: 'Arve',
    chooseInvoice: 'Vali arve',
    invoiceOption: '{{number}} · {{customer}} · tasumata {{open}}',
    selectAll: 'Vali kõik näidatud laekumised',
    selectEntry: 'Vali maksja {{payer}} laekumine',
    confirmSelected: 'Kinnita valitud ({{count}})',
    ignoreSelected: 'Jäta valitud kõrvale',
    needInvoice: 'Kinnitamiseks vali igale valitud laekumisele arve.',
    confirmedNote: 'Kinnitatud laekumisi: {{count}}',
    ignoredNote: 'Kõrvale jäetud laekumisi: {{count}}',
    noEntries: 'Siin laekumisi ei ole.'
  },
  status: {
    matched: 'Sobitatud',
    ambiguous: 'Mitu võimalust',
    unmatched: 'Sobitamata',
    confirmed: 'Kinnitatud',
    ignored: 'Kõrvale jäetud'
  },
  matchedBy: {
    reference: 'viitenumbri järgi',
    invoiceNumber: 'arve numbri järgi',
    amountAndName: 'summa ja nime järgi'
  }
}
