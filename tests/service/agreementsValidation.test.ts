import { describe, expect, it } from 'vitest'
import type { Connection } from '../../src/main/db/connection'
import { agreementWorld, makeAgreement } from '../support/agreements'
import { call, callError } from '../support/db'

const counts = (conn: Connection) =>
  Object.fromEntries(
    [
      'service_intervals',
      'time_windows',
      'agreements',
      'agreement_lines',
      'service_orders',
      'agreement_occurrences',
      'generation_runs'
    ].map((t) => [t, (conn.sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n])
  )

describe('bad input: clear errors on the field, nothing created', () => {
  it('refuses an interval or a time window that makes no sense', async () => {
    const w = await agreementWorld()
    const before = counts(w.conn)
    for (const every of [0, -1, 1.5, 121]) {
      const err = await callError(w.admin, 'serviceIntervals.create', { code: 'BAD', name: 'Bad', unit: 'week', every })
      expect(err.code).toBe('VALIDATION')
      expect(err.issues?.map((i) => i.path)).toEqual([['every']])
    }
    const unit = await callError(w.admin, 'serviceIntervals.create', { code: 'BAD', name: 'Bad', unit: 'fortnight' as 'week', every: 1 })
    expect(unit.issues?.map((i) => i.path)).toEqual([['unit']])
    const manual = await callError(w.admin, 'timeWindows.create', { code: 'BAD', name: 'Bad', kind: 'manual', daysBefore: 0, daysAfter: 0 })
    expect(manual.issues?.map((i) => [i.path, i.message])).toEqual([[['daysAfter'], 'A manual window needs days before or after']])
    const negative = await callError(w.admin, 'timeWindows.create', {
      code: 'BAD',
      name: 'Bad',
      kind: 'manual',
      daysBefore: -2,
      daysAfter: 3
    })
    expect(negative.issues?.map((i) => i.path)).toEqual([['daysBefore']])
    // Editing an existing window into nonsense is refused the same way.
    const pm3 = (await call(w.admin, 'timeWindows.list', {})).rows.find((r) => r.code === 'PM3')!
    const edit = await callError(w.admin, 'timeWindows.update', { ...pm3, daysBefore: 0, daysAfter: 0 })
    expect(edit.issues?.map((i) => i.path)).toEqual([['daysAfter']])
    const weekly = (await call(w.admin, 'serviceIntervals.list', {})).rows.find((r) => r.code === 'WEEKLY')!
    expect((await callError(w.admin, 'serviceIntervals.update', { ...weekly, every: 0 })).issues?.map((i) => i.path)).toEqual([['every']])
    expect(counts(w.conn)).toEqual(before)
  })

  it('refuses an end before the start on the agreement and on a line, and "end before" not after "start after"', async () => {
    const w = await agreementWorld()
    const before = counts(w.conn)
    const header = {
      customerId: w.customer.id,
      description: 'Vale',
      groupId: w.agreementGroup.id,
      startDate: '2026-05-01',
      endDate: '2026-04-30'
    }
    expect((await callError(w.admin, 'agreements.create', header)).issues?.map((i) => i.path)).toEqual([['endDate']])
    expect(counts(w.conn)).toEqual(before)

    const a = await makeAgreement(w, {}, [])
    const afterCreate = counts(w.conn)
    const line = { agreementId: a.id, type: 'hour' as const, categoryId: w.category.id, startDate: '2026-05-01' }
    expect((await callError(w.admin, 'agreements.addLine', { ...line, endDate: '2026-04-01' })).issues?.map((i) => i.path)).toEqual([
      ['endDate']
    ])
    for (const [startAfter, endBefore] of [
      ['10:00', '10:00'],
      ['14:00', '09:00']
    ] as const) {
      const err = await callError(w.admin, 'agreements.addLine', { ...line, startAfter, endBefore })
      expect(err.issues?.map((i) => [i.path, i.message])).toEqual([[['endBefore'], 'End before must be later than start after']])
    }
    expect((await callError(w.admin, 'agreements.addLine', { ...line, startAfter: '25:00' })).issues?.map((i) => i.path)).toEqual([
      ['startAfter']
    ])
    // On an existing agreement and line too.
    const update = await callError(w.admin, 'agreements.update', { ...a, endDate: '2025-12-31', objects: [], tasks: [] })
    expect(update.issues?.map((i) => i.path)).toEqual([['endDate']])
    const withLine = await call(w.admin, 'agreements.addLine', line)
    const afterLine = counts(w.conn)
    const l = withLine.lines[0]!
    expect((await callError(w.admin, 'agreements.updateLine', { ...l, endDate: '2026-01-01' })).issues?.map((i) => i.path)).toEqual([
      ['endDate']
    ])
    expect(
      (await callError(w.admin, 'agreements.updateLine', { ...l, startAfter: '12:00', endBefore: '08:00' })).issues?.map((i) => i.path)
    ).toEqual([['endBefore']])
    expect(counts(w.conn)).toEqual(afterLine)
    expect(afterLine.agreement_lines).toBe(afterCreate.agreement_lines! + 1)
  })

  it("refuses a line on an object not related to the agreement, or another customer's object as a relation", async () => {
    const w = await agreementWorld()
    const a = await makeAgreement(w, { objects: [{ id: w.serviceObject.id }] }, [])
    const before = counts(w.conn)
    const err = await callError(w.admin, 'agreements.addLine', {
      agreementId: a.id,
      type: 'hour',
      categoryId: w.category.id,
      startDate: '2026-05-01',
      serviceObjectId: w.object2.id
    })
    expect(err.issues?.map((i) => i.path)).toEqual([['serviceObjectId']])
    expect(err.message).toMatch(/not related to this agreement/)
    const other = await call(w.admin, 'customers.create', {
      name: 'Teine AS',
      groupId: w.customerGroup.id,
      sites: [{ name: 'Ladu', street: 'Tööstuse 1', city: 'Tartu' }]
    })
    const foreign = await call(w.admin, 'serviceObjects.create', { name: 'Võõras katel', customerId: other.id })
    const relation = await callError(w.admin, 'agreements.update', {
      ...a,
      objects: [{ id: w.serviceObject.id }, { id: foreign.id }],
      tasks: []
    })
    expect(relation.issues?.map((i) => i.path)).toEqual([['objects', 1, 'id']])
    // An object used on a line cannot be unrelated while the line names it.
    const withLine = await call(w.admin, 'agreements.addLine', {
      agreementId: a.id,
      type: 'hour',
      categoryId: w.category.id,
      startDate: '2026-05-01',
      serviceObjectId: w.serviceObject.id
    })
    const unrelate = await callError(w.admin, 'agreements.update', { ...withLine, objects: [], tasks: [] })
    expect(unrelate.issues?.map((i) => i.path)).toEqual([['objects']])
    expect(counts(w.conn)).toEqual({ ...before, agreement_lines: before.agreement_lines! + 1 })
  })

  it('refuses a generation range over ten years, an end before the start, and no line types — creating nothing', async () => {
    const w = await agreementWorld()
    const before = counts(w.conn)
    const cases = [
      [{ from: '2026-01-01', to: '2036-01-02' }, ['to'], 'Generate at most ten years at a time'],
      [{ from: '2026-03-01', to: '2026-02-28' }, ['to'], 'The end cannot be before the start'],
      [{ from: '2026-02-30', to: '2026-03-31' }, ['from'], null],
      [{ from: '2026-01-01', to: '2026-01-31', types: [] }, ['types'], 'Include at least one line type']
    ] as const
    for (const [input, path, message] of cases) {
      for (const method of ['agreements.preview', 'agreements.generate'] as const) {
        const err = await callError(w.admin, method, input as never)
        expect(err.code, JSON.stringify(input)).toBe('VALIDATION')
        expect(err.issues?.map((i) => i.path)).toEqual([path])
        if (message) expect(err.issues?.[0]?.message).toBe(message)
      }
    }
    // Exactly ten years is allowed.
    const run = await call(w.admin, 'agreements.generate', { from: '2026-01-01', to: '2035-12-31', agreementIds: [w.agreement.id] })
    expect(run.status).toBe('running')
    expect(counts(w.conn).generation_runs).toBe(before.generation_runs! + 1)
  })
})
