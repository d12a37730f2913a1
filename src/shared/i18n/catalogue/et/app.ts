import type { app as en } from '../en/app'
import type { Shape } from '../shape'

export const app: Shape<typeof en> = {
  noDatabase: 'Hooldus ei pääse oma andmebaasi juurde: {{message}}',
  nav: {
    menu: 'Menüü',
    sections: {
      service: 'Teenindus',
      customers: 'Kliendid ja seadmed',
      resources: 'Ressursid',
      catalogue: 'Kataloog',
      subscriptionSetup: 'Kordustellimuste seadistus',
      agreementSetup: 'Lepete seadistus',
      administration: 'Haldus'
    },
    managerHome: 'Ülevaade',
    dispatcherHome: 'Täna',
    serviceOrders: 'Hooldustellimused',
    invoices: 'Arved',
    bankStatements: 'Pangaväljavõtted',
    agreements: 'Teenuselepped',
    dispatch: 'Lähetustahvel',
    myWork: 'Minu tööd',
    slas: 'Teenusetaseme lepped',
    slaAtRisk: 'Ohus SLA-d',
    slaCompliance: 'SLA täitmine',
    reports: 'Aruanded',
    subscriptionRevenue: 'Kordustellimuste tulu',
    subscriptionGroups: 'Kordustellimuste grupid',
    subscriptionPrices: 'Kordustellimuste hinnad',
    repairs: 'Paranduste ajalugu',
    repairAnalysis: 'Paranduste analüüs',
    returns: 'Tagastused',
    returnStock: 'Tagastuste laoseis',
    subscriptions: 'Kordustellimused',
    customers: 'Kliendid',
    serviceObjects: 'Hooldusobjektid',
    customerGroups: 'Kliendigrupid',
    objectGroups: 'Objektigrupid',
    workers: 'Töötajad',
    teams: 'Lähetusmeeskonnad',
    skills: 'Oskused',
    items: 'Kaubad',
    categories: 'Kategooriad',
    tasks: 'Hooldustööd',
    agreementGroups: 'Lepete grupid',
    serviceIntervals: 'Hooldusintervallid',
    timeWindows: 'Ajaaknad',
    templateGroups: 'Mallide grupid',
    users: 'Kasutajad',
    sequences: 'Numbriseeriad',
    stages: 'Tellimuse etapid',
    slaReasons: 'SLA põhjuse koodid',
    returnReasons: 'Tagastuse põhjused',
    returnReasonGroups: 'Tagastuspõhjuste grupid',
    dispositionCodes: 'Käsitluskoodid',
    repairCodes: 'Paranduskoodid',
    bomTemplates: 'Koosluse mallid',
    settings: 'Seaded',
    import: 'Andmete import'
  },
  user: {
    signedInAs: 'Sisse logitud: {{username}}',
    signOut: 'Logi välja'
  },
  search: {
    button: 'Tellimused, kliendid, telefonid…',
    placeholder: 'Tellimuse, lepingu või arve nr, nimi, telefon, e-post, aadress, seerianumber…',
    ariaLabel: 'Üldotsing',
    kind: {
      order: 'Tellimus',
      customer: 'Klient',
      contact: 'Kontakt',
      serviceObject: 'Objekt',
      site: 'Asukoht',
      agreement: 'Lepe',
      invoice: 'Arve'
    },
    group: {
      order: 'Hooldustellimused',
      customer: 'Kliendid',
      contact: 'Kontaktid',
      serviceObject: 'Hooldusobjektid',
      site: 'Asukohad',
      agreement: 'Teenuselepped',
      invoice: 'Arved'
    },
    nothingFound: 'Päringule „{{query}}“ ei leitud midagi.',
    hintType: 'Sisesta vähemalt kolm märki; tähed täppidega või ilma, telefoninumbrid tühikutega või ilma.',
    hintMove: 'liikumiseks,',
    hintOpen: 'avamiseks.'
  },
  setup: {
    language: 'Keel',
    title: 'Tere tulemast Hooldusesse',
    intro: 'See andmebaas on uus. Alustamiseks loo administraatori konto.',
    companyName: 'Ettevõtte nimi',
    username: 'Administraatori kasutajanimi',
    displayName: 'Täisnimi',
    password: 'Parool',
    passwordHint: 'Vähemalt 8 märki',
    withDemoData: 'Täida näidisteenindusettevõttega (kliendid, teenusetehnikud, seadmed)',
    demoNote: 'Näidisettevõtte kasutajad ja paroolid on kirjas README-failis.',
    submit: 'Loo administraator'
  },
  signIn: {
    subtitle: '{{company}} — sisselogimine',
    username: 'Kasutajanimi',
    password: 'Parool',
    submit: 'Logi sisse',
    unreachable: 'Hooldusega ei saa ühendust.'
  }
}
