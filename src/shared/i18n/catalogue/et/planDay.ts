import type { planDay as en } from '../en/planDay'
import type { Shape } from '../shape'

/** Päeva planeerimine: planeerija aken, ettepanek tahvlil ja iga külastuse põhjused (ADR 0020). */
export const planDay: Shape<typeof en> = {
  button: 'Planeeri päev',
  title: 'Planeeri päev',
  team: 'Meeskond',
  technicians: 'Või teenusetehnikud',
  from: 'Alates',
  to: 'Kuni',
  seconds: 'Ajapiirang (s)',
  scope:
    'Planeerib planeerimata töö (milline, otsustavad selle filtrid) ja võib nihutada planeeritud, veel lähetamata kaarte; lähetatud töö jääb paigale.',
  start: 'Planeeri',
  cancel: 'Katkesta',
  planning: 'Planeerin… {{percent}} %',
  cancelled: 'Planeerimine katkestati.',
  failed: 'Planeerimine ebaõnnestus: {{message}}',
  proposal: 'Ettepanek',
  totals: '{{planned}} planeeritud · {{left}} jääb üle · {{km}} km · {{hours}} h sõitu',
  slaRisks_one: '{{count}} SLA risk',
  slaRisks_other: '{{count}} SLA riski',
  noSlaRisks: 'SLA riske pole',
  all: 'Kõik',
  apply: 'Rakenda ({{count}})',
  discard: 'Loobu',
  moved: 'nihutatud',
  left: 'Jääb planeerimata',
  applied_one: '{{count}} külastus planeeritud — Ctrl+Z võtab selle ühe sammuga tagasi.',
  applied_other: '{{count}} külastust planeeritud — Ctrl+Z võtab need ühe sammuga tagasi.',
  applyWhat: 'Ettepanekut',
  ghost: 'Ettepanek: {{order}} {{time}}',
  target: { response: 'reageerimise', arrival: 'kohalejõudmise', resolution: 'lahendamise' },
  reasons: {
    closestBefore: 'lähim sobiva oskusega teenusetehnik, kellel on vaba aeg enne {{target}} tähtaega {{deadline}}',
    closest: 'lähim sobiva oskusega teenusetehnik, kellel on vaba aeg',
    qualifiedBefore_one: 'ainus sobiva oskusega teenusetehnik sel päeval, vaba enne {{target}} tähtaega {{deadline}}',
    qualifiedBefore_other: 'üks {{count}}-st sobiva oskusega teenusetehnikust sel päeval, vaba enne {{target}} tähtaega {{deadline}}',
    qualified_one: 'ainus sobiva oskusega teenusetehnik sel päeval',
    qualified_other: 'üks {{count}}-st sobiva oskusega teenusetehnikust sel päeval',
    missed: '{{target}} tähtaeg {{deadline}} jääb {{late}} võrra täitmata',
    fromPrevious: '{{minutes}} min eelmisest tööst ({{order}})',
    fromHome: '{{minutes}} min kodubaasist',
    windowKept: 'soovitud aja sees',
    windowLate: '{{late}} pärast soovitud aega',
    waits: 'ootab soovitud aega ({{time}})',
    locked: 'lähetatud: jääb paigale'
  },
  unplanned: {
    NO_TECHNICIANS: 'pole teenusetehnikuid, kellega planeerida',
    WINDOW_INVERTED: 'soovitud aeg lõpeb enne, kui algab',
    NO_LOCATION: 'objektil pole koordinaate',
    NO_QUALIFIED_TECHNICIAN: 'kellelgi pole vajalikke oskusi ({{skills}})',
    NO_SHIFT: 'vahemikus pole tööaega',
    NO_ROOM: 'vahemikus pole enam vaba aega'
  }
}
