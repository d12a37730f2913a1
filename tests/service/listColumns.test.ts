import { describe, expect, it } from 'vitest'
import { call, callError, freshDb, userWith } from '../support/db'

describe('list columns (column chooser)', () => {
  it('are remembered per user and list; none chosen answers null; a bad column is refused and nothing changes', async () => {
    const { conn } = await freshDb()
    const anna = userWith(conn, ['dispatcher'], 'anna')
    const peeter = userWith(conn, ['serviceConsultant'], 'peeter')
    expect(await call(anna, 'listColumns.get', { list: 'agreementLines' })).toBeNull()

    expect(await call(anna, 'listColumns.save', { list: 'agreementLines', columns: ['note', 'quantity', 'note'] })).toEqual([
      'note',
      'quantity'
    ])
    await call(anna, 'listColumns.save', { list: 'serviceOrders', columns: ['number'] })
    expect(await call(anna, 'listColumns.save', { list: 'agreementLines', columns: ['workerId'] })).toEqual(['workerId'])
    expect(await call(anna, 'listColumns.get', { list: 'agreementLines' })).toEqual(['workerId'])
    expect(await call(anna, 'listColumns.get', { list: 'serviceOrders' })).toEqual(['number'])
    expect(await call(peeter, 'listColumns.get', { list: 'agreementLines' })).toBeNull()

    const refused = await callError(anna, 'listColumns.save', { list: 'agreementLines', columns: ['x'.repeat(61)] })
    expect(refused.code).toBe('VALIDATION')
    expect(refused.issues?.[0]?.path).toEqual(['columns', 0])
    expect(await call(anna, 'listColumns.get', { list: 'agreementLines' })).toEqual(['workerId'])
  })
})
