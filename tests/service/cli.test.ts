import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ApiHost, runMethod } from '../../src/main/api/pipeline'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'
import { cli, cliProcess } from '../support/processes'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hooldus-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const rowsOf = (file: string, delimiter = ',') => parse(readFileSync(file, 'utf8'), { bom: true, delimiter }) as string[][]

async function signIn(file: string, username: string, password: string) {
  const conn = openDatabase(file)
  try {
    const host: ApiHost = { conn }
    return await runMethod(host, () => null, { userId: null }, 'auth.signIn', { username, password })
  } finally {
    closeDatabase(conn)
  }
}

describe('command line', () => {
  it('prints help with every command, and refuses an unknown command with exit code 2', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    for (const c of ['migrate', 'backup', 'demo', 'export', 'users add']) expect(help.out).toContain(c)
    const one = await cli(['export', '--help'])
    expect(one.code).toBe(0)
    expect(one.out).toContain('serviceObjects')
    expect(one.out).toContain("--lang et|en      language of the headers and labels (default: the user's)")

    // Help is printed before a database is opened: English, unless --lang chooses.
    const abi = await cli(['--help', '--lang', 'et'])
    expect(abi.code).toBe(0)
    expect(abi.out).toContain('Hoolduse käsurida')
    expect(abi.out).toMatch(/Käsud:\n\s+migrate\s+Loo andmebaas/)
    expect(abi.out).toContain('Kirjuta loend CSV-faili')
    const exportAbi = await cli(['export', '--help', '--lang', 'et'])
    expect(exportAbi.out).toContain('Kasutus: npm run cli -- export <list>')
    expect(exportAbi.out).toContain('päiste ja siltide keel')
    expect(exportAbi.out).not.toContain('search text')

    // The one process of this file: `npm run cli` sets the exit code and writes the streams as runCli answers.
    const bad = cliProcess(['frobnicate'])
    expect(bad.code).toBe(2)
    expect(bad.out).toBe('')
    expect(bad.err.trim()).toBe('hooldus: Unknown command "frobnicate" (see --help)')
    const badOption = await cli(['migrate', '--db', join(dir, 'x.db'), '--out', 'x.csv'])
    expect(badOption.code).toBe(2)
    expect(badOption.err).toContain('"migrate" does not take --out')
    expect(existsSync(join(dir, 'x.db'))).toBe(false)
  })

  it('migrates, fills demo data, exports CSV, backs up; honours HOOLDUS_DB', async () => {
    const file = join(dir, 'demo.db')
    const m = await cli(['migrate'], { HOOLDUS_DB: file })
    expect(m.code, m.err).toBe(0)
    expect(m.out).toContain('schema version')
    expect(existsSync(file)).toBe(true)

    const d = await cli(['demo', '--db', file, '--scale', '0.5'])
    expect(d.code, d.err).toBe(0)
    expect(d.out).toContain('40 customers')
    expect(d.out).toMatch(/120 service orders over 4 weeks back and 4 ahead \(\d+ lines, 3 templates\), \d+ invoices/)
    expect(d.out).toMatch(/tech\s+demo-tech/)
    const again = await cli(['demo', '--db', file])
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/^hooldus: Demo data goes only into an empty database; this one already has 40 customers/)

    const csv = join(dir, 'objects.csv')
    const e = await cli(['export', 'serviceObjects', '--out', csv, '--db', file])
    expect(e.code, e.err).toBe(0)
    // The acting administrator speaks the company's language (Estonian): so does the summary.
    expect(e.out.trim()).toBe(`Loendist serviceObjects eksporditi 200 rida faili ${csv} (kasutajana admin).`)
    // The administrator speaks the company's language (Estonian): the spreadsheet dialect, Estonian headers.
    expect(readFileSync(csv, 'utf8').startsWith('\ufeffNumber;Nimi;Klient;')).toBe(true)
    const rows = rowsOf(csv, ';')
    expect(rows[0]).toEqual(expect.arrayContaining(['Number', 'Nimi', 'Seerianumber', 'Klient', 'Garantii kuni', 'Paigaldatud']))
    expect(rows[0]).not.toContain('Version')
    expect(rows).toHaveLength(201)
    expect(rows[1]![rows[0]!.indexOf('Number')]).toBe('OBJ-000001')
    const installed = rows
      .slice(1)
      .map((r) => r[rows[0]!.indexOf('Paigaldatud')])
      .filter(Boolean)
    expect(installed.length).toBeGreaterThan(0)
    for (const d of installed) expect(d).toMatch(/^\d\d\.\d\d\.\d{4}$/)

    // Filters and search go through the list's own input schema; kebab-case list names work too.
    const active = join(dir, 'customers.csv')
    const f = await cli([
      'export',
      'customers',
      '--out',
      active,
      '--filter',
      'active=true',
      '--lang',
      'en',
      '--csv-dialect',
      'standard',
      '--db',
      file
    ])
    expect(f.code, f.err).toBe(0)
    expect(f.out.trim()).toMatch(/^Exported \d+ rows of customers to .*customers\.csv \(as admin\)\.$/)
    expect(readFileSync(active, 'utf8').startsWith('Number,Name,Group,Language,')).toBe(true)
    expect(
      rowsOf(active)
        .slice(1)
        .every((r) => r[rowsOf(active)[0]!.indexOf('Active')] === 'Yes')
    ).toBe(true)
    const items = join(dir, 'items.csv')
    const itemsEt = await cli(['export', 'items', '--out', items, '--lang', 'et', '--db', file])
    expect(itemsEt.code, itemsEt.err).toBe(0)
    expect(itemsEt.out).toMatch(/^Loendist items eksporditi \d+ rida faili /)
    const itemRows = rowsOf(items, ';')
    expect(itemRows[0]).toContain('Müügihind')
    for (const r of itemRows.slice(1)) expect(r[itemRows[0]!.indexOf('Müügihind')]).toMatch(/^-?\d+,\d\d$/)
    const badLang = await cli(['export', 'items', '--out', items, '--lang', 'ru', '--db', file])
    expect(badLang.code).toBe(2)
    expect(badLang.err).toContain('--lang must be et or en')
    const badDialect = await cli(['export', 'items', '--out', items, '--csv-dialect', 'excel', '--db', file])
    expect(badDialect.code).toBe(2)
    expect(badDialect.err).toContain('--csv-dialect is one of: spreadsheet, standard')
    const unknown = await cli(['export', 'customers', '--out', active, '--filter', 'colour=red', '--db', file])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('Unknown filter "colour" for customers; filters: groupId, active')
    const kebab = await cli(['export', 'service-objects', '--out', join(dir, 'o2.csv'), '--q', 'OBJ-00000', '--db', file])
    expect(kebab.code, kebab.err).toBe(0)
    expect(rowsOf(join(dir, 'o2.csv'), ';')).toHaveLength(10)

    // Acting as a technician: the pipeline's permission check applies.
    // It answers in the --user's language (the demo company's, Estonian), or in the one --lang chooses.
    const forbidden = await cli(['export', 'users', '--out', join(dir, 'u.csv'), '--user', 'tech', '--db', file])
    expect(forbidden.code).toBe(1)
    expect(forbidden.err.trim()).toBe('hooldus: Sinu roll seda ei luba (users.manage).')
    const inEnglish = await cli(['export', 'users', '--out', join(dir, 'u.csv'), '--user', 'tech', '--lang', 'en', '--db', file])
    expect(inEnglish.err.trim()).toBe('hooldus: Your role does not allow this (users.manage).')
    expect(existsSync(join(dir, 'u.csv'))).toBe(false)

    const b = await cli(['backup', join(dir, 'copy.db'), '--db', file])
    expect(b.code, b.err).toBe(0)
    const copy = openDatabase(join(dir, 'copy.db'))
    expect((copy.sqlite.prepare('select count(*) as n from customers').get() as { n: number }).n).toBe(40)
    closeDatabase(copy)
    expect((await cli(['backup', join(dir, 'copy.db'), '--db', file])).err).toContain('already exists; pass --force')
  }, 120000)

  it('adds users through users.create: validation names the options, and the new user can sign in', async () => {
    const file = join(dir, 'users.db')
    expect((await cli(['migrate', '--db', file])).code).toBe(0)

    // No administrator yet: the first user from the command line must be one.
    const notAdmin = await cli([
      'users',
      'add',
      'mari',
      '--name',
      'Mari',
      '--role',
      'dispatcher',
      '--password',
      'longenough1',
      '--lang',
      'en',
      '--db',
      file
    ])
    expect(notAdmin.code).toBe(1)
    expect(notAdmin.err).toContain('the first user must get --role administrator')
    const root = await cli(['users', 'add', 'root', '--name', 'Root', '--role', 'administrator', '--db', file], {
      HOOLDUS_PASSWORD: 'root-password'
    })
    expect(root.code, root.err).toBe(0)

    const invalid = await cli(['users', 'add', 'Mari!', '--role', 'wizard', '--password', 'short', '--lang', 'en', '--db', file])
    expect(invalid.code).toBe(1)
    expect(invalid.err.split('\n').filter(Boolean)).toHaveLength(1)
    expect(invalid.err).toMatch(/^hooldus: Some fields need attention: /)
    for (const field of ['<username>:', '--name: Required', '--role #1:', '--password: At least 8 characters'])
      expect(invalid.err).toContain(field)
    // --lang et: the same field errors in Estonian, the options named as on the command line.
    const estonian = await cli(['users', 'add', 'Mari!', '--role', 'wizard', '--password', 'short', '--lang', 'et', '--db', file])
    expect(estonian.err).toMatch(/^hooldus: Mõni väli vajab tähelepanu: /)
    for (const field of ['--name: Kohustuslik', '--password: Vähemalt 8 märki']) expect(estonian.err).toContain(field)
    const badLang = await cli(['users', 'add', 'x', '--lang', 'fi', '--db', file])
    expect(badLang.code).toBe(2)
    expect(badLang.err).toContain('--lang must be et or en, not "fi"')

    const missingPassword = await cli(['users', 'add', 'mari', '--name', 'Mari', '--role', 'dispatcher', '--db', file])
    expect(missingPassword.code).toBe(2)
    expect(missingPassword.err).toContain('HOOLDUS_PASSWORD')

    const ok = await cli(
      [
        'users',
        'add',
        'mari',
        '--name',
        'Mari Maasikas',
        '--role',
        'dispatcher',
        '--role',
        'serviceConsultant',
        '--lang',
        'en',
        '--db',
        file
      ],
      {
        HOOLDUS_PASSWORD: 'mari-password'
      }
    )
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain('Added user "mari" (Mari Maasikas; Dispatcher, Service consultant)')
    const inEstonian = await cli(['users', 'add', 'jaan', '--name', 'Jaan Tamm', '--role', 'technician', '--lang', 'et', '--db', file], {
      HOOLDUS_PASSWORD: 'jaan-password'
    })
    expect(inEstonian.code, inEstonian.err).toBe(0)
    expect(inEstonian.out.trim()).toBe('Lisati kasutaja "jaan" (Jaan Tamm; Teenusetehnik).')
    const twice = await cli(['users', 'add', 'mari', '--name', 'Mari', '--role', 'dispatcher', '--db', file], {
      HOOLDUS_PASSWORD: 'mari-password'
    })
    expect(twice.code).toBe(1)
    // The acting administrator speaks the company's language: Estonian (the default of a new company).
    expect(twice.err).toContain('<username>: See kasutajanimi on juba kasutusel (teine kasutaja).')

    const signedIn = await signIn(file, 'mari', 'mari-password')
    expect(signedIn.ok && signedIn.data).toMatchObject({ username: 'mari', roles: ['dispatcher', 'serviceConsultant'] })
    const wrong = await signIn(file, 'mari', 'not-her-password')
    expect(wrong.ok).toBe(false)

    // A dispatcher may not manage users (told in English: --lang overrides her language).
    const asMari = await cli(
      ['users', 'add', 'olev', '--name', 'Olev', '--role', 'technician', '--user', 'mari', '--lang', 'en', '--db', file],
      {
        HOOLDUS_PASSWORD: 'olev-password'
      }
    )
    expect(asMari.code).toBe(1)
    expect(asMari.err.trim()).toBe('hooldus: Your role does not allow this (users.manage).')
  }, 120000)

  it('refuses a missing database for commands that read one', async () => {
    const r = await cli(['export', 'customers', '--out', join(dir, 'c.csv'), '--db', join(dir, 'missing.db')])
    expect(r.code).toBe(1)
    expect(r.err).toContain('There is no database at')
    expect(existsSync(join(dir, 'missing.db'))).toBe(false)
  })
})
