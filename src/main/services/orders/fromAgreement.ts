/**
 * Copying an agreement's lines onto an order made by hand under it (docs/adr/0018-intake-and-entitlement.md):
 * a breakdown call under contract gets the contract's work, parts and prices without retyping them.
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { withinAgreementLine } from '@shared/domain/intake'
import type { LineType, OrderRow } from '@shared/domain/orders'
import { agreementLines, serviceOrderLines, serviceOrderObjects } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { invalid } from '../core/errors'
import { writeTx } from '../core/tx'
import { orderDate } from './agreementLink'
import { checkVersion, lineDefaults, nextLineNo, requireModifiable } from './edit'
import { mustLoadOrder } from './read'
import { orderRecord, refreshOrder, requireOpenOrder } from './write'

/**
 * Each chosen agreement line becomes an open line of the order: same type, category or item, object, task,
 * quantity, worker and note; the agreement line's price, or the catalogue's when it sets none. The copy names
 * its agreement line (so its date stays within that line's dates, and it can move to the agreement's
 * generated orders) but no occurrence: it is not a visit the generator made, and the generator still makes
 * its own.
 */
export function copyAgreementLines(ctx: ServiceContext, i: ParsedInput<'serviceOrders.copyAgreementLines'>): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    requireOpenOrder(ctx.db, o, 'id')
    requireModifiable(ctx.db, o)
    if (o.agreementId === null) throw invalid(['agreementLineIds'], 'errors.intake.orderWithoutAgreement', { number: o.number })
    const wanted = [...new Set(i.agreementLineIds)]
    const lines = ctx.db
      .select()
      .from(agreementLines)
      .where(and(eq(agreementLines.agreementId, o.agreementId), inArray(agreementLines.id, wanted)))
      .all()
    const date = i.scheduledDate ?? orderDate(ctx.db, o, ctx.now())
    i.agreementLineIds.forEach((lineId, n) => {
      const l = lines.find((x) => x.id === lineId)
      if (!l) throw invalid(['agreementLineIds', n], 'errors.intake.lineOfOtherAgreement')
      if (l.stopped) throw invalid(['agreementLineIds', n], 'errors.intake.agreementLineStopped', { lineNo: l.lineNo })
      if (!withinAgreementLine(date, l)) {
        throw invalid([i.scheduledDate === null ? 'agreementLineIds' : 'scheduledDate'], 'errors.intake.outsideAgreementLine', {
          lineNo: l.lineNo,
          from: l.startDate,
          to: l.endDate ?? '…'
        })
      }
    })
    let lineNo = nextLineNo(ctx.db, o.id)
    const created: number[] = []
    for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
      const d = lineDefaults(ctx.db, { type: l.type as LineType, categoryId: l.categoryId, itemId: l.itemId })
      const row = ctx.db
        .insert(serviceOrderLines)
        .values({
          orderId: o.id,
          lineNo: lineNo++,
          type: l.type,
          description: l.description || d.description,
          workerId: l.workerId ?? (l.type === 'hour' ? o.responsibleWorkerId : null),
          serviceObjectId: l.serviceObjectId,
          serviceTaskId: l.serviceTaskId,
          categoryId: l.categoryId,
          itemId: l.itemId,
          quantity: l.quantity,
          unit: d.unit,
          unitCost: d.unitCost,
          unitPrice: l.unitPrice ?? d.unitPrice,
          scheduledDate: i.scheduledDate,
          note: l.note,
          agreementLineId: l.id
        })
        .returning({ id: serviceOrderLines.id })
        .get()
      created.push(row.id)
      if (l.serviceObjectId !== null)
        ctx.db.insert(serviceOrderObjects).values({ orderId: o.id, serviceObjectId: l.serviceObjectId }).onConflictDoNothing().run()
    }
    refreshOrder(ctx.db, o.id)
    audit(ctx, 'serviceOrder', o.id, 'update', null, { copiedAgreementLines: lines.map((l) => l.lineNo), lineIds: created })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}
