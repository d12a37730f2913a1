import { describe, expect, it, onTestFinished, vi } from 'vitest'
import type { Input } from '@shared/api/contract'
import type { ImportKind, ImportMapping } from '@shared/domain/import'
import { agreementWorld, generate } from '../support/agreements'
import { call, callError, freshDb, userWith } from '../support/db'

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64')

/** A file as a spreadsheet saves it: BOM, semicolons, CRLF. */
const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`

async function setup() {
  const { conn } = await freshDb()
  return { conn, ctx: userWith(conn, ['serviceManager'], 'manager') }
}

async function mapped(ctx: ReturnType<typeof userWith>, kind: ImportKind, content: string, source = 'old system') {
  const inspection = await call(ctx, 'import.inspect', { kind, source, content })
  return { inspection, input: { kind, source, content, mapping: inspection.mapping } }
}

const customersFile = csv([
  ['Kliendi nr', 'Nimi', 'E-post', 'Linn', 'Tänav', 'Kontakti nimi', 'Maksetähtaeg (päeva)'],
  ['K-1', 'Tallinna Vesi AS', 'info@vesi.ee', 'Tallinn', 'Ädala 10', 'Mari Maasikas', '14'],
  ['K-2', 'Pärnu Soojus OÜ', 'arved@soojus.ee', 'Pärnu', 'Rüütli 1', '', '']
])

/** Starts the import job and waits, a turn of the event loop at a time, until it has ended. */
async function imported(ctx: ReturnType<typeof userWith>, input: Input<'import.start'>) {
  let run = await call(ctx, 'import.start', input)
  while (run.status === 'running') {
    await new Promise((r) => setImmediate(r))
    run = await call(ctx, 'import.run', { id: run.id })
  }
  return run
}

describe('CSV import', () => {
  it('detects UTF-8 with BOM and semicolons, maps Estonian headers, and imports customers with a site and a contact', async () => {
    const { ctx } = await setup()
    const { inspection, input } = await mapped(ctx, 'customers', b64(customersFile))
    expect(inspection.encoding).toBe('utf-8')
    expect(inspection.delimiter).toBe(';')
    expect(inspection.headers[1]).toBe('Nimi')
    const fields = Object.fromEntries(inspection.mapping.map((m) => [m.column, m.field]))
    // "Kliendi nr" is not a field label: it stays unmapped until the user maps it.
    expect(fields).toMatchObject({
      Nimi: 'name',
      'E-post': 'email',
      Linn: 'city',
      Tänav: 'street',
      'Kontakti nimi': 'contactName',
      'Kliendi nr': null
    })
    const mapping: ImportMapping = inspection.mapping.map((m) => (m.column === 'Kliendi nr' ? { ...m, field: 'number' } : m))

    const dry = await call(ctx, 'import.dryRun', { ...input, mapping })
    expect(dry).toMatchObject({ rows: 2, created: 2, updated: 0, problemCount: 0, committed: false })
    expect((await call(ctx, 'customers.list', {})).total).toBe(0)

    const done = await imported(ctx, { ...input, mapping })
    expect(done).toMatchObject({ status: 'done', outcome: { created: 2, committed: true } })
    const list = await call(ctx, 'customers.list', { sort: 'number' })
    expect(list.rows.map((c) => [c.number, c.name, c.paymentTermsDays])).toEqual([
      ['K-1', 'Tallinna Vesi AS', 14],
      ['K-2', 'Pärnu Soojus OÜ', null]
    ])
    const k1 = await call(ctx, 'customers.get', { id: list.rows[0]!.id })
    expect(k1.sites).toMatchObject([{ name: 'Ädala 10', street: 'Ädala 10', city: 'Tallinn' }])
    expect(k1.contacts).toMatchObject([{ name: 'Mari Maasikas' }])
    // The mapping of a committed import is saved for its source and offered next time.
    const again = await call(ctx, 'import.inspect', { kind: 'customers', source: 'old system', content: input.content })
    expect(again.saved).toBe(true)
    expect(again.mapping.find((m) => m.column === 'Kliendi nr')?.field).toBe('number')
  })

  it('updates instead of duplicating on a second import by the key, keeping sites and their ids', async () => {
    const { ctx } = await setup()
    const file = csv([
      ['Number', 'Name', 'City', 'Street'],
      ['K-1', 'Tallinna Vesi', 'Tallinn', 'Ädala 10']
    ])
    const { input } = await mapped(ctx, 'customers', b64(file))
    expect((await call(ctx, 'import.dryRun', input)).problemCount).toBe(0)
    await imported(ctx, input)
    const first = (await call(ctx, 'customers.list', {})).rows[0]!
    const site = (await call(ctx, 'customers.get', { id: first.id })).sites[0]!

    const second = csv([
      ['Number', 'Name', 'City', 'Street'],
      ['K-1', 'Tallinna Vesi AS', 'Tallinn', 'Ädala 12']
    ])
    const { input: input2 } = await mapped(ctx, 'customers', b64(second))
    expect((await imported(ctx, input2)).outcome).toMatchObject({ created: 0, updated: 1, committed: true })
    const list = await call(ctx, 'customers.list', {})
    expect(list.total).toBe(1)
    const after = await call(ctx, 'customers.get', { id: first.id })
    expect(after.name).toBe('Tallinna Vesi AS')
    // The site is found by its name (the street when no site name is given): a new street makes a new site.
    expect(after.sites.map((s) => s.street)).toEqual(['Ädala 10', 'Ädala 12'])
    expect(after.sites[0]!.id).toBe(site.id)
  })

  it('imports service objects with their audit entries, finds them in the search, and updates them on a second import', async () => {
    const { ctx, conn } = await setup()
    const customer = await call(ctx, 'customers.create', {
      number: 'K-1',
      name: 'Olemas OÜ',
      sites: [{ name: 'Katlamaja', street: 'Riia 5', city: 'Tartu' }]
    })
    const file = (name: string) =>
      b64(
        csv([
          ['Number', 'Name', 'Customer', 'Site', 'Serial number'],
          ['O-1', name, 'K-1', 'Katlamaja', 'QX-771'],
          ['O-2', 'Soojuspump', 'Olemas OÜ', '', 'QX-772']
        ])
      )
    const { input } = await mapped(ctx, 'serviceObjects', file('Katel'))
    expect((await imported(ctx, input)).outcome).toMatchObject({ created: 2, committed: true })
    const objects = await call(ctx, 'serviceObjects.list', { sort: 'number' })
    expect(objects.rows.map((o) => [o.number, o.name, o.customerId, o.siteName, o.serialNumber])).toEqual([
      ['O-1', 'Katel', customer.id, 'Katlamaja', 'QX-771'],
      ['O-2', 'Soojuspump', customer.id, null, 'QX-772']
    ])
    // The search index's insert trigger was lifted for the import: the objects were indexed at its end, and the
    // trigger is back for objects saved later.
    expect((await call(ctx, 'search.global', { q: 'QX-77' })).filter((h) => h.kind === 'serviceObject').map((h) => h.title)).toHaveLength(2)
    const triggers = conn.sqlite.prepare("select count(*) from sqlite_master where name = 'search_objects_ai'").pluck().get()
    expect(triggers).toBe(1)
    const trail = conn.sqlite.prepare("select action, after from audit_log where entity = 'serviceObject' order by id").all() as {
      action: string
      after: string
    }[]
    expect(trail.map((a) => [a.action, JSON.parse(a.after).customerName])).toEqual([
      ['create', 'Olemas OÜ'],
      ['create', 'Olemas OÜ']
    ])

    const { input: again } = await mapped(ctx, 'serviceObjects', file('Gaasikatel'))
    expect((await imported(ctx, again)).outcome).toMatchObject({ created: 0, updated: 2, committed: true })
    const o1 = (await call(ctx, 'serviceObjects.list', { sort: 'number' })).rows[0]!
    expect([o1.id, o1.name, o1.version]).toEqual([objects.rows[0]!.id, 'Gaasikatel', objects.rows[0]!.version + 1])
    expect((await call(ctx, 'search.global', { q: 'Gaasikatel' })).map((h) => h.title)).toHaveLength(1)
  })

  it('lists every bad row with its line and column, and writes nothing', async () => {
    const { ctx } = await setup()
    await call(ctx, 'customers.create', { name: 'Olemas OÜ' })
    const file = csv([
      ['Nimi', 'Asukoht', 'Seerianumber', 'Klient', 'Paigalduskuupäev'],
      ['Katel 1', '', 'SN-1', 'Olemas OÜ', '31.03.2026'],
      ['Katel 2', '', 'SN-2', 'Puudub AS', ''],
      ['Katel 3', '', 'SN-1', 'Olemas OÜ', ''],
      ['', '', 'SN-4', 'Olemas OÜ', '2026-02-30'],
      ['Katel 5', 'Ladu', 'SN-5', 'Olemas OÜ', 'eile']
    ])
    const { input } = await mapped(ctx, 'serviceObjects', b64(file))
    const dry = await call(ctx, 'import.dryRun', { ...input, key: 'serialNumber' })
    expect(dry.committed).toBe(false)
    expect(dry.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'Klient', 'errors.import.unknownReference'],
      [4, 'Seerianumber', 'errors.import.duplicateKey'],
      [5, 'Nimi', 'validation.required'],
      [5, 'Paigalduskuupäev', 'validation.notCalendarDate'],
      [6, 'Paigalduskuupäev', 'errors.import.notDate'],
      [6, 'Asukoht', 'errors.import.unknownSite']
    ])
    expect(dry.problems[1]!.params).toEqual({ value: 'SN-1', first: 2 })
    expect((await imported(ctx, { ...input, key: 'serialNumber' })).outcome).toMatchObject({
      committed: false,
      created: 1,
      problemCount: 6
    })
    expect((await call(ctx, 'serviceObjects.list', {})).total).toBe(0)
  })

  it('runs the import as a job with rows done of the total; Cancel rolls back what it had written', async () => {
    const { ctx } = await setup()
    // Big enough that the first 50 ms slice cannot finish it on any machine.
    const rows = Array.from({ length: 20_000 }, (_, i) => [`F-${i + 1}`, `Filter ${i + 1}`, 'tk'])
    const { input } = await mapped(ctx, 'items', b64(csv([['Number', 'Name', 'Unit'], ...rows])))
    let run = await call(ctx, 'import.start', input)
    expect(run).toMatchObject({ status: 'running', done: 0, total: 20_000 })
    while (run.done === 0) {
      await new Promise((r) => setImmediate(r))
      run = await call(ctx, 'import.run', { id: run.id })
    }
    expect(run.status).toBe('running')
    expect(run.done).toBeLessThan(20_000)
    // The job's rows are not committed: the app's own connection does not see them.
    expect((await call(ctx, 'items.list', {})).total).toBe(0)
    await call(ctx, 'import.cancel', { id: run.id })
    while (run.status === 'running') {
      await new Promise((r) => setImmediate(r))
      run = await call(ctx, 'import.run', { id: run.id })
    }
    expect(run).toMatchObject({ status: 'cancelled', outcome: { committed: false } })
    expect((await call(ctx, 'items.list', {})).total).toBe(0)
    // The write lock is free again: a new item can be saved at once.
    await call(ctx, 'items.create', { number: 'X-1', name: 'After', unit: 'tk' })
  })

  it('reports a missing required column once, on the header line', async () => {
    const { ctx } = await setup()
    const { input } = await mapped(ctx, 'serviceObjects', b64(csv([['Nimi'], ['Katel']])))
    const dry = await call(ctx, 'import.dryRun', input)
    expect(dry.problems).toEqual([
      {
        line: 1,
        column: null,
        field: 'customer',
        code: 'errors.import.missingColumn',
        params: { field: { key: 'import.fields.customer' } }
      }
    ])
  })

  it('detects Windows-1257 and commas; a Windows-1257 file read as UTF-8 is reported as mis-encoded', async () => {
    const { ctx } = await setup()
    const text = 'Number,Name,Unit,Sales price\r\nF-1,"Õhufilter, suur",tk,"12,50"\r\nF-2,Šahti pump,tk,7\r\n'
    const win = encode1257(text)
    const { inspection, input } = await mapped(ctx, 'items', b64(win))
    expect([inspection.encoding, inspection.delimiter]).toEqual(['windows-1257', ','])
    expect(inspection.sample[0]).toEqual(['F-1', 'Õhufilter, suur', 'tk', '12,50'])
    const forced = await call(ctx, 'import.dryRun', { ...input, encoding: 'utf-8' })
    expect(forced.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'Name', 'errors.import.encoding'],
      [3, 'Name', 'errors.import.encoding']
    ])
    expect((await imported(ctx, input)).outcome?.committed).toBe(true)
    const items = await call(ctx, 'items.list', { sort: 'number' })
    expect(items.rows.map((i) => [i.name, i.salesPrice])).toEqual([
      ['Õhufilter, suur', 1250],
      ['Šahti pump', 700]
    ])
  })

  it('imports workers with roles and skills by name in either language, and reports unknown ones', async () => {
    const { ctx } = await setup()
    const admin = userWith(ctx.conn, ['administrator'], 'admin')
    await call(admin, 'skills.create', { code: 'GAS', name: 'Gaasiseadmed' })
    const file = csv([
      ['Nimi', 'Rollid', 'Oskused'],
      ['Jaan Tamm', 'Teenusetehnik, dispatcher', 'GAS'],
      ['Peeter Puu', 'kokk', 'Keevitus']
    ])
    const { input } = await mapped(ctx, 'workers', b64(file))
    const dry = await call(ctx, 'import.dryRun', input)
    expect(dry.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'Rollid', 'errors.import.unknownRole'],
      [3, 'Oskused', 'errors.import.unknownReference']
    ])
    const fixed = csv([
      ['Nimi', 'Rollid', 'Oskused'],
      ['Jaan Tamm', 'Teenusetehnik, dispatcher', 'Gaasiseadmed']
    ])
    const { input: ok } = await mapped(ctx, 'workers', b64(fixed))
    await imported(ctx, ok)
    const w = (await call(ctx, 'workers.list', {})).rows[0]!
    expect(w.roles).toEqual(['technician', 'dispatcher'])
    expect(w.skillIds).toHaveLength(1)
  })

  it('refuses a malformed file and a technician', async () => {
    const { ctx, conn } = await setup()
    const err = await callError(ctx, 'import.dryRun', {
      kind: 'items',
      source: 'x',
      content: b64('Number;Name\nA;"open\n'),
      mapping: [
        { column: 'Number', field: 'number' },
        { column: 'Name', field: 'name' }
      ]
    })
    expect(err).toMatchObject({ code: 'VALIDATION', key: 'errors.import.malformed', params: { line: 2 } })
    expect((await callError(userWith(conn, ['technician']), 'import.template', { kind: 'items' })).code).toBe('FORBIDDEN')
  })

  it('gives a template whose headers map back to every field', async () => {
    const { ctx } = await setup()
    const t = await call(ctx, 'import.template', { kind: 'serviceObjects' })
    expect(t.content.startsWith('\uFEFF')).toBe(true)
    const { inspection } = await mapped(ctx, 'serviceObjects', b64(t.content))
    expect(inspection.mapping.every((m) => m.field !== null)).toBe(true)
  })
})

/** Windows-1257 bytes of a text (Node has no encoder for it): each character's byte found through the decoder. */
function encode1257(text: string): Uint8Array {
  const table = new TextDecoder('windows-1257').decode(new Uint8Array(256).map((_, i) => i))
  return Uint8Array.from([...text].map((ch) => table.indexOf(ch)))
}

describe('CSV import of service agreements with lines', () => {
  const header = [
    'Number',
    'Customer',
    'Description',
    'Agreement group',
    'Start date',
    'Line type',
    'Service object',
    'Service task',
    'Interval',
    'Quantity',
    'Category',
    'Line note'
  ]

  async function agreementsSetup() {
    const w = await agreementWorld()
    const file = (quantity = '1,5') =>
      csv([
        header,
        [
          'IMP-1',
          w.customer.number,
          'Hooldusleping',
          'GOLD',
          '01.01.2026',
          'Tunnid',
          w.serviceObject.number,
          'INSPECT',
          'WEEKLY',
          quantity,
          'WORK',
          'first'
        ],
        // The customer by its name (unique), the type in English.
        ['IMP-2', w.customer.name, 'Ventilatsioon', 'GOLD', '2026-02-01', 'hour', w.object2.number, '', 'MONTHLY', '1', 'WORK', ''],
        // The header repeated on the agreement's second line, which need not follow its first.
        ['IMP-1', w.customer.number, 'Hooldusleping', 'GOLD', '01.01.2026', 'Hours', w.object2.number, '', 'MONTHLY', '2', 'WORK', 'second']
      ])
    const { input } = await mapped(w.admin, 'agreements', b64(file()))
    const ours = async () => (await call(w.admin, 'agreements.list', { q: 'IMP-', sort: 'number' })).rows
    return { w, file, input, ours }
  }

  it('reports every bad row with its line and column, and writes nothing', async () => {
    const { w, input, ours } = await agreementsSetup()
    const bad = csv([
      header,
      ['IMP-1', w.customer.number, 'Hooldusleping', 'GOLD', '01.01.2026', 'Tunnid', '', 'INSPECT', 'WEEKLY', '1', 'WORK', ''],
      ['IMP-1', w.customer.number, 'Teine kirjeldus', 'GOLD', '01.01.2026', 'Tunnid', '', '', 'WEEKLY', '1', 'WORK', ''],
      ['IMP-2', 'NOPE', 'Ventilatsioon', 'GOLD', '2026-02-01', 'hour', '', '', 'MONTHLY', '1', 'WORK', ''],
      ['IMP-3', w.customer.number, 'Kolmas', 'GOLD', '2026-02-01', 'Remont', '', '', 'MONTHLY', '1,2345', 'WORK', ''],
      ['IMP-4', w.customer.number, 'Neljas', 'PLATINUM', '2026-02-01', 'hour', '', '', 'MONTHLY', '1', 'WORK', ''],
      ['IMP-5', w.customer.number, 'Viies', 'GOLD', '30.02.2026', 'hour', '', '', 'MONTHLY', '1', 'WORK', ''],
      ['IMP-6', w.customer.number, 'Kuues', 'GOLD', '2026-02-01', 'hour', 'NO-SUCH-OBJECT', '', 'MONTHLY', '1', 'WORK', '']
    ])
    const dry = await call(w.admin, 'import.dryRun', { ...input, content: b64(bad) })
    expect(dry.committed).toBe(false)
    expect(dry.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'Description', 'errors.import.headerDiffers'],
      [4, 'Customer', 'errors.import.unknownReference'],
      [5, 'Line type', 'errors.import.unknownLineType'],
      [5, 'Quantity', 'errors.import.notQuantity'],
      [6, 'Agreement group', 'errors.import.unknownReference'],
      [7, 'Start date', 'validation.notCalendarDate'],
      [8, 'Service object', 'errors.import.unknownReference']
    ])
    const run = await imported(w.admin, { ...input, content: b64(bad) })
    expect(run.outcome).toMatchObject({ committed: false, problemCount: 7 })
    expect(await ours()).toEqual([])
  })

  it('creates the agreements with their lines, and a second import updates them by number', async () => {
    const { w, file, input, ours } = await agreementsSetup()
    const dry = await call(w.admin, 'import.dryRun', input)
    expect(dry).toMatchObject({ rows: 3, created: 2, updated: 0, problemCount: 0, committed: false })
    expect(await ours()).toEqual([])

    expect(await imported(w.admin, input)).toMatchObject({ status: 'done', outcome: { created: 2, committed: true } })
    const [a1, a2] = await ours()
    expect([a1?.number, a1?.lineCount, a2?.number, a2?.lineCount]).toEqual(['IMP-1', 2, 'IMP-2', 1])
    const one = await call(w.admin, 'agreements.get', { id: a1!.id })
    expect(one).toMatchObject({ customerId: w.customer.id, description: 'Hooldusleping', startDate: '2026-01-01' })
    expect(one.objects.map((o) => o.id).sort()).toEqual([w.serviceObject.id, w.object2.id].sort())
    expect(one.lines.map((l) => [l.serviceObjectId, l.serviceTaskId, l.intervalId, l.quantity, l.startDate, l.note])).toEqual([
      [w.serviceObject.id, w.serviceTask.id, w.intervals.WEEKLY, 1500, '2026-01-01', 'first'],
      [w.object2.id, null, w.intervals.MONTHLY, 2000, '2026-01-01', 'second']
    ])

    // Orders generated from both lines of IMP-1 keep it updatable: its lines are updated in place, not replaced.
    generate(w, '2026-01-01', '2026-01-31', [a1!.id])
    const again = await imported(w.admin, { ...input, content: b64(file('3')) })
    expect(again.outcome).toMatchObject({ created: 0, updated: 2, committed: true })
    const after = await ours()
    expect(after.map((a) => [a.id, a.number, a.lineCount])).toEqual([
      [a1!.id, 'IMP-1', 2],
      [a2!.id, 'IMP-2', 1]
    ])
    const updated = await call(w.admin, 'agreements.get', { id: a1!.id })
    expect(updated.lines.map((l) => [l.id, l.quantity])).toEqual(one.lines.map((l, n) => [l.id, n === 0 ? 3000 : 2000]))

    // A file without a line that has generated orders is refused, as the service refuses deleting that line.
    const refused = await call(w.admin, 'import.dryRun', { ...input, content: b64(file().split('\r\n').slice(0, 3).join('\r\n')) })
    expect(refused.problems).toMatchObject([{ line: 2, code: 'errors.agreements.lineProduced', params: { lineNo: 2 } }])
    expect((await call(w.admin, 'agreements.get', { id: a1!.id })).lines).toHaveLength(2)
  })

  it('takes the SLA, the preferred technician, the responsible worker, the contact and the combine rule, naming the row and field of a bad one', async () => {
    const w = await agreementWorld()
    const sla = await call(w.admin, 'slaDefinitions.create', {
      code: 'GOLD-SLA',
      name: 'Gold',
      targets: [{ priority: 'normal', responseMinutes: 60, resolutionMinutes: 480 }]
    })
    const contact = w.customer.contacts[0]!
    const head = ['Number', 'Customer', 'Description', 'Agreement group', 'Start date', 'SLA', 'Preferred technician', 'Vastutaja']
    const tail = ['Kontakt', 'Combine visits into orders', 'Suspended', 'Line type', 'Interval', 'Category']
    const row = (number: string, cells: string[]) => [
      number,
      w.customer.number,
      'Hooldus',
      'GOLD',
      '2026-01-01',
      ...cells,
      'hour',
      'MONTHLY',
      'WORK'
    ]
    const file = (rows: string[][]) => b64(csv([[...head, ...tail], ...rows]))
    const { input, inspection } = await mapped(w.admin, 'agreements', file([]))
    // The headers are the template's, in either language.
    expect(inspection.mapping.map((m) => m.field)).toEqual([
      'number',
      'customer',
      'description',
      'agreementGroup',
      'startDate',
      'sla',
      'preferredWorker',
      'responsibleWorker',
      'contact',
      'combineRule',
      'suspended',
      'lineType',
      'interval',
      'category'
    ])

    const bad = await call(w.admin, 'import.dryRun', {
      ...input,
      content: file([
        row('IMP-1', ['PLATINUM', w.worker.name, w.worker2.name, contact.name, 'task', 'no']),
        row('IMP-2', ['GOLD-SLA', 'Nobody', w.worker2.name, 'Someone Else', 'per week', 'maybe']),
        // A contact of another customer is not this customer's.
        row('IMP-3', ['', '', '', 'Mari Maasikas ', 'worker', ''])
      ])
    })
    expect(bad.problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'SLA', 'errors.import.unknownReference'],
      [3, 'Preferred technician', 'errors.import.unknownReference'],
      [3, 'Kontakt', 'errors.import.unknownContact'],
      [3, 'Combine visits into orders', 'errors.import.unknownCombineRule'],
      [3, 'Suspended', 'errors.import.notYesNo']
    ])
    expect((await call(w.admin, 'agreements.list', { q: 'IMP-' })).total).toBe(0)

    const run = await imported(w.admin, {
      ...input,
      content: file([
        row('IMP-1', ['GOLD-SLA', w.worker.name, w.worker2.name, contact.name, 'One order per worker and date', 'jah']),
        // Blank cells: the agreement group's SLA, no contact, the default rule; the contact's name in any case.
        row('IMP-2', ['', '', '', '', '', '']),
        row('IMP-3', ['', '', '', 'mari maasikas', 'Üks hooldustellimus hooldusobjekti ja kuupäeva kohta', ''])
      ])
    })
    expect(run.outcome).toMatchObject({ created: 3, committed: true })
    const got = async (number: string) => {
      const [a] = (await call(w.admin, 'agreements.list', { q: number })).rows
      const { slaId, preferredWorkerId, responsibleWorkerId, contactId, combineRule, suspended } = await call(w.admin, 'agreements.get', {
        id: a!.id
      })
      return { slaId, preferredWorkerId, responsibleWorkerId, contactId, combineRule, suspended }
    }
    expect(await got('IMP-1')).toEqual({
      slaId: sla.id,
      preferredWorkerId: w.worker.id,
      responsibleWorkerId: w.worker2.id,
      contactId: contact.id,
      combineRule: 'worker',
      suspended: true
    })
    expect(await got('IMP-2')).toEqual({
      slaId: null,
      preferredWorkerId: null,
      responsibleWorkerId: null,
      contactId: null,
      combineRule: 'agreement',
      suspended: false
    })
    expect((await got('IMP-3')).contactId).toBe(contact.id)
    expect((await got('IMP-3')).combineRule).toBe('object')
  })

  it('reports progress while it writes the agreements after the last row', async () => {
    const w = await agreementWorld()
    // The job's clock moves 20 ms a look, so each 50 ms slice writes a couple of rows on any machine, fast or busy.
    let clock = 0
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20))
    onTestFinished(() => now.mockRestore())
    const n = 12
    const rows = Array.from({ length: n }, (_, i) => [
      `IMP-${i + 1}`,
      w.customer.number,
      'Hooldus',
      'GOLD',
      '2026-01-01',
      'hour',
      'MONTHLY',
      'WORK'
    ])
    const { input } = await mapped(
      w.admin,
      'agreements',
      b64(csv([['Number', 'Customer', 'Description', 'Agreement group', 'Start date', 'Line type', 'Interval', 'Category'], ...rows]))
    )
    let run = await call(w.admin, 'import.start', input)
    expect(run).toMatchObject({ status: 'running', writing: false, total: n })
    while (run.status === 'running' && !run.writing) {
      await new Promise((r) => setImmediate(r))
      run = await call(w.admin, 'import.run', { id: run.id })
    }
    expect(run).toMatchObject({ status: 'running', writing: true })
    expect(run.done).toBeLessThan(n)
    const seen = [run.done]
    while (run.status === 'running') {
      await new Promise((r) => setImmediate(r))
      run = await call(w.admin, 'import.run', { id: run.id })
      if (run.status === 'running') seen.push(run.done)
    }
    // The rows written only go up, and the job ends with every row.
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(run).toMatchObject({ status: 'done', done: n, outcome: { created: n, committed: true } })
  })

  it('offers a template with the agreement and line columns', async () => {
    const { w } = await agreementsSetup()
    const template = await call(w.admin, 'import.template', { kind: 'agreements' })
    expect(template.content.split('\r\n')[0]).toContain(
      'Agreement group;Start date;End date;SLA;Preferred technician;Responsible;Contact;Combine visits into orders;Suspended;Notes;Line type'
    )
  })
})
