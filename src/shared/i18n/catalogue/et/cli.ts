import type { cli as en } from '../en/cli'
import type { Shape } from '../shape'

// Arvu järel ainsus: "1 rida" / "5 rida", "1 klient" / "40 klienti".
export const cli: Shape<typeof en> = {
  seeHelp: '{{message}} (vt --help)',
  debugHint: '{{message}} (üksikasjad: HOOLDUS_DEBUG=1)',
  langOption: '--lang peab olema et või en, mitte "{{value}}"',
  needsSubCommand: '"{{group}}" vajab alamkäsku: {{commands}}',
  unknownSubCommand: 'Tundmatu käsk "{{command}}"; proovi "{{commands}}"',
  unknownCommand: 'Tundmatu käsk "{{command}}"',
  foreignOptions: '"{{command}}" ei võta võtit --{{options}}',
  someOptions: 'Mõni võti vajab tähelepanu.',
  noDatabase: 'Andmebaasi {{file}} pole. Loo see käsuga "migrate" või "demo" või anna --db <fail>.',
  backedUp: 'Andmebaasist tehti enne uuendamist varukoopia: {{file}}.',
  noUser: 'Selles andmebaasis pole kasutajat "{{user}}".',
  userDisabled: 'Kasutaja "{{user}}" on suletud.',
  noAdministrator: 'Selles andmebaasis pole aktiivset administraatorit; anna --user <nimi>.',
  langHelp: '  --lang et|en  teadete keel (vaikimisi --user kasutaja oma, muidu ettevõtte oma)',
  positiveNumber: '{{option}} peab olema positiivne arv, mitte "{{value}}"',
  help: {
    intro: 'Hoolduse käsurida: samad teenused ja õiguste kontroll kui rakenduses, andmebaasifaili peal.',
    usage: 'Kasutus: npm run cli -- <käsk> [võtmed]',
    commands: 'Käsud:',
    helpCommand: 'See tekst; ühe käsu kohta "help <käsk>" või "<käsk> --help"',
    everyCommand: 'Kõigi käskude võtmed:',
    db: '  --db <file>   andmebaas (vaikimisi $HOOLDUS_DB, muidu hooldus.db rakenduse andmekaustas)',
    help: '  -h, --help    abi',
    examples: 'Näited:',
    commandUsage: 'Kasutus: npm run cli -- {{usage}} [--db <file>]'
  },
  migrate: {
    summary: 'Loo andmebaas või vii see Hoolduse selle versiooni peale (enne tehakse varukoopia)',
    details: 'Hoolduse uuema versiooni kirjutatud andmebaasi ei avata ja see jääb muutmata.',
    existing: 'Andmebaas {{file}} on skeemi versioonil {{version}}.',
    created: 'Uus andmebaas {{file}} on skeemi versioonil {{version}}.'
  },
  backup: {
    summary: 'Kopeeri andmebaas faili <file>; võib teha ka rakenduse töötamise ajal',
    details: '--force   kirjuta <file> üle, kui see on olemas',
    needsFile: 'backup vajab faili, kuhu kirjutada, nt backup hooldus-2025-06-01.db',
    oneFile: 'backup võtab ühe faili, mitte "{{args}}"',
    sameFile: 'Varukoopia fail ei saa olla andmebaas ise.',
    exists: '{{file}} on juba olemas; ülekirjutamiseks anna --force.',
    noDatabase: 'Andmebaasi {{file}} pole; anna --db <fail>.',
    done: 'Andmebaasist {{file}} tehti varukoopia: {{target}}.'
  },
  demo: {
    summary: 'Täida tühi andmebaas näidis-hooldusettevõttega (mastaap 1 = 80 klienti, 400 hooldusobjekti)',
    details:
      '--scale n       korrutab kliendid, asukohad ja hooldusobjektid (100 = 8000 klienti, umbes 200 000 hooldustellimust)\n' +
      '--seed n        teine seeme annab teise (aga jällegi korratava) ettevõtte\n' +
      '--company name  ettevõtte nimi uue andmebaasi seadetes (vaikimisi "{{company}}")\n' +
      'Andmebaasi, kus on juba kliente või muid põhiandmeid, ei täideta.',
    noArguments: 'demo ei võta argumente, mitte "{{args}}"',
    seed: '--seed peab olema täisarv, mitte "{{value}}"',
    heading: 'Näidisandmed andmebaasis {{file}} (mastaap {{scale}}, {{seconds}} s):',
    masterData: '  {{customers}}, {{sites}}, {{contacts}}, {{serviceObjects}} ({{components}}),',
    workers: '  {{workers}} ({{technicians}} {{teams}}), {{items}}, {{serviceTasks}},',
    orders: '  {{serviceOrders}} ({{weeks}} tagasi kuni 4 nädalat ette; {{lines}}, {{templates}}), {{invoices}}',
    agreements: '  {{agreements}} ({{groups}}; {{lines}}) — nende hooldustellimused loob käsk "agreements generate"',
    gold: 'kuld {{n}}',
    silver: 'hõbe {{n}}',
    bronze: 'pronks {{n}}',
    signIn: 'Sisselogimiseks:',
    nameTaken: '(nimi oli võetud; ei loodud)',
    customers_one: '{{n}} klient',
    customers_other: '{{n}} klienti',
    sites_one: '{{n}} asukoht',
    sites_other: '{{n}} asukohta',
    contacts_one: '{{n}} kontakt',
    contacts_other: '{{n}} kontakti',
    serviceObjects_one: '{{n}} hooldusobjekt',
    serviceObjects_other: '{{n}} hooldusobjekti',
    components_one: '{{n}} komponent',
    components_other: '{{n}} komponenti',
    workers_one: '{{n}} töötaja',
    workers_other: '{{n}} töötajat',
    technicians_one: '{{n}} teenusetehnik',
    technicians_other: '{{n}} teenusetehnikut',
    teams_one: '{{n}} lähetusmeeskonnas',
    teams_other: '{{n}} lähetusmeeskonnas',
    items_one: '{{n}} kaup',
    items_other: '{{n}} kaupa',
    serviceTasks_one: '{{n}} tööülesanne',
    serviceTasks_other: '{{n}} tööülesannet',
    serviceOrders_one: '{{n}} hooldustellimus',
    serviceOrders_other: '{{n}} hooldustellimust',
    weeks_one: '{{n}} nädal',
    weeks_other: '{{n}} nädalat',
    lines_one: '{{n}} rida',
    lines_other: '{{n}} rida',
    templates_one: '{{n}} mall',
    templates_other: '{{n}} malli',
    invoices_one: '{{n}} arve',
    invoices_other: '{{n}} arvet',
    agreements_one: '{{n}} teenuselepe',
    agreements_other: '{{n}} teenuselepet'
  },
  export: {
    summary: 'Kirjuta loend CSV-faili (UTF-8), samade veergudega kui rakenduse "Ekspordi"',
    details:
      '<list>            üks neist: {{lists}}\n' +
      '--q text          otsingutekst nagu loendi otsinguväljal\n' +
      '--filter k=v      loendi filter, nt --filter active=true --filter groupId=2\n' +
      '--user name       tegutse selle kasutajana (vaikimisi esimene aktiivne administraator)\n' +
      '--lang et|en      päiste ja siltide keel (vaikimisi kasutaja oma)\n' +
      '--csv-dialect d   spreadsheet (semikoolonid, komakoht, BOM: Excel Eestis) või standard (RFC 4180);\n' +
      '                  vaikimisi kasutaja oma',
    unknownList: 'Tundmatu loend "{{name}}"; loendid: {{lists}}',
    filterSyntax: '--filter võtab kujul võti=väärtus, mitte "{{value}}"',
    unknownFilter: 'Loendil {{list}} pole filtrit "{{key}}"; filtrid: {{filters}}',
    noFilters: 'Loendil {{list}} pole filtrit "{{key}}"; sellel pole filtreid',
    needsList: 'export vajab loendit: {{lists}}',
    oneList: 'export võtab ühe loendi, mitte "{{args}}"',
    needsOut: 'export vajab võtit --out <fail.csv>',
    lang: '--lang on üks neist: {{languages}}',
    dialect: '--csv-dialect on üks neist: {{dialects}}',
    done: 'Loendist {{list}} eksporditi {{rows}} faili {{file}} (kasutajana {{user}}).',
    rows_one: '{{n}} rida',
    rows_other: '{{n}} rida'
  },
  usersAdd: {
    summary: 'Lisa kasutaja, kes saab rakendusse sisse logida',
    details:
      '--role          {{roles}}; mitme rolli jaoks korda\n' +
      '--password pw   vähemalt 8 märki; parem: jäta see ära ja määra muutuja HOOLDUS_PASSWORD\n' +
      '--worker no     seo kasutaja töötajaga (teenusetehnik näeb oma tööd)\n' +
      '--user name     tegutse selle kasutajana (vaikimisi esimene aktiivne administraator).\n' +
      'Kui andmebaasis pole veel aktiivset administraatorit, peab uus kasutaja saama --role administrator.',
    needsName: 'users add vajab kasutajanime, nt users add mari --name "Mari Maasikas" --role dispatcher',
    oneName: 'users add võtab ühe kasutajanime, mitte "{{args}}"',
    needsPassword: 'Anna parool võtmega --password või muutujas HOOLDUS_PASSWORD',
    noWorker: 'Töötajat {{worker}} pole.',
    firstAdministrator: 'Selles andmebaasis pole aktiivset administraatorit; esimene kasutaja peab saama --role administrator.',
    done: 'Lisati kasutaja "{{user}}" ({{name}}; {{roles}}).',
    doneWithWorker: 'Lisati kasutaja "{{user}}" ({{name}}; {{roles}}), seotud töötajaga {{worker}}.'
  },
  pdf: {
    summary: 'Kirjuta töö kirjeldus, tööakt, arve või kreeditarve PDF-faili, samamoodi kui rakenduses',
    details:
      '<document>      {{documents}}\n' +
      '<number>        hooldustellimuse (SO-…), arve või kreeditarve (INV-…, CRN-…) või tagastuse (RMA-…) number\n' +
      '--out file      kuhu kirjutada (vaikimisi rakenduse pakutud failinimi praeguses kaustas)\n' +
      '--user name     tegutse selle kasutajana (vaikimisi esimene aktiivne administraator); teenusetehnik saab ainult oma tellimusi',
    needsDocument: 'pdf vajab dokumenti ({{documents}}) ja numbrit, nt pdf invoice INV-000012',
    unknownDocument: 'Tundmatu dokument "{{name}}"; dokumendid: {{documents}}',
    needsOrderNumber: 'pdf {{document}} vajab hooldustellimuse numbrit',
    needsInvoiceNumber: 'pdf {{document}} vajab arve numbrit',
    needsCreditNoteNumber: 'pdf {{document}} vajab kreeditarve numbrit',
    oneNumber: 'pdf võtab dokumendi ja ühe numbri, mitte "{{args}}"',
    noOrder: 'Hooldustellimust {{number}} pole.',
    noInvoice: 'Arvet {{number}} pole.',
    noCreditNote: 'Kreeditarvet {{number}} pole.',
    invoiceNotCreditNote: '{{number}} on arve, mitte kreeditarve; kasuta "pdf invoice {{number}}".',
    creditNoteNotInvoice: '{{number}} on kreeditarve, mitte arve; kasuta "pdf credit-note {{number}}".',
    done: '{{document}} {{number}} kirjutati faili {{file}} (kasutajana {{user}}).',
    workDescription: 'Töö kirjeldus',
    workReceipt: 'Tööakt',
    invoice: 'Arve',
    creditNote: 'Kreeditarve',
    returnOrder: 'tagastustellimus (RMA)',
    returnAcknowledgement: 'tagastuse kinnitus',
    needsReturnNumber: 'pdf {{document}} vajab tagastuse RMA-numbrit',
    noReturn: 'Tagastust {{number}} pole.'
  },
  einvoice: {
    summary: 'Kirjuta arve või kreeditarve e-arvena (EN 16931 UBL XML, Peppol BIS Billing 3.0), samamoodi kui rakenduses',
    details:
      '<number>        arve või kreeditarve number (INV-…, CRN-…)\n' +
      '--out file      kuhu kirjutada (vaikimisi rakenduse pakutud failinimi praeguses kaustas)\n' +
      '--user name     tegutse selle kasutajana (vaikimisi esimene aktiivne administraator); vajab arvete vaatamise õigust',
    needsNumber: 'einvoice vajab arve või kreeditarve numbrit, nt einvoice INV-000012',
    oneNumber: 'einvoice võtab ühe numbri, mitte "{{args}}"',
    noInvoice: 'Arvet ega kreeditarvet {{number}} pole.',
    done: 'E-arve {{number}} kirjutati faili {{file}} (kasutajana {{user}}).'
  },
  generate: {
    summary: 'Loo teenuselepetest tulenevad hooldustellimused kuupäevavahemikus (ajastatud käivituseks)',
    details:
      '--from, --to    vahemik, mõlemad päevad kaasa arvatud, kuni kümme aastat\n' +
      '--agreement no  ainult see teenuselepe (mitme jaoks korda); vaikimisi kõik kehtivad teenuselepped\n' +
      '--json          prindi üks JSON-objekt: orders, lines, skipped, conflicts, agreements, orderNumbers …\n' +
      '--user name     tegutse selle kasutajana (vaikimisi esimene aktiivne administraator); vajab loomise õigust\n' +
      'Sama perioodi uuesti käivitamine ei loo midagi kaks korda: varem loodud külastused jäetakse vahele ka siis,\n' +
      'kui nende tellimuse read on vahepeal tühistatud, nihutatud või kustutatud. Iga teenuselepe kirjutatakse\n' +
      'tervikuna, nii et katkenud käivitus jätab alles ainult terviklikud teenuselepped; lõpetamiseks käivita uuesti.',
    noArguments: 'agreements generate ei võta argumente, mitte "{{args}}"',
    needsRange: 'agreements generate vajab võtmeid --from ja --to, nt --from 2026-01-01 --to 2026-03-31',
    noAgreement: 'Teenuselepet {{number}} pole.',
    starting: 'Luuakse hooldustellimusi perioodiks {{from}} … {{to}} kasutajana {{user}} …',
    startingSome: 'Luuakse hooldustellimusi perioodiks {{from}} … {{to}} ({{agreements}}) kasutajana {{user}} …',
    progress: '  teenuselepped {{done}}/{{total}}, {{orders}}',
    nothing: 'Perioodiks {{from}} … {{to}} pole midagi luua: kehtib {{inForce}}, varem loodud {{skipped}} ({{seconds}} s).',
    created: 'Loodi {{orders}} ({{first}} … {{last}}), kokku {{lines}}, {{agreements}} perioodiks {{from}} … {{to}} ({{seconds}} s).',
    outcome: '  {{skipped}} jäeti vahele (varem loodud); {{conflicts}} suletud päeval (märgitud kalendrikonfliktiks); kehtib {{inForce}}.',
    agreements_one: '{{n}} teenuselepe',
    agreements_other: '{{n}} teenuselepet',
    orders_one: '{{n}} hooldustellimus',
    orders_other: '{{n}} hooldustellimust',
    serviceOrders_one: '{{n}} hooldustellimus',
    serviceOrders_other: '{{n}} hooldustellimust',
    lines_one: '{{n}} rida',
    lines_other: '{{n}} rida',
    fromAgreements_one: '{{n}} teenuseleppe põhjal',
    fromAgreements_other: '{{n}} teenuseleppe põhjal',
    occurrences_one: '{{n}} külastus',
    occurrences_other: '{{n}} külastust'
  },
  subscriptions: {
    summary: 'Loo kordustellimuste tasud kuni kuupäevani (ajastatud käivitusteks)',
    details:
      '--to kuupäev    tasud kõigi arveldusperioodide eest, mis algavad sel päeval või varem\n' +
      '--group KOOD    ainult selle grupi kordustellimused; vaikimisi kõik aktiivsed kordustellimused\n' +
      '--json          prindi üks JSON-objekt: created, skipped, subscriptions …\n' +
      '--user nimi     tegutse selle kasutajana (vaikimisi esimene aktiivne administraator)\n' +
      'Iga tasu luuakse kordustellimuse ja perioodi kohta üks kord: uuesti käivitamine, ka pärast katkenud\n' +
      'käivitust, loob ainult puuduvad tasud (vahelejäänud perioodid tehakse järele).',
    noArguments: 'subscriptions generate ei võta argumente, mitte „{{args}}“',
    needsTo: 'subscriptions generate vajab --to, nt --to 2026-03-31',
    noGroup: 'Kordustellimuste gruppi {{code}} ei ole.',
    progress: '  {{done}}/{{total}} kordustellimust, {{created}} tasu loodud',
    done: 'Loodud {{created}} tasu, vahele jäetud {{skipped}} varem loodut, {{subscriptions}} kordustellimust kuni {{to}} ({{seconds}} s).'
  },
  plan: {
    summary: 'Planeeri ülesandefail planeerijaga, ilma andmebaasita',
    details:
      '<instance.json>  tööd, tehnikud, vahetused, oskused, ajaaknad, tähtajad; vorming on failis docs/adr/0020\n' +
      '--seconds N      lõpeta otsing hiljemalt N sekundi pärast (vaikimisi 10)\n' +
      '--seed N         juhuarvude seeme: sama seeme annab sama plaani (vaikimisi 1)\n' +
      '--iterations N   lammuta-ja-ehita-voorude arv pärast esimest plaani (vaikimisi 500)\n' +
      '--json           prindi plaan ühe JSON-objektina: marsruudid, planeerimata tööd, sihifunktsiooni osad, põhjused\n' +
      'Väljumiskood 2: fail ei ole korrektne ülesanne; teade nimetab esimese vea JSON-tee.',
    needsFile: 'plan solve vajab ühte ülesandefaili, nt plan solve instance.json',
    wholeNumber: '{{option}} peab olema täisarv, vähemalt {{min}}, mitte „{{value}}“',
    unreadable: 'Faili {{file}} ei saa lugeda: {{message}}',
    malformed: '{{file}} ei ole korrektne ülesanne: {{path}}: {{message}}',
    done:
      'Planeeritud {{planned}} tööd {{days}} tehniku tööpäevale, planeerimata {{unplanned}}, SLA tähtaegu ületatud {{missed}}; ' +
      'sõitu {{hours}} h, {{km}} km; soovitud ajaakendest hiljem {{late}} min, ületunde {{overtime}} min ({{seconds}} s).',
    unplanned: {
      NO_TECHNICIANS: 'meeskonnas pole tehnikuid',
      WINDOW_INVERTED: 'soovitud ajaaken sulgub enne, kui avaneb',
      NO_LOCATION: 'objektil pole koordinaate',
      NO_QUALIFIED_TECHNICIAN: 'ühelgi tehnikul pole vajalikke oskusi',
      NO_SHIFT: 'ükski sobiv tehnik ei tööta selles ajaaknas',
      NO_ROOM: 'sobivatel tehnikutel pole vaba aega'
    }
  }
}
