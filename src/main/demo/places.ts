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
  /** The town centre (WGS84) and how far from it the demo spreads addresses. */
  latitude: number
  longitude: number
  radiusKm: number
}

export const CITIES: readonly City[] = [
  {
    name: 'Tallinn',
    latitude: 59.437,
    longitude: 24.7536,
    radiusKm: 5.0,
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
    latitude: 58.378,
    longitude: 26.729,
    radiusKm: 3.0,
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
    latitude: 58.3859,
    longitude: 24.4971,
    radiusKm: 2.5,
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
    latitude: 59.3797,
    longitude: 28.1791,
    radiusKm: 1.5,
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
    latitude: 58.3639,
    longitude: 25.59,
    radiusKm: 1.5,
    genitive: 'Viljandi',
    weight: 4,
    postal: ['71'],
    phone: '43',
    streets: ['Tallinna', 'Tartu', 'Riia mnt', 'Lossi', 'Jakobsoni', 'Vaksali', 'Pärnu mnt', 'Männimäe', 'Ranna pst']
  },
  {
    name: 'Rakvere',
    latitude: 59.3464,
    longitude: 26.3558,
    radiusKm: 1.5,
    genitive: 'Rakvere',
    weight: 4,
    postal: ['44'],
    phone: '32',
    streets: ['Tallinna', 'Pikk', 'Lai', 'Tööstuse', 'Vabaduse', 'Laada', 'Näituse', 'Kastani pst', 'Rägavere tee']
  },
  {
    name: 'Kuressaare',
    latitude: 58.2529,
    longitude: 22.4869,
    radiusKm: 1.5,
    genitive: 'Kuressaare',
    weight: 3,
    postal: ['93'],
    phone: '45',
    streets: ['Tallinna', 'Lossi', 'Kauba', 'Torni', 'Pikk', 'Kohtu', 'Tolli', 'Ringtee', 'Tuule']
  },
  {
    name: 'Haapsalu',
    latitude: 58.9431,
    longitude: 23.5414,
    radiusKm: 1.2,
    genitive: 'Haapsalu',
    weight: 3,
    postal: ['90'],
    phone: '47',
    streets: ['Posti', 'Tallinna mnt', 'Karja', 'Jaama', 'Lahe', 'Kalda', 'Rüütli', 'Õhtu kallas']
  },
  {
    name: 'Jõhvi',
    latitude: 59.3592,
    longitude: 27.4211,
    radiusKm: 1.2,
    genitive: 'Jõhvi',
    weight: 3,
    postal: ['41'],
    phone: '33',
    streets: ['Rakvere', 'Narva mnt', 'Keskväljak', 'Pargi', 'Jaama', 'Tartu mnt', 'Kooli']
  },
  {
    name: 'Võru',
    latitude: 57.8339,
    longitude: 27.0192,
    radiusKm: 1.2,
    genitive: 'Võru',
    weight: 3,
    postal: ['65'],
    phone: '78',
    streets: ['Jüri', 'Tartu', 'Vabaduse', 'Kreutzwaldi', 'Liiva', 'Võidu', 'Räpina mnt']
  },
  {
    name: 'Paide',
    latitude: 58.8856,
    longitude: 25.5572,
    radiusKm: 1.0,
    genitive: 'Paide',
    weight: 2,
    postal: ['72'],
    phone: '38',
    streets: ['Pärnu', 'Tallinna', 'Keskväljak', 'Rüütli', 'Aiavilja', 'Pikk']
  },
  {
    name: 'Maardu',
    latitude: 59.4767,
    longitude: 25.025,
    radiusKm: 1.0,
    genitive: 'Maardu',
    weight: 3,
    postal: ['74'],
    phone: '6',
    streets: ['Keemikute', 'Kallasmaa', 'Nurga', 'Veski', 'Põhja']
  },
  {
    name: 'Keila',
    latitude: 59.3036,
    longitude: 24.4131,
    radiusKm: 1.0,
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

/**
 * Where an address lies: its town's centre moved by an offset derived from the street and house, so that the same
 * address always lands on the same point and drawing it takes nothing from the demo's random stream (adding
 * coordinates did not change any other demo value).
 */
export function coordinatesOf(address: Address): { latitude: number; longitude: number } {
  const city = cityNamed(address.city)
  let h = 2166136261
  for (const ch of `${address.street}|${address.city}`) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI
  const distanceKm = Math.sqrt((h >>> 16) / 0x10000) * city.radiusKm
  const latitude = city.latitude + (distanceKm * Math.cos(angle)) / 111.2
  const longitude = city.longitude + (distanceKm * Math.sin(angle)) / (111.2 * Math.cos((city.latitude * Math.PI) / 180))
  return { latitude: Math.round(latitude * 1e5) / 1e5, longitude: Math.round(longitude * 1e5) / 1e5 }
}

export const formatAddress = (a: Address): string => `${a.street}, ${a.postalCode} ${a.city}`

export function mobilePhone(rnd: Random): string {
  return `+372 5${rnd.digits(3)} ${rnd.digits(4)}`
}

export function landline(rnd: Random, city: City): string {
  const n = city.phone + rnd.digits(7 - city.phone.length)
  return `+372 ${n.slice(0, 3)} ${n.slice(3)}`
}
