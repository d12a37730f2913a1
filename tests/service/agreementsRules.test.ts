import { describe, expect, it } from 'vitest'
import { agreementWorld, type AgreementWorld, generate, ledgerOf, makeAgreement, ordersOf } from '../support/agreements'
import { call, callError } from '../support/db'

/*
 * Calendar facts used below (2026): 5 January, 1 June, 30 March and 26 October are Mondays; Tallinn moves
 * to summer time (UTC+3) on Sunday 29 March and back to UTC+2 on Sunday 25 October.
 */
const utc = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h, min)

async function setHolidays(w: AgreementWorld, holidays: { date: string; name: string }[]) {
  const s = await call(w.admin, 'settings.get', {})
  await call(w.admin, 'settings.update', { ...s, holidays })
}

describe('idempotency: the ledger of occurrences', () => {
  it('never makes an occurrence twice over overlapping ranges', async () => {
    const w = await agreementWorld()
    const a = await makeAgreement(w, {}, [
      { intervalId: w.intervals.WEEKLY!, startDate: '2026-01-05', serviceObjectId: w.serviceObject.id }
    ])

    expect(generate(w, '2026-01-01', '2026-01-31', [a.id]).summary).toEqual({
      orders: 4,
      lines: 4,
      skipped: 0,
      conflicts: 0,
      agreements: 1
    })
    expect(generate(w, '2026-01-15', '2026-02-28', [a.id]).summary).toEqual({
      orders: 4,
      lines: 4,
      skipped: 2,
      conflicts: 0,
      agreements: 1
    })
    expect(generate(w, '2026-01-01', '2026-02-28', [a.id]).summary).toEqual({
      orders: 0,
      lines: 0,
      skipped: 8,
      conflicts: 0,
      agreements: 0
    })
    const preview = await call(w.admin, 'agreements.preview', { from: '2025-12-01', to: '2026-03-08', agreementIds: [a.id] })
    expect(preview).toMatchObject({ orders: 1, skipped: 8 })
    expect(preview.visits.map((v) => v.date)).toEqual(['2026-03-02'])

    const ledger = ledgerOf(w.conn, a.id)
    expect(ledger.map((l) => l.date)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23'
    ])
    expect(ordersOf(w.conn, a.id).flatMap((o) => o.lines.map(([, d]) => d))).toEqual(ledger.map((l) => l.date))
    // The agreement line counts what it has produced.
    expect((await call(w.admin, 'agreements.get', { id: a.id })).lines[0]!.generatedCount).toBe(8)
  })

  it('does not recreate an occurrence whose order line was cancelled, moved or rescheduled, or whose order was deleted', async () => {
    const w = await agreementWorld()
    const a = await makeAgreement(w, {}, [
      { intervalId: w.intervals.WEEKLY!, startDate: '2026-01-05', serviceObjectId: w.serviceObject.id }
    ])
    const first = generate(w, '2026-01-01', '2026-01-31', [a.id])
    const [o1, o2, o3, o4] = await Promise.all(first.orderIds.map((id) => call(w.admin, 'serviceOrders.get', { id })))

    await call(w.admin, 'serviceOrders.cancelLine', { id: o1!.lines[0]!.id, version: o1!.lines[0]!.version })
    // The line of 12 January moves onto the order of 19 January; its emptied order goes.
    await call(w.admin, 'serviceOrders.moveLines', { lineIds: [o2!.lines[0]!.id], toOrderId: o3!.id, deleteEmptyOrder: true })
    const l3 = o3!.lines[0]!
    await call(w.admin, 'serviceOrders.updateLine', {
      id: l3.id,
      version: l3.version,
      type: 'hour',
      categoryId: w.category.id,
      quantity: l3.quantity,
      scheduledDate: '2026-02-03'
    })
    await call(w.admin, 'serviceOrders.delete', { id: o4!.id, version: o4!.version })
    // An agreement's order line cannot be deleted on its own (cancelling keeps it on record).
    const moved = (await call(w.admin, 'serviceOrders.get', { id: o3!.id })).lines[0]!
    const refused = await callError(w.admin, 'serviceOrders.deleteLine', { id: moved.id, version: moved.version })
    expect(refused.message).toMatch(/comes from an agreement; cancel it instead/)

    const again = generate(w, '2026-01-01', '2026-02-28', [a.id])
    expect(again.summary).toMatchObject({ orders: 4, lines: 4, skipped: 4 })
    const occurrences = ordersOf(w.conn, a.id).flatMap((o) => o.lines.map(([, d]) => d))
    // 5 January is there once (cancelled), 12 and 19 January once each, 26 January not at all (its order was deleted).
    expect(occurrences.filter((d) => d < '2026-02-01').sort()).toEqual(['2026-01-05', '2026-01-12', '2026-01-19'])
    const ledger = ledgerOf(w.conn, a.id)
    expect(ledger).toHaveLength(8)
    expect(ledger.find((l) => l.date === '2026-01-26')!.orderLineId).toBeNull()
  })
})

describe('what takes part', () => {
  it('suspended agreements and templates produce nothing; resuming makes the missing orders', async () => {
    const w = await agreementWorld()
    const line = { intervalId: w.intervals.WEEKLY!, startDate: '2026-01-05' }
    const suspended = await makeAgreement(w, { suspended: true }, [line])
    const group = await call(w.admin, 'templateGroups.create', { code: 'HVAC', name: 'Küte ja ventilatsioon', parentId: null })
    const template = await makeAgreement(w, { templateGroupId: group.id }, [line])

    const preview = await call(w.admin, 'agreements.preview', {
      from: '2026-01-01',
      to: '2026-01-31',
      agreementIds: [suspended.id, template.id]
    })
    expect(preview).toMatchObject({ orders: 0, agreements: 0 })
    const run = generate(w, '2026-01-01', '2026-01-31', [suspended.id, template.id])
    expect(run).toMatchObject({ total: 0, summary: { orders: 0 } })
    // A run over everything leaves them out too (the seeded agreement makes its one January order).
    expect(generate(w, '2026-01-01', '2026-01-31', []).summary).toMatchObject({ orders: 1, agreements: 1 })
    expect(ordersOf(w.conn, suspended.id)).toEqual([])
    expect(ordersOf(w.conn, template.id)).toEqual([])

    await call(w.admin, 'agreements.update', {
      ...suspended,
      suspended: false,
      objects: suspended.objects.map((o) => ({ id: o.id })),
      tasks: []
    })
    expect(generate(w, '2026-01-01', '2026-01-31', []).summary).toMatchObject({ orders: 4, agreements: 1, skipped: 1 })
    // An agreement with orders cannot become a template.
    const fresh = await call(w.admin, 'agreements.get', { id: suspended.id })
    const err = await callError(w.admin, 'agreements.update', {
      ...fresh,
      templateGroupId: group.id,
      objects: fresh.objects.map((o) => ({ id: o.id })),
      tasks: []
    })
    expect(err.issues?.[0]?.path).toEqual(['templateGroupId'])
  })

  it('skips stopped lines, and only includes the chosen line types', async () => {
    const w = await agreementWorld()
    const a = await makeAgreement(w, {}, [
      { intervalId: w.intervals.WEEKLY!, startDate: '2026-01-05', stopped: true },
      { intervalId: w.intervals.MONTHLY!, startDate: '2026-01-07' },
      { type: 'item', itemId: w.item.id, intervalId: w.intervals.MONTHLY!, startDate: '2026-01-07' }
    ])
    const hoursOnly = await call(w.admin, 'agreements.preview', {
      from: '2026-01-01',
      to: '2026-02-28',
      agreementIds: [a.id],
      types: ['hour']
    })
    // 7 February is a Saturday: without a time window the visit keeps its date, flagged.
    expect(hoursOnly.visits.map((v) => [v.date, v.calendarConflict, v.lines.map((l) => l.lineNo)])).toEqual([
      ['2026-01-07', false, [2]],
      ['2026-02-07', true, [2]]
    ])
    expect(generate(w, '2026-01-01', '2026-01-31', [a.id], { types: ['hour'] }).summary).toMatchObject({ orders: 1, lines: 1 })
    // The item line of 7 January was left out, not made: a run with items adds it (as its own order: one per date and run).
    expect(generate(w, '2026-01-01', '2026-02-28', [a.id]).summary).toMatchObject({ orders: 2, lines: 3, skipped: 1, conflicts: 1 })
    expect(ordersOf(w.conn, a.id).map((o) => [o.scheduled, o.lines.map(([n]) => n)])).toEqual([
      ['2026-01-07', [2]],
      ['2026-01-07', [3]],
      ['2026-02-07', [2, 3]]
    ])
    // Stopping the monthly line stops its occurrences; the weekly line stays stopped.
    const line2 = (await call(w.admin, 'agreements.get', { id: a.id })).lines[1]!
    await call(w.admin, 'agreements.updateLine', { ...line2, stopped: true })
    expect(generate(w, '2026-03-01', '2026-03-31', [a.id]).summary).toMatchObject({ orders: 1, lines: 1 })
    expect(
      ledgerOf(w.conn, a.id)
        .filter((l) => l.date >= '2026-03-01')
        .map((l) => l.lineId)
    ).toEqual([a.lines[2]!.id])
  })

  it('generates only in range ∩ agreement dates ∩ line dates, stepping from the line start', async () => {
    const w = await agreementWorld()
    const a = await makeAgreement(w, { startDate: '2026-02-10', endDate: '2026-04-20' }, [
      // Starts before the agreement (Monday 5 January) and ends 10 April.
      { intervalId: w.intervals.WEEKLY!, startDate: '2026-01-05', endDate: '2026-04-10' },
      // Starts after the others; the agreement ends before its second occurrence.
      { intervalId: w.intervals.MONTHLY!, startDate: '2026-04-15' },
      // Once, without an interval, outside the range.
      { startDate: '2026-02-11' }
    ])
    const run = generate(w, '2026-03-01', '2026-05-31', [a.id])
    expect(run.summary).toMatchObject({ orders: 7, lines: 7, skipped: 0 })
    expect(ordersOf(w.conn, a.id).map((o) => o.lines.map(([n, d]) => `${n}@${d}`).join())).toEqual([
      '1@2026-03-02',
      '1@2026-03-09',
      '1@2026-03-16',
      '1@2026-03-23',
      '1@2026-03-30',
      '1@2026-04-06',
      '2@2026-04-15'
    ])
    // Before the agreement starts nothing happens; the one-time line happens once.
    expect(generate(w, '2026-01-01', '2026-02-28', [a.id]).summary).toMatchObject({ orders: 3, lines: 3 })
    expect(
      ordersOf(w.conn, a.id)
        .slice(0, 3)
        .map((o) => o.lines.map(([n, d]) => `${n}@${d}`).join())
    ).toEqual(['3@2026-02-11', '1@2026-02-16', '1@2026-02-23'])
    // After it ends, nothing.
    expect(generate(w, '2026-04-21', '2027-04-21', [a.id])).toMatchObject({ total: 0, summary: { orders: 0 } })
  })
})

describe('time windows', () => {
  it('combine lines of different days into one visit on an open day of the window', async () => {
    const w = await agreementWorld()
    const week = w.windows.WEEK!
    const monthly = w.intervals.MONTHLY!
    // The lines start in May, so that their June occurrences may move freely inside their windows.
    const inWeek = await makeAgreement(w, {}, [
      { intervalId: monthly, timeWindowId: week, startDate: '2026-05-02' },
      { intervalId: monthly, timeWindowId: week, startDate: '2026-05-04' }
    ])
    const noWindow = await makeAgreement(w, {}, [
      { intervalId: monthly, startDate: '2026-05-02' },
      { intervalId: monthly, startDate: '2026-05-04' }
    ])
    const inMonth = await makeAgreement(w, {}, [
      { intervalId: monthly, timeWindowId: w.windows.MONTH!, startDate: '2026-05-03' },
      { intervalId: monthly, timeWindowId: w.windows.MONTH!, startDate: '2026-05-24' }
    ])
    const manual = await makeAgreement(w, {}, [
      { intervalId: monthly, timeWindowId: w.windows.PM3!, startDate: '2026-05-08' },
      { intervalId: monthly, timeWindowId: w.windows.PM3!, startDate: '2026-05-12' }
    ])
    // A Saturday visit with a week window moves to the nearest open day (Friday before Monday)…
    const saturday = await makeAgreement(w, {}, [{ intervalId: monthly, timeWindowId: week, startDate: '2026-05-06' }])
    // …but never before the line starts: a first visit on a Saturday can only go to Sunday, and is flagged.
    const firstSaturday = await makeAgreement(w, {}, [{ intervalId: monthly, timeWindowId: week, startDate: '2026-06-06' }])
    const run = generate(w, '2026-06-01', '2026-06-30', [inWeek.id, noWindow.id, inMonth.id, manual.id, saturday.id, firstSaturday.id])
    expect(run.summary).toMatchObject({ orders: 7, lines: 10, conflicts: 1 })
    const visits = (id: number) => ordersOf(w.conn, id).map((o) => [o.scheduled, o.lines.map(([n, d]) => `${n}@${d}`)])
    expect(visits(inWeek.id)).toEqual([['2026-06-02', ['1@2026-06-02', '2@2026-06-04']]])
    expect(visits(noWindow.id)).toEqual([
      ['2026-06-02', ['1@2026-06-02']],
      ['2026-06-04', ['2@2026-06-04']]
    ])
    expect(visits(inMonth.id)).toEqual([['2026-06-03', ['1@2026-06-03', '2@2026-06-24']]])
    // ±3 days: 5–11 June and 9–15 June meet on 9–11 June.
    expect(visits(manual.id)).toEqual([['2026-06-09', ['1@2026-06-08', '2@2026-06-12']]])
    expect(visits(saturday.id)).toEqual([['2026-06-05', ['1@2026-06-06']]])
    expect(ordersOf(w.conn, firstSaturday.id).map((o) => [o.scheduled, o.conflict])).toEqual([['2026-06-06', true]])
  })

  it('puts weekly and biweekly lines on the same object into one order every other week', async () => {
    const w = await agreementWorld()
    const a = await makeAgreement(w, {}, [
      { intervalId: w.intervals.WEEKLY!, startDate: '2026-06-01', serviceObjectId: w.serviceObject.id },
      { intervalId: w.intervals.BIWEEKLY!, startDate: '2026-06-01', serviceObjectId: w.serviceObject.id, quantity: 500 }
    ])
    expect(generate(w, '2026-06-01', '2026-06-30', [a.id]).summary).toMatchObject({ orders: 5, lines: 8 })
    expect(ordersOf(w.conn, a.id).map((o) => [o.scheduled, o.lines.map(([n]) => n)])).toEqual([
      ['2026-06-01', [1, 2]],
      ['2026-06-08', [1]],
      ['2026-06-15', [1, 2]],
      ['2026-06-22', [1]],
      ['2026-06-29', [1, 2]]
    ])
  })

  it('never moves a visit outside the range being generated', async () => {
    const w = await agreementWorld()
    await setHolidays(w, [{ date: '2026-06-24', name: 'Võidupüha' }])
    const a = await makeAgreement(w, {}, [{ intervalId: w.intervals.WEEKLY!, timeWindowId: w.windows.WEEK!, startDate: '2026-06-17' }])
    // 24 June is closed; Tuesday 23 June is as near as Thursday 25 June, but before the range: Thursday.
    generate(w, '2026-06-24', '2026-06-30', [a.id])
    expect(ordersOf(w.conn, a.id).map((o) => [o.scheduled, o.conflict])).toEqual([['2026-06-25', false]])
    // From earlier, the same holiday moves to Tuesday (the earlier of two equally near days).
    const b = await makeAgreement(w, {}, [{ intervalId: w.intervals.WEEKLY!, timeWindowId: w.windows.WEEK!, startDate: '2026-06-17' }])
    generate(w, '2026-06-22', '2026-06-30', [b.id])
    expect(ordersOf(w.conn, b.id).map((o) => o.scheduled)).toEqual(['2026-06-23'])
  })
})

describe('combining into orders', () => {
  async function twoLines(w: AgreementWorld, combineRule: 'agreement' | 'task' | 'worker' | 'object', sameObject = false) {
    return makeAgreement(
      w,
      {
        combineRule,
        objects: [
          { id: w.serviceObject.id, externalNote: 'Võti valvelauas', internalNote: '' },
          { id: w.object2.id, externalNote: '', internalNote: 'Vana seade' }
        ],
        tasks: [
          { id: w.serviceTask.id, externalNote: 'Kontrolli rõhku', internalNote: '' },
          { id: w.task2.id, externalNote: '', internalNote: '' }
        ]
      },
      [
        {
          intervalId: w.intervals.WEEKLY!,
          startDate: '2026-06-01',
          serviceObjectId: w.serviceObject.id,
          serviceTaskId: w.serviceTask.id,
          workerId: w.worker.id
        },
        {
          intervalId: w.intervals.WEEKLY!,
          startDate: '2026-06-01',
          serviceObjectId: sameObject ? w.serviceObject.id : w.object2.id,
          serviceTaskId: w.task2.id,
          workerId: w.worker2.id
        }
      ]
    )
  }
  const objectsAndTasks = async (w: AgreementWorld, agreementId: number) =>
    Promise.all(
      ordersOf(w.conn, agreementId).map(async (o) => {
        const order = await call(w.admin, 'serviceOrders.get', { id: o.id })
        return {
          lines: order.lines.map((l) => [l.lineNo, l.serviceObjectId, l.serviceTaskId, l.workerId]),
          objects: order.objects.map((x) => [x.id, x.note]),
          tasks: order.tasks.map((x) => [x.id, x.note]).sort((x, y) => Number(x[0]) - Number(y[0])),
          siteId: order.siteId
        }
      })
    )

  it('by agreement: one order a date with every related object and task (and their external notes)', async () => {
    const w = await agreementWorld()
    const a = await twoLines(w, 'agreement')
    expect(generate(w, '2026-06-01', '2026-06-07', [a.id]).summary).toMatchObject({ orders: 1, lines: 2 })
    expect(await objectsAndTasks(w, a.id)).toEqual([
      {
        lines: [
          [1, w.serviceObject.id, w.serviceTask.id, w.worker.id],
          [2, w.object2.id, w.task2.id, w.worker2.id]
        ],
        objects: [
          [w.serviceObject.id, 'Võti valvelauas'],
          [w.object2.id, '']
        ],
        tasks: [
          [w.serviceTask.id, 'Kontrolli rõhku'],
          [w.task2.id, '']
        ],
        siteId: w.customer.sites[0]!.id
      }
    ])
  })

  it('by object, task or worker: one order per object / task / worker and date, each with its own relations', async () => {
    const w = await agreementWorld()
    const byObject = await twoLines(w, 'object')
    const byTask = await twoLines(w, 'task')
    const byWorker = await twoLines(w, 'worker')
    const byObjectSame = await twoLines(w, 'object', true)
    expect(generate(w, '2026-06-01', '2026-06-07', [byObject.id, byTask.id, byWorker.id, byObjectSame.id]).summary).toMatchObject({
      orders: 7,
      lines: 8
    })
    const first = { lines: [[1, w.serviceObject.id, w.serviceTask.id, w.worker.id]], objects: [[w.serviceObject.id, 'Võti valvelauas']] }
    const second = { lines: [[1, w.object2.id, w.task2.id, w.worker2.id]], objects: [[w.object2.id, '']] }
    expect(await objectsAndTasks(w, byObject.id)).toMatchObject([first, second])
    expect(await objectsAndTasks(w, byTask.id)).toMatchObject([
      { ...first, tasks: [[w.serviceTask.id, 'Kontrolli rõhku']] },
      { ...second, tasks: [[w.task2.id, '']] }
    ])
    expect(await objectsAndTasks(w, byWorker.id)).toMatchObject([first, second])
    expect((await objectsAndTasks(w, byObjectSame.id)).map((o) => o.lines.length)).toEqual([2])
  })
})

describe('calendar conflicts', () => {
  it('creates a visit on a holiday or a weekend anyway and flags it; a window moves it to an open day instead', async () => {
    const w = await agreementWorld()
    await setHolidays(w, [{ date: '2026-06-24', name: 'Võidupüha' }])
    const holiday = await makeAgreement(w, {}, [{ intervalId: w.intervals.MONTHLY!, startDate: '2026-06-24' }])
    const weekend = await makeAgreement(w, {}, [{ intervalId: w.intervals.MONTHLY!, startDate: '2026-06-27' }])
    const moved = await makeAgreement(w, {}, [{ intervalId: w.intervals.MONTHLY!, timeWindowId: w.windows.WEEK!, startDate: '2026-05-24' }])
    const ids = [holiday.id, weekend.id, moved.id]
    const preview = await call(w.admin, 'agreements.preview', { from: '2026-06-01', to: '2026-06-30', agreementIds: ids })
    expect(preview).toMatchObject({ orders: 3, conflicts: 2 })
    expect(generate(w, '2026-06-01', '2026-06-30', ids).summary).toMatchObject({ orders: 3, conflicts: 2 })
    expect(ordersOf(w.conn, holiday.id).map((o) => [o.scheduled, o.conflict])).toEqual([['2026-06-24', true]])
    expect(ordersOf(w.conn, weekend.id).map((o) => [o.scheduled, o.conflict])).toEqual([['2026-06-27', true]])
    expect(ordersOf(w.conn, moved.id).map((o) => [o.scheduled, o.conflict])).toEqual([['2026-06-23', false]])
    // The flag is on the order itself, and the order is otherwise ordinary.
    const order = await call(w.admin, 'serviceOrders.get', { id: ordersOf(w.conn, holiday.id)[0]!.id })
    expect(order).toMatchObject({ origin: 'agreement', agreementId: holiday.id, progress: 'inProcess', lineCount: 1 })
  })
})

describe('planned times in the shop time zone', () => {
  it('plans from "start after" on the visit day across both daylight-saving changes', async () => {
    const w = await agreementWorld()
    expect((await call(w.admin, 'settings.get', {})).timeZone).toBe('Europe/Tallinn')
    const a = await makeAgreement(w, {}, [
      { startDate: '2026-03-27', intervalId: w.intervals.WEEKLY!, startAfter: '08:00', endBefore: '12:00' }
    ])
    // The changeover Sunday itself (closed, created anyway): 09:00 in summer time is 06:00 UTC.
    const sunday = await makeAgreement(w, {}, [{ startDate: '2026-03-29', startAfter: '09:00' }])
    // Without a time of day: the working day's start, and as long as the hours (2 h).
    const noTime = await makeAgreement(w, {}, [{ startDate: '2026-03-30', quantity: 2000 }])
    const autumn = await makeAgreement(w, {}, [
      { startDate: '2026-10-23', startAfter: '08:00' },
      { startDate: '2026-10-26', startAfter: '08:00' }
    ])
    generate(w, '2026-03-01', '2026-10-31', [a.id, sunday.id, noTime.id, autumn.id])

    const weekly = ordersOf(w.conn, a.id).slice(0, 2)
    expect(weekly.map((o) => [o.scheduled, o.plannedStart, o.plannedEnd])).toEqual([
      ['2026-03-27', utc(2026, 3, 27, 6), utc(2026, 3, 27, 10)],
      ['2026-04-03', utc(2026, 4, 3, 5), utc(2026, 4, 3, 9)]
    ])
    const order = await call(w.admin, 'serviceOrders.get', { id: weekly[0]!.id })
    expect([order.requestedStart, order.requestedEnd]).toEqual([utc(2026, 3, 27, 6), utc(2026, 3, 27, 10)])
    expect(ordersOf(w.conn, sunday.id).map((o) => [o.plannedStart, o.conflict])).toEqual([[utc(2026, 3, 29, 6), true]])
    const plain = ordersOf(w.conn, noTime.id)
    expect(plain.map((o) => [o.plannedStart, o.plannedEnd])).toEqual([[utc(2026, 3, 30, 5), utc(2026, 3, 30, 7)]])
    // No time of day asked for: the visit may be any time that day (midnight to midnight, local).
    const plainOrder = await call(w.admin, 'serviceOrders.get', { id: plain[0]!.id })
    expect([plainOrder.requestedStart, plainOrder.requestedEnd]).toEqual([utc(2026, 3, 29, 21), utc(2026, 3, 30, 21)])
    expect(ordersOf(w.conn, autumn.id).map((o) => o.plannedStart)).toEqual([utc(2026, 10, 23, 5), utc(2026, 10, 26, 6)])
  })
})
