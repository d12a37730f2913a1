import type { Language } from './catalog'
import type { City } from './places'
import type { Random } from './random'

/** Names of people and of (made-up) companies for the demo company's customers and staff. */

const ET_MALE = [
  'Tõnu',
  'Jüri',
  'Mart',
  'Andres',
  'Toomas',
  'Priit',
  'Rein',
  'Tarmo',
  'Margus',
  'Urmas',
  'Aivar',
  'Jaanus',
  'Kalle',
  'Märt',
  'Ülo',
  'Tõnis',
  'Hendrik',
  'Rasmus',
  'Karl',
  'Oskar',
  'Mihkel',
  'Siim',
  'Kaspar',
  'Peeter',
  'Raivo',
  'Indrek',
  'Madis',
  'Meelis',
  'Sander',
  'Taavi'
]
const ET_FEMALE = [
  'Mari',
  'Kadri',
  'Liis',
  'Kertu',
  'Triin',
  'Piret',
  'Helen',
  'Maarja',
  'Anu',
  'Eve',
  'Tiina',
  'Kristiina',
  'Merike',
  'Siiri',
  'Ülle',
  'Õie',
  'Külli',
  'Reet',
  'Kätlin',
  'Mailis',
  'Pille',
  'Katrin',
  'Liina',
  'Signe',
  'Marje',
  'Getter'
]
const ET_LAST = [
  'Tamm',
  'Saar',
  'Sepp',
  'Mägi',
  'Kask',
  'Kukk',
  'Rebane',
  'Ilves',
  'Pärn',
  'Koppel',
  'Lepik',
  'Kuusk',
  'Karu',
  'Põder',
  'Vaher',
  'Luik',
  'Kallas',
  'Lõhmus',
  'Ots',
  'Jõgi',
  'Mänd',
  'Kõiv',
  'Raudsepp',
  'Sild',
  'Org',
  'Männik',
  'Laur',
  'Kivi',
  'Järv',
  'Rätsep',
  'Tõnisson',
  'Sööt',
  'Põldma',
  'Õunapuu',
  'Kütt',
  'Kärner',
  'Müür',
  'Sõber',
  'Kangur',
  'Nõmm',
  'Väli',
  'Lill',
  'Paju',
  'Hunt',
  'Kuusik',
  'Pihlak',
  'Mets',
  'Teder',
  'Aavik',
  'Kägu'
]
const RU_MALE = ['Aleksei', 'Dmitri', 'Sergei', 'Andrei', 'Nikolai', 'Vladimir', 'Igor', 'Maksim', 'Pavel', 'Roman', 'Artjom']
const RU_FEMALE = ['Olga', 'Natalja', 'Irina', 'Jelena', 'Tatjana', 'Svetlana', 'Anna', 'Julia', 'Marina', 'Ljudmila']
const RU_LAST = [
  'Ivanov',
  'Smirnov',
  'Kuznetsov',
  'Petrov',
  'Sokolov',
  'Volkov',
  'Popov',
  'Vassiljev',
  'Fjodorov',
  'Morozov',
  'Pavlov',
  'Kozlov',
  'Orlov',
  'Nikitin',
  'Zahharov',
  'Belov'
]
const EN_MALE = ['John', 'James', 'David', 'Michael', 'Thomas', 'Daniel', 'Mark', 'Peter']
const EN_FEMALE = ['Emma', 'Sarah', 'Laura', 'Emily', 'Hannah', 'Sophie', 'Rachel', 'Kate']
const EN_LAST = ['Smith', 'Wilson', 'Taylor', 'Brown', 'Evans', 'Johnson', 'Walker', 'Wright', 'Harris', 'Clarke']
const FI_MALE = ['Mikko', 'Jukka', 'Matti', 'Timo', 'Antti', 'Janne']
const FI_FEMALE = ['Anna', 'Sanna', 'Päivi', 'Satu', 'Tiina', 'Minna']
const FI_LAST = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Järvinen']

export interface Person {
  first: string
  last: string
  name: string
  language: Language
}

/** A person; Russian-speaking names are more common in Ida-Virumaa, as in life. */
export function randomPerson(rnd: Random, city?: City): Person {
  const eastern = city?.name === 'Narva' || city?.name === 'Jõhvi'
  const language = rnd.weighted<Language>([
    ['et', eastern ? 25 : 72],
    ['ru', eastern ? 70 : 16],
    ['en', 7],
    ['fi', 5]
  ])
  const female = rnd.chance(0.5)
  let first: string
  let last: string
  if (language === 'ru') {
    first = rnd.pick(female ? RU_FEMALE : RU_MALE)
    last = rnd.pick(RU_LAST) + (female ? 'a' : '')
  } else if (language === 'en') {
    first = rnd.pick(female ? EN_FEMALE : EN_MALE)
    last = rnd.pick(EN_LAST)
  } else if (language === 'fi') {
    first = rnd.pick(female ? FI_FEMALE : FI_MALE)
    last = rnd.pick(FI_LAST)
  } else {
    first = rnd.pick(female ? ET_FEMALE : ET_MALE)
    last = rnd.pick(ET_LAST)
  }
  return { first, last, name: `${first} ${last}`, language }
}

/**
 * A member of the demo company's own staff: an Estonian name (the shop is Estonian; its customers are
 * mixed), never one already `taken` — a dispatcher who sees two "Eve Kärner" on the board cannot tell
 * them apart. 56 first names × 50 surnames leave room for the largest demo (about 250 staff).
 */
export function staffPerson(rnd: Random, taken: Set<string>): Person {
  for (;;) {
    const female = rnd.chance(0.5)
    const first = rnd.pick(female ? ET_FEMALE : ET_MALE)
    const last = rnd.pick(ET_LAST)
    const name = `${first} ${last}`
    if (taken.has(name)) continue
    taken.add(name)
    return { first, last, name, language: 'et' }
  }
}

const ET_STEMS = [
  'Kase',
  'Männi',
  'Tamme',
  'Kuuse',
  'Pärna',
  'Vahtra',
  'Põhja',
  'Lõuna',
  'Ida',
  'Lääne',
  'Järve',
  'Mere',
  'Ranna',
  'Kalevi',
  'Sõpruse',
  'Õnne',
  'Päikese',
  'Tähe',
  'Metsa',
  'Välja',
  'Kivi',
  'Raua',
  'Vase',
  'Kulla',
  'Hõbe',
  'Jõe',
  'Silla',
  'Oru',
  'Mäe',
  'Saare',
  'Ülemiste',
  'Kadrioru',
  'Toompea',
  'Emajõe',
  'Pirita',
  'Nõmme',
  'Kristiine',
  'Vanalinna',
  'Raekoja',
  'Turu',
  'Sadama',
  'Veski',
  'Aia',
  'Lille',
  'Karu',
  'Ilvese',
  'Rebase',
  'Kotka',
  'Luige',
  'Tuule',
  'Vikerkaare',
  'Koidu',
  'Õue',
  'Rukki',
  'Linnu',
  'Kalda',
  'Pae',
  'Liiva',
  'Allika',
  'Nurme'
]
const ET_TRADES = [
  'Kinnisvara',
  'Kohvik',
  'Restoran',
  'Hotell',
  'Pagariäri',
  'Toiduaine',
  'Lihatööstus',
  'Piimatööstus',
  'Kaubandus',
  'Logistika',
  'Ehitus',
  'Majutus',
  'Spaa',
  'Kliinik',
  'Apteek',
  'Autokeskus',
  'Pesula',
  'Ärimaja',
  'Toitlustus',
  'Kondiitriäri',
  'Köögid',
  'Grill',
  'Pubi',
  'Külmhoone',
  'Tervisekeskus',
  'Hambakliinik',
  'Kaubanduskeskus'
]
const EN_ADJ = [
  'Baltic',
  'Nordic',
  'Northern',
  'Harbour',
  'Old Town',
  'Amber',
  'Seaside',
  'Green',
  'Silver',
  'Polar',
  'Midtown',
  'Riverside',
  'Oak',
  'Pine',
  'Granite',
  'Lakeside',
  'Blue Line',
  'Forest',
  'Hanseatic',
  'Bright'
]
const EN_NOUNS = [
  'Foods',
  'Logistics',
  'Hotels',
  'Properties',
  'Kitchens',
  'Cold Chain',
  'Bakery',
  'Fitness',
  'Offices',
  'Retail',
  'Storage',
  'Brewing',
  'Dental',
  'Coffee',
  'Catering',
  'Real Estate'
]
const KEY_TRADES = ['Hotellid', 'Kinnisvarahaldus', 'Kaubanduskeskused', 'Ärikeskused', 'Toidukaubandus', 'Restoranid', 'Tervishoid']
const KINDERGARTENS = [
  'Päikesekiir',
  'Mõmmik',
  'Sipsik',
  'Naerulind',
  'Pääsupesa',
  'Rõõmupesa',
  'Õunake',
  'Mürakaru',
  'Tähekese',
  'Lepatriinu'
]
const INSTITUTIONS = [
  'Linnavalitsus',
  'Linnaraamatukogu',
  'Spordikeskus',
  'Ujula',
  'Haigla',
  'Kultuurimaja',
  'Muusikakool',
  'Kunstikool',
  'Gümnaasium',
  'Põhikool',
  'Hooldekodu',
  'Päästekomando',
  'Noortekeskus',
  'Sotsiaalmaja'
]

export interface CompanyName {
  name: string
  language: Language
}

export function commercialName(rnd: Random, city: City): CompanyName {
  if (rnd.chance(0.22)) {
    return { name: `${rnd.pick(EN_ADJ)} ${rnd.pick(EN_NOUNS)} ${rnd.chance(0.75) ? 'OÜ' : 'AS'}`, language: rnd.chance(0.6) ? 'en' : 'et' }
  }
  const legal = rnd.chance(0.8) ? 'OÜ' : 'AS'
  const stem = rnd.chance(0.2) ? city.genitive : rnd.pick(ET_STEMS)
  return { name: `${stem} ${rnd.pick(ET_TRADES)} ${legal}`, language: city.name === 'Narva' && rnd.chance(0.5) ? 'ru' : 'et' }
}

export function keyAccountName(rnd: Random): CompanyName {
  if (rnd.chance(0.3)) return { name: `${rnd.pick(EN_ADJ)} ${rnd.pick(EN_NOUNS)} Group AS`, language: 'en' }
  return { name: `${rnd.pick(ET_STEMS)} ${rnd.pick(KEY_TRADES)} AS`, language: 'et' }
}

export function publicSectorName(rnd: Random, city: City): CompanyName {
  const r = rnd.next()
  if (r < 0.25) return { name: `${city.genitive} Lasteaed ${rnd.pick(KINDERGARTENS)}`, language: 'et' }
  if (r < 0.35 && city.name === 'Tallinn') return { name: `Tallinna ${rnd.int(1, 64)}. Kool`, language: 'et' }
  return { name: `${city.genitive} ${rnd.pick(INSTITUTIONS)}`, language: 'et' }
}

/** Housing associations own most lifts and boiler rooms of apartment blocks. */
export function housingAssociationName(street: string): CompanyName {
  return { name: `Korteriühistu ${street}`, language: 'et' }
}

const ASCII: Record<string, string> = { õ: 'o', ä: 'a', ö: 'o', ü: 'u', š: 's', ž: 'z' }

/** "Kase Pagariäri OÜ" → "kase-pagariari" (for made-up e-mail domains). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[õäöüšž]/g, (c) => ASCII[c] ?? c)
    .replace(/\b(oü|ou|as|mtü|group)\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
