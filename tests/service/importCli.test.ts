import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'
import { agreementWorld } from '../support/agreements'
import { freshDb, userWith } from '../support/db'
import { cli } from '../support/processes'

describe('import (command line)', { timeout: 180000 }, () => {
  it('checks a file with --dry-run --json, names each bad row, writes nothing; a fixed file imports and a rerun updates', async () => {
    const { conn, file, dir } = await freshDb()
    userWith(conn, ['administrator'], 'admin')
    closeDatabase(conn)
    const csv = join(dir, 'vana-süsteem.csv')
    writeFileSync(csv, 'Number,Name,Sales price\nA-1,Filter,"12,50"\nA-2,,3\nA-1,Pump,x\n')

    const dry = await cli(['import', 'items', csv, '--dry-run', '--json', '--db', file, '--lang', 'en'])
    expect(dry.code).toBe(1)
    const report = JSON.parse(dry.out) as {
      rows: number
      committed: boolean
      problems: { line: number; column: string; message: string }[]
    }
    expect(report).toMatchObject({ rows: 3, committed: false, encoding: 'utf-8', delimiter: ',', source: 'vana-süsteem' })
    expect(report.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 'Name', 'Required'],
      [4, 'Number', '"A-1" is already on line 2']
    ])

    writeFileSync(csv, 'Number,Name,Sales price\nA-1,Filter,"12,50"\nA-2,Pump,3\n')
    const ok = await cli(['import', 'items', csv, '--db', file, '--lang', 'en'])
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain('2 rows imported: 2 new, 0 updated.')
    const again = JSON.parse((await cli(['import', 'items', csv, '--json', '--db', file, '--lang', 'en'])).out) as Record<string, unknown>
    expect(again).toMatchObject({ created: 0, updated: 2, committed: true })

    const check = openDatabase(file)
    expect(check.sqlite.prepare('select number, name, sales_price from items order by number').all()).toEqual([
      { number: 'A-1', name: 'Filter', sales_price: 1250 },
      { number: 'A-2', name: 'Pump', sales_price: 300 }
    ])
    closeDatabase(check)
    expect((await cli(['import', 'items', csv, '--mapping', 'nobody', '--db', file, '--lang', 'en'])).err).toContain(
      'No saved mapping is called "nobody"'
    )
  })
  it('imports service agreements with their lines, one row per line', async () => {
    const w = await agreementWorld()
    closeDatabase(w.conn)
    const csv = join(w.dir, 'lepingud.csv')
    const c = w.customer.number
    writeFileSync(
      csv,
      [
        'Number;Customer;Description;Agreement group;Start date;Line type;Interval;Quantity;Category',
        `L-1;${c};Hooldus;GOLD;01.01.2026;Tunnid;WEEKLY;1;WORK`,
        `L-1;${c};Hooldus;GOLD;01.01.2026;Tunnid;MONTHLY;2;WORK`,
        `L-2;${c};Remont;GOLD;01.02.2026;hour;MONTHLY;1;WORK`
      ].join('\n')
    )
    const done = await cli(['import', 'agreements', csv, '--json', '--db', w.file, '--lang', 'en'])
    expect(done.code, done.err).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ rows: 3, created: 2, updated: 0, committed: true })
    const check = openDatabase(w.file)
    expect(
      check.sqlite
        .prepare(
          "select a.number, count(l.id) as lines from agreements a join agreement_lines l on l.agreement_id = a.id where a.number like 'L-%' group by a.id order by a.number"
        )
        .all()
    ).toEqual([
      { number: 'L-1', lines: 2 },
      { number: 'L-2', lines: 1 }
    ])
    closeDatabase(check)
  })
})
