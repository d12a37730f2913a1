import type { Random } from './random'

/** Real Estonian towns and real street names; house numbers and postal codes are made up. */
export interface City {
  name: string
  /** Genitive for names such as "Tallinna Linnaraamatukogu". */
  genitive: string
  weight: number
  /** First two digits of the town's postal codes. */
  postal: readonly string[]
  /** Landline prefix after +372. */
  phone: string
  streets: readonly string[]
}

export const CITIES: readonly City[] = [
  {
    name: 'Tallinn',
    genitive: 'Tallinna',
    weight: 40,
    postal: ['10', '11', '12', '13'],
    phone: '6',
    streets: [
      'Pärnu mnt',
      'Narva mnt',
      'Tartu mnt',
      'Liivalaia',
      'Endla',
      'Mustamäe tee',
      'Sõpruse pst',
      'Akadeemia tee',
      'Peterburi tee',
      'Pirita tee',
      'Kadaka tee',
      'Paldiski mnt',
      'Õismäe tee',
      'Ehitajate tee',
      'Lõõtsa',
      'Järvevana tee',
      'Telliskivi',
      'Kopli',
      'Ädala',
      'Sõle',
      'Väike-Ameerika',
      'Tööstuse',
      'Laki',
      'Pae',
      'Punane',
      'Majaka',
      'Kotka',
      'Tulika',
      'Rävala pst',
      'Ahtri',
      'Mäealuse',
      'Vääna',
      'Männiku tee',
      'Kõrgepinge',
      'Sõjakooli',
      'Tähesaju tee',
      'Mõisa',
      'Põhja pst',
      'Süda',
      'Roosikrantsi',
      'Kaupmehe',
      'Sütiste tee',
      'Töökoja',
      'Kärberi',
      'Läänemere tee',
      'Valukoja',
      'Mõigu',
      'Jõe',
      'Õle',
      'Härgmäe'
    ]
  },
  {
    name: 'Tartu',
    genitive: 'Tartu',
    weight: 15,
    postal: ['50', '51'],
    phone: '7',
    streets: [
      'Riia',
      'Võru',
      'Narva mnt',
      'Raatuse',
      'Ülikooli',
      'Rüütli',
      'Vanemuise',
      'Turu',
      'Aardla',
      'Ropka tee',
      'Tähe',
      'Anne',
      'Kalda tee',
      'Jõe',
      'Soola',
      'Sõbra',
      'Ringtee',
      'Fortuuna',
      'Pepleri',
      'Näituse',
      'Päeva',
      'Mõisavahe',
      'Ihaste tee',
      'Sõpruse pst',
      'Lõunaring'
    ]
  },
  {
    name: 'Pärnu',
    genitive: 'Pärnu',
    weight: 8,
    postal: ['80'],
    phone: '44',
    streets: [
      'Rüütli',
      'Riia mnt',
      'Papiniidu',
      'Tallinna mnt',
      'Lai',
      'Supeluse',
      'Ranna pst',
      'Aia',
      'Mai',
      'Haapsalu mnt',
      'Karja',
      'Akadeemia',
      'Lõuna',
      'Suur-Jõe',
      'Kõrsa',
      'Tööstuse',
      'Õhtu põik'
    ]
  },
  {
    name: 'Narva',
    genitive: 'Narva',
    weight: 6,
    postal: ['20', '21'],
    phone: '35',
    streets: [
      'Tallinna mnt',
      'Kreenholmi',
      'Puškini',
      'Joala',
      'Kangelaste prospekt',
      'Tiimani',
      'Rahu',
      'Daumani',
      'Vestervalli',
      'Jaama',
      'Sõpruse',
      'Kerese',
      'Hariduse'
    ]
  },
  {
    name: 'Viljandi',
    genitive: 'Viljandi',
    weight: 4,
    postal: ['71'],
    phone: '43',
    streets: ['Tallinna', 'Tartu', 'Riia mnt', 'Lossi', 'Jakobsoni', 'Vaksali', 'Pärnu mnt', 'Männimäe', 'Ranna pst']
  },
  {
    name: 'Rakvere',
    genitive: 'Rakvere',
    weight: 4,
    postal: ['44'],
    phone: '32',
    streets: ['Tallinna', 'Pikk', 'Lai', 'Tööstuse', 'Vabaduse', 'Laada', 'Näituse', 'Kastani pst', 'Rägavere tee']
  },
  {
    name: 'Kuressaare',
    genitive: 'Kuressaare',
    weight: 3,
    postal: ['93'],
    phone: '45',
    streets: ['Tallinna', 'Lossi', 'Kauba', 'Torni', 'Pikk', 'Kohtu', 'Tolli', 'Ringtee', 'Tuule']
  },
  {
    name: 'Haapsalu',
    genitive: 'Haapsalu',
    weight: 3,
    postal: ['90'],
    phone: '47',
    streets: ['Posti', 'Tallinna mnt', 'Karja', 'Jaama', 'Lahe', 'Kalda', 'Rüütli', 'Õhtu kallas']
  },
  {
    name: 'Jõhvi',
    genitive: 'Jõhvi',
    weight: 3,
    postal: ['41'],
    phone: '33',
    streets: ['Rakvere', 'Narva mnt', 'Keskväljak', 'Pargi', 'Jaama', 'Tartu mnt', 'Kooli']
  },
  {
    name: 'Võru',
    genitive: 'Võru',
    weight: 3,
    postal: ['65'],
    phone: '78',
    streets: ['Jüri', 'Tartu', 'Vabaduse', 'Kreutzwaldi', 'Liiva', 'Võidu', 'Räpina mnt']
  },
  {
    name: 'Paide',
    genitive: 'Paide',
    weight: 2,
    postal: ['72'],
    phone: '38',
    streets: ['Pärnu', 'Tallinna', 'Keskväljak', 'Rüütli', 'Aiavilja', 'Pikk']
  },
  {
    name: 'Maardu',
    genitive: 'Maardu',
    weight: 3,
    postal: ['74'],
    phone: '6',
    streets: ['Keemikute', 'Kallasmaa', 'Nurga', 'Veski', 'Põhja']
  },
  {
    name: 'Keila',
    genitive: 'Keila',
    weight: 3,
    postal: ['76'],
    phone: '6',
    streets: ['Haapsalu mnt', 'Jaama', 'Piiri', 'Põhja', 'Ülesõidu', 'Pargi']
  }
]

export const cityNamed = (name: string): City => CITIES.find((c) => c.name === name)!

const CITY_WEIGHTS = CITIES.map((c) => [c, c.weight] as const)

export interface Address {
  street: string
  city: string
  postalCode: string
}

export function randomCity(rnd: Random): City {
  return rnd.weighted(CITY_WEIGHTS)
}

export function randomAddress(rnd: Random, city: City = randomCity(rnd), apartment = false): Address {
  let house = String(rnd.int(1, rnd.chance(0.7) ? 60 : 160))
  if (rnd.chance(0.12)) house += rnd.pick(['a', 'b', 'c'])
  if (apartment && rnd.chance(0.6)) house += `-${rnd.int(1, 90)}`
  return { street: `${rnd.pick(city.streets)} ${house}`, city: city.name, postalCode: rnd.pick(city.postal) + rnd.digits(3) }
}

export const formatAddress = (a: Address): string => `${a.street}, ${a.postalCode} ${a.city}`

export function mobilePhone(rnd: Random): string {
  return `+372 5${rnd.digits(3)} ${rnd.digits(4)}`
}

export function landline(rnd: Random, city: City): string {
  const n = city.phone + rnd.digits(7 - city.phone.length)
  return `+372 ${n.slice(0, 3)} ${n.slice(3)}`
}
