import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { addRepairLineInTx } from '../../src/main/services/repair/lines'
import { writeTx } from '../../src/main/services/core/tx'
import { createDemoData } from '../../src/main/demo/createDemo'
import { call, freshDb, userWith } from '../support/db'
import { linkedUser, snapshot } from '../support/orders'
import { testClock } from '../support/seed'

const DAY = 86_400_000
/** 10:00 UTC = noon in Tallinn on a day of December 2026. */
const december = (day: number, hourUtc = 10) => Date.UTC(2026, 11, day, hourUtc)
const REPAIR_TABLES = [
  'repair_codes',
  'repair_lines',
  'bom_templates',
  'bom_template_components',
  'object_structures',
  'structure_components',
  'structure_versions'
]

async function world() {
  const { conn } = await freshDb()
  const clock = testClock(december(1))
  const boss = userWith(conn, ['administrator'], 'boss')
  const admin: ServiceContext = createContext(conn, boss.user, boss.session, clock.now)
  const host = { conn, checkOutputs: true, now: clock.now }
  async function api<M extends MethodName>(method: M, input: Input<M>, as: ServiceContext = admin): Promise<Output<M>> {
    const r = await runMethod(host, () => null, as.session, method, input)
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { error: r.error })
    return r.data as Output<M>
  }
  const everything = () => ({
    ...snapshot(conn),
    ...Object.fromEntries(REPAIR_TABLES.map((t) => [t, conn.sqlite.prepare(`select * from ${t} order by rowid`).all()]))
  })
  /** A refusal: answers the error and checks that not a row changed anywhere. */
  async function refused<M extends MethodName>(method: M, input: Input<M>, as: ServiceContext = admin) {
    const before = everything()
    const r = await runMethod(host, () => null, as.session, method, input)
    if (r.ok) throw new Error(`${method} should have been refused`)
    expect(everything()).toEqual(before)
    return r.error
  }

  const boilers = await api('serviceObjectGroups.create', { code: 'BOILER', name: 'Boilers' })
  const lifts = await api('serviceObjectGroups.create', { code: 'LIFT', name: 'Lifts' })
  const model = await api('items.create', { number: 'VIESS-200', name: 'Vitodens 200', unit: 'pcs' })
  const pump = await api('items.create', {
    number: 'PUMP-25',
    name: 'Circulation pump',
    unit: 'pcs',
    salesPrice: 18000,
    serialTracked: true
  })
  const pump2 = await api('items.create', {
    number: 'PUMP-25E',
    name: 'Circulation pump E',
    unit: 'pcs',
    salesPrice: 21000,
    serialTracked: true
  })
  const gasket = await api('items.create', { number: 'GASKET', name: 'Gasket set', unit: 'pcs' })
  const labour = await api('categories.create', { code: 'LAB', name: 'Labour', type: 'hour', unit: 'h', salesPrice: 5500 })
  const customer = await api('customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const object = (number: string) =>
    api('serviceObjects.create', { number, name: `Boiler ${number}`, customerId: customer.id, itemId: model.id, groupId: boilers.id })
  const boilerA = await object('B-1')
  const boilerB = await object('B-2')
  const lift = await api('serviceObjects.create', { number: 'L-1', name: 'Lift', customerId: customer.id, groupId: lifts.id })

  const code = (kind: Input<'repairCodes.create'>['kind'], c: string, extra: Partial<Input<'repairCodes.create'>> = {}) =>
    api('repairCodes.create', { kind, code: c, name: c.toLowerCase(), ...extra })
  const heatArea = await code('symptomArea', 'HEAT', { objectGroupId: boilers.id })
  const noHeat = await code('symptomCode', 'NO-HEAT', { areaId: heatArea.id })
  const liftArea = await code('symptomArea', 'DOOR', { objectGroupId: lifts.id })
  const doorStuck = await code('symptomCode', 'DOOR-STUCK', { areaId: liftArea.id })
  const hydraulics = await code('diagnosisArea', 'HYDR')
  const pumpDead = await code('diagnosisCode', 'PUMP-DEAD', { areaId: hydraulics.id })
  const replaced = await code('resolution', 'REPLACED')
  const bled = await code('resolution', 'BLED')
  const working = await code('stage', 'WORKING')
  const done = await code('stage', 'DONE', { finished: true })
  const reported = await code('condition', 'REPORTED')

  const workerId = (await api('workers.create', { number: 'W1', name: 'Mart Tamm', roles: ['technician'] })).id
  const tech = linkedUser(conn, ['technician'], 'mart', workerId)
  const techCtx = createContext(conn, tech.user, tech.session, clock.now)
  const order = (objectId = boilerA.id) =>
    api('serviceOrders.create', {
      customerId: customer.id,
      siteId: customer.sites[0]!.id,
      description: 'No heat',
      responsibleWorkerId: workerId,
      objects: [{ id: objectId, note: '' }]
    })
  return {
    conn,
    clock,
    admin,
    api,
    refused,
    tech: techCtx,
    workerId,
    items: { model, pump, pump2, gasket },
    labour,
    boilerA,
    boilerB,
    lift,
    codes: { heatArea, noHeat, doorStuck, hydraulics, pumpDead, replaced, bled, working, done, reported },
    order
  }
}

describe('repair lines', { timeout: 60000 }, () => {
  it('record symptom → diagnosis → resolution, stamp the finish, and flag a repeat with the earlier fix suggested', async () => {
    const w = await world()
    const { codes } = w
    const o1 = await w.order()
    let line = await w.api(
      'repairLines.add',
      {
        orderId: o1.id,
        serviceObjectId: w.boilerA.id,
        symptomCodeId: codes.noHeat.id,
        conditionId: codes.reported.id,
        stageId: codes.working.id
      },
      w.tech
    )
    expect(line).toMatchObject({ lineNo: 1, symptomAreaId: codes.heatArea.id, workerId: w.workerId, finishedAt: null, repeatOfId: null })
    w.clock.advance(3_600_000)
    line = await w.api(
      'repairLines.update',
      {
        id: line.id,
        version: line.version,
        serviceObjectId: w.boilerA.id,
        symptomCodeId: codes.noHeat.id,
        conditionId: codes.reported.id,
        diagnosisCodeId: codes.pumpDead.id,
        resolutionId: codes.replaced.id,
        stageId: codes.done.id
      },
      w.tech
    )
    expect(line).toMatchObject({ diagnosisAreaId: codes.hydraulics.id, resolutionName: 'replaced', finishedAt: december(1) + 3_600_000 })

    // Ten days later the same symptom on the same boiler: a repeat (the window is 30 days by default).
    w.clock.advance(10 * DAY)
    const o2 = await w.order()
    const hint = await w.api(
      'repairLines.suggest',
      { serviceObjectId: w.boilerA.id, symptomCodeId: codes.noHeat.id, orderId: o2.id },
      w.tech
    )
    expect(hint.repeatOf).toMatchObject({ id: line.id, orderNumber: o1.number, resolutionName: 'replaced' })
    expect(hint.resolutions).toEqual([{ resolutionId: codes.replaced.id, resolutionName: 'replaced', times: 1, held: 1 }])
    const again = await w.api('repairLines.add', { orderId: o2.id, serviceObjectId: w.boilerA.id, symptomCodeId: codes.noHeat.id }, w.tech)
    expect(again).toMatchObject({ repeatOfId: line.id, repeatOfOrderNumber: o1.number })
    // The earlier fix did not hold, so it now counts as tried once and held never.
    w.clock.advance(DAY)
    const later = await w.api('repairLines.suggest', { serviceObjectId: w.boilerB.id, symptomCodeId: codes.noHeat.id }, w.admin)
    expect(later.resolutions).toEqual([{ resolutionId: codes.replaced.id, resolutionName: 'replaced', times: 1, held: 0 }])
    expect(later.repeatOf).toBeNull()

    const repeats = await w.api('repairLines.list', { repeatsOnly: true }, w.admin)
    expect(repeats.rows.map((r) => r.id)).toEqual([again.id])
    const history = await w.api('repairLines.list', { serviceObjectId: w.boilerA.id, sort: 'createdAt' }, w.admin)
    expect(history.rows.map((r) => r.orderNumber)).toEqual([o1.number, o2.number])

    // Outside the window, the same symptom is a new failure.
    await w.api('repairSettings.update', { repeatWindowDays: 5, resolutionRequired: true, version: 1 })
    const o3 = await w.order(w.boilerB.id)
    const fresh = await w.api('repairLines.add', { orderId: o3.id, serviceObjectId: w.boilerB.id, symptomCodeId: codes.noHeat.id }, w.tech)
    expect(fresh.repeatOfId).toBeNull()
  })

  it('prints an object’s repair history as a PDF in its customer’s language, repeats marked', async () => {
    const w = await world()
    const { codes } = w
    const o1 = await w.order()
    const first = await w.api(
      'repairLines.add',
      { orderId: o1.id, serviceObjectId: w.boilerA.id, symptomCodeId: codes.noHeat.id, conditionId: codes.reported.id, note: 'Pump noisy' },
      w.tech
    )
    await w.api(
      'repairLines.update',
      {
        id: first.id,
        version: first.version,
        serviceObjectId: w.boilerA.id,
        symptomCodeId: codes.noHeat.id,
        conditionId: codes.reported.id,
        diagnosisCodeId: codes.pumpDead.id,
        resolutionId: codes.replaced.id,
        stageId: codes.done.id,
        note: 'Pump noisy'
      },
      w.tech
    )
    w.clock.advance(10 * DAY)
    const o2 = await w.order()
    await w.api('repairLines.add', { orderId: o2.id, serviceObjectId: w.boilerA.id, symptomCodeId: codes.noHeat.id }, w.tech)
    const text = async (as: ServiceContext = w.admin) => {
      const pdf = await w.api('repairLines.historyPdf', { serviceObjectId: w.boilerA.id }, as)
      expect(pdf.fileName).toBe('B-1-repairs.pdf')
      const dir = mkdtempSync(join(tmpdir(), 'repair-pdf-'))
      writeFileSync(join(dir, 'h.pdf'), Buffer.from(pdf.contentBase64, 'base64'))
      return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'h.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    }
    // The customer is Estonian: the document is too.
    const et = await text()
    expect(et).toContain('Paranduste ajalugu')
    expect(et).toContain('B-1 Boiler B-1')
    expect(et).toContain('VIESS-200 Vitodens 200')
    expect(et).toContain('Õunapuu OÜ')
    expect(et).toMatch(/01\.12\.2026 SO-\d+ heat · no-heat · reported hydr · pump-dead replaced Mart Tamm 01\.12\.2026/)
    expect(et).toContain('hydr · pump-dead')
    expect(et).toContain('Pump noisy')
    expect(et).toContain(`Korduv rike (varem: ${o1.number})`)
    expect(et).toContain('Parandusi Korduvaid rikkeid — 2 1')
    // Oldest first.
    expect(et.indexOf(o1.number)).toBeLessThan(et.indexOf(o2.number))
    const customer = await w.api('customers.get', { id: w.boilerA.customerId })
    await w.api('customers.update', { ...customer, language: 'en' })
    const en = await text(w.tech)
    expect(en).toContain('Repair history')
    expect(en).toContain(`Repeat failure (earlier: ${o1.number})`)
    expect(en).toContain('Mart Tamm')
  })

  it('prints a technician’s repairs over a period, in the reader’s language; a technician only their own', async () => {
    const w = await world()
    const { codes } = w
    const pdfText = async (input: Input<'repairLines.technicianPdf'>, as: ServiceContext = w.admin) => {
      const pdf = await w.api('repairLines.technicianPdf', input, as)
      const dir = mkdtempSync(join(tmpdir(), 'repair-pdf-'))
      writeFileSync(join(dir, 't.pdf'), Buffer.from(pdf.contentBase64, 'base64'))
      return {
        fileName: pdf.fileName,
        text: execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 't.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
      }
    }
    // Mart: a finished repair on B-1 on 1 Dec, its repeat on 11 Dec, one on B-2 on 20 Dec. Another technician's on 5 Dec.
    const o1 = await w.order()
    await w.api(
      'repairLines.add',
      {
        orderId: o1.id,
        serviceObjectId: w.boilerA.id,
        symptomCodeId: codes.noHeat.id,
        diagnosisCodeId: codes.pumpDead.id,
        resolutionId: codes.replaced.id,
        stageId: codes.done.id,
        note: 'Pump seized'
      },
      w.tech
    )
    w.clock.advance(4 * DAY)
    const otherWorker = await w.api('workers.create', { number: 'W2', name: 'Liis Kask', roles: ['technician'] })
    const oOther = await w.api('serviceOrders.create', {
      customerId: w.boilerA.customerId,
      siteId: (await w.api('customers.get', { id: w.boilerA.customerId })).sites[0]!.id,
      description: 'Noise',
      responsibleWorkerId: otherWorker.id,
      objects: [{ id: w.boilerB.id, note: '' }]
    })
    await w.api('repairLines.add', {
      orderId: oOther.id,
      serviceObjectId: w.boilerB.id,
      symptomCodeId: codes.noHeat.id,
      workerId: otherWorker.id
    })
    w.clock.advance(6 * DAY)
    const o2 = await w.order()
    await w.api('repairLines.add', { orderId: o2.id, serviceObjectId: w.boilerA.id, symptomCodeId: codes.noHeat.id }, w.tech)
    w.clock.advance(9 * DAY)
    const o3 = await w.order(w.boilerB.id)
    await w.api('repairLines.add', { orderId: o3.id, serviceObjectId: w.boilerB.id, symptomCodeId: codes.noHeat.id }, w.tech)

    const early = await pdfText({ workerId: w.workerId, from: '2026-12-01', to: '2026-12-15' })
    expect(early.fileName).toBe('W1-repairs-2026-12-01-2026-12-15.pdf')
    expect(early.text).toContain('Repair history')
    expect(early.text).toContain('W1 Mart Tamm')
    expect(early.text).toContain('01.12.2026 – 15.12.2026')
    expect(early.text).toContain(`01.12.2026 ${o1.number} B-1 Boiler B-1 heat · no-heat hydr · pump-dead replaced 01.12.2026`)
    expect(early.text).toContain('Pump seized')
    expect(early.text).toContain(`11.12.2026 ${o2.number} B-1 Boiler B-1 heat · no-heat Repeat failure (earlier: ${o1.number})`)
    // Facts: one object, two repairs, one finished, one repeat.
    expect(early.text).toContain(
      'Technician Period Service objects W1 Mart Tamm 01.12.2026 – 15.12.2026 1 Repairs Finished Repeat failures 2 1 1'
    )
    expect(early.text).not.toContain(o3.number)
    expect(early.text).not.toContain(oOther.number)
    expect(early.text.indexOf(o1.number)).toBeLessThan(early.text.indexOf(o2.number))
    // The period's last day counts whole; the reader's language, not the customer's.
    w.conn.sqlite.prepare(`update users set language = 'et' where username = 'boss'`).run()
    const all = await pdfText({ workerId: w.workerId, from: '2026-12-01', to: '2026-12-20' })
    expect(all.text).toContain('Paranduste ajalugu')
    expect(all.text).toContain('Periood')
    expect(all.text).toContain(`${o3.number} B-2 Boiler B-2`)
    const none = await pdfText({ workerId: w.workerId, from: '2026-11-01', to: '2026-11-30' })
    expect(none.text).toContain('Tehnikul ei ole selles perioodis parandusi.')
    // A technician prints their own; another's is refused, as is a period that ends before it starts.
    expect((await pdfText({ workerId: w.workerId, from: '2026-12-01', to: '2026-12-31' }, w.tech)).text).toContain(o3.number)
    expect(
      (await w.refused('repairLines.technicianPdf', { workerId: otherWorker.id, from: '2026-12-01', to: '2026-12-31' }, w.tech)).code
    ).toBe('FORBIDDEN')
    expect(
      (await w.refused('repairLines.technicianPdf', { workerId: w.workerId, from: '2026-12-31', to: '2026-12-01' })).issues?.[0]?.path
    ).toEqual(['to'])
  })

  it('refuses bad lines with the reason and changes nothing', async () => {
    const w = await world()
    const { codes } = w
    const o = await w.order()
    expect((await w.refused('repairLines.add', { orderId: o.id, serviceObjectId: w.boilerB.id })).message).toMatch(
      /not related to this service order/
    )
    expect(
      (await w.refused('repairLines.add', { orderId: o.id, serviceObjectId: w.boilerA.id, symptomCodeId: codes.doorStuck.id })).message
    ).toMatch(/objects of the group Lifts/)
    expect(
      (await w.refused('repairLines.add', { orderId: o.id, serviceObjectId: w.boilerA.id, symptomCodeId: codes.replaced.id })).issues?.[0]
        ?.path
    ).toEqual(['symptomCodeId'])
    const e = await w.refused('repairLines.add', { orderId: o.id, serviceObjectId: w.boilerA.id, stageId: codes.done.id })
    expect(e.message).toMatch(/finished repair needs a resolution/)
    expect(e.issues?.[0]?.path).toEqual(['resolutionId'])
    // Without the setting, a finished stage needs no resolution.
    await w.api('repairSettings.update', { repeatWindowDays: 30, resolutionRequired: false, version: 1 })
    expect((await w.api('repairLines.add', { orderId: o.id, serviceObjectId: w.boilerA.id, stageId: codes.done.id })).finishedAt).toBe(
      december(1)
    )

    // Not on a cancelled order, and not on someone else's order for a technician.
    const other = await w.api('serviceOrders.create', {
      customerId: o.customerId,
      siteId: o.siteId,
      description: 'Other',
      objects: [{ id: w.boilerA.id, note: '' }]
    })
    expect((await w.refused('repairLines.add', { orderId: other.id, serviceObjectId: w.boilerA.id }, w.tech)).code).toBe('FORBIDDEN')
    const cancelled = await w.api('serviceOrders.cancel', { id: other.id, version: other.version })
    expect((await w.refused('repairLines.add', { orderId: cancelled.id, serviceObjectId: w.boilerA.id })).message).toMatch(/cancel/i)
  })

  it('keeps the repair setup consistent: codes in their area, unique per kind, kind fixed', async () => {
    const w = await world()
    const noArea = await w.refused('repairCodes.create', { kind: 'symptomCode', code: 'X', name: 'X' })
    expect(noArea.issues?.[0]?.path).toEqual(['areaId'])
    const wrongArea = await w.refused('repairCodes.create', { kind: 'diagnosisCode', code: 'X', name: 'X', areaId: w.codes.heatArea.id })
    expect(wrongArea.message).toMatch(/area/)
    expect((await w.refused('repairCodes.create', { kind: 'resolution', code: 'REPLACED', name: 'Again' })).message).toMatch(
      /already uses the code REPLACED/
    )
    // The same code in another kind is another code.
    await w.api('repairCodes.create', { kind: 'condition', code: 'REPLACED', name: 'Replaced before' })
    const r = w.codes.replaced
    const kind = await w.refused('repairCodes.update', { id: r.id, version: r.version, kind: 'condition', code: 'R2', name: 'x' })
    expect(kind.message).toMatch(/cannot change/)
    expect((await w.refused('repairCodes.delete', { id: w.codes.heatArea.id, version: w.codes.heatArea.version })).code).toBe('CONFLICT')
    // Codes offered for a lift: its group's and the unrestricted ones, never a boiler's.
    const forLift = await w.api('repairCodes.list', {
      kind: 'symptomArea',
      objectGroupId: (await w.api('serviceObjects.get', { id: w.lift.id })).groupId
    })
    expect(forLift.rows.map((c) => c.code)).toEqual(['DOOR'])
  })

  it('adds a line inside another feature’s transaction, relating the object to the order', async () => {
    const w = await world()
    const first = await w.order()
    const o = await w.api('serviceOrders.create', { customerId: first.customerId, siteId: first.siteId, description: 'Returned boiler' })
    const row = writeTx(w.admin, () =>
      addRepairLineInTx(
        w.admin,
        o.id,
        { serviceObjectId: w.boilerB.id, symptomCodeId: w.codes.noHeat.id, ...nulls, note: 'Returned' },
        { relateObject: true }
      )
    )
    expect(row).toMatchObject({ orderId: o.id, serviceObjectId: w.boilerB.id, symptomAreaId: w.codes.heatArea.id })
    expect((await w.api('serviceOrders.get', { id: o.id })).objects.map((x) => x.id)).toEqual([w.boilerB.id])
  })
})

const nulls = {
  symptomAreaId: null,
  conditionId: null,
  diagnosisAreaId: null,
  diagnosisCodeId: null,
  resolutionId: null,
  stageId: null,
  workerId: null
}

describe('service BOM', () => {
  async function structured() {
    const w = await world()
    const t = await w.api('bomTemplates.create', {
      number: 'BOM-V200',
      name: 'Vitodens 200',
      itemId: w.items.model.id,
      components: [
        { key: 1, itemId: w.items.pump.id, unit: 'pcs', position: '10' },
        { key: 2, parentKey: 1, itemId: w.items.gasket.id, unit: 'pcs', position: '10.1' }
      ]
    })
    const s = await w.api('structures.attach', { serviceObjectId: w.boilerA.id, templateId: t.id })
    return { ...w, template: t, structure: s }
  }

  it('a replacement on a technician’s order: new serial now, old one as of yesterday, part and labour on the order', async () => {
    const w = await structured()
    let pump = w.structure.components.find((c) => c.itemId === w.items.pump.id)!
    w.clock.advance(DAY)
    const s1 = await w.api('structures.setSerial', { id: pump.id, version: pump.version, serial: 'SN-OLD' })
    pump = s1.components.find((c) => c.id === pump.id)!
    w.clock.advance(DAY)
    const o = await w.order()
    const line = await w.api('repairLines.add', { orderId: o.id, serviceObjectId: w.boilerA.id, symptomCodeId: w.codes.noHeat.id }, w.tech)
    const after = await w.api(
      'structures.replace',
      {
        id: pump.id,
        version: pump.version,
        itemId: w.items.pump2.id,
        serial: 'SN-NEW',
        orderId: o.id,
        repairLineId: line.id,
        orderLine: true,
        labourCategoryId: w.labour.id,
        labourQuantity: 1500
      },
      w.tech
    )
    expect(after.components.find((c) => c.id === pump.id)).toMatchObject({ itemId: w.items.pump2.id, serial: 'SN-NEW' })
    const yesterday = await w.api('structures.get', { serviceObjectId: w.boilerA.id, asOf: '2026-12-02' })
    expect(yesterday.components.find((c) => c.id === pump.id)).toMatchObject({ itemId: w.items.pump.id, serial: 'SN-OLD' })
    const first = await w.api('structures.get', { serviceObjectId: w.boilerA.id, asOf: '2026-12-01' })
    expect(first.components.find((c) => c.id === pump.id)?.serial).toBe('')

    const lines = (await w.api('serviceOrders.get', { id: o.id })).lines
    expect(lines.map((l) => [l.type, l.itemId ?? l.categoryId, l.quantity, l.workerId])).toEqual([
      ['item', w.items.pump2.id, 1000, w.workerId],
      ['hour', w.labour.id, 1500, w.workerId]
    ])
    const history = await w.api('structures.history', { serviceObjectId: w.boilerA.id })
    expect(history.at(-1)).toMatchObject({
      kind: 'replace',
      serial: 'SN-NEW',
      oldSerial: 'SN-OLD',
      orderNumber: o.number,
      orderLineNo: 1,
      userName: 'mart'
    })
    const d = await w.api('structures.diff', { serviceObjectId: w.boilerA.id, from: '2026-12-02', to: '2026-12-03' })
    expect(d).toEqual([
      expect.objectContaining({ change: 'changed', serialBefore: 'SN-OLD', serialAfter: 'SN-NEW', fields: ['itemId', 'serial'] })
    ])
  })

  it('moves a whole structure to another object: versions on both, past answers kept, refusals change nothing', async () => {
    const w = await structured()
    const ids = w.structure.components.map((c) => c.id)
    const pump = w.structure.components.find((c) => c.position === '10')!
    w.clock.advance(3_600_000)
    await w.api('structures.setSerial', { id: pump.id, version: pump.version, serial: 'SN-A' })
    w.clock.advance(DAY - 3_600_000)
    const moved = await w.api('structures.transfer', { serviceObjectId: w.boilerA.id, toObjectId: w.boilerB.id, note: 'Unit swapped' })
    expect(moved).toMatchObject({ serviceObjectId: w.boilerB.id, templateNumber: 'BOM-V200' })
    expect(moved.components.map((c) => c.id)).toEqual(ids)
    expect((await w.api('structures.get', { serviceObjectId: w.boilerA.id })).components).toEqual([])
    // Yesterday the structure was on A and B had none: still so.
    expect((await w.api('structures.get', { serviceObjectId: w.boilerA.id, asOf: '2026-12-01' })).components.map((c) => c.id)).toEqual(ids)
    expect((await w.api('structures.get', { serviceObjectId: w.boilerB.id, asOf: '2026-12-01' })).components).toEqual([])
    const onA = await w.api('structures.history', { serviceObjectId: w.boilerA.id })
    expect(onA.map((h) => [h.kind, h.position])).toEqual([
      ['add', '10'],
      ['add', '10.1'],
      ['serial', '10'],
      ['remove', '10.1'],
      ['remove', '10']
    ])
    // B's history shows what the components went through on A before they came (marked), then their arrival.
    const onB = await w.api('structures.history', { serviceObjectId: w.boilerB.id })
    const movedAt = december(2)
    expect(onB.map((h) => [h.kind, h.position, h.serial, h.note, h.formerObjectNumber, h.formerUntil])).toEqual([
      ['add', '10', '', '', 'B-1', movedAt],
      ['add', '10.1', '', '', 'B-1', movedAt],
      ['serial', '10', 'SN-A', '', 'B-1', movedAt],
      ['add', '10', 'SN-A', 'Unit swapped', null, null],
      ['add', '10.1', '', 'Unit swapped', null, null]
    ])
    // A's own history is unchanged by the reading: nothing was copied.
    expect((await w.api('structures.history', { serviceObjectId: w.boilerA.id })).every((h) => h.formerObjectNumber === null)).toBe(true)

    expect((await w.refused('structures.transfer', { serviceObjectId: w.boilerB.id, toObjectId: w.boilerB.id })).issues?.[0]?.path).toEqual(
      ['toObjectId']
    )
    expect((await w.refused('structures.transfer', { serviceObjectId: w.boilerA.id, toObjectId: w.lift.id })).message).toMatch(
      /no structure/
    )
    await w.api('structures.attach', { serviceObjectId: w.boilerA.id, templateId: w.template.id })
    expect((await w.refused('structures.transfer', { serviceObjectId: w.boilerB.id, toObjectId: w.boilerA.id })).message).toMatch(
      /already has a structure/
    )
    expect((await w.refused('structures.transfer', { serviceObjectId: w.boilerB.id, toObjectId: w.lift.id }, w.tech)).code).toBe(
      'FORBIDDEN'
    )
  })

  it('after a move, the moved components’ earlier repairs stay readable on the old object', async () => {
    const w = await structured()
    const pump = w.structure.components.find((c) => c.position === '10')!
    w.clock.advance(DAY)
    const o = await w.order()
    const line = await w.api(
      'repairLines.add',
      {
        orderId: o.id,
        serviceObjectId: w.boilerA.id,
        symptomCodeId: w.codes.noHeat.id,
        diagnosisCodeId: w.codes.pumpDead.id,
        resolutionId: w.codes.replaced.id,
        stageId: w.codes.done.id
      },
      w.tech
    )
    await w.api(
      'structures.replace',
      { id: pump.id, version: pump.version, itemId: w.items.pump2.id, serial: 'SN-NEW', orderId: o.id, repairLineId: line.id },
      w.tech
    )
    w.clock.advance(DAY)
    await w.api('structures.transfer', { serviceObjectId: w.boilerA.id, toObjectId: w.boilerB.id, note: 'Unit swapped' })
    w.clock.advance(DAY)

    // On A: the repair line, its PDF, the replacement in the structure history naming the order, and the as-of view.
    const onA = await w.api('repairLines.list', { serviceObjectId: w.boilerA.id })
    expect(onA.rows.map((r) => [r.id, r.orderNumber, r.resolutionName])).toEqual([[line.id, o.number, 'replaced']])
    const pdf = await w.api('repairLines.historyPdf', { serviceObjectId: w.boilerA.id })
    const dir = mkdtempSync(join(tmpdir(), 'repair-pdf-'))
    writeFileSync(join(dir, 'a.pdf'), Buffer.from(pdf.contentBase64, 'base64'))
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain(`${o.number} heat · no-heat hydr · pump-dead replaced Mart Tamm`)
    const historyA = await w.api('structures.history', { serviceObjectId: w.boilerA.id })
    expect(historyA.filter((h) => h.kind === 'replace').map((h) => [h.componentId, h.serial, h.orderNumber, h.formerObjectNumber])).toEqual(
      [[pump.id, 'SN-NEW', o.number, null]]
    )
    const asOfRepair = await w.api('structures.get', { serviceObjectId: w.boilerA.id, asOf: '2026-12-02' })
    expect(asOfRepair.components.find((c) => c.id === pump.id)).toMatchObject({ itemId: w.items.pump2.id, serial: 'SN-NEW' })
    expect((await w.api('structures.get', { serviceObjectId: w.boilerA.id })).components).toEqual([])
    // On B: the repair was not made there, so its history has no repair line; the structure history marks where the replacement was.
    expect((await w.api('repairLines.list', { serviceObjectId: w.boilerB.id })).rows).toEqual([])
    const replaceOnB = (await w.api('structures.history', { serviceObjectId: w.boilerB.id })).find((h) => h.kind === 'replace')
    expect(replaceOnB).toMatchObject({ componentId: pump.id, orderNumber: o.number, formerObjectNumber: 'B-1' })
  })

  it('never rewrites versions: an as-of answer for a past date stays the same after later changes', async () => {
    const w = await structured()
    const pump = w.structure.components.find((c) => c.itemId === w.items.pump.id)!
    const then = await w.api('structures.get', { serviceObjectId: w.boilerA.id, asOf: '2026-12-01' })
    const versionsBefore = w.conn.sqlite.prepare('select * from structure_versions order by id').all()
    w.clock.advance(DAY)
    await w.api('structures.remove', { id: pump.id, version: pump.version })
    expect((await w.api('structures.get', { serviceObjectId: w.boilerA.id })).components).toEqual([])
    expect(await w.api('structures.get', { serviceObjectId: w.boilerA.id, asOf: '2026-12-01' })).toEqual(then)
    const versionsAfter = w.conn.sqlite.prepare('select * from structure_versions order by id').all()
    expect(versionsAfter.slice(0, versionsBefore.length)).toEqual(versionsBefore)
    expect(versionsAfter.slice(versionsBefore.length).map((v) => (v as { kind: string }).kind)).toEqual(['remove', 'remove'])
  })

  it('refuses editing an attached template, a cycle, a technician without their order, and a second structure', async () => {
    const w = await structured()
    const t = w.template
    const e = await w.refused('bomTemplates.update', {
      id: t.id,
      version: t.version,
      number: t.number,
      name: 'Changed',
      itemId: t.itemId,
      components: []
    })
    expect(e.message).toMatch(/attached to service objects \(1\)/)
    expect((await w.refused('bomTemplates.delete', { id: t.id, version: t.version })).message).toMatch(/attached/)

    const cyc = await w.refused('bomTemplates.create', {
      number: 'BOM-X',
      name: 'Loop',
      components: [
        { key: 1, parentKey: 2, itemId: w.items.pump.id, unit: 'pcs', position: 'A' },
        { key: 2, parentKey: 1, itemId: w.items.gasket.id, unit: 'pcs', position: 'B' }
      ]
    })
    expect(cyc.message).toMatch(/cannot be its own ancestor/)
    const [top, child] = w.structure.components
    const moved = await w.refused('structures.move', { id: top!.id, version: top!.version, parentId: child!.id })
    expect(moved.message).toMatch(/own ancestor/)

    expect((await w.refused('structures.setSerial', { id: top!.id, version: top!.version, serial: 'X1' }, w.tech)).code).toBe('FORBIDDEN')
    expect((await w.refused('structures.setSerial', { id: child!.id, version: child!.version, serial: 'X1' })).message).toMatch(
      /not serial-tracked/
    )
    expect((await w.refused('structures.attach', { serviceObjectId: w.boilerA.id, templateId: t.id })).message).toMatch(
      /already has a structure/
    )

    // A copy of the attached template is a new, editable one.
    const copy = await w.api('bomTemplates.copy', { number: 'BOM-V200B', name: 'Copy', fromTemplateId: t.id })
    expect(copy.components.map((c) => [c.position, c.depth])).toEqual([
      ['10', 0],
      ['10.1', 1]
    ])
    const fromObject = await w.api('bomTemplates.copy', { number: 'BOM-B1', name: 'From B-1', fromObjectId: w.boilerA.id })
    expect(fromObject.componentCount).toBe(2)
    await w.api('bomTemplates.update', {
      id: copy.id,
      version: copy.version,
      number: copy.number,
      name: 'Edited',
      itemId: null,
      components: []
    })
  })
})

describe('repair analysis', () => {
  it('ranks symptoms and resolutions and computes MTBF from operating days over failures (one per order)', async () => {
    const w = await world()
    const { codes } = w
    const line = (orderId: number, serviceObjectId: number, symptomCodeId: number, resolutionId: number | null = null) =>
      w.api('repairLines.add', { orderId, serviceObjectId, symptomCodeId, resolutionId })
    // 1 December: boiler A fails (two lines on one order are one failure), and so does the lift.
    const o1 = await w.order()
    await line(o1.id, w.boilerA.id, codes.noHeat.id, codes.replaced.id)
    await line(o1.id, w.boilerA.id, codes.noHeat.id, codes.bled.id)
    await line((await w.order(w.lift.id)).id, w.lift.id, codes.doorStuck.id)
    w.clock.advance(10 * DAY)
    await line((await w.order()).id, w.boilerA.id, codes.noHeat.id, codes.bled.id)
    // Boiler C runs from 16 December (15 days of the period) and fails once.
    const boilerC = await w.api('serviceObjects.create', {
      number: 'B-3',
      name: 'Boiler B-3',
      customerId: w.boilerA.customerId,
      itemId: w.items.model.id,
      groupId: w.boilerA.groupId,
      installationDate: '2026-12-16'
    })
    w.clock.advance(9 * DAY)
    await line((await w.order(boilerC.id)).id, boilerC.id, codes.noHeat.id)
    // After the period: not counted.
    w.clock.advance(20 * DAY)
    await line((await w.order(w.boilerB.id)).id, w.boilerB.id, codes.noHeat.id)

    const december = { from: '2026-12-01', to: '2026-12-30' }
    const all = await w.api('repairAnalysis.get', { ...december, itemId: null })
    expect(all.symptoms.map((s) => [s.code, s.count])).toEqual([
      ['NO-HEAT', 4],
      ['DOOR-STUCK', 1]
    ])
    expect(all.resolutions.map((s) => [s.code, s.count])).toEqual([
      ['BLED', 2],
      ['REPLACED', 1]
    ])
    // The model: A 30 days, B 30 days without a failure, C 15 days; three failures → 75 / 3 = 25 days.
    expect(all.byItem).toEqual([
      {
        itemId: w.items.model.id,
        itemNumber: 'VIESS-200',
        itemName: 'Vitodens 200',
        objects: 3,
        operatingDays: 75,
        failures: 3,
        mtbfDays: 25
      }
    ])
    expect(all.byObject.map((o) => [o.objectNumber, o.operatingDays, o.failures, o.mtbfDays])).toEqual([
      ['B-1', 30, 2, 15],
      ['B-3', 15, 1, 15],
      ['L-1', 30, 1, 30]
    ])
    const model = await w.api('repairAnalysis.get', { ...december, itemId: w.items.model.id })
    expect(model.symptoms.map((s) => [s.code, s.count])).toEqual([['NO-HEAT', 4]])
    expect(model.byObject.map((o) => o.objectNumber)).toEqual(['B-1', 'B-3'])

    expect((await w.refused('repairAnalysis.get', { from: '2026-12-30', to: '2026-12-01', itemId: null })).issues?.[0]?.path).toEqual([
      'to'
    ])
    expect((await w.refused('repairAnalysis.get', { ...december, itemId: null }, w.tech)).code).toBe('FORBIDDEN')
  })
})

describe('demo repairs', () => {
  it('gives the demo equipment repairs, repeats and replacements whose versions replay to the structures', async () => {
    const { conn } = await freshDb()
    const boss = userWith(conn, ['administrator'], 'boss')
    const summary = createDemoData(conn, { today: '2025-06-02', hashPassword: () => ({ hash: 'x', salt: 'y' }) })
    const r = summary.counts.repair
    expect(r.repairLines).toBeGreaterThan(20)
    expect(r.repeats).toBeGreaterThan(0)
    expect(r.replacements).toBeGreaterThan(0)
    expect(r.structures).toBeGreaterThan(0)
    // Every structure as stored is its versions replayed, and the repeat list reads them.
    const objects = conn.sqlite.prepare('select service_object_id as id from object_structures').all() as { id: number }[]
    for (const { id } of objects) {
      const now = await call(boss, 'structures.get', { serviceObjectId: id })
      const replayed = await call(boss, 'structures.get', { serviceObjectId: id, asOf: '2025-06-02' })
      expect(replayed.components.map(({ version: _v, ...c }) => c)).toEqual(now.components.map(({ version: _v, ...c }) => c))
    }
    expect((await call(boss, 'repairLines.list', { repeatsOnly: true })).total).toBe(r.repeats)
  })
})
