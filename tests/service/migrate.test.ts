import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'
import { DatabaseTooNewError, knownSchemaVersion, migrateDatabase } from '../../src/main/db/migrate'
import { openAndMigrate } from '../../src/main/bootstrap'
import { findMigrations } from '../../src/main/db/open'
import { loadInvoice } from '../../src/main/services/invoices/ledger'
import { invoiceReferenceNumber, isValidReferenceNumber } from '../../src/shared/domain/referenceNumber'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hooldus-migrate-'))
  dirs.push(d)
  return d
}

const known = knownSchemaVersion(findMigrations())

/** A database as an older release left it: schema 0 with a table and a row of the user's data. */
function olderDatabase(file: string): void {
  const db = new Database(file)
  db.exec("create table legacy_notes (id integer primary key, text text not null); insert into legacy_notes (text) values ('keep me')")
  db.pragma('user_version = 0')
  db.close()
}

const tables = (db: Database.Database) =>
  (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name)

/** The migrations folder as the first release shipped it: only 0000_init. */
function firstReleaseMigrations(dir: string): string {
  const folder = join(dir, 'drizzle-v1')
  cpSync(findMigrations(), folder, { recursive: true })
  const journalFile = join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  for (const e of journal.entries.slice(1)) rmSync(join(folder, `${e.tag}.sql`))
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }))
  return folder
}

describe('migrations at start-up', () => {
  it('upgrades a first-release database with orders to the current schema, keeping every row and reference', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    const old = openDatabase(file)
    try {
      await migrateDatabase(old, firstReleaseMigrations(dir))
      expect(old.sqlite.pragma('user_version', { simple: true })).toBe(1)
      old.sqlite.exec(`
        insert into customer_groups (code, name) values ('GOLD', 'Gold customers');
        insert into customers (number, name, group_id, created_at, updated_at) values ('C-1', 'Õunapuu OÜ', 1, 1, 1);
        insert into service_stages (code, name) values ('NEW', 'New');
        insert into service_orders (number, customer_id, description, stage_id, created_at, updated_at)
          values ('SO-1', 1, 'Boiler service', 1, 1, 1);
        insert into agreement_groups (code, name) values ('MAINT', 'Maintenance');`)
    } finally {
      closeDatabase(old)
    }

    const { conn, migration } = await openAndMigrate(file, { migrationsFolder: findMigrations() })
    try {
      expect(migration).toMatchObject({ from: 1, to: known })
      expect(conn.sqlite.prepare('select name, group_id as groupId from customers').get()).toEqual({ name: 'Õunapuu OÜ', groupId: 1 })
      expect(conn.sqlite.prepare('select number, sla_id as slaId from service_orders').get()).toEqual({ number: 'SO-1', slaId: null })
      expect(conn.sqlite.prepare('select sla_id from customer_groups').pluck().get()).toBeNull()
      expect(conn.sqlite.prepare('select sla_id from agreement_groups').pluck().get()).toBeNull()
      expect(conn.sqlite.prepare('select count(*) from order_assignments').pluck().get()).toBe(0)
      // The search index is built from the rows already there (customer name folded: õ → o).
      expect(conn.sqlite.prepare(`select rowid from search_orders where search_orders match '"ounapuu"'`).pluck().all()).toEqual([1])
      expect(conn.sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      closeDatabase(conn)
    }
  })

  it('upgrades a first-release ledger: every invoice, line and credit note intact, credit lines linked, credited totals and reference numbers', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    const old = openDatabase(file)
    const rows = (db: Database.Database, sql: string) => db.prepare(sql).all() as Record<string, unknown>[]
    const INVOICES =
      'select id, number, kind, customer_id, invoice_date, due_date, currency, net_total, vat_total, gross_total, credit_of_id, request_key from invoices order by id'
    const LINES =
      'select id, invoice_id, order_line_id, order_number, type, description, quantity, unit, unit_price, net_amount, vat_code, vat_rate, vat_amount from invoice_lines order by id'
    let before: { invoices: Record<string, unknown>[]; lines: Record<string, unknown>[] }
    try {
      await migrateDatabase(old, firstReleaseMigrations(dir))
      // An order of two posted lines, invoiced as INV-000001, reversed in whole by CRN-000001 (which freed the
      // lines), then invoiced again as INV-000002 — all as the first release wrote them.
      old.sqlite.exec(`
        insert into customers (number, name, created_at, updated_at) values ('C-1', 'Õunapuu OÜ', 1, 1);
        insert into service_stages (code, name) values ('DONE', 'Done');
        insert into service_orders (number, customer_id, description, stage_id, created_at, updated_at)
          values ('SO-000001', 1, 'Boiler service', 1, 1, 1);
        insert into service_order_lines (order_id, line_no, type, description, quantity, unit, unit_price, status)
          values (1, 1, 'hour', 'Labour', 1500, 'h', 5500, 'posted'), (1, 2, 'item', 'Filter', 2000, 'pcs', 1500, 'posted');
        insert into invoices (number, kind, customer_id, invoice_date, due_date, currency, net_total, vat_total, gross_total, credit_of_id, request_key, created_at)
          values ('INV-000001', 'invoice', 1, '2025-05-02', '2025-05-16', 'EUR', 11250, 2700, 13950, null, 'k1', 1),
                 ('CRN-000001', 'credit', 1, '2025-05-05', '2025-05-05', 'EUR', -11250, -2700, -13950, 1, 'k2', 2),
                 ('INV-000002', 'invoice', 1, '2025-05-06', '2025-05-20', 'EUR', 11250, 2700, 13950, null, 'k3', 3);
        insert into invoice_lines (invoice_id, order_line_id, order_number, type, description, quantity, unit, unit_price, net_amount, vat_code, vat_rate, vat_amount)
          values (1, 1, 'SO-000001', 'hour', 'Labour', 1500, 'h', 5500, 8250, 'S', 2400, 1980),
                 (1, 2, 'SO-000001', 'item', 'Filter', 2000, 'pcs', 1500, 3000, 'S', 2400, 720),
                 (2, 1, 'SO-000001', 'hour', 'Labour', -1500, 'h', 5500, -8250, 'S', 2400, -1980),
                 (2, 2, 'SO-000001', 'item', 'Filter', -2000, 'pcs', 1500, -3000, 'S', 2400, -720),
                 (3, 1, 'SO-000001', 'hour', 'Labour', 1500, 'h', 5500, 8250, 'S', 2400, 1980),
                 (3, 2, 'SO-000001', 'item', 'Filter', 2000, 'pcs', 1500, 3000, 'S', 2400, 720);
        update service_order_lines set invoice_id = 3;`)
      before = { invoices: rows(old.sqlite, INVOICES), lines: rows(old.sqlite, LINES) }
    } finally {
      closeDatabase(old)
    }

    const { conn } = await openAndMigrate(file, { migrationsFolder: findMigrations() })
    try {
      expect(rows(conn.sqlite, INVOICES)).toEqual(before.invoices)
      expect(rows(conn.sqlite, LINES)).toEqual(before.lines)
      expect(rows(conn.sqlite, 'select id, source, credited_line_id as credited from invoice_lines order by id')).toEqual([
        { id: 1, source: 'orderLine', credited: null },
        { id: 2, source: 'orderLine', credited: null },
        { id: 3, source: 'orderLine', credited: 1 },
        { id: 4, source: 'orderLine', credited: 2 },
        { id: 5, source: 'orderLine', credited: null },
        { id: 6, source: 'orderLine', credited: null }
      ])
      expect(
        rows(
          conn.sqlite,
          'select number, credited_total as credited, paid_total as paid, reference_number as ref from invoices order by id'
        )
      ).toEqual([
        { number: 'INV-000001', credited: 13950, paid: 0, ref: invoiceReferenceNumber('INV-000001', 1) },
        { number: 'CRN-000001', credited: 0, paid: 0, ref: '' },
        { number: 'INV-000002', credited: 0, paid: 0, ref: invoiceReferenceNumber('INV-000002', 3) }
      ])
      for (const id of [1, 3]) expect(isValidReferenceNumber(loadInvoice(conn.db, id).referenceNumber)).toBe(true)
      // The ledger reads the old rows as its own: the first invoice credited by its credit note, line by line.
      const first = loadInvoice(conn.db, 1, '2025-06-01')
      expect(first).toMatchObject({ paymentStatus: 'credited', openAmount: 0, creditedByNumber: 'CRN-000001' })
      expect(first.creditNotes.map((c) => c.number)).toEqual(['CRN-000001'])
      expect(first.lines.map((l) => [l.creditedQuantity, l.creditedAmount])).toEqual([
        [1500, 8250],
        [2000, 3000]
      ])
      expect(loadInvoice(conn.db, 3, '2025-06-01')).toMatchObject({ paymentStatus: 'overdue', openAmount: 13950, creditNotes: [] })
      expect(conn.sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      closeDatabase(conn)
    }
  })

  it('backs up a non-empty older database before migrating it, and the backup is the untouched old file', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    olderDatabase(file)

    const { conn, migration } = await openAndMigrate(file, { migrationsFolder: findMigrations() })
    try {
      expect(migration.from).toBe(0)
      expect(migration.to).toBe(known)
      expect(migration.backup).not.toBeNull()
      expect(migration.backup!.startsWith(join(dir, 'backups'))).toBe(true)
      expect(migration.backup).toContain(`before-v${known}`)
      expect(conn.sqlite.pragma('user_version', { simple: true })).toBe(known)
      // The user's data is still there after migrating.
      expect(conn.sqlite.prepare('select text from legacy_notes').pluck().get()).toBe('keep me')
    } finally {
      closeDatabase(conn)
    }

    const backup = new Database(migration.backup!, { readonly: true })
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(0)
      expect(tables(backup)).toEqual(['legacy_notes'])
      expect(backup.prepare('select text from legacy_notes').pluck().get()).toBe('keep me')
    } finally {
      backup.close()
    }
  })

  it('puts the backup where it is told to', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    olderDatabase(file)
    const backupDir = join(dir, 'elsewhere')
    const { conn, migration } = await openAndMigrate(file, { backupDir })
    closeDatabase(conn)
    expect(readdirSync(backupDir)).toHaveLength(1)
    expect(migration.backup!.startsWith(backupDir)).toBe(true)
  })

  it('makes no backup of a new, empty database file', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    const { conn, migration } = await openAndMigrate(file)
    closeDatabase(conn)
    expect(migration).toMatchObject({ from: 0, to: known, backup: null })
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it('makes no backup and changes nothing when the database is already current', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    closeDatabase((await openAndMigrate(file)).conn)
    const { conn, migration } = await openAndMigrate(file)
    closeDatabase(conn)
    expect(migration).toEqual({ from: known, to: known, backup: null })
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it('refuses a database newer than the app, without touching it', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    const db = new Database(file)
    db.exec('create table from_the_future (id integer primary key)')
    db.pragma(`user_version = ${known + 1}`)
    db.close()

    const error = await openAndMigrate(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseTooNewError)
    expect((error as Error).message).toMatch(/newer Hooldus/)
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    const after = new Database(file, { readonly: true })
    expect(after.pragma('user_version', { simple: true })).toBe(known + 1)
    expect(tables(after)).toEqual(['from_the_future'])
    after.close()
  })

  it('does not mistake a file that is not a database for an empty one', async () => {
    const dir = tempDir()
    const file = join(dir, 'hooldus.db')
    writeFileSync(file, 'this is not a database, just some text that happens to be here')
    await expect(openAndMigrate(file)).rejects.toThrow()
  })

  describe.each(['delete', 'wal'] as const)('a newer database in %s journal mode', (journal) => {
    /** A database a newer Hooldus wrote, left by it in the given journal mode. */
    function newerDatabase(file: string, mark: (db: Database.Database) => void): Buffer {
      const db = new Database(file)
      db.pragma(`journal_mode = ${journal}`)
      db.exec("create table from_the_future (id integer primary key, text text); insert into from_the_future (text) values ('keep me')")
      mark(db)
      db.close()
      return readFileSync(file)
    }

    it('is refused by its user_version, and the file is byte for byte as it was', async () => {
      const dir = tempDir()
      const file = join(dir, 'hooldus.db')
      const before = newerDatabase(file, (db) => db.pragma(`user_version = ${known + 1}`))
      await expect(openAndMigrate(file)).rejects.toBeInstanceOf(DatabaseTooNewError)
      expect(readFileSync(file).equals(before)).toBe(true)
      expect(existsSync(join(dir, 'backups'))).toBe(false)
    })

    it('is refused by a newer migration recorded in __drizzle_migrations even with user_version 0, and left as it was', async () => {
      const dir = tempDir()
      const file = join(dir, 'hooldus.db')
      const journalFile = join(findMigrations(), 'meta', '_journal.json')
      const last = Math.max(
        ...(JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { when: number }[] }).entries.map((e) => e.when)
      )
      const before = newerDatabase(file, (db) => {
        db.exec('create table __drizzle_migrations (id integer primary key autoincrement, hash text not null, created_at numeric)')
        db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-a-newer-release', last + 1000)
      })
      const error = await openAndMigrate(file).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DatabaseTooNewError)
      expect((error as Error).message).toMatch(/newer Hooldus.*nothing has been changed/)
      expect(readFileSync(file).equals(before)).toBe(true)
      expect(existsSync(join(dir, 'backups'))).toBe(false)
    })
  })
})
