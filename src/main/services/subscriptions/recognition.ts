import { and, asc, eq, sql } from 'drizzle-orm'
import { divideRounded } from '@shared/domain/subscriptions'
import type { Db } from '../../db/connection'
import { subscriptionFees, subscriptionPendingReversals, subscriptionRecognition } from '../../db/schema'
import { loadParameters } from './setup'

/**
 * Schedule rows for `amount` credited of a fee: spread over its schedule in proportion to each row's amount
 * (the rows add up to exactly −amount), each recognised on its own date or the credit's date, whichever is
 * later — so what was recognised before the credit is reversed on the credit's date.
 */
export function reverse(db: Db, feeId: number, amount: number, date: string): void {
  const rows = db
    .select()
    .from(subscriptionRecognition)
    .where(and(eq(subscriptionRecognition.feeId, feeId), eq(subscriptionRecognition.reversal, false)))
    .orderBy(asc(subscriptionRecognition.id))
    .all()
  const total = rows.reduce((s, r) => s + r.amount, 0)
  if (total === 0) return
  // A reduction's schedule is negative; the fraction is taken over a positive denominator.
  const sign = Math.sign(total)
  let sofar = 0
  let given = 0
  for (const r of rows) {
    sofar += r.amount
    const upTo = divideRounded(-amount * sofar * sign, total * sign)
    db.insert(subscriptionRecognition)
      .values({
        feeId,
        fromDate: r.fromDate,
        toDate: r.toDate,
        recognizeOn: r.recognizeOn > date ? r.recognizeOn : date,
        amount: upTo - given,
        reversal: true
      })
      .run()
    given = upTo
  }
}

/**
 * The fee side of a credit note line: called by the ledger for every credited invoice line, whichever screen
 * credited it (the subscription's credit action or the invoice's generic credit dialog), so a fee's credited
 * amount and its recognition never disagree with its invoice line. `netAmount` is the credited part of the
 * line, signed like the line (a reduction's line is negative). Its recognition is reversed at the credit
 * note's date, or left waiting for a manual reversal (parameter reverseOnCredit). A line that is not a fee's
 * does nothing.
 */
export function recordFeeCredit(db: Db, invoiceLineId: number, netAmount: number, creditDate: string): void {
  const fee = db.select({ id: subscriptionFees.id }).from(subscriptionFees).where(eq(subscriptionFees.invoiceLineId, invoiceLineId)).get()
  if (!fee || netAmount === 0) return
  db.update(subscriptionFees)
    .set({ creditedAmount: sql`${subscriptionFees.creditedAmount} + ${Math.abs(netAmount)}` })
    .where(eq(subscriptionFees.id, fee.id))
    .run()
  if (loadParameters(db).reverseOnCredit === 'automatic') reverse(db, fee.id, netAmount, creditDate)
  else db.insert(subscriptionPendingReversals).values({ feeId: fee.id, amount: netAmount, creditDate }).run()
}
