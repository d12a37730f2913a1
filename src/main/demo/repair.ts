import type { Connection } from '../db/connection'
import { earlierRepair } from '../services/repair/lines'
import { loadRepairSettings } from '../services/repair/setup'
import { Random } from './random'

export interface DemoRepairCounts {
  codes: number
  templates: number
  structures: number
  repairLines: number
  repeats: number
  replacements: number
}

type Kind = 'condition' | 'symptomArea' | 'symptomCode' | 'diagnosisArea' | 'diagnosisCode' | 'resolution' | 'stage'

/** Symptom areas with their codes, per object group of the demo's equipment. */
const SYMPTOMS: Record<string, { area: [string, string]; codes: [string, string][] }> = {
  HEAT: {
    area: ['KYTE', 'Küte ja soe vesi'],
    codes: [
      ['KYTE-EI', 'Ei küta'],
      ['KYTE-ROHK', 'Süsteemi rõhk langeb'],
      ['KYTE-VIGA', 'Katel annab veakoodi']
    ]
  },
  COLD: {
    area: ['KYLM', 'Jahutus'],
    codes: [
      ['KYLM-SOE', 'Temperatuur liiga kõrge'],
      ['KYLM-JAA', 'Aurusti jäätub'],
      ['KYLM-MYRA', 'Kompressor müriseb']
    ]
  },
  LIFT: {
    area: ['UKS', 'Uksed ja kabiin'],
    codes: [
      ['UKS-KINNI', 'Uks ei avane'],
      ['UKS-PORUTUS', 'Uks sulgub põrutusega'],
      ['LIFT-SEIS', 'Lift seiskub korruste vahel']
    ]
  },
  KITCHEN: {
    area: ['KOOK', 'Köögiseadmed'],
    codes: [
      ['KOOK-LEKE', 'Vesi lekib'],
      ['KOOK-KUUM', 'Ei kuumene'],
      ['KOOK-VIGA', 'Seade annab veakoodi']
    ]
  }
}

const DIAGNOSES: { area: [string, string]; codes: [string, string][] }[] = [
  {
    area: ['HYDR', 'Hüdraulika'],
    codes: [
      ['PUMP', 'Pump rikkis'],
      ['TIHEND', 'Tihend lekib'],
      ['PAISUPAAK', 'Paisupaagi rõhk vale']
    ]
  },
  {
    area: ['ELEKTER', 'Elekter ja juhtimine'],
    codes: [
      ['SYYDE', 'Süüteelektrood kulunud'],
      ['KONTAKTOR', 'Kontaktor põlenud'],
      ['ANDUR', 'Andur vigane']
    ]
  },
  {
    area: ['MEHAANIKA', 'Mehaanika'],
    codes: [
      ['AJAM', 'Ajam kulunud'],
      ['RIHM', 'Rihm venis'],
      ['KOMPR', 'Kompressor rikkis']
    ]
  }
]

const RESOLUTIONS: [string, string][] = [
  ['VAHETUS', 'Osa vahetatud'],
  ['REMONT', 'Parandatud kohapeal'],
  ['SEADISTUS', 'Seadistatud'],
  ['PUHASTUS', 'Puhastatud'],
  ['LOOBUS', 'Klient loobus']
]
const CONDITIONS: [string, string][] = [
  ['EI-TOOTA', 'Ei tööta üldse'],
  ['OSALINE', 'Töötab osaliselt'],
  ['AEG-AJALT', 'Rike esineb aeg-ajalt']
]
const STAGES: [string, string, boolean][] = [
  ['DIAG', 'Diagnoosimisel', false],
  ['OSAD', 'Ootab varuosi', false],
  ['VALMIS', 'Lõpetatud', true]
]

/** Serial-tracked spare parts the templates use (the catalogue's parts are not serial-tracked). */
const PARTS = [
  { number: 'P-PUMP-UPM3', name: 'Tsirkulatsioonipump Grundfos UPM3 25-70', unit: 'tk', cost: 9800, price: 16900, prefix: 'GF' },
  { number: 'P-COMP-ZR', name: 'Kompressor Copeland ZR48', unit: 'tk', cost: 68000, price: 98000, prefix: 'CP' },
  { number: 'P-DOORDRV', name: 'Liftiukse ajam Fermator VVVF4', unit: 'tk', cost: 42000, price: 69000, prefix: 'FM' },
  { number: 'P-DRAINPUMP', name: 'Tühjenduspump Hanning DPO25', unit: 'tk', cost: 7900, price: 13900, prefix: 'HN' }
] as const

/** Templates for a model of each kind of equipment: [position, part number, quantity in thousandths]. */
const TEMPLATES: { number: string; name: string; model: string; group: string; components: [string, string, number][] }[] = [
  {
    number: 'KS-VAI25',
    name: 'Vaillant ecoTEC plus 25 kW',
    model: 'VAI-ECO25',
    group: 'HEAT',
    components: [
      ['10', 'P-PUMP-UPM3', 1000],
      ['20', 'P-IGN-EL', 1000],
      ['30', 'P-GASKET', 1000],
      ['40', 'P-EXPV18', 1000]
    ]
  },
  {
    number: 'KS-KONE500',
    name: 'KONE MonoSpace 500',
    model: 'KON-MS500',
    group: 'LIFT',
    components: [
      ['10', 'P-DOORDRV', 1000],
      ['10.1', 'P-DOORBELT', 1000],
      ['20', 'P-CONT25', 2000]
    ]
  },
  {
    number: 'KS-CAR10',
    name: 'Carrier 10 kW külmaagregaat',
    model: 'CAR-CR10',
    group: 'COLD',
    components: [
      ['10', 'P-COMP-ZR', 1000],
      ['20', 'P-CONT25', 1000],
      ['30', 'P-R32', 3500]
    ]
  },
  {
    number: 'KS-ELXGC',
    name: 'Electrolux Green&Clean',
    model: 'ELX-GCHD',
    group: 'KITCHEN',
    components: [
      ['10', 'P-DRAINPUMP', 1000],
      ['20', 'P-GASKET-DW', 1000]
    ]
  }
]

/** The serial-tracked part a diagnosis replaces, by the template's first component. */
const REPLACES: Record<string, string> = { PUMP: 'P-PUMP-UPM3', KOMPR: 'P-COMP-ZR', AJAM: 'P-DOORDRV' }

const DAY = 86_400_000

/**
 * Repair setup for the demo's equipment (boilers, cooling, lifts, kitchen), BOM templates attached to some
 * objects of those models, and repair lines on past orders with plausible symptom → diagnosis → resolution,
 * some repeat failures, and part replacements written as structure versions. Planned from the seed, in the
 * order of the orders' ids and times, so the same seed and date give the same rows.
 */
export function generateRepairs(conn: Connection, o: { seed: number; now: number }): DemoRepairCounts {
  const s = conn.sqlite
  const rnd = new Random(o.seed ^ 0x5eed17)
  const code = s.prepare(
    'insert into repair_codes (kind, code, name, area_id, object_group_id, finished) values (?, ?, ?, ?, ?, ?) returning id'
  )
  const groupId = (c: string) =>
    (s.prepare('select id from service_object_groups where code = ?').get(c) as { id: number } | undefined)?.id ?? null
  const add = (kind: Kind, c: string, name: string, areaId: number | null = null, group: number | null = null, finished = false) =>
    (code.get(kind, c, name, areaId, group, finished ? 1 : 0) as { id: number }).id
  let codes = 0
  const symptoms = new Map<number, number[]>()
  for (const [group, def] of Object.entries(SYMPTOMS)) {
    const g = groupId(group)
    if (g === null) continue
    const area = add('symptomArea', def.area[0], def.area[1], null, g)
    symptoms.set(
      g,
      def.codes.map(([c, n]) => add('symptomCode', c, n, area))
    )
    codes += 1 + def.codes.length
  }
  const diagnoses: { id: number; code: string; area: number }[] = []
  for (const d of DIAGNOSES) {
    const area = add('diagnosisArea', d.area[0], d.area[1])
    for (const [c, n] of d.codes) diagnoses.push({ id: add('diagnosisCode', c, n, area), code: c, area })
    codes += 1 + d.codes.length
  }
  const resolutions = new Map(RESOLUTIONS.map(([c, n]) => [c, add('resolution', c, n)]))
  const conditions = CONDITIONS.map(([c, n]) => add('condition', c, n))
  const stages = new Map(STAGES.map(([c, n, f]) => [c, add('stage', c, n, null, null, f)]))
  codes += RESOLUTIONS.length + CONDITIONS.length + STAGES.length

  // Parts, templates, and structures of the first objects of each model.
  const itemId = new Map<string, number>()
  const insertItem = s.prepare(
    'insert into items (number, name, unit, cost_price, sales_price, serial_tracked) values (?, ?, ?, ?, ?, 1) returning id'
  )
  for (const p of PARTS) itemId.set(p.number, (insertItem.get(p.number, p.name, p.unit, p.cost, p.price) as { id: number }).id)
  const itemOf = (number: string) => {
    if (!itemId.has(number)) itemId.set(number, (s.prepare('select id from items where number = ?').get(number) as { id: number }).id)
    return itemId.get(number)!
  }
  const prefixOf = new Map<string, string>(PARTS.map((p) => [p.number, p.prefix]))
  const serial = (part: string) => (prefixOf.has(part) ? `${prefixOf.get(part)}${rnd.int(100000, 999999)}` : '')
  const unitOf = (part: string) => (s.prepare('select unit from items where id = ?').get(itemOf(part)) as { unit: string }).unit

  const insertTemplate = s.prepare('insert into bom_templates (number, name, item_id, created_at) values (?, ?, ?, ?) returning id')
  const insertTemplateComponent = s.prepare(
    'insert into bom_template_components (template_id, parent_id, item_id, quantity, unit, position) values (?, ?, ?, ?, ?, ?) returning id'
  )
  const insertComponent = s.prepare(
    'insert into structure_components (service_object_id, parent_id, item_id, quantity, unit, position, serial) values (?, ?, ?, ?, ?, ?, ?) returning id'
  )
  const insertVersion = s.prepare(
    `insert into structure_versions (service_object_id, component_id, kind, parent_id, item_id, quantity, unit, position, serial, old_item_id,
       old_serial, at, user_id, order_line_id, repair_line_id, return_line_id, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, null, '')`
  )
  const attached = s.prepare(
    'insert into object_structures (service_object_id, template_id, attached_at, attached_by) values (?, ?, ?, null)'
  )
  const attachAt = o.now - 400 * DAY
  /** Per object: its serial-tracked component (what a replacement changes). */
  const tracked = new Map<
    number,
    { id: number; part: string; serial: string; parentId: number | null; quantity: number; unit: string; position: string }
  >()
  let structures = 0
  for (const tpl of TEMPLATES) {
    const model = (s.prepare('select id from items where number = ?').get(tpl.model) as { id: number } | undefined)?.id
    if (model === undefined) continue
    const templateId = (insertTemplate.get(tpl.number, tpl.name, model, attachAt) as { id: number }).id
    const templateIds = new Map<string, number>()
    for (const [position, part, qty] of tpl.components) {
      const parent = position.includes('.') ? (templateIds.get(position.split('.')[0]!) ?? null) : null
      templateIds.set(
        position,
        (insertTemplateComponent.get(templateId, parent, itemOf(part), qty, unitOf(part), position) as { id: number }).id
      )
    }
    const objects = s.prepare('select id from service_objects where item_id = ? order by id limit 8').all(model) as { id: number }[]
    for (const { id: objectId } of objects) {
      const ids = new Map<string, number>()
      for (const [position, part, qty] of tpl.components) {
        const parent = position.includes('.') ? (ids.get(position.split('.')[0]!) ?? null) : null
        const sn = serial(part)
        const unit = unitOf(part)
        const id = (insertComponent.get(objectId, parent, itemOf(part), qty, unit, position, sn) as { id: number }).id
        insertVersion.run(objectId, id, 'add', parent, itemOf(part), qty, unit, position, sn, null, '', attachAt, null)
        ids.set(position, id)
        if (prefixOf.has(part) && !tracked.has(objectId))
          tracked.set(objectId, { id, part, serial: sn, parentId: parent, quantity: qty, unit, position })
      }
      attached.run(objectId, templateId, attachAt)
      structures++
    }
  }

  // Repair lines on finished past orders of the equipment with a repair setup, oldest first.
  const candidates = s
    .prepare(
      `select o.id as orderId, o.planned_start as start, o.responsible_worker_id as workerId, so.id as objectId, so.group_id as groupId
       from service_orders o join service_order_objects r on r.order_id = o.id join service_objects so on so.id = r.service_object_id
       join service_stages st on st.id = o.stage_id
       where o.is_template = 0 and o.planned_start is not null and o.planned_start < ? and st.code in ('COMPLETED', 'CLOSED')
       order by o.planned_start, o.id, so.id`
    )
    .all(o.now) as { orderId: number; start: number; workerId: number | null; objectId: number; groupId: number | null }[]
  const insertLine = s.prepare(
    `insert into repair_lines (order_id, line_no, service_object_id, symptom_area_id, symptom_code_id, condition_id, diagnosis_area_id,
       diagnosis_code_id, resolution_id, stage_id, worker_id, note, repeat_of_id, created_at, created_by, finished_at)
     values (?, ?, ?, (select area_id from repair_codes where id = ?), ?, ?, ?, ?, ?, ?, ?, '', ?, ?, null, ?) returning id`
  )
  const updateSerial = s.prepare('update structure_components set serial = ?, version = version + 1 where id = ?')
  const window = loadRepairSettings(conn.db).repeatWindowDays
  const lineNo = new Map<number, number>()
  const lastRepair = new Map<number, { symptom: number; at: number }>()
  let repairLines = 0
  let repeats = 0
  let replacements = 0
  for (const c of candidates) {
    const codesOfGroup = c.groupId === null ? undefined : symptoms.get(c.groupId)
    // Structured equipment breaks more often in the demo, so that its history shows replacements and repeats.
    if (!codesOfGroup || !rnd.chance(tracked.has(c.objectId) ? 0.8 : 0.3)) continue
    // A fault that comes back: the object's last symptom again, when its last repair is recent.
    const last = lastRepair.get(c.objectId)
    const symptom = last && c.start - last.at < window * DAY && rnd.chance(0.7) ? last.symptom : rnd.pick(codesOfGroup)
    const diagnosis = rnd.pick(diagnoses)
    const part = REPLACES[diagnosis.code]
    const component = tracked.get(c.objectId)
    const replace = part !== undefined && component !== undefined && component.part === part
    const resolution = resolutions.get(replace ? 'VAHETUS' : rnd.pick(['REMONT', 'SEADISTUS', 'PUHASTUS', 'REMONT']))!
    const createdAt = c.start + 3_600_000
    const finishedAt = createdAt + rnd.int(1, 3) * 1_800_000
    const repeatOf = earlierRepair(conn.db, c.objectId, symptom, c.orderId, createdAt, window)?.id ?? null
    const no = (lineNo.get(c.orderId) ?? 0) + 1
    lineNo.set(c.orderId, no)
    const lineId = (
      insertLine.get(
        c.orderId,
        no,
        c.objectId,
        symptom,
        symptom,
        rnd.pick(conditions),
        diagnosis.area,
        diagnosis.id,
        resolution,
        stages.get('VALMIS')!,
        c.workerId,
        repeatOf,
        createdAt,
        finishedAt
      ) as { id: number }
    ).id
    lastRepair.set(c.objectId, { symptom, at: createdAt })
    repairLines++
    if (repeatOf !== null) repeats++
    if (replace) {
      const next = serial(component.part)
      insertVersion.run(
        c.objectId,
        component.id,
        'replace',
        component.parentId,
        itemOf(component.part),
        component.quantity,
        component.unit,
        component.position,
        next,
        itemOf(component.part),
        component.serial,
        finishedAt,
        lineId
      )
      updateSerial.run(next, component.id)
      component.serial = next
      replacements++
    }
  }
  return { codes, templates: TEMPLATES.length, structures, repairLines, repeats, replacements }
}
