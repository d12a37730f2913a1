import type { seeds as en } from '../en/seeds'
import type { Shape } from '../shape'

export const seeds: Shape<typeof en> = {
  stages: {
    NEW: 'Uus',
    SCHEDULED: 'Planeeritud',
    'ON-HOLD': 'Ootel',
    'IN-PROGRESS': 'Töös',
    'WAIT-PARTS': 'Ootab varuosi',
    COMPLETED: 'Lõpetatud',
    CLOSED: 'Suletud'
  },
  stageReasons: {
    'CUST-AWAY': 'Klient pole kättesaadav',
    'NO-ACCESS': 'Objektile ei pääse ligi',
    PARTS: 'Varuosad tellitud',
    'CUST-REQ': 'Kliendi soovil',
    WEATHER: 'Ilm või ohutus',
    DUPLICATE: 'Topelttellimus'
  },
  slaReasons: {
    'CUST-UNAVAIL': 'Klient pole kättesaadav',
    PARTS: 'Ootab varuosi',
    WEATHER: 'Ilm või ohutus',
    WORKLOAD: 'Vaba teenusetehnikut polnud õigel ajal',
    OTHER: 'Muu (vt märkust)'
  },
  intervals: {
    WEEKLY: 'Iga nädal',
    BIWEEKLY: 'Iga 2 nädala järel',
    MONTHLY: 'Iga kuu',
    QUARTERLY: 'Iga 3 kuu järel',
    HALFYEAR: 'Iga 6 kuu järel',
    YEARLY: 'Iga aasta'
  },
  windows: { WEEK: 'Nädala jooksul', MONTH: 'Kuu jooksul', PM3: '± 3 päeva' },
  sequences: {
    customer: 'Kliendid',
    serviceObject: 'Hooldusobjektid',
    worker: 'Töötajad',
    serviceOrder: 'Hooldustellimused',
    invoice: 'Arved',
    creditNote: 'Kreeditarved',
    agreement: 'Teenuselepped',
    returnOrder: 'Tagastustellimused (RMA)',
    subscription: 'Teenuste kordustellimused'
  },
  vatRates: { S: 'Tavamäär 24 %', R13: 'Vähendatud 13 %', R9: 'Vähendatud 9 %', Z: 'Null 0 %' },
  dispositionCodes: {
    'CREDIT-ONLY': 'Ainult kreedit',
    CREDIT: 'Kreedit, tagasi lattu',
    'REPLACE-CREDIT': 'Asendus ja kreedit',
    'REPLACE-SCRAP': 'Asendus ja utiliseerimine',
    RETURN: 'Tagasi kliendile',
    SCRAP: 'Kreedit ja utiliseerimine',
    REPAIR: 'Remont ja tagastus'
  },
  returnReasonGroups: { QUALITY: 'Kvaliteet' },
  returnReasons: { DEFECT: 'Defektne', WRONG: 'Tarniti vale kaup' }
}
