import type { context as en } from '../en/context'
import type { Shape } from '../shape'

export const context: Shape<typeof en> = {
  customer: {
    ordersTab: 'Hooldustellimused',
    agreementsTab: 'Teenuselepped',
    slaTab: 'Teenusetaseme lepe',
    openBalance: 'Tasumata {{amount}}',
    overdueBalance: 'tähtaja ületanud {{amount}}',
    defaultSla: 'Vaikimisi teenusetaseme lepe',
    defaultSlaNone: 'Puudub — teenuseleppeta tellimustel tähtaegu ei jälgita',
    defaultSlaFrom: 'kliendigrupist {{group}}',
    noGroup: 'Klient ei kuulu ühtegi gruppi.',
    agreementSlas: 'Kehtivad teenuselepped ja nende teenusetaseme lepe',
    compliance: 'Tähtaegadest kinnipidamine, viimased 12 kuud',
    exportOrders: 'hooldustellimused-{{number}}',
    exportAgreements: 'teenuselepped-{{number}}',
    exportCompliance: 'teenusetase-{{number}}'
  },
  object: {
    historyTab: 'Hooldusajalugu',
    lastVisit: 'Viimane külastus',
    nextVisit: 'Järgmine planeeritud külastus',
    none: 'puudub',
    orders: 'Hooldustellimused',
    ordersCount: 'kokku {{count}}, avatud {{open}}',
    coveredBy: 'Teenuselepe',
    notCovered: 'kehtivat ei ole',
    warranty: 'Garantii',
    search: 'Otsi tellimustest ja ridadest',
    exportName: 'hooldusajalugu-{{number}}',
    col: {
      date: 'Kuupäev',
      order: 'Tellimus',
      stage: 'Etapp',
      type: 'Liik',
      line: 'Tööd ja varuosad',
      quantity: 'Kogus',
      worker: 'Tehnik',
      lineDate: 'Tehtud / plaanis'
    },
    noLines: 'selle objekti ridu veel pole'
  },
  order: {
    otherOpen: 'Teised avatud tellimused nendel objektidel',
    otherOpenCustomer: 'Kliendi teised avatud tellimused',
    noneOpen: 'Teisi avatud tellimusi ei ole.'
  }
}
