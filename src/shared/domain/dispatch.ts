import { z } from 'zod'
import { id, isoDate, optionalText, searchText, version } from './primitives'
import { weekHours } from './masterdata'
import { PRIORITIES } from './orders'
import { slaBadge } from './sla'
import { holiday } from './system'
import { CONFLICT_CODES, CONFLICT_KINDS } from '../dispatch/conflicts'
import { REASON_CODES } from '../dispatch/suggest'
import { UNAVAILABLE_REASONS } from '../dispatch/availability'

export const ASSIGNMENT_STATUSES = ['planned', 'dispatched', 'travelling', 'onSite', 'done'] as const
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number]

/** A message's parameters: instants as epoch ms, names as strings; the text is made in the reader's language. */
const dispatchParams = z.record(z.string(), z.union([z.string(), z.number()]))

export const conflictRow = z.object({
  kind: z.enum(CONFLICT_KINDS),
  code: z.enum(CONFLICT_CODES),
  params: dispatchParams,
  otherAssignmentId: id.optional()
})
export type ConflictRow = z.infer<typeof conflictRow>

/** What a card and a tray row share: the order as the dispatcher needs to see it. */
const orderSummary = {
  orderId: id,
  orderNumber: z.string(),
  orderVersion: version,
  priority: z.enum(PRIORITIES),
  stageName: z.string(),
  customerName: z.string(),
  address: z.string(),
  description: z.string(),
  taskNames: z.string(),
  requiredSkillIds: z.array(id),
  requestedStart: z.number().int().nullable(),
  requestedEnd: z.number().int().nullable(),
  sla: slaBadge.nullable(),
  /** Finished, posted or cancelled (ADR 0017). */
  orderFinished: z.boolean(),
  /** The order's site and its coordinates (null: a one-time address, or none entered). */
  siteId: id.nullable(),
  /** The site's town and point (WGS84 degrees) for the map; null for a one-time address or a site without them. */
  city: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable()
}

/** A drive (shared/dispatch/travel.ts); minutes and km null = an end without coordinates. */
export const travelLeg = z.object({
  minutes: z.number().int().nullable(),
  km: z.number().nullable(),
  from: z.string(),
  fromHome: z.boolean(),
  fromOrder: z.string().nullable(),
  to: z.string(),
  toHome: z.boolean()
})
export type TravelLegRow = z.infer<typeof travelLeg>

export const boardCard = z.object({
  id,
  version,
  ...orderSummary,
  workerId: id,
  start: z.number().int(),
  end: z.number().int(),
  status: z.enum(ASSIGNMENT_STATUSES),
  dispatchedAt: z.number().int().nullable(),
  actualStart: z.number().int().nullable(),
  actualEnd: z.number().int().nullable(),
  note: z.string(),
  /** Done, or its order finished: shown muted, read-only, outside capacity and conflicts (ADR 0017). */
  finished: z.boolean(),
  conflicts: z.array(conflictRow),
  /** The drive to this card and, after the day's last, home (ADR 0029). */
  travel: z.object({ before: travelLeg.nullable(), after: travelLeg.nullable() })
})
export type BoardCard = z.infer<typeof boardCard>

export const boardTechnician = z.object({
  id,
  number: z.string(),
  name: z.string(),
  teamId: id.nullable(),
  roles: z.array(z.string()),
  skillIds: z.array(id),
  /** The technician's own hours, or the company's when they have none. */
  workingHours: weekHours,
  active: z.boolean(),
  /** Where the technician's day starts and ends (the map's route), null when not entered. */
  homeLatitude: z.number().nullable(),
  homeLongitude: z.number().nullable(),
  /** Whole days of the shown range the technician is not there: a holiday (its name) or a day off their week. */
  unavailable: z.array(
    z.object({ start: z.number().int(), end: z.number().int(), reason: z.enum(UNAVAILABLE_REASONS), name: z.string().nullable() })
  )
})
export type BoardTechnician = z.infer<typeof boardTechnician>

export const boardInput = z.object({
  from: isoDate,
  days: z.number().int().min(1).max(14).default(1),
  /** Empty = every team (and technicians without one). */
  teamIds: z.array(id).max(100).default([]),
  /** "My work": one technician only. Technicians always get their own, whatever they ask for. */
  workerId: id.nullable().default(null)
})

export const board = z.object({
  from: z.number().int(),
  to: z.number().int(),
  now: z.number().int(),
  timeZone: z.string(),
  holidays: z.array(holiday),
  teams: z.array(z.object({ id, name: z.string() })),
  skills: z.array(z.object({ id, name: z.string() })),
  technicians: z.array(boardTechnician),
  cards: z.array(boardCard),
  atRiskMinutes: z.number().int(),
  pastLimitHours: z.number().int()
})
export type Board = z.infer<typeof board>

export const TRAY_TABS = ['unassigned', 'unscheduled', 'dispatched', 'onHold'] as const
export type TrayTab = (typeof TRAY_TABS)[number]

export const trayInput = z.object({
  tab: z.enum(TRAY_TABS).default('unassigned'),
  teamId: id.nullable().default(null),
  priority: z.enum(PRIORITIES).nullable().default(null),
  /** Requested (or planned) within [from, to]. */
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  skillId: id.nullable().default(null),
  q: searchText().default(''),
  limit: z.number().int().min(1).max(500).default(200)
})

export const trayRow = z.object({
  ...orderSummary,
  durationMinutes: z.number().int(),
  preferredWorkerId: id.nullable(),
  responsibleWorkerId: id.nullable(),
  responsibleWorkerName: z.string().nullable(),
  /** Dispatched tab: the first assignment. */
  plannedStart: z.number().int().nullable()
})
export type TrayRow = z.infer<typeof trayRow>
export const tray = z.object({ rows: z.array(trayRow), total: z.number().int(), counts: z.record(z.enum(TRAY_TABS), z.number().int()) })

const instant = z.number().int().min(0)

export const assignInput = z.object({
  orderId: id,
  orderVersion: version,
  workerId: id,
  start: instant,
  /** Omitted = the order's estimated duration. */
  end: instant.nullable().default(null)
})
export const moveInput = z.object({ id, version, workerId: id, start: instant, end: instant })
export const assignmentResult = z.object({ card: boardCard })
export const statusInput = z.object({
  id,
  version,
  status: z.enum(ASSIGNMENT_STATUSES),
  /** When it happened; omitted = now. */
  at: instant.nullable().default(null),
  note: optionalText(500)
})
export const dispatchInput = z.object({ ids: z.array(id).min(1, 'validation.dispatchNeeded').max(1000) })

export const suggestInput = z.object({
  orderId: id,
  from: isoDate,
  days: z.number().int().min(1).max(14).default(1),
  teamId: id.nullable().default(null)
})
export const suggestion = z.object({
  rank: z.number().int().min(1),
  workerId: id,
  name: z.string(),
  slot: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  fit: z.enum(['meets', 'misses', 'none']),
  bookedMinutes: z.number().int(),
  reasons: z.array(z.object({ code: z.enum(REASON_CODES), params: dispatchParams }))
})

export const daySheetInput = z.object({ workerId: id, date: isoDate })

/** The plan as a list (CSV export of a day or a week): one row per card. */
export const planRow = z.object({
  id,
  date: isoDate,
  start: z.number().int(),
  end: z.number().int(),
  workerNumber: z.string(),
  workerName: z.string(),
  teamName: z.string().nullable(),
  orderNumber: z.string(),
  priority: z.enum(PRIORITIES),
  stageName: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  customerName: z.string(),
  address: z.string(),
  description: z.string(),
  taskNames: z.string()
})
export type PlanRow = z.infer<typeof planRow>
