// INTERFACE SKETCH — the SLA backend replaces these bodies. Other services call only these functions.
import type { SlaBadge } from '@shared/domain/sla'
import type { Db } from '../../db/connection'
import type { ServiceContext } from '../core/context'

/** A new order (manual, copied or generated): resolve its SLA (order → agreement → agreement group → customer group) and start the clock. */
export function slaOrderCreated(_ctx: ServiceContext, _orderId: number): void {}

/** The order moved between stages: pause / resume, response or resolution met. */
export function slaStageChanged(_ctx: ServiceContext, _orderId: number, _fromStageId: number | null, _toStageId: number): void {}

/** Priority (or the order's SLA) changed: targets and deadlines are recomputed. */
export function slaOrderChanged(_ctx: ServiceContext, _orderId: number): void {}

/** The work was dispatched to a technician (the customer gets an answer): meets the response target. */
export function slaDispatched(_ctx: ServiceContext, _orderId: number, _at: number): void {}

/** The technician registered arrival on site: meets the on-site target. */
export function slaArrived(_ctx: ServiceContext, _orderId: number, _at: number): void {}

/** Badges for lists and board cards, read from the stored deadlines (fast: one query for many orders). */
export function slaBadgesFor(_db: Db, _orderIds: readonly number[], _now: number): Map<number, SlaBadge> {
  return new Map()
}
