import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

test.use({ workingDayClock: true })

const DAY = 86_400_000

async function apiAs(app: RunningApp, username: string, password: string, session: string) {
  expect((await app.api('auth.signIn', { username, password }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

/** "dd.mm.yyyy" of an instant in the shop's zone, as the date fields take it. */
function typedDate(ms: number): string {
  return new Intl.DateTimeFormat('et-EE', { timeZone: 'Europe/Tallinn', day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms)
}

async function choose(page: Page, label: string, option: string | RegExp, type?: string) {
  const box = page.getByRole('dialog').getByRole('combobox', { name: label, exact: true })
  await box.click()
  if (type !== undefined) await box.fill(type)
  await page.getByRole('option', { name: option }).click()
}

type Row = { id: number; version: number }

test('a technician records a repair with a part replacement; the structure keeps its history; a repeat is flagged', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  let admin = await apiAs(app, 'admin', 'admin-pass-1', 'repair-admin-session-0001')

  // Preconditions through the API: a boiler with a structure, the repair setup, a technician with two orders.
  const group = await admin<Row>('serviceObjectGroups.create', { code: 'BOILER', name: 'Boilers' })
  const model = await admin<Row>('items.create', { number: 'V200', name: 'Vitodens 200', unit: 'pcs' })
  const pump = await admin<Row>('items.create', {
    number: 'PUMP-25',
    name: 'Circulation pump',
    unit: 'pcs',
    salesPrice: 18000,
    serialTracked: true
  })
  await admin('items.create', { number: 'PUMP-25E', name: 'Efficient pump', unit: 'pcs', salesPrice: 21000, serialTracked: true })
  await admin('categories.create', { code: 'LAB', name: 'Labour', type: 'hour', unit: 'h', salesPrice: 5500 })
  const customer = await admin<Row & { sites: Row[] }>('customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const boiler = await admin<Row>('serviceObjects.create', {
    number: 'B-1',
    name: 'Boiler room',
    customerId: customer.id,
    itemId: model.id,
    groupId: group.id
  })
  const code = (kind: string, c: string, name: string, extra = {}) => admin<Row>('repairCodes.create', { kind, code: c, name, ...extra })
  const heat = await code('symptomArea', 'HEAT', 'Heating', { objectGroupId: group.id })
  await code('symptomCode', 'NO-HEAT', 'No heat', { areaId: heat.id })
  const hydr = await code('diagnosisArea', 'HYDR', 'Hydraulics')
  await code('diagnosisCode', 'PUMP', 'Pump failed', { areaId: hydr.id })
  await code('resolution', 'REPLACED', 'Part replaced')
  await code('stage', 'DONE', 'Done', { finished: true })
  const template = await admin<Row>('bomTemplates.create', {
    number: 'BOM-V200',
    name: 'Vitodens 200',
    itemId: model.id,
    components: [{ key: 1, itemId: pump.id, unit: 'pcs', position: '10' }]
  })
  const structure = await admin<{ components: (Row & { itemId: number })[] }>('structures.attach', {
    serviceObjectId: boiler.id,
    templateId: template.id
  })
  const component = structure.components[0]!
  await admin('structures.setSerial', { id: component.id, version: component.version, serial: 'SN-OLD' })
  const worker = await admin<Row>('workers.create', { number: 'W1', name: 'Mart Tamm', roles: ['technician'] })
  await admin('users.create', {
    username: 'mart',
    displayName: 'Mart Tamm',
    roles: ['technician'],
    workerId: worker.id,
    password: 'mart-pass-1',
    language: 'en'
  })
  const order = () =>
    admin<Row & { number: string }>('serviceOrders.create', {
      customerId: customer.id,
      siteId: customer.sites[0]!.id,
      description: 'No heat',
      responsibleWorkerId: worker.id,
      objects: [{ id: boiler.id, note: '' }]
    })
  const first = await order()
  const second = await order()

  // The repair happens the next day: "yesterday" still had the old pump.
  const yesterday = app.now()
  await app.advanceClock(DAY)
  // A day idle ends a session: sign in again.
  admin = await apiAs(app, 'admin', 'admin-pass-1', 'repair-admin-session-0002')
  const start = Math.floor(app.now() / 60_000) * 60_000
  await admin('dispatch.assign', { orderId: first.id, orderVersion: first.version, workerId: worker.id, start, end: start + 3_600_000 })

  // The technician opens the order from My work and records symptom → diagnosis → resolution, finished.
  await signIn(page, app, 'mart', 'mart-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'My work', exact: true }).click()
  await page.getByRole('link', { name: first.number }).click()
  await page.getByTestId('repair-add').click()
  await choose(page, 'Symptom', /No heat/)
  await choose(page, 'Diagnosis', /Pump failed/)
  await choose(page, 'Resolution', /Part replaced/)
  await choose(page, 'Repair stage', /Done/)
  await page.getByTestId('repair-save').click()
  const line = page.getByTestId('repair-line-1')
  await expect(line).toContainText('Heating › No heat')
  await expect(line).toContainText('Part replaced')

  // The pump is replaced; part and labour go on the order.
  await page.getByTestId('repair-replace-1').click()
  await choose(page, 'Component', /Circulation pump \(SN-OLD\)/)
  await choose(page, 'New part', /PUMP-25E/, 'PUMP-25E')
  await page.getByTestId('replace-serial').fill('SN-NEW')
  await choose(page, 'Labour category', /LAB/)
  await page.getByTestId('replace-hours').fill('1.5')
  await page.getByTestId('replace-save').click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const lines = (await admin<{ lines: { type: string; description: string; quantity: number }[] }>('serviceOrders.get', { id: first.id }))
    .lines
  expect(lines.map((l) => [l.type, l.description, l.quantity])).toEqual([
    ['item', 'Efficient pump', 1000],
    ['hour', 'Labour', 1500]
  ])
  await page.getByTestId('repair-lines').scrollIntoViewIfNeeded()
  await screenshot(page, 'repair-order-lines')

  // The object's structure shows the new serial; as of yesterday, the old one; the change between the two days.
  await page.goto(`${app.url}#/service-objects/${boiler.id}`)
  await page.getByRole('tab', { name: 'Structure' }).click()
  await expect(page.getByTestId('component-10')).toContainText('SN-NEW')
  await page.getByRole('textbox', { name: 'As of' }).fill(typedDate(yesterday))
  await page.getByRole('textbox', { name: 'As of' }).press('Enter')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('component-10')).toContainText('SN-OLD')
  await expect(page.getByTestId('component-10')).toContainText('Circulation pump')
  await page.getByRole('textbox', { name: 'From' }).fill(typedDate(yesterday))
  await page.getByRole('textbox', { name: 'From' }).press('Enter')
  await page.keyboard.press('Escape')
  await page.getByRole('textbox', { name: 'To' }).fill(typedDate(app.now()))
  await page.getByRole('textbox', { name: 'To' }).press('Enter')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('structure-diff')).toContainText('SN-NEW')
  await expect(page.getByTestId('structure-history')).toContainText(first.number)
  await screenshot(page, 'repair-structure-as-of')

  // A second repair with the same symptom within the window: flagged, the earlier resolution suggested.
  await page.goto(`${app.url}#/orders/${second.id}`)
  await page.getByTestId('repair-add').click()
  await choose(page, 'Symptom', /No heat/)
  const hint = page.getByTestId('repair-suggestions')
  await expect(hint).toContainText('Repeat failure')
  await expect(hint).toContainText(first.number)
  await expect(hint).toContainText('Part replaced — held 1 of 1 times')
  await screenshot(page, 'repair-repeat-suggestion')
  await page.getByTestId('repair-save').click()
  await expect(page.getByTestId('repair-line-1').getByTestId('repeat-badge')).toHaveText(`Repeat of ${first.number}`)
  const repeats = await admin<{ rows: { orderNumber: string }[] }>('repairLines.list', { repeatsOnly: true })
  expect(repeats.rows.map((r) => r.orderNumber)).toEqual([second.number])
})

test('a BOM template is built as a tree on its screen; repair codes list their kinds', async ({ page, app }) => {
  await setupAdmin(app)
  const admin = await apiAs(app, 'admin', 'admin-pass-1', 'repair-admin-session-0003')
  await admin('items.create', { number: 'KON-MS500', name: 'KONE MonoSpace 500', unit: 'pcs' })
  await admin('items.create', { number: 'P-DOORDRV', name: 'Door drive', unit: 'pcs', serialTracked: true })
  await admin('items.create', { number: 'P-BELT', name: 'Door belt', unit: 'pcs' })
  const area = await admin<Row>('repairCodes.create', { kind: 'symptomArea', code: 'DOOR', name: 'Doors' })
  await admin('repairCodes.create', { kind: 'symptomCode', code: 'DOOR-STUCK', name: 'Door does not open', areaId: area.id })
  await admin('repairCodes.create', { kind: 'stage', code: 'DONE', name: 'Done', finished: true })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Repair codes', exact: true }).click()
  await expect(page.getByRole('row', { name: /DOOR-STUCK/ })).toContainText('Doors')
  await screenshot(page, 'repair-codes')

  await page.goto(`${app.url}#/bom-templates/new`)
  await page.getByRole('textbox', { name: 'Number', exact: true }).fill('BOM-LIFT')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('KONE lift')
  for (const [position, item] of [
    ['10', 'P-DOORDRV'],
    ['10.1', 'P-BELT']
  ] as const) {
    await page.getByRole('button', { name: 'Add component' }).click()
    const row = page.getByRole('row').last()
    await row.getByRole('textbox').first().fill(position)
    await row.getByRole('combobox').first().click()
    await row.getByRole('combobox').first().fill(item)
    await page.getByRole('option', { name: new RegExp(item) }).click()
  }
  const child = page.getByRole('row').last()
  await child.getByRole('combobox').last().click()
  await page.getByRole('option', { name: '10', exact: true }).click()
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'BOM-LIFT · KONE lift' })).toBeVisible()
  const saved = await admin<{ rows: { id: number }[] }>('bomTemplates.list', {})
  const detail = await admin<{ components: { position: string; depth: number }[] }>('bomTemplates.get', { id: saved.rows[0]!.id })
  expect(detail.components.map((c) => [c.position, c.depth])).toEqual([
    ['10', 0],
    ['10.1', 1]
  ])
  await screenshot(page, 'repair-bom-template')

  // A copy is a new, editable template with the same tree.
  await page.goto(`${app.url}#/bom-templates`)
  await page.getByRole('button', { name: 'Copy as a new template…' }).click()
  await choose(page, 'BOM template', /BOM-LIFT/)
  await page.getByRole('dialog').getByRole('textbox', { name: 'Number', exact: true }).fill('BOM-LIFT2')
  await page.getByRole('dialog').getByRole('textbox', { name: 'Name', exact: true }).fill('KONE lift, new door')
  await screenshot(page, 'repair-bom-copy')
  await page.getByTestId('copy-template-save').click()
  await expect(page.getByRole('heading', { name: 'BOM-LIFT2 · KONE lift, new door' })).toBeVisible()
  await expect(page.getByRole('row')).toHaveCount(3)

  await page.getByRole('navigation').getByRole('link', { name: 'Repair analysis', exact: true }).click()
  await expect(page.getByTestId('pareto-symptoms')).toContainText('No repairs in this period.')
  await screenshot(page, 'repair-analysis-empty')

  // Many symptom codes: the Pareto keeps 14 codes and one "other codes" bar, every label drawn, slanted and cut.
  const customer = await admin<Row & { sites: Row[] }>('customers.create', {
    name: 'Kesklinna KÜ',
    sites: [{ name: 'Maja', street: 'Tartu mnt 5', city: 'Tallinn' }]
  })
  const lift = await admin<Row>('serviceObjects.create', { number: 'L-9', name: 'Lift C', customerId: customer.id })
  const worker = await admin<Row>('workers.create', { number: 'W7', name: 'Liis Kask', roles: ['technician'] })
  const order = await admin<Row & { number: string }>('serviceOrders.create', {
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    description: 'Door faults',
    responsibleWorkerId: worker.id,
    objects: [{ id: lift.id, note: '' }]
  })
  for (let i = 1; i <= 22; i++) {
    const symptom = await admin<Row>('repairCodes.create', {
      kind: 'symptomCode',
      code: `DOOR-SENSOR-${String(i).padStart(2, '0')}`,
      name: `Door sensor fault ${i}`,
      areaId: area.id
    })
    // The first codes more often: a real Pareto shape.
    for (let n = 0; n < (i <= 3 ? 5 - i : 1); n++) {
      await admin('repairLines.add', { orderId: order.id, serviceObjectId: lift.id, symptomCodeId: symptom.id, workerId: worker.id })
    }
  }
  await page.reload()
  const symptoms = page.getByTestId('pareto-symptoms')
  await expect(symptoms.locator('.recharts-bar-rectangle')).toHaveCount(15)
  const ticks = symptoms.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /DOOR|other/ })
  await expect(ticks).toHaveCount(15)
  await expect(ticks.first()).toHaveText('DOOR-…OR-01')
  await expect(ticks.last()).toHaveText('8 other codes')
  await screenshot(page, 'repair-analysis-pareto-many')

  // The technician's repairs over the screen's period, as a PDF.
  await page.getByRole('combobox', { name: 'Technician', exact: true }).click()
  await page.getByRole('option', { name: 'Liis Kask' }).click()
  const download = page.waitForEvent('download')
  await page.getByTestId('technician-repairs-pdf').click()
  const pdf = await download
  expect(pdf.suggestedFilename()).toMatch(/^W7-repairs-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/)
  const text = execFileSync('/usr/bin/pdftotext', [(await pdf.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  expect(text).toContain('W7 Liis Kask')
  expect(text).toContain(order.number)
  expect(text).toContain('Doors · Door sensor fault 1')
})

test('components are edited from their menu; a moved structure brings its history; no MTBF without failures', async ({ page, app }) => {
  await setupAdmin(app)
  const admin = await apiAs(app, 'admin', 'admin-pass-1', 'repair-admin-session-0004')
  // An object's structure from the template: a serial set and a component moved through the component menu,
  // then the whole structure moved to another object, whose history shows where the components were before.
  const door = await admin<Row>('items.create', { number: 'P-DOORDRV', name: 'Door drive', unit: 'pcs', serialTracked: true })
  const belt = await admin<Row>('items.create', { number: 'P-BELT', name: 'Door belt', unit: 'pcs' })
  const template = await admin<Row>('bomTemplates.create', {
    number: 'BOM-LIFT',
    name: 'KONE lift',
    components: [
      { key: 1, itemId: door.id, unit: 'pcs', position: '10' },
      { key: 2, parentKey: 1, itemId: belt.id, unit: 'pcs', position: '10.1' }
    ]
  })
  const customer = await admin<Row>('customers.create', {
    name: 'Kesklinna KÜ',
    sites: [{ name: 'Maja', street: 'Tartu mnt 5', city: 'Tallinn' }]
  })
  const liftA = await admin<Row>('serviceObjects.create', { number: 'L-1', name: 'Lift A', customerId: customer.id })
  await admin('serviceObjects.create', { number: 'L-2', name: 'Lift B', customerId: customer.id })
  await admin('structures.attach', { serviceObjectId: liftA.id, templateId: template.id })
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/service-objects/${liftA.id}`)
  await page.getByRole('tab', { name: 'Structure' }).click()
  await page.getByTestId('component-menu-10').click()
  await page.getByRole('menuitem', { name: 'Set serial number…' }).click()
  await page.getByRole('dialog').getByRole('textbox', { name: 'Serial number' }).fill('DD-1')
  await page.getByTestId('component-save').click()
  await expect(page.getByTestId('component-10')).toContainText('DD-1')
  await page.getByTestId('component-menu-10.1').click()
  await page.getByRole('menuitem', { name: 'Move under another component…' }).click()
  await choose(page, 'Under', '(top level)')
  await page.getByTestId('component-save').click()
  await expect(page.getByTestId('structure-history')).toContainText('Moved')
  await page.getByRole('button', { name: 'Move to another object…' }).click()
  await choose(page, 'Service object without a structure', /L-2/)
  await page.getByRole('dialog').getByRole('button', { name: 'Move to another object…' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('structure')).toContainText('No components.')
  const liftB = (await admin<{ rows: Row[] }>('serviceObjects.list', { q: 'Lift B' })).rows[0]!
  await page.goto(`${app.url}#/service-objects/${liftB.id}`)
  await page.getByRole('tab', { name: 'Structure' }).click()
  await expect(page.getByTestId('component-10')).toContainText('DD-1')
  await expect(page.getByTestId('former-object').first()).toHaveText(`on L-1 before ${typedDate(app.now())}`)
  await page.getByTestId('structure-history').scrollIntoViewIfNeeded()
  await screenshot(page, 'repair-structure-moved-history')

  await page.getByRole('navigation').getByRole('link', { name: 'Repair analysis', exact: true }).click()
  await expect(page.getByTestId('mtbf-empty')).toHaveText('No failures in this period, so there is no mean time between failures to show.')
  await screenshot(page, 'repair-analysis-no-mtbf')
})
