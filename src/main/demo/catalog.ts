import type { Role } from '@shared/auth/roles'
import type { LANGUAGES, WeekHours, WORKER_ROLES } from '@shared/domain/masterdata'

/** The fixed part of the demo company: skills, catalogue, price categories, tasks, equipment kinds, users. */

export type Language = (typeof LANGUAGES)[number]
export type WorkerRole = (typeof WORKER_ROLES)[number]

export const SKILLS = [
  { code: 'GAS', name: 'Gas boilers' },
  { code: 'HP', name: 'Heat pumps' },
  { code: 'LIFT', name: 'Lifts' },
  { code: 'KITCHEN', name: 'Commercial kitchens' },
  { code: 'REFR', name: 'Refrigeration (F-gas)' },
  { code: 'ELEC', name: 'Electrical' },
  { code: 'VENT', name: 'Ventilation' },
  { code: 'PLC', name: 'PLC and building automation' }
] as const
export type SkillCode = (typeof SKILLS)[number]['code']

export type Segment = 'KEY' | 'COM' | 'RES' | 'PUB'
export const CUSTOMER_GROUPS: readonly { code: Segment; name: string; weight: number }[] = [
  { code: 'KEY', name: 'Key account', weight: 5 },
  { code: 'COM', name: 'Commercial', weight: 50 },
  { code: 'RES', name: 'Residential', weight: 30 },
  { code: 'PUB', name: 'Public sector', weight: 15 }
]

export const OBJECT_GROUPS = [
  { code: 'HEAT', name: 'Heating' },
  { code: 'HP', name: 'Heat pumps' },
  { code: 'LIFT', name: 'Lifts' },
  { code: 'KITCHEN', name: 'Kitchen equipment' },
  { code: 'COLD', name: 'Refrigeration' },
  { code: 'VENT', name: 'Ventilation' },
  { code: 'ELEC', name: 'Electrical installations' },
  { code: 'AUTO', name: 'Automation' }
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
    name: 'Vaillant ecoTEC plus 25 kW gas boiler',
    unit: 'pcs',
    costPrice: 189000,
    salesPrice: 249000,
    serialTracked: true,
    serialPrefix: '2119'
  },
  {
    number: 'VIE-V100W',
    name: 'Viessmann Vitodens 100-W 19 kW gas boiler',
    unit: 'pcs',
    costPrice: 165000,
    salesPrice: 219000,
    serialTracked: true,
    serialPrefix: '7570'
  },
  {
    number: 'BUD-GB172',
    name: 'Buderus Logamax plus GB172-24 gas boiler',
    unit: 'pcs',
    costPrice: 158000,
    salesPrice: 209000,
    serialTracked: true,
    serialPrefix: 'BD'
  },
  {
    number: 'NIB-F2120',
    name: 'NIBE F2120-12 air/water heat pump',
    unit: 'pcs',
    costPrice: 720000,
    salesPrice: 929000,
    serialTracked: true,
    serialPrefix: '0646'
  },
  {
    number: 'MIT-ECODAN8',
    name: 'Mitsubishi Ecodan 8 kW air/water heat pump',
    unit: 'pcs',
    costPrice: 540000,
    salesPrice: 699000,
    serialTracked: true,
    serialPrefix: 'EC'
  },
  {
    number: 'DAI-ALTH3',
    name: 'Daikin Altherma 3 H HT 14 kW heat pump',
    unit: 'pcs',
    costPrice: 830000,
    salesPrice: 1049000,
    serialTracked: true,
    serialPrefix: 'DA'
  },
  {
    number: 'KON-MS500',
    name: 'KONE MonoSpace 500 passenger lift',
    unit: 'pcs',
    costPrice: 3850000,
    salesPrice: 4690000,
    serialTracked: true,
    serialPrefix: 'KNE'
  },
  {
    number: 'SCH-3300',
    name: 'Schindler 3300 passenger lift',
    unit: 'pcs',
    costPrice: 3600000,
    salesPrice: 4390000,
    serialTracked: true,
    serialPrefix: 'SCH'
  },
  {
    number: 'RAT-ICP101',
    name: 'Rational iCombi Pro 10-1/1 combi oven',
    unit: 'pcs',
    costPrice: 1190000,
    salesPrice: 1490000,
    serialTracked: true,
    serialPrefix: 'E11'
  },
  {
    number: 'ELX-GCHD',
    name: 'Electrolux Green&Clean hood-type dishwasher',
    unit: 'pcs',
    costPrice: 690000,
    salesPrice: 879000,
    serialTracked: true,
    serialPrefix: 'EX'
  },
  {
    number: 'HOB-PROFI',
    name: 'Hobart PROFI FXL hood-type dishwasher',
    unit: 'pcs',
    costPrice: 720000,
    salesPrice: 915000,
    serialTracked: true,
    serialPrefix: 'HB'
  },
  {
    number: 'CAR-CR10',
    name: 'Carrier cold room condensing unit 10 kW',
    unit: 'pcs',
    costPrice: 480000,
    salesPrice: 629000,
    serialTracked: true,
    serialPrefix: 'CR'
  },
  {
    number: 'LIE-FKV4143',
    name: 'Liebherr FKv 4143 beverage cooler',
    unit: 'pcs',
    costPrice: 98000,
    salesPrice: 139000,
    serialTracked: true,
    serialPrefix: 'LH'
  },
  {
    number: 'FOS-BCT21',
    name: 'Foster BCT21 blast chiller',
    unit: 'pcs',
    costPrice: 310000,
    salesPrice: 419000,
    serialTracked: true,
    serialPrefix: 'FS'
  },
  {
    number: 'KOM-R400',
    name: 'Komfovent Domekt R 400 home ventilation unit',
    unit: 'pcs',
    costPrice: 185000,
    salesPrice: 259000,
    serialTracked: true,
    serialPrefix: 'KF'
  },
  {
    number: 'SWE-GOLD12',
    name: 'Swegon GOLD RX 12 air handling unit',
    unit: 'pcs',
    costPrice: 1650000,
    salesPrice: 2090000,
    serialTracked: true,
    serialPrefix: 'SW'
  },
  {
    number: 'SIE-S71200',
    name: 'Siemens SIMATIC S7-1200 controller',
    unit: 'pcs',
    costPrice: 62000,
    salesPrice: 89000,
    serialTracked: true,
    serialPrefix: 'SC'
  },
  {
    number: 'APC-SRT5K',
    name: 'APC Smart-UPS SRT 5000 VA',
    unit: 'pcs',
    costPrice: 310000,
    salesPrice: 399000,
    serialTracked: true,
    serialPrefix: 'AS'
  },
  { number: 'P-FILT-G4', name: 'Panel filter G4 592×592', unit: 'pcs', costPrice: 900, salesPrice: 1900, serialTracked: false },
  { number: 'P-FILT-F7', name: 'Bag filter F7 592×592', unit: 'pcs', costPrice: 2400, salesPrice: 4500, serialTracked: false },
  { number: 'P-IGN-EL', name: 'Ignition electrode for gas boilers', unit: 'pcs', costPrice: 1800, salesPrice: 3900, serialTracked: false },
  { number: 'P-GASKET', name: 'Burner gasket set', unit: 'set', costPrice: 1200, salesPrice: 2900, serialTracked: false },
  { number: 'P-EXPV18', name: 'Expansion vessel 18 l', unit: 'pcs', costPrice: 3500, salesPrice: 6900, serialTracked: false },
  { number: 'P-R32', name: 'Refrigerant R32', unit: 'kg', costPrice: 2800, salesPrice: 5900, serialTracked: false },
  { number: 'P-DOORBELT', name: 'Lift door drive belt', unit: 'pcs', costPrice: 4500, salesPrice: 9800, serialTracked: false },
  { number: 'P-CONT25', name: 'Contactor 3-pole 25 A', unit: 'pcs', costPrice: 2200, salesPrice: 4900, serialTracked: false },
  { number: 'P-GASKET-DW', name: 'Door gasket for dishwashers', unit: 'pcs', costPrice: 3900, salesPrice: 7400, serialTracked: false }
]

export const CATEGORIES = [
  { code: 'LAB', name: 'Labour', type: 'hour', unit: 'h', costPrice: 2800, salesPrice: 5500 },
  { code: 'OT', name: 'Overtime', type: 'hour', unit: 'h', costPrice: 4200, salesPrice: 8250 },
  { code: 'TRAVEL', name: 'Travel time', type: 'hour', unit: 'h', costPrice: 2800, salesPrice: 4500 },
  { code: 'KM', name: 'Mileage', type: 'expense', unit: 'km', costPrice: 30, salesPrice: 55 },
  { code: 'PARK', name: 'Parking', type: 'expense', unit: 'pcs', costPrice: 0, salesPrice: 0 },
  { code: 'MAT', name: 'Materials', type: 'expense', unit: 'pcs', costPrice: 0, salesPrice: 0 },
  { code: 'CALLOUT', name: 'Call-out fee', type: 'fee', unit: 'pcs', costPrice: 0, salesPrice: 4900 },
  { code: 'INSP', name: 'Inspection fee', type: 'fee', unit: 'pcs', costPrice: 0, salesPrice: 8900 }
] as const

export const SERVICE_TASKS: readonly { code: string; name: string; description: string; minutes: number; skills: SkillCode[] }[] = [
  {
    code: 'BOILER-ANNUAL',
    name: 'Annual gas boiler service',
    description: 'Clean the burner and heat exchanger, check the flue gas, test safety devices.',
    minutes: 90,
    skills: ['GAS']
  },
  {
    code: 'HP-MAINT',
    name: 'Heat pump maintenance',
    description: 'Check refrigerant pressures, clean the outdoor coil, check the electrical connections.',
    minutes: 120,
    skills: ['HP', 'ELEC']
  },
  {
    code: 'LIFT-INSP',
    name: 'Lift periodic inspection',
    description: 'Statutory periodic inspection with safety gear and brake test.',
    minutes: 180,
    skills: ['LIFT', 'ELEC']
  },
  {
    code: 'LIFT-REPAIR',
    name: 'Lift breakdown repair',
    description: 'Fault finding and repair of a stopped lift.',
    minutes: 240,
    skills: ['LIFT']
  },
  {
    code: 'KITCHEN-PM',
    name: 'Kitchen equipment preventive maintenance',
    description: 'Descale, check heating elements, door gaskets and water connections.',
    minutes: 120,
    skills: ['KITCHEN', 'ELEC']
  },
  {
    code: 'REFR-LEAK',
    name: 'F-gas leak check',
    description: 'Statutory leak check of a refrigeration circuit; record the result in the log book.',
    minutes: 60,
    skills: ['REFR']
  },
  {
    code: 'REFR-SERVICE',
    name: 'Refrigeration service',
    description: 'Clean condensers, check temperatures and defrost, check fans.',
    minutes: 120,
    skills: ['REFR', 'ELEC']
  },
  {
    code: 'VENT-FILTER',
    name: 'Ventilation filter change',
    description: 'Change supply and extract filters, check the fan belts.',
    minutes: 45,
    skills: ['VENT']
  },
  {
    code: 'VENT-ANNUAL',
    name: 'Annual air handling unit service',
    description: 'Clean the unit and heat recovery, measure air flows, check the automation.',
    minutes: 150,
    skills: ['VENT', 'ELEC']
  },
  {
    code: 'PLC-DIAG',
    name: 'PLC diagnostics and backup',
    description: 'Read the alarm history, back up the program, update the firmware when due.',
    minutes: 90,
    skills: ['PLC', 'ELEC']
  },
  {
    code: 'ELEC-INSP',
    name: 'Electrical safety inspection',
    description: 'Insulation and earthing measurements, thermal imaging of the switchboard.',
    minutes: 60,
    skills: ['ELEC']
  },
  {
    code: 'CALLOUT',
    name: 'Emergency call-out',
    description: 'Unplanned visit to a breakdown; find the cause and make safe.',
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
  'Hoolduslepingu klient alates 2019. aastast.',
  'E-arved Omniva kaudu.',
  'Pay within 14 days; reminders to the accountant.',
  'Prefers visits on Tuesdays and Thursdays.',
  'Tellimused ainult kirjaliku ostutellimuse alusel.',
  'Ask for the purchase order number before invoicing.'
]

export const OBJECT_NOTES = [
  'Remote monitoring connected.',
  'Kaugjälgimine ühendatud.',
  'Replaced the control board in the last visit.',
  'Customer has spare filters on site.',
  'Garantiiremont tehtud.',
  'Check the condensate drain every visit.'
]

/** Specialities of the dispatch teams and the skills their technicians have. */
export const TEAM_SPECIALITIES: readonly { code: string; name: string; skills: SkillCode[] }[] = [
  { code: 'HEAT', name: 'Heating', skills: ['GAS', 'HP', 'ELEC'] },
  { code: 'LIFT', name: 'Lifts and automation', skills: ['LIFT', 'ELEC', 'PLC'] },
  { code: 'COLD', name: 'Cooling and kitchens', skills: ['REFR', 'KITCHEN', 'ELEC'] },
  { code: 'VENT', name: 'Ventilation', skills: ['VENT', 'ELEC', 'PLC'] }
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
  { username: 'admin', password: 'demo-admin', displayName: 'Demo Administrator', roles: ['administrator'], worker: null },
  { username: 'manager', password: 'demo-manager', displayName: 'Service manager', roles: ['serviceManager'], worker: 'serviceManager' },
  { username: 'dispatcher', password: 'demo-dispatcher', displayName: 'Dispatcher', roles: ['dispatcher'], worker: 'dispatcher' },
  { username: 'tech', password: 'demo-tech', displayName: 'Technician', roles: ['technician'], worker: 'technician' },
  {
    username: 'consultant',
    password: 'demo-consultant',
    displayName: 'Service consultant',
    roles: ['serviceConsultant'],
    worker: 'serviceConsultant'
  }
]

/* ---------- service orders ---------- */

/** What the shop does on each kind of equipment: planned tasks, typical faults (call-outs) and spare parts. */
export const ORDER_WORK: Record<ObjectGroupCode, { tasks: string[]; faults: string[]; parts: string[] }> = {
  HEAT: {
    tasks: ['BOILER-ANNUAL'],
    faults: ['No hot water', 'Boiler locks out with fault F28', 'Pressure keeps dropping', 'Burner does not ignite'],
    parts: ['P-IGN-EL', 'P-GASKET', 'P-EXPV18']
  },
  HP: {
    tasks: ['HP-MAINT'],
    faults: ['Heat pump in high-pressure alarm', 'Outdoor unit iced up', 'Rooms stay cold'],
    parts: ['P-R32', 'P-CONT25']
  },
  LIFT: {
    tasks: ['LIFT-INSP'],
    faults: ['Lift stopped between floors', 'Door does not close', 'Lift levels badly'],
    parts: ['P-DOORBELT', 'P-CONT25']
  },
  KITCHEN: {
    tasks: ['KITCHEN-PM'],
    faults: ['Dishwasher does not heat', 'Combi oven shows a steam generator error', 'Water leaking under the machine'],
    parts: ['P-GASKET-DW', 'P-CONT25']
  },
  COLD: {
    tasks: ['REFR-LEAK', 'REFR-SERVICE'],
    faults: ['Cold room too warm', 'Compressor short-cycling', 'Ice on the evaporator'],
    parts: ['P-R32', 'P-CONT25']
  },
  VENT: {
    tasks: ['VENT-FILTER', 'VENT-ANNUAL'],
    faults: ['Air handling unit in alarm', 'Loud noise from the supply fan', 'No fresh air in the offices'],
    parts: ['P-FILT-G4', 'P-FILT-F7']
  },
  ELEC: { tasks: ['ELEC-INSP'], faults: ['UPS on battery alarm', 'Breaker trips repeatedly'], parts: ['P-CONT25'] },
  AUTO: {
    tasks: ['PLC-DIAG'],
    faults: ['Controller alarm on the building management system', 'Pumps do not start on schedule'],
    parts: ['P-CONT25']
  }
}

/** Tasks that carry an inspection fee. */
export const INSPECTION_TASKS = new Set(['LIFT-INSP', 'ELEC-INSP', 'REFR-LEAK'])

export const ORDER_NOTES = [
  'Call the contact 30 minutes before arriving.',
  'Keys at the reception; sign the visitor book.',
  'Invoice by e-mail only.',
  'Parking in the courtyard, gate code from the contact.',
  'Bring a ladder; the unit is above the ceiling.',
  'Customer asked for the same technician as last time.'
]

export const LINE_NOTES = [
  'Cleaned and tested, works normally.',
  'Replaced worn part, recommend a check in 6 months.',
  'Measured and recorded in the log book.',
  'Customer shown how to reset the alarm.'
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
    description: 'Annual gas boiler service (template)',
    task: 'BOILER-ANNUAL',
    hours: 1500,
    parts: [
      { item: 'P-GASKET', quantity: 1000 },
      { item: 'P-IGN-EL', quantity: 1000 }
    ],
    fee: null
  },
  {
    description: 'Ventilation filter change (template)',
    task: 'VENT-FILTER',
    hours: 1000,
    parts: [
      { item: 'P-FILT-F7', quantity: 2000 },
      { item: 'P-FILT-G4', quantity: 2000 }
    ],
    fee: null
  },
  { description: 'Lift periodic inspection (template)', task: 'LIFT-INSP', hours: 3000, parts: [], fee: 'INSP' }
]
