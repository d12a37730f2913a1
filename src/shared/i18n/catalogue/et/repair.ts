import type { repair as en } from '../en/repair'
import type { Shape } from '../shape'

export const repair: Shape<typeof en> = {
  kinds: {
    condition: 'Seisukord',
    symptomArea: 'Sümptomi valdkond',
    symptomCode: 'Sümptom',
    diagnosisArea: 'Diagnoosi valdkond',
    diagnosisCode: 'Diagnoos',
    resolution: 'Lahendus',
    stage: 'Paranduse etapp'
  },
  codes: {
    title: 'Paranduskoodid',
    one: 'Paranduskood',
    new: 'Uus paranduskood',
    kind: 'Liik',
    allKinds: 'Kõik liigid',
    area: 'Valdkond',
    objectGroup: 'Ainult objektigrupile',
    anyGroup: 'Kõik objektigrupid',
    finished: 'Lõpetab',
    finishesRepair: 'See etapp lõpetab paranduse (märgib lõpuaja)',
    deleteWhat: 'paranduskoodi (ei kustu, kui parandusread või koodid seda kasutavad)'
  },
  settings: {
    title: 'Paranduse seaded',
    window: 'Korduv rike (päeva jooksul)',
    resolutionRequired: 'Lõpetatud parandusel peab olema lahendus'
  },
  lines: {
    title: 'Parandusread',
    add: 'Lisa parandusrida',
    editTitle: 'Parandusrida {{lineNo}}',
    none: 'Parandusridu veel ei ole.',
    no: 'Nr',
    object: 'Hooldusobjekt',
    objectNeeded: 'Vali hooldusobjekt',
    noObjects: 'Seo kõigepealt tellimusega hooldusobjekt.',
    technician: 'Tehnik',
    note: 'Märkus',
    finishedAt: 'Lõpetatud',
    repeatOf: 'Kordus: {{order}}'
  },
  suggest: {
    repeatTitle: 'Korduv rike',
    repeatText: 'Sama sümptom sisestati {{date}} tellimusel {{order}}; lahendus: {{resolution}}.',
    noResolution: 'veel puudub',
    fixedBefore: 'Mis on selle mudeli puhul varem aidanud',
    held: '{{name}} — pidas {{held}} korda {{times}}-st'
  },
  replace: {
    button: 'Vaheta osa',
    title: 'Osa vahetus: {{object}}',
    component: 'Komponent',
    componentNeeded: 'Vali vahetatud komponent',
    newItem: 'Uus osa',
    itemNeeded: 'Vali uus osa',
    addToOrder: 'Lisa osa tellimusele (arveldatakse)',
    labour: 'Töö kategooria',
    labourHours: 'Töötunnid',
    save: 'Vaheta',
    noStructure: 'Sellel objektil pole veel kooslust: seo mall objekti lehel.'
  },
  structure: {
    title: 'Kooslus',
    fromTemplate: 'Mallist {{number}}',
    asOf: 'Seisuga',
    now: 'Praegu',
    position: 'Positsioon',
    item: 'Kaup',
    quantity: 'Kogus',
    serial: 'Seerianumber',
    empty: 'Komponente ei ole.',
    attach: 'Mall',
    attachButton: 'Seo mall',
    add: 'Lisa komponent',
    remove: 'Eemalda koos alamkomponentidega',
    compare: 'Muudatused kahe kuupäeva vahel',
    from: 'Alates',
    to: 'Kuni',
    noDifferences: 'Erinevusi ei ole.',
    what: 'Muudatus',
    before: 'Enne',
    after: 'Pärast',
    change: { added: 'Lisatud', removed: 'Eemaldatud', changed: 'Muudetud' },
    history: 'Komponentide ajalugu',
    noHistory: 'Muudatusi veel ei ole.',
    when: 'Millal',
    who: 'Kes',
    order: 'Tellimus',
    kind: { add: 'Lisatud', remove: 'Eemaldatud', replace: 'Vahetatud', serial: 'Seerianumber muudetud', move: 'Teisaldatud' }
  },
  templates: {
    title: 'Koosluse mallid',
    one: 'Koosluse mall',
    new: 'Uus koosluse mall',
    search: 'Number või nimi',
    number: 'Number',
    model: 'Kaubamudel',
    components: 'Komponendid',
    attached: 'Seotud objekte',
    unit: 'Ühik',
    parent: 'Ülemkomponent',
    deleteWhat: 'koosluse malli koos komponentidega',
    attachedNote: 'Seotud hooldusobjektidega ({{count}}): jääb selliseks, nagu see objektide loomisel oli. Muuda objektide kooslusi.'
  },
  history: {
    title: 'Paranduste ajalugu',
    search: 'Hooldusobjekt',
    entered: 'Sisestatud',
    repeatsOnly: 'Ainult korduvad rikked'
  },
  analysis: {
    title: 'Paranduste analüüs',
    from: 'Alates',
    to: 'Kuni',
    model: 'Kaubamudel',
    anyModel: 'Kõik kaubamudelid',
    symptoms: 'Sümptomid',
    resolutions: 'Lahendused',
    count: 'Parandusi',
    cumulative: 'Kumulatiivne %',
    noData: 'Selles perioodis parandusi ei ole.',
    mtbfByItem: 'Keskmine rikete vaheline aeg kaubamudeli järgi',
    mtbfByObject: 'Keskmine rikete vaheline aeg objekti järgi (lühim enne)',
    objects: 'Objekte',
    operatingDays: 'Töötatud päevi',
    failures: 'Rikkeid',
    mtbf: 'MTBF, päeva',
    note: 'Rike on üks hooldustellimus, millel on objekti parandusread. Tööpäevi loetakse paigaldamise kuupäevast.'
  }
}
