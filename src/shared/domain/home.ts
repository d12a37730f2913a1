import { z } from 'zod'
import { PRIORITIES } from './orders'

/** Role home pages (docs/adr/0027): the figures a dispatcher and a service manager open the day on. */

export const dispatcherHome = z.object({
  /** The shop's today (YYYY-MM-DD) the figures are for. */
  date: z.string(),
  /** Today's board cards by status: planned, dispatched (dispatched, travelling or on site), done. */
  board: z.object({ planned: z.number().int(), dispatched: z.number().int(), done: z.number().int() }),
  /** The tray's "Unassigned" tab: open work nobody is named on and nothing is planned for. */
  unassigned: z.number().int(),
  /** Open orders whose SLA is breached or at risk (the at-risk list's own condition). */
  slaAtRisk: z.number().int(),
  /** Cards on today's board with at least one conflict. */
  conflicts: z.number().int(),
  /** The order list's "Unplanned" view, by priority (most urgent first). */
  unplannedByPriority: z.array(z.object({ priority: z.enum(PRIORITIES), count: z.number().int() }))
})
export type DispatcherHome = z.infer<typeof dispatcherHome>

const share = z.number().nullable()

export const managerHome = z.object({
  date: z.string(),
  /** Open (in-process) orders by stage, in the stages' order; stages with none are left out. */
  openByStage: z.array(z.object({ stageId: z.number().int(), code: z.string(), name: z.string(), count: z.number().int() })),
  /** SLA targets of the clocks started this month and last month: met on time, missed, share met (null: none decided). */
  compliance: z.array(z.object({ month: z.string(), met: z.number().int(), breached: z.number().int(), share })),
  /**
   * Orders posted in the 90 days that ended `days` days ago (so every one has had its whole window), with at least
   * one service object; fixed = no other order visited any of those objects within `days` days after the close.
   */
  firstTimeFix: z.object({
    days: z.number().int(),
    from: z.string(),
    to: z.string(),
    closed: z.number().int(),
    fixed: z.number().int(),
    share
  }),
  /** Net invoiced (credit notes subtracted) by invoice month for the last 12 months, cents. */
  revenue: z.array(
    z.object({ month: z.string(), serviceOrders: z.number().int(), subscriptions: z.number().int(), other: z.number().int() })
  ),
  /** This month and last: hours booked on the board against the technicians' working hours (holidays off). */
  utilisation: z.array(z.object({ month: z.string(), bookedHours: z.number(), availableHours: z.number(), share })),
  /** Return orders not yet closed or cancelled. */
  returnsOpen: z.number().int()
})
export type ManagerHome = z.infer<typeof managerHome>
