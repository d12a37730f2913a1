import { z } from 'zod'
import { PRIORITIES } from '../domain/orders'

/**
 * The planner's instance: everything it needs to plan, as one JSON document (ADR 0020 documents it with an
 * example). Times are wall-clock minutes in the company's time zone, written "YYYY-MM-DDTHH:mm"; dates
 * "YYYY-MM-DD"; durations and travel in whole minutes. The planner works without a database: the app
 * builds an instance from its tables, the CLI reads one from a file.
 */

const id = z.string().min(1).max(64)
const date = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date YYYY-MM-DD')
const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time HH:mm')
const dateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, 'expected a date and time YYYY-MM-DDTHH:mm')
const point = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict()
const skills = z.array(z.string().min(1).max(64)).max(50).default([])

export const plannerJobSchema = z
  .object({
    id,
    /** For people reading a plan; the planner does not use it. */
    label: z.string().max(200).optional(),
    durationMinutes: z.number().int().min(1).max(1440),
    /** Every one of these the technician must have. */
    skills,
    /** Jobs at the same place travel 0 minutes between them; also the key into `matrix`. Default: the job id. */
    place: id.optional(),
    /** Null (or left out) when the site has no coordinates: the job is left unplanned unless `matrix` knows its place. */
    location: point.nullable().default(null),
    /** The customer's requested window for the visit's start. `hard`: never start after `to`. */
    window: z
      .object({ from: dateTime, to: dateTime, hard: z.boolean().default(false) })
      .strict()
      .nullable()
      .default(null),
    /** SLA deadline for the start of the visit (the response deadline). */
    deadline: dateTime.nullable().default(null),
    priority: z.enum(PRIORITIES).default('normal'),
    /** A locked or dispatched appointment: the planner never moves it, it only plans around it. */
    fixed: z.object({ technicianId: id, start: dateTime }).strict().nullable().default(null)
  })
  .strict()

const interval = z.object({ start: clock, end: clock }).strict()

export const plannerTechnicianSchema = z
  .object({
    id,
    label: z.string().max(200).optional(),
    skills,
    /** Home base: where each day starts and ends. The key into `matrix`; default "base:<id>". */
    place: id.optional(),
    home: point.nullable().default(null),
    shifts: z
      .array(z.object({ date, start: clock, end: clock, breaks: z.array(interval).max(10).default([]) }).strict())
      .max(400)
      .default([]),
    /** The technician's own days off (vacation, sick leave): shifts on these days are not used. */
    holidays: z.array(date).max(400).default([]),
    /** How long after the shift's end the day may run, at the overtime weight. */
    maxOvertimeMinutes: z.number().int().min(0).max(720).default(0)
  })
  .strict()

export const plannerInstanceSchema = z
  .object({
    version: z.literal(1),
    /** The straight-line travel model's settings (see travel.ts). */
    travel: z
      .object({
        roadFactor: z.number().min(1).max(5).default(1.3),
        speedKmh: z.number().min(1).max(200).default(60),
        overheadMinutes: z.number().min(0).max(240).default(5)
      })
      .strict()
      .default({ roadFactor: 1.3, speedKmh: 60, overheadMinutes: 5 }),
    /** An explicit travel-time table by place id; pairs it lacks use the straight-line model. */
    matrix: z
      .array(z.object({ from: id, to: id, minutes: z.number().min(0).max(10000), km: z.number().min(0).max(100000).optional() }).strict())
      .max(5_000_000)
      .nullable()
      .default(null),
    /** Public holidays: nobody's shift is used on these days. */
    holidays: z.array(date).max(400).default([]),
    technicians: z.array(plannerTechnicianSchema).max(5000),
    jobs: z.array(plannerJobSchema).max(5000)
  })
  .strict()
  .superRefine((inst, ctx) => {
    const seen = (list: { id: string }[], key: 'jobs' | 'technicians') => {
      const ids = new Set<string>()
      list.forEach((item, i) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${item.id}"` })
        ids.add(item.id)
      })
      return ids
    }
    seen(inst.jobs, 'jobs')
    const techs = seen(inst.technicians, 'technicians')
    inst.jobs.forEach((j, i) => {
      if (j.fixed && !techs.has(j.fixed.technicianId))
        ctx.addIssue({ code: 'custom', path: ['jobs', i, 'fixed', 'technicianId'], message: `no technician "${j.fixed.technicianId}"` })
    })
  })

export type PlannerInstanceInput = z.input<typeof plannerInstanceSchema>
export type PlannerInstance = z.output<typeof plannerInstanceSchema>
export type PlannerJob = PlannerInstance['jobs'][number]
export type PlannerTechnician = PlannerInstance['technicians'][number]

/** `$.jobs[3].window.from` */
export function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
}

export type ParsedInstance = { ok: true; instance: PlannerInstance } | { ok: false; path: string; message: string }

/** Validates an instance; a failure names the first wrong place by its JSON path. */
export function parseInstance(data: unknown): ParsedInstance {
  const r = plannerInstanceSchema.safeParse(data)
  if (r.success) return { ok: true, instance: r.data }
  const first = r.error.issues[0]!
  return { ok: false, path: jsonPath(first.path), message: first.message }
}

/** Same as parseInstance, for JSON text: a syntax error is reported at `$`. */
export function parseInstanceText(text: string): ParsedInstance {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { ok: false, path: '$', message: (e as Error).message }
  }
  return parseInstance(data)
}

/* ---------- wall-clock minutes ---------- */

/** Days since 1970-01-01 of a "YYYY-MM-DD" date (calendar arithmetic only; no time zone, no DST). */
export const dayNumber = (d: string): number =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000

export const clockMinutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** "YYYY-MM-DDTHH:mm" → minutes since 1970-01-01T00:00 on the wall clock. */
export const toMinutes = (dt: string): number => dayNumber(dt.slice(0, 10)) * 1440 + clockMinutes(dt.slice(11, 16))

export function fromMinutes(m: number): string {
  const day = Math.floor(m / 1440)
  const rest = m - day * 1440
  const d = new Date(day * 86_400_000).toISOString().slice(0, 10)
  return `${d}T${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`
}
