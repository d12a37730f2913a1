import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { CodeNameRow, codeNameInput } from '@shared/domain/masterdata'
import type { serviceObjectGroups, skills, slaReasons, stageReasons } from '../../db/schema'
import type { EntityKind } from '../core/errors'
import { defineEntity, type Reference } from './entity'

type CodeNameTable = typeof skills | typeof serviceObjectGroups | typeof stageReasons | typeof slaReasons

/** A table of codes with names (skills, reason codes …): the entity service every such table shares. */
export function codeTable(entity: string, label: EntityKind, table: CodeNameTable, references: Reference[]) {
  const selection = { id: table.id, version: table.version, code: table.code, name: table.name }
  return defineEntity({
    entity,
    label,
    table,
    list: {
      table,
      idColumn: table.id,
      selection,
      sort: { code: table.code, name: table.name },
      defaultSort: 'code',
      toRow: (r): CodeNameRow => r
    },
    searchColumns: [table.code, table.name],
    load: (db, id): CodeNameRow | undefined => db.select(selection).from(table).where(eq(table.id, id)).get(),
    values: (i: z.output<typeof codeNameInput>) => ({ code: i.code, name: i.name }),
    references
  })
}
