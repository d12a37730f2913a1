import type { settings as en } from '../en/settings'
import type { Shape } from '../shape'

export const settings: Shape<typeof en> = {
  company: {
    title: 'Ettevõte',
    name: 'Ettevõtte nimi',
    regNo: 'Registrikood',
    vatNumber: 'KMKR nr',
    currency: 'Valuuta',
    timeZone: 'Ajavöönd',
    timeZoneHint: 'Tööaeg, teenusetaseme kellad ja kuupäevad käivad selles ajavööndis',
    language: 'Keel',
    languageHint: 'Uute kasutajate ja klientide ning sisselogimisekraani keel'
  },
  invoicing: {
    title: 'Ettevõte ja arveldus',
    hint: 'Trükitakse arvetele ja kreeditarvetele ning saadetakse e-arvetega.',
    legalName: 'Ärinimi',
    legalNameHint: 'Nagu äriregistris, nt OÜ või AS-ga; tühjana kasutatakse ettevõtte nime',
    street: 'Tänav ja maja',
    postalCode: 'Postiindeks',
    city: 'Linn',
    country: 'Riik',
    phone: 'Telefon',
    email: 'E-post',
    web: 'Veebileht',
    paymentTerms: 'Maksetähtaeg (päeva)',
    paymentTermsHint: 'Maksetähtaeg = arve kuupäev + see; kliendil võib olla oma',
    footer: 'Arve jalus',
    footerHint: 'Trükitakse iga arve ja kreeditarve lõppu',
    logo: 'Logo',
    logoHint: 'PNG või JPEG, kuni 512 KB; dokumentide päises',
    noLogo: 'Logo puudub',
    uploadLogo: 'Vali pilt',
    removeLogo: 'Eemalda logo',
    logoPreview: 'Logo eelvaade',
    bankAccounts: 'Pangakontod',
    bankAccountsHint: 'Kõik trükitakse arvetele; esimene läheb e-arvetele.',
    noBankAccounts: 'Pangakontosid pole.',
    addBankAccount: 'Lisa pangakonto',
    iban: 'IBAN',
    bankName: 'Pank',
    bic: 'BIC',
    accountIban: 'Pangakonto {{n}} IBAN',
    accountBank: 'Pangakonto {{n}} pank',
    accountBic: 'Pangakonto {{n}} BIC',
    removeAccount: 'Eemalda pangakonto {{n}}'
  },
  page: {
    title: 'Seaded',
    cannotOpen: 'Seadeid ei saa avada',
    unsaved: 'Salvestamata muudatused',
    readOnly: 'Sinu roll võib seadeid vaadata, kuid mitte muuta.',
    conflictTitle: 'Keegi teine muutis',
    conflict:
      'Seaded salvestati mujal pärast seda, kui need avasid. Sinu muudatused on veel ekraanil; laadi uuesti, et näha kehtivat versiooni.',
    reload: 'Laadi uuesti',
    settingsTab: 'Seaded',
    historyTab: 'Ajalugu',
    commonZones: 'Levinud',
    allZones: 'Kõik ajavööndid'
  },
  vat: {
    title: 'Käibemaksumäärad',
    add: 'Lisa käibemaksumäär',
    code: 'Kood',
    name: 'Nimi',
    rate: 'Määr',
    default: 'Vaikimisi',
    rateCode: 'Käibemaksumäära {{n}} kood',
    rateName: 'Käibemaksumäära {{n}} nimi',
    rateRate: 'Käibemaksumäära {{n}} määr',
    rateDefault: 'Käibemaksumäär {{n}} on vaikimisi',
    remove: 'Eemalda käibemaksumäär {{n}}'
  },
  calendar: {
    title: 'Töökalender',
    hint: 'Ettevõtte töönädal; töötajad, kellel pole oma tööaega, järgivad seda.',
    holidays: 'Pühad',
    holidaysHint: 'Kõigi puhkepäevad; salvestatakse kuupäevade järjekorras.',
    noHolidays: 'Pühi pole.'
  },
  travel: {
    title: 'Sõit tööde vahel',
    hint: 'Sõiduaeg = linnulennu kaugus × teetegur ÷ kiirus + püsilisa. Kasutavad planeerimistahvel, päevaleht ja soovitused.',
    roadFactor: 'Teetegur',
    roadFactorHint: 'Teekilomeetreid linnulennu kilomeetri kohta (Eestis tavaliselt 1,3)',
    speed: 'Keskmine kiirus (km/h)',
    speedHint: 'Uksest ukseni, linn ja maantee kokku',
    overhead: 'Lisaaeg sõidu kohta (minutit)',
    overheadHint: 'Parkimine, ukseni kõndimine, registreerimine'
  },
  dispatchSla: {
    title: 'Lähetamine ja teenusetase',
    atRisk: 'Ohus, kui teenusetaseme aega on jäänud kõige rohkem (minutit)',
    atRiskHint: 'Tööaja minutid; loendites ja tahvlil merevaigukollane',
    pastLimit: 'Minevikku planeerimine lubatud (tundi)',
    pastLimitHint: 'Tahvel keeldub kaugemale minevikku paigutamast',
    idle: 'Logi välja jõudeoleku järel (tundi)',
    idleHint: 'Nii kaua kasutamata seanss logitakse välja',
    rmaValidity: 'Tagastuse kehtivus (päeva)',
    rmaValidityHint: 'Tagastuse tähtaeg on loomise kuupäev pluss nii mitu päeva',
    firstTimeFix: 'Esmakordse paranduse aken (päeva)',
    firstTimeFixHint:
      'Suletud tellimus loetakse esimesel korral parandatuks, kui sama objekti ei külastata teise tellimusega nii mitme päeva jooksul',
    reasonRequired: 'Täitmata eesmärgi või tühistatud kella puhul on põhjuse kood kohustuslik',
    slaOnGenerated: 'SLA-kell ka teenuseleppest loodud tellimustel',
    slaOnGeneratedHint: 'Väljas: mõõdetakse ainult käsitsi loodud tellimusi. Kehtib edaspidi loodavatele tellimustele'
  },
  map: {
    title: 'Kaart',
    tileUrl: 'Kaardiplaatide server',
    tileUrlHint:
      'Tühi: tahvli kaardil on lihtne taust linnade nimedega ja midagi ei saadeta välja. OpenStreetMap: https://tile.openstreetmap.org/{z}/{x}/{y}.png (järgi selle kasutustingimusi)',
    attribution: 'Kaardiplaatide viide',
    attributionHint: 'Näidatakse kaardi nurgas; OpenStreetMap nõuab teksti „© OpenStreetMap contributors“'
  },
  users: {
    title: 'Kasutajad',
    one: 'Kasutaja',
    new: 'Uus kasutaja',
    onlyAdmins: 'Kasutajakontosid haldavad ainult administraatorid.',
    search: 'Kasutajanimi või kuvatav nimi',
    anyRole: 'Kõik rollid',
    roleAria: 'Rolli filter',
    username: 'Kasutajanimi',
    name: 'Nimi',
    roles: 'Rollid',
    worker: 'Töötaja',
    lastSignIn: 'Viimati sisse loginud',
    never: 'mitte kunagi',
    inactive: 'mitteaktiivne',
    subtitle: 'Viimati sisse loginud: {{when}}',
    needsPassword: 'Uuel kasutajal peab olema parool',
    displayName: 'Kuvatav nimi',
    linkedWorker: 'Seotud töötaja',
    notAWorker: 'Ei ole töötaja',
    linkedWorkerHint: 'Töötaja, kellena see kasutaja sisse logib (teenusetehnikud näevad oma töid)',
    rolesHint: 'Kasutajal võib olla mitu rolli; õigused liituvad',
    password: 'Parool',
    newPassword: 'Uus parool',
    passwordHint: 'Vähemalt 8 märki',
    keepPassword: 'Jäta tühjaks, et praegune parool alles jätta',
    active: 'Aktiivne (võib sisse logida)',
    activeHint: 'Kasutajaid ei kustutata; deaktiveeri konto, mis ei tohi enam sisse logida',
    ownAccount: 'See on sinu enda konto: administraatori rollita ei saa sa seda kuva enam avada.',
    language: 'Keel',
    languageHint: 'Kuvade, sisedokumentide ja CSV-failide keel',
    csvDialect: 'CSV-failid',
    csvDialectHint: 'Kuidas eksporditud CSV-failid kirjutatakse'
  },
  stages: {
    title: 'Tellimuse etapid',
    one: 'Etapp',
    after: 'Pärast etappi {{name}}',
    initialStage: 'Algetapp',
    deleteWhat: 'etapi (võimalik ainult siis, kui ükski tellimus, järgnev etapp ega ajaloo kirje seda ei kasuta)',
    code: 'Kood',
    name: 'Nimi',
    sortOrder: 'Järjestus',
    comesAfter: 'Järgneb etapile',
    fixedNew: 'Salvestamisel lukus: etapi teisaldamiseks lisa uus ja võta vana kasutusest välja.',
    fixed: 'Salvestamisel lukus.',
    nothingInitial: 'Mitte ühelegi — algetapp',
    inThisStage: 'Selles etapis olev tellimus',
    workflow: 'Töövoog',
    workflowHint: 'Uued tellimused algavad ülemisest etapist. „Järgmine etapp“ pakub etapi alametappe, „Eelmine etapp“ selle ülemetappi.',
    newStage: 'Uus etapp',
    stage: 'Etapp',
    rules: 'Reeglid',
    orders: 'Tellimusi',
    initial: 'algus',
    noChanges: 'Selles etapis ei tohi muuta',
    locked: 'lukus',
    addAfter: 'Lisa etapp pärast etappi {{name}}',
    reasonCodes: 'Põhjuse koodid',
    reasonCodesHint: 'Pakutakse, kui tellimus vahetab etappi; kohustuslik, kui etapp nii nõuab.',
    codeOrName: 'Kood või nimi',
    newReason: 'Uus põhjus',
    flags: {
      canModify: {
        label: 'Muutmine lubatud',
        short: 'muuda',
        explain: 'Selles etapis oleva tellimuse päist ja ridu saab muuta.'
      },
      canDelete: {
        label: 'Tellimusi saab kustutada',
        short: 'kustuta',
        explain: 'Selles etapis oleva tellimuse võib kustutada, kuni sellel pole konteeritud ega tühistatud ridu.'
      },
      canCancel: {
        label: 'Tellimusi saab tühistada',
        short: 'tühista',
        explain: 'Selles etapis võib tühistada tellimuse või selle üksikuid ridu.'
      },
      canPost: {
        label: 'Konteerimine lubatud',
        short: 'konteeri',
        explain: 'Kinnitatud ridu võib selles etapis konteerida (ja siis arveldada).'
      },
      reasonRequired: {
        label: 'Põhjus kohustuslik',
        short: 'põhjus',
        explain: 'Tellimuse viimisel sellesse etappi küsitakse põhjuse koodi.'
      },
      stopsSlaClock: {
        label: 'Peatab teenusetaseme kella',
        short: 'SLA seis',
        explain: 'Selles etapis veedetud aeg ei lähe teenusetaseme leppe arvesse.'
      },
      requiresPlan: {
        label: 'Vajab plaani',
        short: 'plaan',
        explain:
          'Tellimus saab sellesse etappi ainult planeeritud aja või tahvlil oleva külastusega; viimase külastuse eemaldamine viib selle etapi võrra tagasi.'
      },
      waitsForParts: {
        label: 'Ootab varuosi',
        short: 'varuosad',
        explain: 'Selles etapis tellimused ootavad varuosi: tellimuste loendi vaade „Ootab varuosi“ näitab neid.'
      }
    },
    lifecycle: {
      title: 'Tööga kaasas käivad etapid',
      hint: 'Etapp, kuhu tellimus liigub, kui töö planeeritakse, lähetatakse, tehnik jõuab kohale ja töö saab tehtud. Tellimus liigub ainult edasi ega möödu etapist, mis küsib põhjust; tühi väli jätab etapi samaks.',
      planned: 'Planeeritud tahvlil',
      dispatched: 'Lähetatud tehnikule',
      onSite: 'Tehnik kohal',
      done: 'Viimane külastus tehtud',
      doneHint: 'Selles ja järgmistes etappides tellimused on lõpetatud töö: neid pole planeerimata tööde all ja tahvlil on need tuhmid.',
      keep: 'Jäta etapp samaks',
      saved: 'Elutsükli seaded'
    }
  },
  sequences: {
    title: 'Numbriseeriad',
    one: 'Numbriseeria',
    new: 'Uus seeria',
    codeOrName: 'Kood või nimi',
    code: 'Kood',
    name: 'Nimi',
    prefix: 'Eesliide',
    nextNumber: 'Järgmine number',
    nextDocumentGets: 'Järgmine dokument saab',
    next: 'Järgmine: {{preview}}',
    codeHintNew: 'Selle järgi leiab rakendus seeria; loomise järel lukus',
    codeHint: 'Lukus: rakendus leiab seeria selle järgi',
    nameHint: 'Milleks numbrid on',
    prefixExample: 'nt HT-',
    cannotGoBelow: 'Ei saa olla väiksem kui {{n}}',
    digits: 'Numbrikohti',
    zeroPadded: 'Nullidega täidetud'
  }
}
