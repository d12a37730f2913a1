import type { returns as en } from '../en/returns'
import type { Shape } from '../shape'

export const returns: Shape<typeof en> = {
  title: 'Tagastused',
  exportName: 'tagastused',
  cannotOpen: 'Tagastust ei saa avada',
  list: {
    searchPlaceholder: 'RMA-number või klient',
    anyStatus: 'Kõik olekud',
    statusFilter: 'Olek',
    anyCustomer: 'Kõik kliendid',
    customerFilter: 'Klient',
    anyReason: 'Kõik põhjused',
    reasonFilter: 'Põhjus',
    overdue: 'Tähtaeg ületatud',
    number: 'RMA',
    status: 'Olek',
    customer: 'Klient',
    reason: 'Põhjus',
    created: 'Loodud',
    deadline: 'Tähtaeg',
    lines: 'Oodatud',
    expectedOf: '{{expected}} / {{lines}}'
  },
  find: {
    open: 'Uus tagastus arvelt',
    title: 'Leia arve',
    customer: 'Klient',
    reason: 'Tagastuse põhjus',
    nothing: 'Selle kliendi arvetelt pole enam midagi tagastada.',
    invoice: 'Arve',
    description: 'Kirjeldus',
    price: 'Hind',
    invoiced: 'Arveldatud',
    returnable: 'Tagastatav',
    quantity: 'Tagasta',
    quantityOf: 'Tagastatav kogus: {{description}}',
    create: 'Loo tagastus'
  },
  manual: {
    open: 'Uus tagastus',
    title: 'Uus tagastus käsitsi',
    item: 'Kaup',
    object: 'Hooldusobjekt',
    itemOf: 'Rea {{n}} kaup',
    objectOf: 'Rea {{n}} hooldusobjekt',
    quantityOf: 'Rea {{n}} kogus',
    priceOf: 'Rea {{n}} tagastushind',
    removeLine: 'Eemalda rida {{n}}',
    addLine: 'Lisa rida'
  },
  fromOrder: {
    open: 'Tagasta osad',
    title: 'Tagastus tellimuselt {{number}}',
    onOrder: 'Tellimusel',
    nothing: 'Tellimusel pole ridu kauba ega hooldusobjektiga.',
    created: 'Tagastus {{number}} loodud'
  },
  upFront: {
    menu: 'Asendus ette…',
    title: 'Rea {{lineNo}} asendus ette',
    hint: 'Asendustellimus tehakse kohe; tagastatavat kaupa oodatakse endiselt ja see kontrollitakse saabumisel.',
    save: 'Loo asendustellimus'
  },
  stock: {
    title: 'Tagastuste laoseis',
    exportName: 'tagastuste-laoseis',
    searchPlaceholder: 'Kauba number või nimetus',
    anyLocation: 'Kõik asukohad',
    item: 'Kaup',
    name: 'Nimetus',
    location: 'Asukoht',
    onHand: 'Laos'
  },
  figures: { open: 'avatud', overdue: 'tähtaja ületanud' },
  arrival: {
    open: 'Saabumine',
    title: 'Registreeri saabumine',
    scan: 'Skaneeri RMA-number või seerianumber',
    scanHint: 'Skanner lõpetab Enteriga; kõik veel oodatud read registreeritakse täies koguses.',
    quarantine: 'Karantiini ülevaatuseks',
    registered: 'read {{lines}} registreeritud',
    nothingExpected: 'midagi ei oodatud enam'
  },
  inspection: { title: 'Ülevaatuse järjekord', exportName: 'ulevaatuse-jarjekord', line: 'Rida', arrived: 'Saabus' },
  page: {
    created: 'loodud {{date}}',
    deadline: 'tagastada hiljemalt {{date}}',
    fromOrder: 'Tellimuselt',
    replacementOrder: 'Asendustellimus',
    rmaPdf: 'RMA dokument',
    ackPdf: 'Kinnitus',
    cancel: 'Tühista tagastus',
    cancelTitle: 'Tühistada tagastus {{number}}?',
    cancelConfirm: 'Midagi pole veel saabunud; tagastus märgitakse tühistatuks ja selle koguseid saab uuesti tagastada.',
    item: 'Kaup',
    serial: 'Seerianumber',
    quantity: 'Kogus',
    price: 'Tagastushind',
    invoice: 'Arve',
    status: 'Olek',
    disposition: 'Käsitlus',
    outcome: 'Kreeditarve / tellimus',
    lineActions: 'Rea {{lineNo}} toimingud',
    register: 'Registreeri saabumine…',
    dispose: 'Käsitlus…',
    shipBack: 'Parandatud: saada tagasi',
    timeline: 'Ajajoon'
  },
  register: {
    title: 'Rea {{lineNo}} saabumine',
    quantity: 'Saabus ({{unit}})',
    quarantine: 'Karantiini ülevaatuseks',
    save: 'Registreeri'
  },
  dispose: {
    title: 'Rea {{lineNo}} käsitlus',
    code: 'Käsitluskood',
    note: 'Ülevaatuse märkus',
    date: 'Kuupäev',
    replacementItem: 'Asenduskaup',
    newSerial: 'Asenduse seerianumber',
    save: 'Teosta'
  },
  events: {
    created: 'Tagastus loodud',
    lineRegistered: 'Rida {{lineNo}} registreeritud',
    lineSplit: 'Rida {{lineNo}} eraldatud reast {{detail}} (ülejäänu on veel oodatud)',
    quarantined: 'Rida {{lineNo}} registreeritud karantiini',
    inspected: 'Rida {{lineNo}} üle vaadatud: {{detail}}',
    executed: 'Rida {{lineNo}}: {{detail}} teostatud',
    upFrontReplacement: 'Rea {{lineNo}} asendus saadetud ette',
    opened: 'Tagastus avatud',
    closed: 'Suletud',
    cancelled: 'Tagastus tühistatud'
  },
  setup: {
    groups: { title: 'Tagastuspõhjuste grupid', one: 'Tagastuspõhjuste grupp', usedBy: 'tagastuse põhjused' },
    reasons: {
      title: 'Tagastuse põhjused',
      one: 'Tagastuse põhjus',
      new: 'Uus tagastuse põhjus',
      exportName: 'tagastuse-pohjused',
      group: 'Grupp',
      charge: 'Käsitlustasu',
      chargeCategory: 'Tasu kategooria',
      chargeItem: 'Tasu kaup',
      deleteWhat: 'Tagastuse põhjus kustutatakse; tagastustel kasutatavat põhjust kustutada ei saa.'
    },
    dispositions: {
      title: 'Käsitluskoodid',
      one: 'Käsitluskood',
      new: 'Uus käsitluskood',
      exportName: 'kasitluskoodid',
      action: 'Toiming',
      deleteWhat: 'Käsitluskood kustutatakse; tagastuse ridadel kasutatavat koodi kustutada ei saa.'
    }
  },
  document: {
    rmaTitle: 'Tagastusluba (RMA)',
    ackTitle: 'Tagastuse kinnitus',
    created: 'Loodud',
    deadline: 'Tagastada hiljemalt',
    reason: 'Põhjus',
    status: 'Olek',
    customer: 'Klient',
    item: 'Kaup',
    serial: 'Seerianumber',
    quantity: 'Kogus',
    price: 'Tagastushind',
    invoice: 'Arve',
    outcome: 'Tulemus',
    instructionsTitle: 'Kuidas tagastada',
    instructions: 'Pakkige ülal loetletud kaubad, pange see leht pakki ja kirjutage sildile {{number}}. Saatke hiljemalt {{deadline}}.'
  }
}
