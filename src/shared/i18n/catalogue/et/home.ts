import type { home as en } from '../en/home'
import type { Shape } from '../shape'

/** Rollide avalehed (docs/adr/0027). */
export const home: Shape<typeof en> = {
  dispatcher: {
    title: 'Täna',
    board: 'Tänane lähetustahvel',
    planned: 'Planeeritud',
    dispatched: 'Lähetatud',
    done: 'Tehtud',
    unassigned: 'Määramata',
    unassignedHint: 'Avatud tööd, millel pole kedagi nimetatud ega midagi planeeritud (tahvli vaheleht Määramata)',
    slaAtRisk: 'Ohus SLA-d',
    slaAtRiskHint: 'Rikutud või tähtaeg täna või ohu läve piires',
    conflicts: 'Konfliktid',
    conflictsHint: 'Tänase tahvli kaardid, millel on konflikt',
    unplanned: 'Planeerimata prioriteedi järgi',
    unplannedHint: 'Avatud tellimused, mis vajavad külastust ja millel pole planeeritud aega',
    chart: 'Planeerimata tellimused prioriteedi järgi'
  },
  manager: {
    title: 'Ülevaade',
    openByStage: 'Avatud tellimused etapi järgi',
    openByStageChart: 'Avatud tellimused etapi järgi, tulpdiagramm',
    noOpenOrders: 'Avatud tellimusi pole',
    compliance: 'SLA täitmine',
    complianceHint: 'Õigel ajal täidetud sihid otsustatutest, kuus alanud SLA-kellade kohta',
    complianceOf: '{{met}} sihti {{total}}-st',
    firstTimeFix: 'Esmakordne parandus',
    firstTimeFixHint: 'Tellimused, mis konteeriti {{from}} – {{to}} ja mille objektile {{days}} päeva jooksul uut tellimust ei tulnud',
    firstTimeFixOf: '{{fixed}} tellimust {{closed}}-st',
    utilisation: 'Tehnikute rakendatus',
    utilisationHint: 'Tahvlil broneeritud tunnid tehnikute tööajast, pühad välja arvatud',
    utilisationOf: '{{booked}} h {{available}} h-st',
    revenue: 'Tulu kuude kaupa',
    revenueChart: 'Arveldatud netosumma kuude kaupa, tulpdiagramm',
    serviceOrders: 'Hooldustellimused',
    subscriptions: 'Kordustellimused',
    other: 'Muu',
    returnsOpen: 'Avatud tagastused',
    returnsOpenHint: 'Tagastustellimused, mis pole suletud ega tühistatud',
    none: '—'
  }
}
