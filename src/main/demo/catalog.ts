import type { Role } from '@shared/auth/roles'
import type { LANGUAGES, WeekHours, WORKER_ROLES } from '@shared/domain/masterdata'

/** The fixed part of the demo company: skills, catalogue, price categories, tasks, equipment kinds, users. */

export type Language = (typeof LANGUAGES)[number]
export type WorkerRole = (typeof WORKER_ROLES)[number]

export const SKILLS = [
  { code: 'GAS', name: 'Gaasikatlad' },
  { code: 'HP', name: 'Soojuspumbad' },
  { code: 'LIFT', name: 'Liftid' },
  { code: 'KITCHEN', name: 'Suurköögiseadmed' },
  { code: 'REFR', name: 'Külmatehnika (F-gaasid)' },
  { code: 'ELEC', name: 'Elektritööd' },
  { code: 'VENT', name: 'Ventilatsioon' },
  { code: 'PLC', name: 'PLC ja hooneautomaatika' }
] as const
export type SkillCode = (typeof SKILLS)[number]['code']

export type Segment = 'KEY' | 'COM' | 'RES' | 'PUB'
export const CUSTOMER_GROUPS: readonly { code: Segment; name: string; weight: number }[] = [
  { code: 'KEY', name: 'Võtmeklient', weight: 5 },
  { code: 'COM', name: 'Äriklient', weight: 50 },
  { code: 'RES', name: 'Eraklient', weight: 30 },
  { code: 'PUB', name: 'Avalik sektor', weight: 15 }
]

export const OBJECT_GROUPS = [
  { code: 'HEAT', name: 'Küte' },
  { code: 'HP', name: 'Soojuspumbad' },
  { code: 'LIFT', name: 'Liftid' },
  { code: 'KITCHEN', name: 'Köögiseadmed' },
  { code: 'COLD', name: 'Külmaseadmed' },
  { code: 'VENT', name: 'Ventilatsioon' },
  { code: 'ELEC', name: 'Elektripaigaldised' },
  { code: 'AUTO', name: 'Automaatika' }
] as const
export type ObjectGroupCode = (typeof OBJECT_GROUPS)[number]['code']

export interface DemoItem {
  number: string
  name: string
  unit: string
  /** Cents. */
  costPrice: number
  salesPrice: number
  serialTracked: boolean
  /** Prefix of the serial numbers of this make. */
  serialPrefix?: string
}

export const ITEMS: readonly DemoItem[] = [
  {
    number: 'VAI-ECO25',
    name: 'Gaasikatel Vaillant ecoTEC plus 25 kW',
    unit: 'tk',
    costPrice: 189000,
    salesPrice: 249000,
    serialTracked: true,
    serialPrefix: '2119'
  },
  {
    number: 'VIE-V100W',
    name: 'Gaasikatel Viessmann Vitodens 100-W 19 kW',
    unit: 'tk',
    costPrice: 165000,
    salesPrice: 219000,
    serialTracked: true,
    serialPrefix: '7570'
  },
  {
    number: 'BUD-GB172',
    name: 'Gaasikatel Buderus Logamax plus GB172-24',
    unit: 'tk',
    costPrice: 158000,
    salesPrice: 209000,
    serialTracked: true,
    serialPrefix: 'BD'
  },
  {
    number: 'NIB-F2120',
    name: 'Õhk-vesi soojuspump NIBE F2120-12',
    unit: 'tk',
    costPrice: 720000,
    salesPrice: 929000,
    serialTracked: true,
    serialPrefix: '0646'
  },
  {
    number: 'MIT-ECODAN8',
    name: 'Õhk-vesi soojuspump Mitsubishi Ecodan 8 kW',
    unit: 'tk',
    costPrice: 540000,
    salesPrice: 699000,
    serialTracked: true,
    serialPrefix: 'EC'
  },
  {
    number: 'DAI-ALTH3',
    name: 'Soojuspump Daikin Altherma 3 H HT 14 kW',
    unit: 'tk',
    costPrice: 830000,
    salesPrice: 1049000,
    serialTracked: true,
    serialPrefix: 'DA'
  },
  {
    number: 'KON-MS500',
    name: 'Reisilift KONE MonoSpace 500',
    unit: 'tk',
    costPrice: 3850000,
    salesPrice: 4690000,
    serialTracked: true,
    serialPrefix: 'KNE'
  },
  {
    number: 'SCH-3300',
    name: 'Reisilift Schindler 3300',
    unit: 'tk',
    costPrice: 3600000,
    salesPrice: 4390000,
    serialTracked: true,
    serialPrefix: 'SCH'
  },
  {
    number: 'RAT-ICP101',
    name: 'Kombiahi Rational iCombi Pro 10-1/1',
    unit: 'tk',
    costPrice: 1190000,
    salesPrice: 1490000,
    serialTracked: true,
    serialPrefix: 'E11'
  },
  {
    number: 'ELX-GCHD',
    name: 'Kuppelnõudepesumasin Electrolux Green&Clean',
    unit: 'tk',
    costPrice: 690000,
    salesPrice: 879000,
    serialTracked: true,
    serialPrefix: 'EX'
  },
  {
    number: 'HOB-PROFI',
    name: 'Kuppelnõudepesumasin Hobart PROFI FXL',
    unit: 'tk',
    costPrice: 720000,
    salesPrice: 915000,
    serialTracked: true,
    serialPrefix: 'HB'
  },
  {
    number: 'CAR-CR10',
    name: 'Külmkambri külmaagregaat Carrier 10 kW',
    unit: 'tk',
    costPrice: 480000,
    salesPrice: 629000,
    serialTracked: true,
    serialPrefix: 'CR'
  },
  {
    number: 'LIE-FKV4143',
    name: 'Jookide jahutuskapp Liebherr FKv 4143',
    unit: 'tk',
    costPrice: 98000,
    salesPrice: 139000,
    serialTracked: true,
    serialPrefix: 'LH'
  },
  {
    number: 'FOS-BCT21',
    name: 'Šokkjahuti Foster BCT21',
    unit: 'tk',
    costPrice: 310000,
    salesPrice: 419000,
    serialTracked: true,
    serialPrefix: 'FS'
  },
  {
    number: 'KOM-R400',
    name: 'Kodune ventilatsiooniseade Komfovent Domekt R 400',
    unit: 'tk',
    costPrice: 185000,
    salesPrice: 259000,
    serialTracked: true,
    serialPrefix: 'KF'
  },
  {
    number: 'SWE-GOLD12',
    name: 'Ventilatsiooniagregaat Swegon GOLD RX 12',
    unit: 'tk',
    costPrice: 1650000,
    salesPrice: 2090000,
    serialTracked: true,
    serialPrefix: 'SW'
  },
  {
    number: 'SIE-S71200',
    name: 'Kontroller Siemens SIMATIC S7-1200',
    unit: 'tk',
    costPrice: 62000,
    salesPrice: 89000,
    serialTracked: true,
    serialPrefix: 'SC'
  },
  {
    number: 'APC-SRT5K',
    name: 'Katkestusvaba toiteallikas APC Smart-UPS SRT 5000 VA',
    unit: 'tk',
    costPrice: 310000,
    salesPrice: 399000,
    serialTracked: true,
    serialPrefix: 'AS'
  },
  { number: 'P-FILT-G4', name: 'Paneelfilter G4 592×592', unit: 'tk', costPrice: 900, salesPrice: 1900, serialTracked: false },
  { number: 'P-FILT-F7', name: 'Kottfilter F7 592×592', unit: 'tk', costPrice: 2400, salesPrice: 4500, serialTracked: false },
  { number: 'P-IGN-EL', name: 'Gaasikatla süüteelektrood', unit: 'tk', costPrice: 1800, salesPrice: 3900, serialTracked: false },
  { number: 'P-GASKET', name: 'Põleti tihendikomplekt', unit: 'kmpl', costPrice: 1200, salesPrice: 2900, serialTracked: false },
  { number: 'P-EXPV18', name: 'Paisupaak 18 l', unit: 'tk', costPrice: 3500, salesPrice: 6900, serialTracked: false },
  { number: 'P-R32', name: 'Külmaaine R32', unit: 'kg', costPrice: 2800, salesPrice: 5900, serialTracked: false },
  { number: 'P-DOORBELT', name: 'Liftiukse ajamirihm', unit: 'tk', costPrice: 4500, salesPrice: 9800, serialTracked: false },
  { number: 'P-CONT25', name: 'Kontaktor, 3-pooluseline, 25 A', unit: 'tk', costPrice: 2200, salesPrice: 4900, serialTracked: false },
  { number: 'P-GASKET-DW', name: 'Nõudepesumasina uksetihend', unit: 'tk', costPrice: 3900, salesPrice: 7400, serialTracked: false }
]

export const CATEGORIES = [
  { code: 'LAB', name: 'Töö', type: 'hour', unit: 'h', costPrice: 2800, salesPrice: 5500 },
  { code: 'OT', name: 'Ületunnitöö', type: 'hour', unit: 'h', costPrice: 4200, salesPrice: 8250 },
  { code: 'TRAVEL', name: 'Sõiduaeg', type: 'hour', unit: 'h', costPrice: 2800, salesPrice: 4500 },
  { code: 'KM', name: 'Läbisõit', type: 'expense', unit: 'km', costPrice: 30, salesPrice: 55 },
  { code: 'PARK', name: 'Parkimine', type: 'expense', unit: 'tk', costPrice: 0, salesPrice: 0 },
  { code: 'MAT', name: 'Materjalid', type: 'expense', unit: 'tk', costPrice: 0, salesPrice: 0 },
  { code: 'CALLOUT', name: 'Väljakutsetasu', type: 'fee', unit: 'tk', costPrice: 0, salesPrice: 4900 },
  { code: 'INSP', name: 'Ülevaatustasu', type: 'fee', unit: 'tk', costPrice: 0, salesPrice: 8900 }
] as const

export const SERVICE_TASKS: readonly { code: string; name: string; description: string; minutes: number; skills: SkillCode[] }[] = [
  {
    code: 'BOILER-ANNUAL',
    name: 'Gaasikatla iga-aastane hooldus',
    description: 'Põleti ja soojusvaheti puhastus, suitsugaaside mõõtmine, kaitseseadmete kontroll.',
    minutes: 90,
    skills: ['GAS']
  },
  {
    code: 'HP-MAINT',
    name: 'Soojuspumba hooldus',
    description: 'Külmaaine rõhkude kontroll, välisosa soojusvaheti puhastus, elektriühenduste kontroll.',
    minutes: 120,
    skills: ['HP', 'ELEC']
  },
  {
    code: 'LIFT-INSP',
    name: 'Lifti korraline kontroll',
    description: 'Seadusjärgne korraline kontroll koos püüdeseadme ja piduri katsetusega.',
    minutes: 180,
    skills: ['LIFT', 'ELEC']
  },
  {
    code: 'LIFT-REPAIR',
    name: 'Lifti rikke kõrvaldamine',
    description: 'Seisma jäänud lifti rikke otsimine ja remont.',
    minutes: 240,
    skills: ['LIFT']
  },
  {
    code: 'KITCHEN-PM',
    name: 'Köögiseadmete ennetav hooldus',
    description: 'Katlakivi eemaldamine, kütteelementide, uksetihendite ja veeühenduste kontroll.',
    minutes: 120,
    skills: ['KITCHEN', 'ELEC']
  },
  {
    code: 'REFR-LEAK',
    name: 'F-gaasi lekkekontroll',
    description: 'Külmaahela seadusjärgne lekkekontroll; tulemus kantakse seadme päevikusse.',
    minutes: 60,
    skills: ['REFR']
  },
  {
    code: 'REFR-SERVICE',
    name: 'Külmaseadme hooldus',
    description: 'Kondensaatorite puhastus, temperatuuride ja sulatuse kontroll, ventilaatorite kontroll.',
    minutes: 120,
    skills: ['REFR', 'ELEC']
  },
  {
    code: 'VENT-FILTER',
    name: 'Ventilatsioonifiltrite vahetus',
    description: 'Sissepuhke- ja väljatõmbefiltrite vahetus, ventilaatori rihmade kontroll.',
    minutes: 45,
    skills: ['VENT']
  },
  {
    code: 'VENT-ANNUAL',
    name: 'Ventilatsiooniagregaadi iga-aastane hooldus',
    description: 'Agregaadi ja soojustagastuse puhastus, õhuhulkade mõõtmine, automaatika kontroll.',
    minutes: 150,
    skills: ['VENT', 'ELEC']
  },
  {
    code: 'PLC-DIAG',
    name: 'PLC diagnostika ja varundus',
    description: 'Alarmide ajaloo läbivaatus, programmi varundus, vajadusel püsivara uuendus.',
    minutes: 90,
    skills: ['PLC', 'ELEC']
  },
  {
    code: 'ELEC-INSP',
    name: 'Elektriohutuse kontroll',
    description: 'Isolatsioonitakistuse ja maanduse mõõtmine, jaotuskilbi termografeerimine.',
    minutes: 60,
    skills: ['ELEC']
  },
  {
    code: 'CALLOUT',
    name: 'Avariiväljakutse',
    description: 'Plaaniväline väljasõit rikke korral; rikke põhjuse leidmine ja seadme ohutuks muutmine.',
    minutes: 120,
    skills: []
  }
]

/** A kind of equipment that can stand at a customer's site, with the components it may have. */
export interface ObjectKind {
  key: string
  group: ObjectGroupCode
  items: string[]
  label: { et: string; en: string }
  locations: { et: string[]; en: string[] }
  warrantyYears: number
  components: { et: string; en: string; prefix: string }[]
}

export const OBJECT_KINDS: readonly ObjectKind[] = [
  {
    key: 'boiler',
    group: 'HEAT',
    items: ['VAI-ECO25', 'VIE-V100W', 'BUD-GB172'],
    label: { et: 'Gaasikatel', en: 'Gas boiler' },
    locations: { et: ['katlaruum', 'kelder', 'tehnoruum', 'köök'], en: ['boiler room', 'basement', 'utility room', 'kitchen'] },
    warrantyYears: 2,
    components: []
  },
  {
    key: 'heatpump',
    group: 'HP',
    items: ['NIB-F2120', 'MIT-ECODAN8', 'DAI-ALTH3'],
    label: { et: 'Õhk-vesi soojuspump', en: 'Air/water heat pump' },
    locations: { et: ['maja taga', 'tehnoruum', 'garaaž'], en: ['behind the house', 'utility room', 'garage'] },
    warrantyYears: 5,
    components: [
      { et: 'Välisosa', en: 'Outdoor unit', prefix: 'OU' },
      { et: 'Siseosa (hüdromoodul)', en: 'Indoor hydro module', prefix: 'IU' }
    ]
  },
  {
    key: 'lift',
    group: 'LIFT',
    items: ['KON-MS500', 'SCH-3300'],
    label: { et: 'Reisilift', en: 'Passenger lift' },
    locations: {
      et: ['trepikoda A', 'trepikoda B', 'peasissepääs', 'hooviosa'],
      en: ['staircase A', 'staircase B', 'main lobby', 'courtyard wing']
    },
    warrantyYears: 2,
    components: [
      { et: 'Veomasin', en: 'Traction machine', prefix: 'TM' },
      { et: 'Ukseajam', en: 'Door operator', prefix: 'DO' },
      { et: 'Juhtkilp', en: 'Lift controller', prefix: 'LC' }
    ]
  },
  {
    key: 'combi',
    group: 'KITCHEN',
    items: ['RAT-ICP101'],
    label: { et: 'Kombiahi', en: 'Combi oven' },
    locations: { et: ['köök', 'valmistusköök', 'söökla'], en: ['kitchen', 'production kitchen', 'canteen'] },
    warrantyYears: 2,
    components: []
  },
  {
    key: 'dishwasher',
    group: 'KITCHEN',
    items: ['ELX-GCHD', 'HOB-PROFI'],
    label: { et: 'Nõudepesumasin', en: 'Dishwasher' },
    locations: { et: ['nõudepesu', 'köök'], en: ['dish room', 'kitchen'] },
    warrantyYears: 2,
    components: []
  },
  {
    key: 'coldroom',
    group: 'COLD',
    items: ['CAR-CR10'],
    label: { et: 'Külmkamber', en: 'Cold room' },
    locations: { et: ['ladu', 'köök', 'kelder'], en: ['store room', 'kitchen', 'basement'] },
    warrantyYears: 2,
    components: [{ et: 'Aurusti', en: 'Evaporator', prefix: 'EV' }]
  },
  {
    key: 'cooler',
    group: 'COLD',
    items: ['LIE-FKV4143'],
    label: { et: 'Jahutuskapp', en: 'Beverage cooler' },
    locations: { et: ['müügisaal', 'baar', 'kohvik'], en: ['shop floor', 'bar', 'café'] },
    warrantyYears: 2,
    components: []
  },
  {
    key: 'blast',
    group: 'COLD',
    items: ['FOS-BCT21'],
    label: { et: 'Šokkjahuti', en: 'Blast chiller' },
    locations: { et: ['köök', 'valmistusköök'], en: ['kitchen', 'production kitchen'] },
    warrantyYears: 2,
    components: []
  },
  {
    key: 'ahu',
    group: 'VENT',
    items: ['SWE-GOLD12'],
    label: { et: 'Ventilatsiooniagregaat', en: 'Air handling unit' },
    locations: { et: ['katusel', 'ventilatsiooniruum', 'pööning'], en: ['roof', 'plant room', 'attic'] },
    warrantyYears: 2,
    components: [
      { et: 'Sissepuhkeventilaator', en: 'Supply fan', prefix: 'SF' },
      { et: 'Väljatõmbeventilaator', en: 'Extract fan', prefix: 'EF' },
      { et: 'Rootorsoojusvaheti', en: 'Rotary heat exchanger', prefix: 'RX' }
    ]
  },
  {
    key: 'hrv',
    group: 'VENT',
    items: ['KOM-R400'],
    label: { et: 'Soojustagastusega ventilatsiooniseade', en: 'Heat recovery ventilation unit' },
    locations: { et: ['pööning', 'tehnoruum', 'garderoob'], en: ['attic', 'utility room', 'wardrobe'] },
    warrantyYears: 2,
    components: []
  },
  {
    key: 'plc',
    group: 'AUTO',
    items: ['SIE-S71200'],
    label: { et: 'Hooneautomaatika kontroller', en: 'Building automation controller' },
    locations: { et: ['automaatikakilp', 'tehnoruum'], en: ['control cabinet', 'plant room'] },
    warrantyYears: 2,
    components: []
  },
  {
    key: 'ups',
    group: 'ELEC',
    items: ['APC-SRT5K'],
    label: { et: 'Katkestusvaba toiteallikas', en: 'UPS' },
    locations: { et: ['serveriruum', 'peajaotuskilp'], en: ['server room', 'main switchboard'] },
    warrantyYears: 3,
    components: []
  }
]

/** How likely each kind of equipment is at a customer of each group. */
export const KIND_WEIGHTS: Record<Segment, Record<string, number>> = {
  RES: { boiler: 6, heatpump: 5, hrv: 3 },
  COM: { boiler: 3, heatpump: 2, lift: 1, combi: 3, dishwasher: 3, coldroom: 2, cooler: 3, blast: 1, ahu: 3, plc: 1, ups: 1 },
  PUB: { boiler: 4, heatpump: 2, lift: 3, combi: 2, dishwasher: 2, coldroom: 1, cooler: 1, ahu: 4, plc: 2, ups: 1 },
  KEY: { boiler: 2, heatpump: 2, lift: 3, combi: 2, dishwasher: 2, coldroom: 3, cooler: 4, blast: 2, ahu: 3, plc: 2, ups: 2 }
}

export const SITE_KINDS = {
  et: [
    'Peakontor',
    'Ladu',
    'Kauplus',
    'Tootmishoone',
    'Büroohoone',
    'Filiaal',
    'Restoran',
    'Külmladu',
    'Õppehoone',
    'Spordihoone',
    'Köögiplokk'
  ],
  en: [
    'Head office',
    'Warehouse',
    'Store',
    'Production hall',
    'Office building',
    'Branch',
    'Restaurant',
    'Cold store',
    'Training centre',
    'Sports hall',
    'Kitchen block'
  ]
}

export const ACCESS_NOTES = {
  et: [
    'Võti on valvelauas.',
    'Helista 15 minutit enne saabumist.',
    'Sissepääs hoovi poolt, uksekood 4711.',
    'Koer aias — helista ette.',
    'Parkimine ainult külalistekohtadel.',
    'Tehnoruumi võti majahoidja käes.',
    'Töö ainult pärast kella 10, hommikul on köögis tipptund.'
  ],
  en: [
    'Key at the reception desk.',
    'Call 15 minutes before arrival.',
    'Enter from the courtyard, door code 4711.',
    'Dog in the garden — call ahead.',
    'Park on the visitor spaces only.',
    'The caretaker has the plant room key.',
    'Work only after 10:00; the kitchen is busy in the morning.'
  ]
}

export const CONTACT_ROLES = {
  et: ['Haldusjuht', 'Tehnikajuht', 'Raamatupidaja', 'Juhataja', 'Köögijuht', 'Majahoidja', 'Kinnisvarahaldur'],
  en: ['Facility manager', 'Technical manager', 'Accountant', 'Managing director', 'Head chef', 'Caretaker', 'Property manager']
}

export const CUSTOMER_NOTES = [
  'Teenuseleppe klient alates 2019. aastast.',
  'E-arved Omniva kaudu.',
  'Maksetähtaeg 14 päeva; meeldetuletused raamatupidajale.',
  'Eelistab külastusi teisipäeviti ja neljapäeviti.',
  'Tellimused ainult kirjaliku ostutellimuse alusel.',
  'Enne arve esitamist küsi ostutellimuse numbrit.'
]

export const OBJECT_NOTES = [
  'Kaugseire ühendatud, alarmid tulevad e-postile.',
  'Kaugjälgimine ühendatud.',
  'Eelmisel külastusel vahetati juhtplaat.',
  'Kliendil on varufiltrid kohapeal.',
  'Garantiiremont tehtud.',
  'Kontrolli igal külastusel kondensaadi äravoolu.'
]

/** Specialities of the dispatch teams and the skills their technicians have. */
export const TEAM_SPECIALITIES: readonly { code: string; name: string; skills: SkillCode[] }[] = [
  { code: 'HEAT', name: 'Küte', skills: ['GAS', 'HP', 'ELEC'] },
  { code: 'LIFT', name: 'Liftid ja automaatika', skills: ['LIFT', 'ELEC', 'PLC'] },
  { code: 'COLD', name: 'Külma- ja köögitehnika', skills: ['REFR', 'KITCHEN', 'ELEC'] },
  { code: 'VENT', name: 'Ventilatsioon', skills: ['VENT', 'ELEC', 'PLC'] }
]

export const TEAM_REGIONS: readonly { code: string; city: string }[] = [
  { code: 'TLN', city: 'Tallinn' },
  { code: 'TRT', city: 'Tartu' },
  { code: 'PRN', city: 'Pärnu' },
  { code: 'NRV', city: 'Narva' },
  { code: 'VLJ', city: 'Viljandi' },
  { code: 'RKV', city: 'Rakvere' },
  { code: 'KRS', city: 'Kuressaare' },
  { code: 'JHV', city: 'Jõhvi' }
]

const day = (open: boolean, start = '08:00', end = '17:00') => ({ open, start, end })

/** Personal calendars of some technicians; the others work the company's hours. */
export const WORKING_HOURS_OPTIONS: readonly WeekHours[] = [
  // Early shift, Monday to Friday
  [
    day(true, '07:00', '15:30'),
    day(true, '07:00', '15:30'),
    day(true, '07:00', '15:30'),
    day(true, '07:00', '15:30'),
    day(true, '07:00', '15:30'),
    day(false),
    day(false)
  ],
  // Four long days
  [
    day(true, '07:00', '17:30'),
    day(true, '07:00', '17:30'),
    day(true, '07:00', '17:30'),
    day(true, '07:00', '17:30'),
    day(false),
    day(false),
    day(false)
  ],
  // Part time, three days
  [day(true, '08:00', '16:00'), day(true, '08:00', '16:00'), day(true, '08:00', '16:00'), day(false), day(false), day(false), day(false)],
  // Tuesday to Saturday
  [day(false), day(true), day(true), day(true), day(true), day(true, '09:00', '15:00'), day(false)]
]

export interface DemoUser {
  username: string
  password: string
  displayName: string
  roles: Role[]
  /** Linked to the first worker with this role (its name becomes the display name). */
  worker: WorkerRole | null
}

/** The demo sign-ins; documented in the README. Passwords meet the 8-character minimum. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', password: 'demo-admin', displayName: 'Demo administraator', roles: ['administrator'], worker: null },
  { username: 'manager', password: 'demo-manager', displayName: 'Teenusehaldur', roles: ['serviceManager'], worker: 'serviceManager' },
  { username: 'dispatcher', password: 'demo-dispatcher', displayName: 'Lähetaja', roles: ['dispatcher'], worker: 'dispatcher' },
  { username: 'tech', password: 'demo-tech', displayName: 'Teenusetehnik', roles: ['technician'], worker: 'technician' },
  {
    username: 'consultant',
    password: 'demo-consultant',
    displayName: 'Teenusenõustaja',
    roles: ['serviceConsultant'],
    worker: 'serviceConsultant'
  }
]

/* ---------- service orders ---------- */

/** What the shop does on each kind of equipment: planned tasks, typical faults (call-outs) and spare parts. */
export const ORDER_WORK: Record<ObjectGroupCode, { tasks: string[]; faults: string[]; parts: string[] }> = {
  HEAT: {
    tasks: ['BOILER-ANNUAL'],
    faults: ['Sooja vett ei tule', 'Katel läheb rikkesse veaga F28', 'Rõhk langeb pidevalt', 'Põleti ei sütti'],
    parts: ['P-IGN-EL', 'P-GASKET', 'P-EXPV18']
  },
  HP: {
    tasks: ['HP-MAINT'],
    faults: ['Soojuspump on kõrgrõhu alarmis', 'Välisosa on jäätunud', 'Ruumid jäävad külmaks'],
    parts: ['P-R32', 'P-CONT25']
  },
  LIFT: {
    tasks: ['LIFT-INSP'],
    faults: ['Lift jäi korruste vahele seisma', 'Uks ei sulgu', 'Lift ei peatu korruse tasandil'],
    parts: ['P-DOORBELT', 'P-CONT25']
  },
  KITCHEN: {
    tasks: ['KITCHEN-PM'],
    faults: ['Nõudepesumasin ei kuumuta', 'Kombiahjul on aurugeneraatori viga', 'Masina alt lekib vett'],
    parts: ['P-GASKET-DW', 'P-CONT25']
  },
  COLD: {
    tasks: ['REFR-LEAK', 'REFR-SERVICE'],
    faults: ['Külmkambris on liiga soe', 'Kompressor lülitub liiga tihti sisse ja välja', 'Aurusti on jäätunud'],
    parts: ['P-R32', 'P-CONT25']
  },
  VENT: {
    tasks: ['VENT-FILTER', 'VENT-ANNUAL'],
    faults: ['Ventilatsiooniagregaat on alarmis', 'Sissepuhkeventilaator müriseb', 'Kontoriruumides pole värsket õhku'],
    parts: ['P-FILT-G4', 'P-FILT-F7']
  },
  ELEC: { tasks: ['ELEC-INSP'], faults: ['UPS töötab akult, alarm', 'Kaitselüliti rakendub korduvalt'], parts: ['P-CONT25'] },
  AUTO: {
    tasks: ['PLC-DIAG'],
    faults: ['Hooneautomaatikasüsteemis kontrolleri alarm', 'Pumbad ei käivitu graafiku järgi'],
    parts: ['P-CONT25']
  }
}

/** Tasks that carry an inspection fee. */
export const INSPECTION_TASKS = new Set(['LIFT-INSP', 'ELEC-INSP', 'REFR-LEAK'])

export const ORDER_NOTES = [
  'Helista kontaktisikule 30 minutit enne saabumist.',
  'Võtmed on valvelauas; kirjuta end külastajate raamatusse.',
  'Arve ainult e-postiga.',
  'Parkimine hoovis, värava koodi annab kontaktisik.',
  'Võta redel kaasa; seade on ripplae kohal.',
  'Klient soovis sama tehnikut mis eelmisel korral.'
]

export const LINE_NOTES = [
  'Puhastatud ja testitud, töötab normaalselt.',
  'Kulunud detail vahetatud, soovitame kontrolli 6 kuu pärast.',
  'Mõõdetud ja kantud seadme päevikusse.',
  'Kliendile näidatud, kuidas alarmi lähtestada.'
]

/** Reusable order templates the office copies lines from. */
export const ORDER_TEMPLATES: readonly {
  description: string
  task: string
  hours: number
  parts: { item: string; quantity: number }[]
  fee: string | null
}[] = [
  {
    description: 'Gaasikatla iga-aastane hooldus (mall)',
    task: 'BOILER-ANNUAL',
    hours: 1500,
    parts: [
      { item: 'P-GASKET', quantity: 1000 },
      { item: 'P-IGN-EL', quantity: 1000 }
    ],
    fee: null
  },
  {
    description: 'Ventilatsioonifiltrite vahetus (mall)',
    task: 'VENT-FILTER',
    hours: 1000,
    parts: [
      { item: 'P-FILT-F7', quantity: 2000 },
      { item: 'P-FILT-G4', quantity: 2000 }
    ],
    fee: null
  },
  { description: 'Lifti korraline kontroll (mall)', task: 'LIFT-INSP', hours: 3000, parts: [], fee: 'INSP' }
]
