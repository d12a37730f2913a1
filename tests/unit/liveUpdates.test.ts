import { describe, expect, it } from 'vitest'
import { queryShows } from '@shared/api/changes'

describe('which queries another client’s change refreshes', () => {
  it('refreshes the queries of the changed domain and of the screens that show it', () => {
    expect(queryShows(['dispatch', 'board', { from: 1 }], 'dispatch')).toBe(true)
    expect(queryShows(['list', 'serviceOrders.list', { view: 'open' }], 'dispatch')).toBe(true)
    expect(queryShows(['record', 'serviceOrders', 7], 'dispatch')).toBe(true)
    expect(queryShows(['invoiceable', 3], 'serviceOrders')).toBe(true)
  })

  it('leaves unrelated queries alone', () => {
    expect(queryShows(['list', 'items.list', {}], 'dispatch')).toBe(false)
    expect(queryShows(['list', 'customers.list', {}], 'dispatch')).toBe(false)
    // A prefix of another name is not that name.
    expect(queryShows(['list', 'serviceObjectsX.list', {}], 'serviceObjects')).toBe(false)
  })

  it("never refetches the client's own state; an unknown domain refreshes the rest", () => {
    expect(queryShows(['auth', 'status'], 'settings')).toBe(false)
    expect(queryShows(['startup', 'recovery'], 'backups')).toBe(false)
    expect(queryShows(['list', 'items.list', {}], 'somethingNew')).toBe(true)
  })
})
