import type { enums as en } from '../en/enums'
import type { Shape } from '../shape'

export const enums: Shape<typeof en> = {
  role: {
    administrator: 'Administraator',
    serviceManager: 'Teenusehaldur',
    dispatcher: 'Lähetaja',
    technician: 'Teenusetehnik',
    serviceConsultant: 'Teenusenõustaja'
  },
  workerRole: {
    technician: 'Teenusetehnik',
    serviceConsultant: 'Teenusenõustaja',
    dispatcher: 'Lähetaja',
    serviceManager: 'Teenusehaldur'
  },
  combineRule: {
    agreement: 'Üks hooldustellimus teenuseleppe ja kuupäeva kohta',
    task: 'Üks hooldustellimus hooldustöö ja kuupäeva kohta',
    worker: 'Üks hooldustellimus töötaja ja kuupäeva kohta',
    object: 'Üks hooldustellimus hooldusobjekti ja kuupäeva kohta'
  },
  assignmentStatus: { planned: 'Planeeritud', dispatched: 'Lähetatud', travelling: 'Teel', onSite: 'Kohal', done: 'Tehtud' },
  priority: { high: 'Kõrge', normal: 'Tavaline', low: 'Madal' },
  progress: { inProcess: 'Töös', posted: 'Konteeritud', cancelled: 'Tühistatud' },
  lineType: { hour: 'Tunnid', expense: 'Kulu', item: 'Kaup', fee: 'Tasu' },
  customerLanguage: { et: 'eesti', en: 'inglise', ru: 'vene', fi: 'soome', lv: 'läti', de: 'saksa' },
  slaTarget: { response: 'Reageerimine', arrival: 'Kohalejõudmine', resolution: 'Lahendamine' },
  returnStatus: { created: 'Loodud', open: 'Avatud', closed: 'Suletud', cancelled: 'Tühistatud' },
  returnLineStatus: {
    expected: 'Oodatud',
    registered: 'Registreeritud',
    received: 'Vastu võetud',
    credited: 'Krediteeritud',
    closed: 'Suletud'
  },
  dispositionAction: {
    creditOnly: 'Ainult kreedit',
    credit: 'Kreedit',
    replaceCredit: 'Asendus ja kreedit',
    replaceScrap: 'Asendus ja utiliseerimine',
    returnToCustomer: 'Tagasi kliendile',
    scrap: 'Utiliseerimine',
    repairReturn: 'Remont ja tagastus'
  },
  stockLocation: { stock: 'Laos', quarantine: 'Karantiinis', scrap: 'Utiliseeritud', atCustomer: 'Kliendi juures' },
  periodCode: { day: 'Päev', week: 'Nädal', month: 'Kuu', quarter: 'Kvartal', halfYear: 'Poolaasta', year: 'Aasta' }
}
