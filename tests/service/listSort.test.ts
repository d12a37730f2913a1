import { describe, expect, it } from 'vitest'
import { contract, type MethodName } from '@shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import { freshDb, userWith } from '../support/db'

/** Required filters of the lists that have some; every other list takes `{}`. */
const REQUIRED: Partial<Record<MethodName, object>> = {
  'dispatchPlan.list': { from: '2026-03-02', to: '2026-03-08' },
  'slaCompliance.list': { from: '2026-03-01', to: '2026-03-31' },
  'serviceObjectHistory.list': { serviceObjectId: 1 },
  'marginReport.list': { from: '2026-03-01', to: '2026-03-31' },
  'progressReport.list': { from: '2026-03-01', to: '2026-03-31' },
  'utilisationReport.list': { from: '2026-03-01', to: '2026-03-31' },
  'scheduleReport.list': { from: '2026-03-01', to: '2026-03-31' }
}

const sortedLists = (Object.keys(contract) as MethodName[]).filter((m) => {
  if (!m.endsWith('.list')) return false
  const shape = (contract[m].input as unknown as { shape?: Record<string, unknown> }).shape
  return shape !== undefined && 'sort' in shape
})

describe('list sort keys', () => {
  it('covers every sorted list of the contract', () => {
    expect(sortedLists.length).toBeGreaterThanOrEqual(25)
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'noSuchField'])(
    'refuses sort "%s" on every list with VALIDATION naming the field',
    async (key) => {
      const { conn } = await freshDb()
      const admin = userWith(conn, ['administrator'], 'admin')
      for (const method of sortedLists) {
        const result = await runMethod({ conn, checkOutputs: true }, () => null, admin.session, method, { ...REQUIRED[method], sort: key })
        expect(result.ok, method).toBe(false)
        if (result.ok) continue
        expect(result.error.code, `${method}: ${result.error.message}`).toBe('VALIDATION')
        expect(result.error.issues?.[0]?.path, method).toEqual(['sort'])
        expect(result.error.message, method).toContain(key)
      }
    }
  )

  it('still sorts by a known field and by the default when none is given', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    for (const input of [{}, { sort: 'name', dir: 'desc' }]) {
      const result = await runMethod({ conn, checkOutputs: true }, () => null, admin.session, 'customers.list', input)
      expect(result.ok).toBe(true)
    }
  })
})
