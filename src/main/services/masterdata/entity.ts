import { count, eq, getTableColumns, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Page } from '@shared/api/common'
import type { Db } from '../../db/connection'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import type { MessageParam, MessageRef } from '@shared/api/result'
import { AppError, type EntityKind, type MessageKey, notFound, record, type UniqueKind } from '../core/errors'
import { contains, iterateList, type ListParams, listPage, type ListSpec, type Selection, whereAll } from '../core/list'
import { nextNumber } from '../core/sequences'
import { type Stamped, staleConflict } from '../core/stale'
import { writeTx } from '../core/tx'

/** A table that points at this entity: deleting a record still used there is refused with this label. */
export interface Reference {
  column: SQLiteColumn
  /** Plural noun for the message, e.g. "service objects". */
  label: string
}

export interface EntityConfig<Row extends { id: number; version: number }, ListRow, Input, Filters, S extends Selection> {
  /** Name in the audit log, e.g. 'skill'. */
  entity: string
  /** The kind of record in messages ('skill': "Skill was not found"). */
  label: EntityKind
  table: SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn }
  list: ListSpec<S, ListRow>
  searchColumns: SQLiteColumn[]
  filters?: (f: Filters) => (SQL | undefined)[]
  load: (db: Db, id: number) => Row | undefined
  /** Table values for the input; `number` has been filled from the sequence when left blank. */
  values: (input: Input) => Record<string, unknown>
  /** Child rows (skills of a worker, sites of a customer); runs in the same transaction. */
  saveChildren?: (ctx: ServiceContext, id: number, input: Input, before: Row | null) => void
  /** Checks that need the database (e.g. a site belonging to the chosen customer). */
  validate?: (ctx: ServiceContext, input: Input, id: number | null) => void
  references: Reference[]
  /** Refuses deleting a record for a reason other than references (throws an AppError). */
  guardDelete?: (ctx: ServiceContext, row: Row) => void
  /** Removes child rows before the record itself is deleted. */
  deleteChildren?: (ctx: ServiceContext, id: number) => void
  numberSequence?: string
}

interface SqliteLikeError {
  code?: string
  message: string
}

/** Unique fields named in "Another customer already uses this code". */
const FIELD_KEYS: Record<string, MessageKey | undefined> = {
  code: 'errors.field.code',
  name: 'errors.field.name',
  number: 'errors.field.number',
  username: 'errors.field.username',
  serialNumber: 'errors.field.serialNumber',
  id: 'errors.field.id'
}

export function uniqueViolation(error: unknown, table: SQLiteTable, label: UniqueKind): AppError | null {
  const e = error as SqliteLikeError
  if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE') return null
  const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(e.message)?.[1]
  const key = Object.entries(getTableColumns(table)).find(([, c]) => c.name === column)?.[0] ?? column ?? 'id'
  const field: MessageParam = FIELD_KEYS[key] ? { key: FIELD_KEYS[key] } : key
  return new AppError('VALIDATION', 'errors.duplicate', { what: { key: `errors.another.${label}` }, field }, [
    { path: [key], code: 'errors.inUse' }
  ])
}

/** `what`: the record, e.g. `record('customer')`. */
export function refuseIfReferenced(db: Db, id: number, what: MessageRef, references: Reference[]): void {
  const uses: MessageRef[] = []
  for (const r of references) {
    const table = (r.column as unknown as { table: SQLiteTable }).table
    const n = db.select({ n: count() }).from(table).where(eq(r.column, id)).get()?.n ?? 0
    if (n > 0) uses.push({ key: 'errors.usedBy', params: { count: n, what: { key: r.label } } })
  }
  if (uses.length > 0) {
    throw new AppError('CONFLICT', 'errors.cannotDelete', { what, uses })
  }
}

export function defineEntity<
  Row extends { id: number; version: number },
  ListRow,
  Input extends object,
  Filters extends ListParams,
  S extends Selection
>(cfg: EntityConfig<Row, ListRow, Input, Filters, S>) {
  const t = cfg.table

  function mustLoad(db: Db, id: number): Row {
    const row = cfg.load(db, id)
    if (!row) throw notFound(cfg.label)
    return row
  }

  function where(input: Filters): SQL | undefined {
    const search = input.q ? or(...cfg.searchColumns.map((c) => contains(c, input.q))) : undefined
    return whereAll([search, ...(cfg.filters?.(input) ?? [])])
  }

  function withUniqueErrors<T>(fn: () => T): T {
    try {
      return fn()
    } catch (e) {
      throw uniqueViolation(e, t, cfg.label) ?? e
    }
  }

  function withNumber(ctx: ServiceContext, input: Input): Input {
    const n = (input as { number?: string }).number
    if (!cfg.numberSequence || (n !== undefined && n !== '')) return input
    return { ...input, number: nextNumber(ctx.db, cfg.numberSequence) }
  }

  /** The version check's view of the record: who saved it last, where its table keeps that (customers, service objects). */
  function stamped(db: Db, id: number, version: number): Stamped {
    const { updatedBy, updatedAt } = getTableColumns(t) as Record<string, SQLiteColumn | undefined>
    if (!updatedBy || !updatedAt) return { version }
    const stamp = db.select({ updatedBy, updatedAt }).from(t).where(eq(t.id, id)).get() as Omit<Stamped, 'version'> | undefined
    return { version, ...stamp }
  }

  function keepNumber(input: Input, before: Row): Input {
    const n = (input as { number?: string }).number
    if (!cfg.numberSequence || (n !== undefined && n !== '')) return input
    return { ...input, number: (before as unknown as { number: string }).number }
  }

  return {
    config: cfg,
    load: mustLoad,

    list(ctx: ServiceContext, input: Filters): Page<ListRow> {
      return listPage(ctx.db, cfg.list, input, where(input))
    },

    iterate(ctx: ServiceContext, input: Filters): Iterable<ListRow> {
      return iterateList(ctx.db, cfg.list, input, where(input))
    },

    get(ctx: ServiceContext, input: { id: number }): Row {
      return mustLoad(ctx.db, input.id)
    },

    create(ctx: ServiceContext, input: Input): Row {
      return withUniqueErrors(() =>
        writeTx(ctx, () => {
          cfg.validate?.(ctx, input, null)
          const full = withNumber(ctx, input)
          const inserted = ctx.db
            .insert(t)
            .values(cfg.values(full) as never)
            .returning({ id: t.id })
            .get() as { id: number }
          cfg.saveChildren?.(ctx, inserted.id, full, null)
          const after = mustLoad(ctx.db, inserted.id)
          audit(ctx, cfg.entity, inserted.id, 'create', null, after)
          return after
        })
      )
    },

    update(ctx: ServiceContext, input: Input & { id: number; version: number }): Row {
      return withUniqueErrors(() =>
        writeTx(ctx, () => {
          const before = mustLoad(ctx.db, input.id)
          if (before.version !== input.version) throw staleConflict(ctx, stamped(ctx.db, input.id, before.version), cfg.label)
          cfg.validate?.(ctx, input, input.id)
          const { id, version, ...rest } = input
          // A blank (or absent) number on update keeps the record's number; only create takes a new one.
          const full = keepNumber(rest as unknown as Input, before)
          ctx.db
            .update(t)
            .set({ ...cfg.values(full), version: version + 1 } as never)
            .where(eq(t.id, id))
            .run()
          cfg.saveChildren?.(ctx, id, full, before)
          const after = mustLoad(ctx.db, id)
          audit(ctx, cfg.entity, id, 'update', before, after)
          return after
        })
      )
    },

    delete(ctx: ServiceContext, input: { id: number; version: number }): { id: number } {
      return writeTx(ctx, () => {
        const before = mustLoad(ctx.db, input.id)
        if (before.version !== input.version) throw staleConflict(ctx, stamped(ctx.db, input.id, before.version), cfg.label)
        refuseIfReferenced(ctx.db, input.id, record(cfg.label), cfg.references)
        cfg.guardDelete?.(ctx, before)
        cfg.deleteChildren?.(ctx, input.id)
        ctx.db.delete(t).where(eq(t.id, input.id)).run()
        audit(ctx, cfg.entity, input.id, 'delete', before, null)
        return { id: input.id }
      })
    }
  }
}
