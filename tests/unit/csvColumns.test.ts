import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, CSV_LEFT_OUT, csvColumns } from '../../src/main/api/csvColumns'
import { exportSources } from '../../src/main/api/handlers'
import { listColumns } from '../../src/main/api/pipeline'
import type { MethodName } from '@shared/api/contract'

// Every field of an exportable list is a decision: shown under a header, or left out on purpose (an
// internal id, a structure) — a new field cannot slip into the files as "Foo id" or epoch milliseconds.
describe('CSV columns', () => {
  const lists = Object.keys(exportSources) as MethodName[]

  it('cover every exportable list, and only fields its rows have', () => {
    expect(Object.keys(CSV_COLUMNS).sort()).toEqual([...lists].sort())
    for (const list of lists) {
      const fields = listColumns(list)
      for (const c of csvColumns(list)) expect(fields, `${list}: ${c.field}`).toContain(c.field)
    }
  })

  it('show or leave out each field of each list', () => {
    for (const list of lists) {
      const shown = new Set(csvColumns(list).map((c) => c.field as string))
      const undecided = listColumns(list).filter((f) => !shown.has(f) && !CSV_LEFT_OUT.has(f))
      expect(undecided, list).toEqual([])
    }
  })
})
