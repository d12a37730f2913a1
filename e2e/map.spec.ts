import type { Locator } from '@playwright/test'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

interface Card {
  id: number
  orderNumber: string
  workerId: number
  start: number
  end: number
  latitude: number | null
  longitude: number | null
}
interface Board {
  from: number
  to: number
  technicians: { id: number; homeLatitude: number | null }[]
  cards: Card[]
}
interface Tray {
  rows: { orderId: number; orderNumber: string; latitude: number | null; longitude: number | null }[]
}
interface Suggestion {
  slot: { start: number; end: number } | null
}

async function apiAs(app: RunningApp, session: string) {
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

/**
 * The locator has not moved for 400 ms. Leaflet pans the map for a quarter of a second to bring an opened popup into
 * view. Once, the popup's button stood still for the two frames of a click's stability check in the middle of that
 * pan: the click landed on the map where the button had been, 68 px above where it came to rest, and the popup
 * stayed open.
 */
async function whenStill(locator: Locator): Promise<void> {
  let last = ''
  let since = Date.now()
  await expect
    .poll(
      async () => {
        const box = JSON.stringify(await locator.boundingBox())
        if (box !== last) {
          last = box
          since = Date.now()
        }
        return Date.now() - since >= 400
      },
      { intervals: [50] }
    )
    .toBe(true)
}

const shopDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(ms)

// A weekday 10:00 in Tallinn for the host and the browser: the demo has planned today and left a tray to plan.
test.use({ workingDayClock: true })

test('the map of the day: a route per technician, the tray as pins, a pin planned from its popup; nothing leaves loopback', async ({
  page,
  app
}) => {
  const outside: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1') outside.push(r.url())
  })
  await setupAdmin(app, true)
  const api = await apiAs(app, 'map-check-session-000001')
  const today = shopDate(app.now())
  const board = await api<Board>('dispatch.board', { from: today, days: 1 })
  const placed = board.cards.filter((c) => c.latitude !== null && c.start < board.to && c.end > board.from)
  const withRoutes = new Set(placed.map((c) => c.workerId))
  const tray = await api<Tray>('dispatch.tray', { tab: 'unassigned' })
  const pinned = tray.rows.filter((r) => r.latitude !== null)
  // The demo gives every site a point: the test is about drawing them, so there must be some.
  expect(withRoutes.size).toBeGreaterThan(1)
  expect(pinned.length).toBeGreaterThan(5)

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Dispatch board', exact: true }).click()
  await expect(page.locator('[data-tech-row]').first()).toBeVisible()
  await page.getByTestId('map-toggle').click()
  const map = page.getByTestId('day-map')
  await expect(map).toBeVisible()
  // No tile server set: a plain background, no tile images.
  await expect(page.getByTestId('day-map-canvas')).toHaveAttribute('data-tiles', 'off')
  await expect(map.locator('img.leaflet-tile')).toHaveCount(0)

  // One line per technician with visits today, a dot per visit, a pin per tray order with a place, town names.
  await expect(map.locator('path.map-route')).toHaveCount(withRoutes.size)
  for (const workerId of withRoutes) {
    await expect(map.locator(`path.map-stop-${workerId}`)).toHaveCount(placed.filter((c) => c.workerId === workerId).length)
  }
  await expect(map.locator('path.map-pin')).toHaveCount(pinned.length)
  await expect(map.locator('.leaflet-towns-pane').getByText('Tallinn', { exact: true })).toBeVisible()
  await expect(page.getByTestId('map-legend')).toContainText(`${pinned.length} orders to plan on the map`)
  await screenshot(page, 'map-day')

  // A pin not under another pin, for an order with a free slot today (most of the tray asks for later days).
  const uncovered = await map.locator('path.map-pin').evaluateAll((pins) =>
    pins
      .filter((p) => {
        const b = p.getBoundingClientRect()
        return document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2) === p
      })
      .map((p) => p.getAttribute('data-order')!)
  )
  let order: string | undefined
  for (const number of uncovered) {
    const row = pinned.find((r) => r.orderNumber === number)!
    const s = await api<Suggestion[]>('dispatch.suggest', { orderId: row.orderId, from: today, days: 1 })
    if (s.some((x) => x.slot && x.slot.start >= board.from && x.slot.start < board.to)) {
      order = number
      break
    }
  }
  if (!order) throw new Error('no uncovered pin with a free slot today')
  await map.locator(`path.map-pin[data-order="${order}"]`).click()
  const popup = page.getByTestId('map-popup')
  await expect(popup).toHaveAttribute('data-order', order)
  const plan = popup.getByRole('button', { name: 'Plan' })
  await whenStill(plan)
  await screenshot(page, 'map-pin-popup')
  await plan.click()
  await expect(popup).toHaveCount(0)

  // The tray's own suggestions for the order: assign one with a free slot on the shown day.
  await expect(page.getByTestId('suggestions')).toContainText(order)
  const choice = page
    .getByTestId('suggestion')
    .filter({ hasNotText: 'outside the shown days' })
    .filter({ has: page.getByRole('button', { name: 'Assign', disabled: false }) })
    .first()
  await expect(choice).toBeVisible()
  await choice.getByRole('button', { name: 'Assign' }).click()

  await expect(page.getByTestId('tray-list').locator(`[data-order="${order}"]`)).toHaveCount(0)
  await expect(map.locator(`path.map-pin[data-order="${order}"]`)).toHaveCount(0)
  await expect(map.locator('path.map-pin')).toHaveCount(pinned.length - 1)
  // The tray lets go at once (the board's optimistic change); the card is saved when the answer comes.
  await expect
    .poll(async () => (await api<Board>('dispatch.board', { from: today, days: 1 })).cards.some((c) => c.orderNumber === order))
    .toBe(true)
  const after = await api<Board>('dispatch.board', { from: today, days: 1 })
  const card = after.cards.find((c) => c.orderNumber === order)!
  expect(card.start).toBeGreaterThanOrEqual(after.from)
  expect(card.start).toBeLessThan(after.to)
  const before = placed.filter((c) => c.workerId === card.workerId).length
  // The visit is a dot on its technician's route (a new line if it is their first today).
  await expect(map.locator(`path.map-stop-${card.workerId}`)).toHaveCount(before + 1)
  await expect(map.locator('path.map-route')).toHaveCount(withRoutes.size + (withRoutes.has(card.workerId) ? 0 : 1))
  // A conflict notice, if the slot makes one, closes before the picture.
  const close = page.locator('.mantine-Notification-closeButton')
  if ((await close.count()) > 0)
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined)
  await screenshot(page, 'map-planned')

  // Planning from the map is the board's own change: one undo puts the pin back.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(map.locator(`path.map-pin[data-order="${order}"]`)).toHaveCount(1)
  await expect(map.locator(`path.map-stop-${card.workerId}`)).toHaveCount(before)

  expect(outside).toEqual([])
})
