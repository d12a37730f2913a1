import type { common as en } from '../en/common'
import type { Shape } from '../shape'

export const common: Shape<typeof en> = {
  appName: 'Hooldus',
  save: 'Salvesta',
  cancel: 'Loobu',
  close: 'Sulge',
  delete: 'Kustuta',
  create: 'Loo',
  search: 'Otsi',
  yes: 'Jah',
  no: 'Ei',
  none: '—',
  loading: 'Laadin…',
  saved: '{{what}} salvestatud',
  deleted: '{{what}} kustutatud',
  notSaved: 'Ei salvestatud',
  exportCsv: 'Ekspordi CSV',
  language: 'Keel',
  csvDialect: 'CSV-failid',
  error: 'Viga',
  new: 'Uus',
  reload: 'Laadi uuesti',
  details: 'Andmed',
  history: 'Ajalugu',
  note: 'Märkus',
  keepIt: 'Jäta alles',
  unsavedChanges: 'Salvestamata muudatused',
  changedElsewhere: 'Keegi teine muutis',
  searching: 'Otsin…',
  nothingFound: 'Ei leitud midagi',
  system: 'süsteem',
  datePlaceholder: 'pp.kk.aaaa',
  dateTimePlaceholder: 'pp.kk.aaaa tt:mm',
  notADate: '„{{text}}“ ei ole kuupäev: sisesta pp.kk.aaaa',
  notADateTime: '„{{text}}“ ei ole kuupäev ja kellaaeg: sisesta pp.kk.aaaa tt:mm',
  record: {
    leaveUnsaved: 'Sellel lehel on salvestamata muudatusi. Kas lahkud salvestamata?',
    leave: 'Lahku salvestamata',
    stay: 'Jää lehele',
    cannotOpen: 'Kirjet ei saa avada',
    deleteTitle: 'Kas kustutada {{what}}?',
    deleteMessage: 'See eemaldab: {{what}}. Seda ei saa tagasi võtta; muudatuste ajalugu hoiab koopiat.',
    readOnly: 'Sinu roll saab seda kirjet vaadata, aga mitte muuta.',
    conflict:
      'Seda kirjet salvestati mujal pärast seda, kui sa selle avasid. Sinu muudatused on ekraanil alles; laadi uuesti, et näha kehtivat versiooni.'
  },
  list: {
    total_one: '{{n}} rida',
    total_other: '{{n}} rida',
    totalAtLeast: 'üle {{n}} rea',
    searchAria: 'Otsi: {{what}}',
    noMatches: 'Otsingule ei vasta midagi.',
    empty: 'Siin pole veel midagi.'
  },
  columns: { choose: 'Veerud', reset: 'Vaikimisi veerud' },
  views: {
    button: 'Vaated',
    builtIn: 'Põhivaated',
    saved: 'Salvestatud vaated',
    none: 'Veel pole. Sea filtrid ja salvesta need vaatena.',
    deleteAria: 'Kustuta vaade {{name}}',
    saveMenu: 'Salvesta vaade…',
    dialogTitle: 'Salvesta praegused filtrid vaatena',
    name: 'Vaate nimi',
    nameHint: 'Olemasoleva nimega salvestamine asendab selle vaate.',
    save: 'Salvesta vaade',
    savedNote: 'Vaade „{{name}}“ salvestatud',
    deletedNote: 'Vaade „{{name}}“ kustutatud'
  },
  audit: {
    none: 'Muudatusi pole salvestatud.',
    action: { create: 'loodud', update: 'muudetud', delete: 'kustutatud' }
  },
  holidays: {
    add: 'Lisa püha',
    date: 'Kuupäev',
    name: 'Nimi',
    dateAria: 'Püha {{n}} kuupäev',
    nameAria: 'Püha {{n}} nimi',
    removeAria: 'Eemalda püha {{n}}',
    pickDate: 'Vali kuupäev',
    year: 'Aasta',
    load: 'Laadi riigipühad',
    loadTip:
      'Lisab aasta Eesti riigipühad (ka need, mis olid eemaldatud); ettevõtte enda puhkepäevad jäävad. Salvesta, et need jääksid alles.',
    loaded: '{{year}}. aasta {{count}} riigipüha laaditud — salvesta, et need jääksid alles',
    loadFailed: 'Riigipühi ei õnnestunud laadida'
  },
  weekHours: {
    day: 'Päev',
    open: 'Avatud',
    from: 'Alates',
    to: 'Kuni',
    openAria: '{{day}} avatud',
    fromAria: '{{day}} alates',
    fromHours: '{{day}} alates, tunnid',
    fromMinutes: '{{day}} alates, minutid',
    toAria: '{{day}} kuni',
    toHours: '{{day}} kuni, tunnid',
    toMinutes: '{{day}} kuni, minutid'
  },
  relations: {
    serviceObjects: 'Hooldusobjektid',
    serviceTasks: 'Hooldustööd',
    serviceObject: 'Hooldusobjekt',
    serviceTask: 'Hooldustöö',
    noObjects: 'Seotud hooldusobjekte pole.',
    noObjectsHint: 'Seotud hooldusobjekte pole. {{hint}}',
    noTasks: 'Seotud hooldustöid pole.',
    customerFirst: 'Vali kõigepealt klient',
    addObject: 'Lisa hooldusobjekt…',
    addObjectAria: 'Lisa hooldusobjekt',
    addTask: 'Lisa hooldustöö…',
    addTaskAria: 'Lisa hooldustöö',
    removeAria: 'Eemalda {{label}}',
    serialNo: 'SN {{serial}}'
  },
  errorTitle: {
    VALIDATION: 'Kontrolli sisestust',
    NOT_FOUND: 'Ei leitud',
    CONFLICT: 'Muudeti mujal',
    FORBIDDEN: 'Pole lubatud',
    INTERNAL: 'Midagi läks valesti'
  },
  countries: { eu: 'Euroopa Liit', other: 'Muud riigid' },
  map: {
    pick: 'Asukoht kaardil',
    pickHint: 'Klõpsa kaardil punkti määramiseks; tänava jaoks suumi sisse',
    noPoint: 'Punkt määramata',
    clear: 'Eemalda punkt'
  }
}
