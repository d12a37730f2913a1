import { describe, expect, it } from 'vitest'
import { call, freshDb } from '../support/db'
import { seedMasterData } from '../support/seed'

describe('stage and template-group lists', () => {
  it('name each stage’s parent and count the orders in it', async () => {
    const { conn } = await freshDb()
    const w = await seedMasterData(conn)
    const stages = (await call(w.admin, 'serviceStages.list', { pageSize: 100 })).rows
    const byCode = new Map(stages.map((s) => [s.code, s]))
    expect(byCode.get('NEW')!.parentName).toBeNull()
    expect(byCode.get('WAIT-PARTS')!.parentName).toBe('In progress')
    // The seed leaves one order in New and one in Completed.
    expect(byCode.get('NEW')!.orderCount).toBe(1)
    expect(byCode.get('COMPLETED')!.orderCount).toBe(1)
    expect(byCode.get('CLOSED')!.orderCount).toBe(0)
  })

  it('name a template group’s parent and count an agreement’s lines', async () => {
    const { conn } = await freshDb()
    const w = await seedMasterData(conn)
    const top = await call(w.admin, 'templateGroups.create', { code: 'HEAT', name: 'Heating' })
    await call(w.admin, 'templateGroups.create', { code: 'PUMPS', name: 'Heat pumps', parentId: top.id })
    const groups = (await call(w.admin, 'templateGroups.list', {})).rows
    expect(groups.find((g) => g.code === 'PUMPS')!.parentName).toBe('Heating')
    const list = await call(w.admin, 'agreements.list', {})
    expect(list.rows.find((a) => a.id === w.agreement.id)!.lineCount).toBe(1)
  })
})
