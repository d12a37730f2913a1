import type { reports as en } from '../en/reports'
import type { Shape } from '../shape'

export const reports: Shape<typeof en> = {
  title: 'Aruanded',
  from: 'Alates',
  to: 'Kuni',
  groupBy: 'Rühmitus',
  customer: 'Klient',
  anyCustomer: 'Kõik kliendid',
  team: 'Meeskond',
  anyTeam: 'Kõik meeskonnad',
  pdf: 'PDF',
  empty: 'Selles perioodis pole midagi.',
  bothDates: 'Sisesta perioodi mõlemad kuupäevad.',
  fromAfterTo: 'Periood lõpeb enne, kui algab.',
  firstOf: 'Esimesed {{shown}} rida {{total}}-st; CSV-failis on kõik.',
  kinds: { margin: 'Marginaal', progress: 'Edenemine', utilisation: 'Koormatus', schedule: 'Kliendi graafik' },
  margin: {
    title: 'Hooldustellimuste marginaal',
    group: { order: 'Hooldustellimus', customer: 'Klient', task: 'Ülesanne' },
    by: { order: 'Hooldustellimuste kaupa', customer: 'Klientide kaupa', task: 'Ülesannete kaupa' },
    noTask: 'Ülesandeta',
    orders: 'Tellimusi',
    revenue: 'Tulu',
    cost: 'Kulu',
    margin: 'Marginaal',
    marginShare: 'Marginaal %',
    costMissing: '{{count}} real pole omahinda; need lähevad arvesse nullkuluga.',
    explain:
      'Tellimused, mille töö lõppes (muidu on plaanitud lõppema) perioodis; tühistatud tellimused ja read jäetakse välja. Tulu: kogus × ühiku hind. Kulu: kogus × rea omahind, muidu kauba või kategooria tänane omahind.'
  },
  progress: {
    title: 'Hooldustellimuste edenemine',
    group: { order: 'Hooldustellimus', stage: 'Etapp' },
    by: { order: 'Hooldustellimuste kaupa', stage: 'Etappide kaupa' },
    order: 'Hooldustellimus',
    orders: 'Tellimusi',
    stage: 'Etapp',
    stays: 'Kordi etapis',
    total: 'Aeg kokku',
    average: 'Keskmine aeg',
    reasons: 'Põhjuse koodid',
    explain:
      'Perioodis loodud tellimused. Etapi aeg kestab sinna jõudmisest järgmise etapimuutuseni või, kui tellimus on veel seal, praeguseni; põhjuse koodid on need, mis anti etappi viimisel.'
  },
  utilisation: {
    title: 'Teenusetehnikute koormatus',
    perWeek: 'ISO nädalate kaupa',
    technician: 'Teenusetehnik',
    week: 'Nädal',
    weekStart: 'Alates',
    available: 'Saadaval h',
    booked: 'Broneeritud h',
    share: 'Koormatus',
    explain:
      'Saadaval: teenusetehniku tööaeg (tema enda, muidu ettevõtte oma) miinus riigipühad. Broneeritud: tema kaartide aeg lähetustahvlil selle nädala sees.'
  },
  schedule: {
    title: 'Hooldusgraafik',
    visits: 'Külastusi',
    date: 'Kuupäev',
    time: 'Aeg',
    what: 'Töö',
    where: 'Aadress',
    reference: 'Viide',
    dayToBeAgreed: 'aeg lepitakse kokku',
    explain:
      'Perioodi plaanitud hooldustellimused ja külastused, mida teenuselepped selles perioodis teevad (nende päev; kellaaeg lepitakse kokku enne külastust).'
  }
}
