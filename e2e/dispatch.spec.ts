import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { closeNotifications, expect, holdAnswers, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'
import { box, drag } from './support/pointer'
import { openBoardOn, quietWednesday } from './support/board'

interface Card {
  id: number
  orderId: number
  orderNumber: string
  workerId: number
  start: number
  end: number
  status: string
  actualStart: number | null
  conflicts: { kind: string; code: string }[]
}

/** A signed-in API session for setting up and for checking what the board stored. */
async function apiAs(app: RunningApp, username: string, password: string, session: string) {
  expect((await app.api('auth.signIn', { username, password }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

/** Wall-clock "HH:mm" of an instant in the shop's zone. */
function hhmm(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms)
}

// The host and the browser run on a weekday 10:00 in Tallinn: the day view's "now" is inside its shown hours.
test.use({ workingDayClock: true })

/** The shop's calendar date of an instant. */
function shopDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(ms)
}

/** x of a wall-clock hour on the day view's axis (its tick label starts exactly there). */
async function hourX(page: Page, label: string): Promise<number> {
  return (await box(page.locator(`[data-tick="${label}"]`))).x
}

async function rowCenterY(page: Page, workerId: number): Promise<number> {
  const b = await box(page.locator(`[data-tech-row="${workerId}"] [data-lane]`))
  return b.y + b.height / 2
}

test('dispatcher plans from the tray by dragging, reschedules, undoes, and sees an overlap as a conflict', async ({ page, app }) => {
  await setupAdmin(app, true)
  const api = await apiAs(app, 'admin', 'admin-pass-1', 'dispatch-check-session-01')
  const date = quietWednesday(app.now())
  const cardsOf = async (orderNumber: string) =>
    (await api<{ cards: Card[] }>('dispatch.board', { from: date, days: 1 })).cards.filter((c) => c.orderNumber === orderNumber)

  // That week's only company holiday is its Friday (the demo's public holidays of the week set aside, as the
  // wall clock picks the week): shaded on every row of the week view (step 10).
  const dayOfWeek = (n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + (n - 2) * 86_400_000).toISOString().slice(0, 10)
  const settings = await api<{ holidays: { date: string; name: string }[] }>('settings.get', {})
  const holidays = settings.holidays.filter((h) => h.date < dayOfWeek(0) || h.date > dayOfWeek(6))
  await api('settings.update', { ...settings, holidays: [...holidays, { date: dayOfWeek(4), name: 'Board test day' }] })

  await signIn(page, app, 'admin', 'admin-pass-1')
  await openBoardOn(page, date)
  const rows = page.locator('[data-tech-row]')
  const tech1 = Number(await rows.nth(0).getAttribute('data-tech-row'))
  const tech2 = Number(await rows.nth(1).getAttribute('data-tech-row'))
  const trayCard = page.getByTestId('tray-card').first()
  await expect(trayCard).toBeVisible()
  const order1 = (await trayCard.getAttribute('data-order'))!
  await screenshot(page, 'dispatch-board-day-before')

  // 1. Tray → first technician at 10:00. The board's refetch after the drop is held back for a moment: while it
  // runs the rows stay where they were (a toolbar that reflowed for its spinner once moved a second drop onto the
  // next technician).
  const rowsAt = () => rowCenterY(page, tech2)
  const before = await rowsAt()
  const boardAnswers = await holdAnswers(page, 'dispatch.board')
  const t = await box(trayCard)
  await drag(page, { x: t.x + 40, y: t.y + 12 }, { x: (await hourX(page, '10:00')) + 3, y: await rowCenterY(page, tech1) })
  await expect.poll(async () => (await cardsOf(order1)).map((c) => [c.workerId, hhmm(c.start)])).toEqual([[tech1, '10:00']])
  await expect(page.getByTestId('board-fetching')).toBeVisible()
  expect(await rowsAt()).toBe(before)
  boardAnswers.release()
  await expect(page.getByTestId('board-fetching')).toBeHidden()
  expect(await rowsAt()).toBe(before)
  const onBoard = page.locator(`[data-tech-row="${tech1}"] [data-order="${order1}"]`)
  await expect(onBoard).toBeVisible()
  await expect(page.getByTestId('tray-list').locator(`[data-order="${order1}"]`)).toHaveCount(0)

  // 2. Reschedule: the card to the second technician, three hours later (it keeps the point it was grabbed by).
  // The stored assignment is polled above, but the board's card stays a placeholder that cannot be dragged until
  // the assign call's answer reaches the page.
  await expect(onBoard).toBeEnabled()
  const c = await box(onBoard)
  const threeHours = (await hourX(page, '13:00')) - (await hourX(page, '10:00'))
  await drag(page, { x: c.x + 12, y: c.y + c.height / 2 }, { x: c.x + 12 + threeHours, y: await rowCenterY(page, tech2) })
  await expect.poll(async () => (await cardsOf(order1)).map((x) => [x.workerId, hhmm(x.start)])).toEqual([[tech2, '13:00']])
  await expect(page.locator(`[data-tech-row="${tech2}"] [data-order="${order1}"]`)).toBeVisible()

  // 3. Undo puts it back where it was, redo (keyboard) moves it again, undo once more.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(async () => (await cardsOf(order1)).map((x) => [x.workerId, hhmm(x.start)])).toEqual([[tech1, '10:00']])
  await page.keyboard.press('Control+Shift+Z')
  await expect.poll(async () => (await cardsOf(order1)).map((x) => [x.workerId, hhmm(x.start)])).toEqual([[tech2, '13:00']])
  await page.keyboard.press('Control+Z')
  await expect.poll(async () => (await cardsOf(order1)).map((x) => [x.workerId, hhmm(x.start)])).toEqual([[tech1, '10:00']])

  // 4. Resize: drag the right edge to 12:30.
  const edge = page.locator(`[data-tech-row="${tech1}"] [data-order="${order1}"] [data-testid="card-resize"]`)
  const e = await box(edge)
  await drag(page, { x: e.x + 3, y: e.y + e.height / 2 }, { x: (await hourX(page, '12:00')) + threeHours / 6 + 2, y: e.y + e.height / 2 })
  await expect.poll(async () => (await cardsOf(order1)).map((x) => hhmm(x.end))).toEqual(['12:30'])

  // 5. A second order dropped onto the same technician at 10:30 overlaps: flagged on the card, in a notification and in the panel.
  const second = page.getByTestId('tray-card').first()
  const order2 = (await second.getAttribute('data-order'))!
  expect(order2).not.toBe(order1)
  const s = await box(second)
  await drag(page, { x: s.x + 40, y: s.y + 12 }, { x: (await hourX(page, '10:00')) + threeHours / 6 + 3, y: await rowCenterY(page, tech1) })
  await expect.poll(async () => (await cardsOf(order2)).flatMap((x) => x.conflicts.map((k) => k.kind))).toContain('overlap')
  const card2 = page.locator(`[data-tech-row="${tech1}"] [data-order="${order2}"]`)
  await expect(card2).not.toHaveAttribute('data-conflicts', '0')
  await expect(card2.getByTestId('card-conflict')).toBeVisible()
  await expect(page.getByText(new RegExp(`${order2}: (a conflict|\\d+ conflicts)`))).toBeVisible()
  await closeNotifications(page)
  await screenshot(page, 'dispatch-board-day')

  await page.getByText(/^Conflicts \(\d+\)$/).click()
  const panelRow = page.getByTestId('conflicts-panel').locator(`[data-order="${order2}"]`)
  await expect(panelRow).toBeVisible()
  await panelRow.click()
  await expect(card2).toHaveAttribute('aria-pressed', 'true')
  await screenshot(page, 'dispatch-conflicts-panel')

  // 6. Keyboard: select the first card, → is 15 minutes later, ↓ the next technician; undo both; Delete unassigns, undo restores.
  const where = async () => (await cardsOf(order1)).map((x) => [x.workerId, hhmm(x.start)])
  await page.locator(`[data-tech-row="${tech1}"] [data-order="${order1}"]`).click({ position: { x: 8, y: 4 } })
  // Pressed back to back: ↓ moves the card from where → put it, although the board has not drawn that yet.
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowDown')
  await expect.poll(where).toEqual([[tech2, '10:15']])
  await page.keyboard.press('Control+Z')
  await expect.poll(where).toEqual([[tech1, '10:15']])
  await page.keyboard.press('Control+Z')
  await expect.poll(where).toEqual([[tech1, '10:00']])
  await page.locator(`[data-tech-row="${tech1}"] [data-order="${order1}"]`).click({ position: { x: 8, y: 4 } })
  await page.keyboard.press('Delete')
  await expect.poll(where).toEqual([])
  await page.keyboard.press('Control+Z')
  await expect.poll(where).toEqual([[tech1, '10:00']])

  // 7. Dispatch the selected card; the card shows it.
  await page.locator(`[data-tech-row="${tech1}"] [data-order="${order1}"]`).click({ position: { x: 8, y: 4 } })
  await page.getByRole('button', { name: 'Dispatch (1)' }).click()
  await expect.poll(async () => (await cardsOf(order1)).map((x) => x.status)).toEqual(['dispatched'])
  await expect(page.locator(`[data-tech-row="${tech1}"] [data-order="${order1}"] [data-testid="card-status-dispatched"]`)).toBeVisible()

  // 8. The technician's day sheet (PDF) from the row menu, and the day's plan as CSV.
  const techName = (await rows.nth(0).locator('[aria-label^="Actions for "]').getAttribute('aria-label'))!.replace('Actions for ', '')
  await page.getByRole('button', { name: `Actions for ${techName}` }).click()
  const pdf = page.waitForEvent('download')
  // The menu names the day as every date is shown: dd.mm.yyyy.
  await page.getByRole('menuitem', { name: `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}` }).click()
  expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/)
  const csv = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Plan CSV' }).click()
  const csvFile = await csv
  expect(csvFile.suggestedFilename()).toBe(`dispatch-plan-${date}.csv`)
  const text = (await readFile((await csvFile.path())!)).toString('utf8')
  expect(text).toContain(order1)
  expect(text).toContain(order2)

  // 9. Suggestions for the next tray order; Enter assigns the first one, in its suggested slot.
  await page.getByText('Work to plan', { exact: true }).click()
  const third = page.getByTestId('tray-card').first()
  const order3 = (await third.getAttribute('data-order'))!
  const orderId3 = (await api<{ rows: { orderId: number; orderNumber: string }[] }>('dispatch.tray', { tab: 'unassigned', q: order3 }))
    .rows[0]!.orderId
  await third.click()
  await expect(page.getByTestId('suggestion').first()).toBeVisible()
  await closeNotifications(page)
  await screenshot(page, 'dispatch-suggestions')
  const top = (
    await api<{ workerId: number; slot: { start: number; end: number } | null }[]>('dispatch.suggest', {
      orderId: orderId3,
      from: date,
      days: 1
    })
  ).find((x) => x.slot)!
  await page.keyboard.press('Enter')
  const slotDate = shopDate(top.slot!.start)
  await expect
    .poll(async () =>
      (await api<{ cards: Card[] }>('dispatch.board', { from: slotDate, days: 1 })).cards
        .filter((x) => x.orderNumber === order3)
        .map((x) => [x.workerId, x.start, x.end])
    )
    .toEqual([[top.workerId, top.slot!.start, top.slot!.end]])
  // The suggested slot lies in the order's requested window, usually not on the shown day: the screen says where it went.
  if (slotDate !== date) await expect(page.getByText(new RegExp(`${order3} planned for .+, outside the shown range`))).toBeVisible()

  // 10. Week view and the tray, for the record; and today's demo plan in the day view.
  await page.getByText('Week', { exact: true }).click()
  await expect(page.locator('[data-tick="12"]').first()).toBeVisible()
  // Days off are shaded per row with their reason: the demo's Monday–Wednesday technician is away from Thursday,
  // a technician on the company's week at the weekend; the holiday is everyone's.
  const techs = (await api<{ technicians: { id: number; workingHours: { open: boolean }[] }[] }>('dispatch.board', { from: date, days: 1 }))
    .technicians
  const partTimer = techs.find((x) => x.workingHours[2]!.open && !x.workingHours[3]!.open)!
  const fullTimer = techs.find((x) => x.workingHours.slice(0, 5).every((d) => d.open) && !x.workingHours[5]!.open)!
  const offOf = (id: number) => page.locator(`[data-tech-row="${id}"] [data-unavailable]`)
  await page.locator(`[data-tech-row="${partTimer.id}"]`).scrollIntoViewIfNeeded()
  await expect(offOf(partTimer.id)).toHaveCount(3)
  const labels = (id: number) => offOf(id).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))
  expect(await labels(partTimer.id)).toEqual(['Day off', 'Holiday: Board test day', 'Day off'])
  expect(await labels(fullTimer.id)).toEqual(['Holiday: Board test day', 'Day off'])
  // Thursday ends where the holiday begins, and the holiday is at the same place on both rows.
  const thursday = await box(offOf(partTimer.id).nth(0))
  const holiday = await box(offOf(partTimer.id).nth(1))
  expect(Math.abs(thursday.x + thursday.width - holiday.x)).toBeLessThan(1)
  expect(Math.abs((await box(offOf(fullTimer.id).nth(0))).x - holiday.x)).toBeLessThan(1)
  await expect(offOf(partTimer.id).nth(0)).toHaveAttribute('title', 'Day off')
  // A dispatcher may still book the day off: the drop is saved and the card says it is a closed day.
  const fourth = page.getByTestId('tray-card').first()
  const order4 = (await fourth.getAttribute('data-order'))!
  const f4 = await box(fourth)
  await drag(page, { x: f4.x + 40, y: f4.y + 12 }, { x: thursday.x + thursday.width / 2, y: thursday.y + thursday.height / 2 })
  await expect
    .poll(async () =>
      (await api<{ cards: Card[] }>('dispatch.board', { from: dayOfWeek(3), days: 1 })).cards
        .filter((x) => x.orderNumber === order4)
        .map((x) => [x.workerId, x.conflicts.map((k) => k.code)])
    )
    .toEqual([[partTimer.id, expect.arrayContaining(['dispatch.conflicts.closedDay'])]])
  await expect(page.locator(`[data-tech-row="${partTimer.id}"] [data-order="${order4}"]`)).not.toHaveAttribute('data-conflicts', '0')
  await screenshot(page, 'dispatch-board-week')
  await screenshot(page, 'dispatch-tray')
  await page.getByText('Day', { exact: true }).click()
  await page.getByRole('button', { name: 'Today' }).click()
  await expect(page.getByTestId('now-line')).toBeAttached()
  await closeNotifications(page)
  await screenshot(page, 'dispatch-board-today')

  // The window's smallest size: the toolbar wraps, none of its actions is cut off.
  await page.setViewportSize({ width: 1024, height: 720 })
  for (const name of ['Undo', 'Plan day', 'Map', 'Plan CSV']) await expect(page.getByRole('button', { name, exact: true })).toBeInViewport()
  await screenshot(page, 'dispatch-board-narrow')
})

test('a technician sees only their own work and registers travelling, on site and done', async ({ page, app }) => {
  await setupAdmin(app, true)
  const admin = await apiAs(app, 'admin', 'admin-pass-1', 'dispatch-admin-session-02')
  const tech = await apiAs(app, 'tech', 'demo-tech', 'dispatch-tech-session-0002')
  const me = await tech<{ user: { workerId: number } }>('auth.status', {})
  // The demo writes its users with the database's default language (Estonian), not the company's: the technician picks English.
  await tech('auth.setPreferences', { language: 'en', csvDialect: 'standard' })
  const workerId = me.user.workerId
  const tray = await admin<{ rows: { orderId: number; orderVersion: number; orderNumber: string }[] }>('dispatch.tray', {
    tab: 'unassigned'
  })
  const row = tray.rows[0]!
  // Now, to the minute: today in the browser's and the shop's calendar alike, and not in the past.
  const start = Math.floor(app.now() / 60_000) * 60_000
  const { card } = await admin<{ card: Card }>('dispatch.assign', {
    orderId: row.orderId,
    orderVersion: row.orderVersion,
    workerId,
    start,
    end: start + 3_600_000
  })

  await signIn(page, app, 'tech', 'demo-tech')
  // A technician lands on My work, with a menu of their day's work only.
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: 'My work', exact: true })).toHaveAttribute('data-active', 'true')
  await expect(page).toHaveURL(/#\/my-work$/)
  await expect(nav.getByRole('link', { name: 'Customers', exact: true })).toBeVisible()
  for (const hidden of ['Dispatch board', 'Workers', 'Agreements', 'Settings', 'Skills']) {
    await expect(nav.getByRole('link', { name: hidden, exact: true })).toHaveCount(0)
  }
  await screenshot(page, 'technician-landing')
  const mine = page.locator(`[data-testid="my-work-card"][data-order="${row.orderNumber}"]`)
  await expect(mine).toBeVisible()
  // Only their own work: every card on the screen is theirs.
  const shown = await tech<{ cards: Card[] }>('dispatch.board', { from: shopDate(start), days: 1, workerId: null })
  expect(shown.cards.every((c) => c.workerId === workerId)).toBe(true)

  await mine.getByRole('button', { name: 'Travelling' }).click()
  await expect(mine.getByTestId('my-work-status')).toHaveText('Travelling')
  await mine.getByRole('button', { name: 'On site' }).click()
  await expect(mine.getByTestId('my-work-status')).toHaveText('On site')
  await expect(mine.getByTestId('actual-times')).toContainText('Arrived')
  const after = (await admin<{ cards: Card[] }>('dispatch.board', { from: shopDate(start), days: 1 })).cards.find((c) => c.id === card.id)!
  expect(after.status).toBe('onSite')
  expect(after.actualStart).not.toBeNull()
  await screenshot(page, 'dispatch-my-work')
  await mine.getByRole('button', { name: 'Done' }).click()
  await expect(mine.getByTestId('my-work-status')).toHaveText('Done')

  // A service consultant opens the same board read-only: nothing drags, resizes, dispatches or undoes.
  const consultant = await apiAs(app, 'consultant', 'demo-consultant', 'dispatch-cons-session-0002')
  await consultant('auth.setPreferences', { language: 'en', csvDialect: 'standard' })
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await signIn(page, app, 'consultant', 'demo-consultant')
  await nav.getByRole('link', { name: 'Dispatch board', exact: true }).click()
  await expect(page.getByTestId('board-read-only')).toBeVisible()
  const open = page.locator('[data-card-id][data-finished="false"]')
  await expect(open.first()).toHaveAttribute('aria-disabled', 'true')
  await expect(page.getByTestId('card-resize')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Dispatch/ })).toHaveCount(0)
  await expect(page.getByTestId('tray-list')).toHaveCount(0)
  // Playwright treats an aria-disabled button as not clickable: the read-only card still opens its details.
  await open.first().dispatchEvent('dblclick')
  await expect(page.getByTestId('card-drawer')).toBeVisible()
  await expect(page.getByTestId('card-drawer').getByRole('link', { name: 'Open order' })).toBeVisible()
  await expect(page.getByTestId('card-drawer').getByRole('button', { name: /Dispatch|Unassign/ })).toHaveCount(0)
  await screenshot(page, 'dispatch-board-read-only')
})
