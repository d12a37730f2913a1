import { getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import {
  categoryService,
  customerGroupService,
  dispatchTeamService,
  itemService,
  numberSequenceService,
  serviceObjectGroupService,
  skillService
} from '../../src/main/services/masterdata/codeTables'
import { customerService } from '../../src/main/services/masterdata/customers'
import { serviceObjectService } from '../../src/main/services/masterdata/serviceObjects'
import { serviceTaskService } from '../../src/main/services/masterdata/serviceTasks'
import { workerService } from '../../src/main/services/masterdata/workers'
import { slaDefinitionService, slaReasonService } from '../../src/main/services/sla/definitions'
import { freshDb } from '../support/db'

const services = {
  customerGroupService,
  customerService,
  dispatchTeamService,
  skillService,
  workerService,
  itemService,
  categoryService,
  serviceObjectGroupService,
  serviceObjectService,
  serviceTaskService,
  numberSequenceService,
  slaDefinitionService,
  slaReasonService
}

/** Child rows that are edited and deleted with their parent (deleteChildren), not references. */
const OWNED = new Set(['customer_sites.customer_id', 'customer_contacts.customer_id'])

/**
 * Every foreign key that points at a master-data table must be a listed reference (so that delete is
 * refused with a reason), a child deleted with the record, or ON DELETE CASCADE. Otherwise deleting a
 * record still in use fails with a foreign-key error, which the user sees as INTERNAL.
 */
describe('delete references cover the schema', () => {
  it('lists every foreign key that points at a master-data table', async () => {
    const { conn } = await freshDb()
    const tables = conn.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
      .all() as { name: string }[]
    const fks = tables.flatMap(({ name }) =>
      (conn.sqlite.pragma(`foreign_key_list(${JSON.stringify(name)})`) as { table: string; from: string; on_delete: string }[]).map(
        (fk) => ({
          from: `${name}.${fk.from}`,
          to: fk.table,
          cascade: fk.on_delete.toUpperCase() === 'CASCADE'
        })
      )
    )
    const missing: string[] = []
    for (const [name, service] of Object.entries(services)) {
      const table = getTableName(service.config.table)
      const listed = new Set(
        service.config.references.map((r) => `${getTableName((r.column as unknown as { table: SQLiteTable }).table)}.${r.column.name}`)
      )
      for (const fk of fks.filter((f) => f.to === table)) {
        if (!fk.cascade && !OWNED.has(fk.from) && !listed.has(fk.from)) missing.push(`${name}: ${fk.from} → ${table}`)
      }
    }
    expect(missing, 'foreign keys not covered by `references`').toEqual([])
  })
})
