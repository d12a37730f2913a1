import type { validation as en } from '../en/validation'
import type { Shape } from '../shape'

export const validation: Shape<typeof en> = {
  summary: 'Mõni väli vajab tähelepanu.',
  filters: 'Mõni filter ei sobi.',
  required: 'Kohustuslik',
  invalid: 'Sobimatu väärtus',
  invalidType: 'Sobimatu väärtus',
  invalidOption: 'Vali üks võimalustest',
  unknownField: 'Tundmatu väli: {{keys}}',
  tooShort: 'Vähemalt {{minimum}} märki',
  tooLong: 'Kuni {{maximum}} märki',
  tooSmall: 'Vähemalt {{minimum}}',
  tooBig: 'Kuni {{maximum}}',
  tooFewItems: 'Vaja on vähemalt {{minimum}}',
  tooManyItems: 'Lubatud on kuni {{maximum}}',
  notInteger: 'Täisarv',
  notText: 'Sisaldab NUL-märki või katkist (paarita surrogaat-) märki',
  codeChars: 'Ainult tähed, numbrid, punkt, sidekriips ja allkriips',
  email: 'Sobimatu e-posti aadress',
  wholeCents: 'Ainult täissendid',
  negative: 'Ei saa olla negatiivne',
  tooLarge: 'Liiga suur',
  dateFormat: 'Kasuta vormingut PP.KK.AAAA',
  notCalendarDate: 'Sellist kuupäeva pole',
  timeFormat: 'Kasuta vormingut TT:MM',
  endBeforeStart: 'Lõpp ei saa olla enne algust'
}
