import { z } from 'zod'
import { code, id, isoDate, optionalText, requiredText, text, version } from './primitives'
import { instant, quantity } from './orders'
import { BOM_CHANGE_KINDS } from './serviceBom'

const meta = { id, version }
const ref = id.nullable().default(null)

/* ---------- repair setup ---------- */

export const REPAIR_CODE_KINDS = [
  'condition',
  'symptomArea',
  'symptomCode',
  'diagnosisArea',
  'diagnosisCode',
  'resolution',
  'stage'
] as const
export type RepairCodeKind = (typeof REPAIR_CODE_KINDS)[number]

/** The kind of area a code of this kind belongs to. */
export const AREA_OF: Partial<Record<RepairCodeKind, RepairCodeKind>> = {
  symptomCode: 'symptomArea',
  diagnosisCode: 'diagnosisArea'
}

export const repairCodeInput = z.object({
  kind: z.enum(REPAIR_CODE_KINDS),
  code,
  name: requiredText(100),
  areaId: ref,
  objectGroupId: ref,
  finished: z.boolean().default(false)
})
export const repairCodeRow = repairCodeInput.extend({
  ...meta,
  areaName: z.string().nullable(),
  objectGroupName: z.string().nullable()
})
export type RepairCodeRow = z.infer<typeof repairCodeRow>

export const repairSettingsInput = z.object({
  repeatWindowDays: z.number().int().min(1, 'validation.tooSmall').max(3650, 'validation.tooLarge'),
  resolutionRequired: z.boolean()
})
export const repairSettingsRow = repairSettingsInput.extend({ version })
export type RepairSettings = z.infer<typeof repairSettingsRow>

/* ---------- repair lines ---------- */

export const repairLineInput = z.object({
  serviceObjectId: id,
  symptomAreaId: ref,
  symptomCodeId: ref,
  conditionId: ref,
  diagnosisAreaId: ref,
  diagnosisCodeId: ref,
  resolutionId: ref,
  stageId: ref,
  workerId: ref,
  note: optionalText(2000)
})
export type RepairLineInput = z.input<typeof repairLineInput>

export const repairLineRow = z.object({
  ...meta,
  orderId: id,
  orderNumber: z.string(),
  lineNo: z.number().int(),
  serviceObjectId: id,
  objectNumber: z.string(),
  objectName: z.string(),
  symptomAreaId: id.nullable(),
  symptomAreaName: z.string().nullable(),
  symptomCodeId: id.nullable(),
  symptomCodeName: z.string().nullable(),
  conditionId: id.nullable(),
  conditionName: z.string().nullable(),
  diagnosisAreaId: id.nullable(),
  diagnosisAreaName: z.string().nullable(),
  diagnosisCodeId: id.nullable(),
  diagnosisCodeName: z.string().nullable(),
  resolutionId: id.nullable(),
  resolutionName: z.string().nullable(),
  stageId: id.nullable(),
  stageName: z.string().nullable(),
  workerId: id.nullable(),
  workerName: z.string().nullable(),
  note: z.string(),
  createdAt: instant,
  finishedAt: instant.nullable(),
  repeatOfId: id.nullable(),
  repeatOfOrderNumber: z.string().nullable()
})
export type RepairLineRow = z.infer<typeof repairLineRow>

/** A resolution that closed a symptom before, and how often it held (no repeat within the window). */
export const resolutionSuggestion = z.object({
  resolutionId: id,
  resolutionName: z.string(),
  times: z.number().int(),
  held: z.number().int()
})
export const repairSuggestions = z.object({
  /** The earlier repair on this object with this symptom within the window, if any. */
  repeatOf: z.object({ id, orderNumber: z.string(), createdAt: instant, resolutionName: z.string().nullable() }).nullable(),
  resolutions: z.array(resolutionSuggestion)
})
export type RepairSuggestions = z.infer<typeof repairSuggestions>

/* ---------- service BOM ---------- */

export const componentInput = z.object({
  /** The component's id on the client: children name their parent by it. */
  key: z.number().int().min(1).max(1_000_000),
  parentKey: z.number().int().min(1).max(1_000_000).nullable().default(null),
  itemId: id,
  quantity: quantity.default(1000),
  unit: requiredText(10),
  position: optionalText(30)
})

export const bomTemplateInput = z.object({
  number: requiredText(30),
  name: requiredText(100),
  itemId: ref,
  components: z.array(componentInput).max(2000, 'validation.tooLarge').default([])
})
export const bomComponentRow = z.object({
  id,
  parentId: id.nullable(),
  itemId: id,
  itemNumber: z.string(),
  itemName: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  position: z.string(),
  depth: z.number().int()
})
export const bomTemplateRow = z.object({
  ...meta,
  number: z.string(),
  name: z.string(),
  itemId: id.nullable(),
  itemName: z.string().nullable(),
  componentCount: z.number().int(),
  attachedCount: z.number().int()
})
export type BomTemplateRow = z.infer<typeof bomTemplateRow>
export const bomTemplateDetail = bomTemplateRow.extend({ components: z.array(bomComponentRow) })
export type BomTemplateDetail = z.infer<typeof bomTemplateDetail>

export const structureComponentRow = bomComponentRow.extend({
  serial: z.string(),
  serialTracked: z.boolean(),
  version: z.number().int()
})
export type StructureComponentRow = z.infer<typeof structureComponentRow>
export const structureRow = z.object({
  serviceObjectId: id,
  templateId: id.nullable(),
  templateNumber: z.string().nullable(),
  /** The date the structure is shown for; null: as it is now. */
  asOf: isoDate.nullable(),
  components: z.array(structureComponentRow)
})
export type StructureRow = z.infer<typeof structureRow>

export const structureVersionRow = z.object({
  id,
  componentId: id,
  kind: z.enum(BOM_CHANGE_KINDS),
  position: z.string(),
  itemName: z.string(),
  oldItemName: z.string().nullable(),
  serial: z.string(),
  oldSerial: z.string(),
  at: instant,
  userName: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderLineNo: z.number().int().nullable(),
  note: z.string(),
  /** A version from before the component came to this object: the object it was on, and when it left it. */
  formerObjectNumber: z.string().nullable(),
  formerUntil: instant.nullable()
})
export type StructureVersionRow = z.infer<typeof structureVersionRow>

export const structureDiffRow = z.object({
  componentId: id,
  change: z.enum(['added', 'removed', 'changed']),
  position: z.string(),
  itemBefore: z.string().nullable(),
  itemAfter: z.string().nullable(),
  serialBefore: z.string().nullable(),
  serialAfter: z.string().nullable(),
  fields: z.array(z.string())
})
export type StructureDiffRow = z.infer<typeof structureDiffRow>

/** What caused a structure change: the order (a technician's own) and optionally its repair line. */
export const changeCause = {
  orderId: ref,
  repairLineId: ref,
  note: optionalText(500)
}
export const serialText = text().trim().max(100).default('')

/* ---------- repair analysis ---------- */

export const repairAnalysisInput = z.object({ from: isoDate, to: isoDate, itemId: ref })
export const paretoRow = z.object({ id, code: z.string(), name: z.string(), count: z.number().int() })
export type ParetoRow = z.infer<typeof paretoRow>
/** The bars of a Pareto chart: the most frequent codes, the rest as one last bar, with the cumulative share. */
export interface ParetoBar {
  /** The axis label (the code); null for the bar of the remaining codes. */
  code: string | null
  /** The full name, for the tooltip; for the remaining codes, how many there are. */
  name: string
  count: number
  /** Cumulative share of all counts up to and including this bar, in percent with one decimal. */
  cumulative: number
  others: number
}

/**
 * Rows sorted most frequent first → at most `maxBars` bars: beyond that the tail is one "other codes" bar, so a
 * period with dozens of codes keeps readable labels and the cumulative line still ends at 100 %.
 */
export function paretoBars(rows: readonly ParetoRow[], maxBars: number): ParetoBar[] {
  const total = rows.reduce((s, r) => s + r.count, 0)
  const folded = rows.length > maxBars
  const head = folded ? rows.slice(0, maxBars - 1) : rows
  const tail = folded ? rows.slice(maxBars - 1) : []
  const bars: Omit<ParetoBar, 'cumulative'>[] = head.map((r) => ({ code: r.code, name: r.name, count: r.count, others: 0 }))
  if (tail.length > 0) bars.push({ code: null, name: '', count: tail.reduce((s, r) => s + r.count, 0), others: tail.length })
  let running = 0
  return bars.map((b) => {
    running += b.count
    return { ...b, cumulative: Math.round((running / total) * 1000) / 10 }
  })
}

/** Failures and operating days in the period; MTBF = days / failures, null without a failure. */
const reliability = {
  operatingDays: z.number().int(),
  failures: z.number().int(),
  mtbfDays: z.number().nullable()
}
export const repairAnalysis = z.object({
  symptoms: z.array(paretoRow),
  resolutions: z.array(paretoRow),
  byItem: z.array(z.object({ itemId: id, itemNumber: z.string(), itemName: z.string(), objects: z.number().int(), ...reliability })),
  byObject: z.array(
    z.object({
      serviceObjectId: id,
      objectNumber: z.string(),
      objectName: z.string(),
      itemName: z.string().nullable(),
      ...reliability
    })
  )
})
export type RepairAnalysis = z.infer<typeof repairAnalysis>
