import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'
import { agreementState, agreementWorld, insertWeeklyAgreements } from '../support/agreements'
import { freshDb, userWith } from '../support/db'
import { cli, cliProcess } from '../support/processes'

describe('agreements generate (command line)', { timeout: 60000 }, () => {
  it('creates the orders, says what it made and skipped, and creates nothing twice', async () => {
    const w = await agreementWorld()
    closeDatabase(w.conn)
    const db = ['--db', w.file]

    const help = await cli(['--help'])
    expect(help.out).toContain('agreements generate')
    expect((await cli(['agreements', 'generate', '--help'])).out).toContain('--from, --to')
    const abi = (await cli(['agreements', 'generate', '--help', '--lang', 'et'])).out
    expect(abi).toContain('Loo teenuselepetest tulenevad hooldustellimused')
    expect(abi).toContain('vahemik, mõlemad päevad kaasa arvatud')

    // The seeded agreement: monthly from 5 January; 5 December 2026 is a Saturday (kept, flagged).
    const first = await cli(['agreements', 'generate', '--from', '2026-12-01', '--to', '2027-02-28', ...db, '--json'])
    expect(first.code, first.err).toBe(0)
    expect(first.err).toBe('')
    expect(first.out.trim().split('\n')).toHaveLength(1)
    const summary = JSON.parse(first.out) as Record<string, unknown>
    expect(summary).toMatchObject({
      from: '2026-12-01',
      to: '2027-02-28',
      orders: 3,
      lines: 3,
      skipped: 0,
      conflicts: 1,
      agreements: 1,
      agreementsInScope: 1,
      orderNumbers: { first: 'SO-000003', last: 'SO-000005' },
      user: 'seed-admin'
    })

    // Human output: progress on stderr, the summary on stdout.
    const again = await cli(['agreements', 'generate', '--from', '2026-11-01', '--to', '2027-03-31', ...db])
    expect(again.code, again.err).toBe(0)
    expect(again.err).toContain('Generating service orders for 2026-11-01 … 2027-03-31 as seed-admin')
    expect(again.err).toMatch(/1\/1 agreements, 2 orders/)
    expect(again.out).toMatch(
      /^Created 2 service orders \(SO-000006 … SO-000007\) with 2 lines from 1 agreement for 2026-11-01 … 2027-03-31/
    )
    expect(again.out).toContain('3 occurrences skipped (made before); 0 orders on a closed day')

    const nothing = JSON.parse(
      (await cli(['agreements', 'generate', '--from', '2026-11-01', '--to', '2027-03-31', ...db, '--json'])).out
    ) as Record<string, unknown>
    expect(nothing).toMatchObject({ orders: 0, lines: 0, skipped: 5, conflicts: 0, agreements: 0, orderNumbers: null })
    expect((await cli(['agreements', 'generate', '--from', '2026-11-01', '--to', '2027-03-31', ...db])).out).toMatch(
      /^Nothing to create for 2026-11-01 … 2027-03-31: 1 agreement in force, 5 occurrences made before/
    )

    // --lang et: progress and summary in Estonian, with Estonian plurals (the number takes the singular).
    expect((await cli(['agreements', 'generate', '--from', '2026-11-01', '--to', '2027-03-31', ...db, '--lang', 'et'])).out.trim()).toMatch(
      /^Perioodiks 2026-11-01 … 2027-03-31 pole midagi luua: kehtib 1 teenuselepe, varem loodud 5 külastust \(\d+,\d s\)\.$/
    )
    const estonian = await cli(['agreements', 'generate', '--from', '2027-04-01', '--to', '2027-05-31', ...db, '--lang', 'et'])
    expect(estonian.code, estonian.err).toBe(0)
    expect(estonian.err).toContain('Luuakse hooldustellimusi perioodiks 2027-04-01 … 2027-05-31 kasutajana seed-admin')
    expect(estonian.err).toMatch(/teenuselepped 1\/1, 2 hooldustellimust/)
    expect(estonian.out).toMatch(
      /^Loodi 2 hooldustellimust \(SO-000008 … SO-000009\), kokku 2 rida, 1 teenuseleppe põhjal perioodiks 2027-04-01 … 2027-05-31 \(\d+,\d s\)\./
    )
    expect(estonian.out).toContain('0 külastust jäeti vahele (varem loodud); 0 hooldustellimust suletud päeval')
  })

  it('generates one agreement by number, acting as the given user', async () => {
    const w = await agreementWorld()
    insertWeeklyAgreements(w.conn, w, 3)
    userWith(w.conn, ['dispatcher'], 'disp')
    userWith(w.conn, ['technician'], 'tech')
    closeDatabase(w.conn)
    const run = await cli([
      'agreements',
      'generate',
      '--from',
      '2026-01-01',
      '--to',
      '2026-01-31',
      '--agreement',
      'AGR-T00002',
      '--agreement',
      'AGR-T00003',
      '--user',
      'disp',
      '--db',
      w.file,
      '--json'
    ])
    expect(run.code, run.err).toBe(0)
    expect(JSON.parse(run.out)).toMatchObject({ orders: 8, agreements: 2, agreementsInScope: 2, user: 'disp' })
    const conn = openDatabase(w.file)
    expect(agreementState(conn).map((a) => [a.number, a.ledger])).toEqual([
      [w.agreement.number, 0],
      ['AGR-T00001', 0],
      ['AGR-T00002', 4],
      ['AGR-T00003', 4]
    ])
    closeDatabase(conn)

    const denied = await cli(['agreements', 'generate', '--from', '2026-01-01', '--to', '2026-01-31', '--user', 'tech', '--db', w.file])
    expect(denied.code).toBe(1)
    expect(denied.err).toMatch(/^hooldus: Your role does not allow this \(agreements.generate\)/)
  })

  it('refuses bad dates, an unknown agreement and a range over ten years, creating nothing', async () => {
    const w = await agreementWorld()
    closeDatabase(w.conn)
    const db = ['--db', w.file]
    const cases: [string[], number, RegExp][] = [
      [['--from', '2026-01-01'], 2, /needs --from and --to/],
      [['--from', '2026-13-01', '--to', '2026-12-31'], 2, /--from: /],
      [['--from', '1.1.2026', '--to', '2026-12-31'], 2, /--from: Use the format YYYY-MM-DD/],
      [['--from', '2026-03-01', '--to', '2026-02-01'], 2, /--to: The end cannot be before the start/],
      [['--from', '2026-01-01', '--to', '2036-01-02'], 2, /--to: Generate at most ten years at a time/],
      [['--from', '2026-01-01', '--to', '2026-12-31', '--agreement', 'AGR-99999'], 1, /^hooldus: There is no agreement AGR-99999\.$/m],
      [['--from', '2026-01-01', '--to', '2026-12-31', 'extra'], 2, /takes no arguments/]
    ]
    for (const [args, code, message] of cases) {
      const r = await cli(['agreements', 'generate', ...args, ...db])
      expect(r.code, args.join(' ')).toBe(code)
      expect(r.err).toMatch(message)
      expect(r.out).toBe('')
    }
    expect((await cli(['agreements', 'frobnicate', ...db])).err).toMatch(
      /Unknown command "agreements frobnicate"; try "agreements generate"/
    )
    expect((await cli(['agreements', ...db])).err).toMatch(/"agreements" needs a sub-command: agreements generate/)
    const conn = openDatabase(w.file)
    expect((conn.sqlite.prepare("select count(*) as n from service_orders where origin = 'agreement'").get() as { n: number }).n).toBe(0)
    closeDatabase(conn)
  })

  it("on a fresh demo database, creates the coming three months' orders", async () => {
    const { file } = await freshDb()
    const made = await cli(['demo', '--db', file, '--scale', '0.5'])
    expect(made.code, made.err).toBe(0)
    expect(made.out).toMatch(/61 service agreements \(\d+ gold, \d+ silver, \d+ bronze; \d+ lines\)/)
    const today = new Date().toISOString().slice(0, 10)
    const to = new Date(Date.now() + 91 * 86_400_000).toISOString().slice(0, 10)
    const run = await cli(['agreements', 'generate', '--from', today, '--to', to, '--db', file, '--json'])
    expect(run.code, run.err).toBe(0)
    const summary = JSON.parse(run.out) as {
      orders: number
      lines: number
      agreements: number
      orderNumbers: { first: string; last: string }
    }
    expect(summary.orders).toBeGreaterThan(50)
    expect(summary.agreements).toBeGreaterThan(30)
    expect(summary.orderNumbers.first < summary.orderNumbers.last).toBe(true)
  })

  it('killed midway, keeps whole agreements; run again, completes the rest', async () => {
    const w = await agreementWorld()
    insertWeeklyAgreements(w.conn, w, 4)
    closeDatabase(w.conn)
    const args = ['agreements', 'generate', '--from', '2026-01-01', '--to', '2026-01-31', '--db', w.file, '--json']
    const killed = cliProcess(args, { HOOLDUS_FAULT: 'generate.afterOrder', HOOLDUS_FAULT_AFTER: '7' })
    expect(killed.signal).toBe('SIGKILL')
    let conn = openDatabase(w.file)
    for (const a of agreementState(conn)) expect(a.lines).toBe(a.ledger)
    closeDatabase(conn)
    const rest = await cli(args)
    expect(rest.code, rest.err).toBe(0)
    conn = openDatabase(w.file)
    expect(agreementState(conn).map((a) => a.ledger)).toEqual([1, 4, 4, 4, 4])
    closeDatabase(conn)
  })
})
