/**
 * The rules of an order made by hand under an agreement (docs/adr/0018-intake-and-entitlement.md): which
 * agreement it may name, and that lines copied from the agreement's lines stay within those lines' dates.
 * Read-only checks, called by the order screens' commands (edit.ts, fromAgreement.ts) inside their transaction.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { withinAgreementLine } from '@shared/domain/intake'
import { dateOf } from '@shared/time'
import type { Db } from '../../db/connection'
import { agreementLines, agreements, serviceOrderLines } from '../../db/schema'
import { invalid } from '../core/errors'
import { loadSettings } from '../settings/settings'
import type { OrderRecord } from './write'

/** The day an order is judged on: its planned start, else its requested start, else today (company time zone). */
export function orderDate(db: Db, o: { plannedStart: number | null; requestedStart: number | null }, now: number): string {
  return dateOf(o.plannedStart ?? o.requestedStart ?? now, loadSettings(db).timeZone)
}

interface HeaderAgreement {
  customerId: number
  agreementId?: number | null | undefined
  plannedStart: number | null
  requestedStart: number | null
}

/**
 * The agreement the header names, checked when it is set or changed or the customer changes (an order
 * already under an agreement stays editable after the agreement ended or was suspended). Answers the
 * agreement id to store: the header's, or the current one when the header leaves it out.
 */
export function checkOrderAgreement(db: Db, h: HeaderAgreement, current: OrderRecord | null, now: number): number | null {
  const wanted = h.agreementId === undefined ? (current?.agreementId ?? null) : h.agreementId
  if (current !== null && current.origin === 'agreement' && wanted !== current.agreementId) {
    // A generated order belongs to the agreement's ledger of occurrences; it cannot move to another.
    throw invalid(['agreementId'], 'errors.intake.generatedKeepsAgreement', { number: current.number })
  }
  if (current !== null && current.agreementId !== null && wanted !== current.agreementId) {
    const copied = db
      .select({ n: sql<number>`count(*)` })
      .from(serviceOrderLines)
      .where(and(eq(serviceOrderLines.orderId, current.id), isNotNull(serviceOrderLines.agreementLineId)))
      .get()!.n
    if (copied > 0) throw invalid(['agreementId'], 'errors.intake.agreementLinesOnOrder', { count: copied })
  }
  if (wanted === null) return null
  if (current !== null && wanted === current.agreementId && h.customerId === current.customerId) return wanted
  const a = db.select().from(agreements).where(eq(agreements.id, wanted)).get()
  if (!a) throw invalid(['agreementId'], 'errors.intake.chooseAgreement')
  if (a.customerId !== h.customerId) throw invalid(['agreementId'], 'errors.intake.agreementOfCustomer', { number: a.number })
  if (a.templateGroupId !== null) throw invalid(['agreementId'], 'errors.intake.agreementTemplate', { number: a.number })
  if (a.suspended) throw invalid(['agreementId'], 'errors.intake.agreementSuspended', { number: a.number })
  const date = orderDate(db, h, now)
  if (!withinAgreementLine(date, a)) {
    throw invalid(['agreementId'], 'errors.intake.agreementNotInForce', { number: a.number, date, from: a.startDate, to: a.endDate ?? '…' })
  }
  return wanted
}

/**
 * A line copied from an agreement line, on an order made by hand, is scheduled within that agreement line's
 * dates. Generated lines are the agreement's own occurrences and are not checked here; the actual date
 * records what happened and is not checked either.
 */
export function checkAgreementLineDate(db: Db, o: OrderRecord, agreementLineId: number | null, scheduledDate: string | null): void {
  if (agreementLineId === null || scheduledDate === null || o.origin === 'agreement') return
  const line = db
    .select({ lineNo: agreementLines.lineNo, startDate: agreementLines.startDate, endDate: agreementLines.endDate })
    .from(agreementLines)
    .where(eq(agreementLines.id, agreementLineId))
    .get()
  if (line && !withinAgreementLine(scheduledDate, line)) {
    throw invalid(['scheduledDate'], 'errors.intake.outsideAgreementLine', {
      lineNo: line.lineNo,
      from: line.startDate,
      to: line.endDate ?? '…'
    })
  }
}
