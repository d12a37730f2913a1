import { DateTime } from 'luxon'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'
import { SHOP_ZONE } from './support/clock'

// A weekday 10:00 in Tallinn for the host and the browser: the demo's plan and the coming days are relative to it.
test.use({ workingDayClock: true })

interface Card {
  id: number
  orderId: number
  orderNumber: string
  conflicts: { kind: string; otherAssignmentId: number | null }[]
}

async function apiAs(app: RunningApp, username: string, password: string, session: string) {
  expect((await app.api('auth.signIn', { username, password }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

/** The next working day (Monday to Friday) after the host's today, in the shop's calendar. */
function nextWorkingDay(now: number): string {
  let d = DateTime.fromMillis(now, { zone: SHOP_ZONE }).plus({ days: 1 })
  while (d.weekday > 5) d = d.plus({ days: 1 })
  return d.toISODate()!
}

test('the dispatcher plans a team’s day with one click, sees why, applies it and undoes it in one step', async ({ page, app }) => {
  await setupAdmin(app, true)
  const api = await apiAs(app, 'dispatcher', 'demo-dispatcher', 'plan-day-session-00001')
  // The demo writes its users in Estonian; this dispatcher reads English.
  await api('auth.setPreferences', { language: 'en', csvDialect: 'standard' })
  const date = nextWorkingDay(app.now())
  const unassigned = async () => (await api<{ total: number }>('dispatch.tray', { tab: 'unassigned' })).total
  const trayBefore = await unassigned()

  await signIn(page, app, 'dispatcher', 'demo-dispatcher')
  await page.getByRole('navigation').getByRole('link', { name: 'Dispatch board', exact: true }).click()
  const field = page.getByRole('textbox', { name: 'Date' })
  await field.fill(`${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`)
  await field.press('Enter')
  await page.getByTestId('board-grid').click({ position: { x: 5, y: 5 } })
  await expect(page.getByTestId('board-grid')).toContainText(DateTime.fromISO(date).setLocale('en').toFormat('cccc, d LLLL'))
  await expect(page.locator('[data-tech-row]').first()).toBeVisible()

  // Plan day for one team (the dialog offers the first), the board's day, the default time limit.
  await page.getByRole('button', { name: 'Plan day' }).click()
  const dialog = page.getByRole('dialog', { name: 'Plan day' })
  const team = await dialog.getByTestId('plan-team').inputValue()
  expect(team).not.toBe('')
  await dialog.getByRole('button', { name: 'Plan', exact: true }).click()

  // The proposal: ghost cards on the board, the totals and a reason for every visit beside it.
  const panel = page.getByTestId('plan-proposal')
  await expect(panel).toBeVisible({ timeout: 20_000 })
  await expect(dialog).toBeHidden()
  const ghosts = page.getByTestId('plan-ghost')
  await expect(ghosts.first()).toBeVisible()
  const items = panel.getByTestId('plan-item')
  const count = await items.count()
  expect(count).toBeGreaterThan(0)
  await expect(panel.getByTestId('plan-totals')).toContainText(`${count} planned`)
  for (const reason of await panel.getByTestId('plan-reason').allTextContents())
    expect(reason).toMatch(/qualified technician.*; \d+ min from (the previous job|the home base)/)
  const proposed = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-order')!))
  await screenshot(page, 'plan-day-proposal')

  // The proposal on the map of the day: per technician a dashed route, and a numbered pin for each proposed visit.
  const ghostsByWorker = new Map<string, string[]>()
  for (const { worker, order } of await ghosts.evaluateAll((els) =>
    els.map((e) => ({ worker: e.getAttribute('data-worker')!, order: e.getAttribute('data-order')! }))
  ))
    ghostsByWorker.set(worker, [...(ghostsByWorker.get(worker) ?? []), order])
  await page.getByTestId('map-toggle').click()
  const map = page.getByTestId('day-map')
  await expect(map).toHaveAttribute('data-proposed-routes', String(ghostsByWorker.size))
  for (const [worker, orders] of ghostsByWorker) {
    const numbered = map.locator(`[data-proposed-stop][data-worker="${worker}"]`)
    await expect(numbered).toHaveCount(orders.length)
    expect((await numbered.evaluateAll((els) => els.map((e) => e.getAttribute('data-order')!))).sort()).toEqual([...orders].sort())
    await expect(map.locator(`path.map-proposed-route-${worker}`)).toHaveCount(1)
  }
  await expect(page.getByTestId('map-proposal-legend')).toContainText(`Proposal: ${count} visits`)
  await screenshot(page, 'plan-day-proposal-map')
  await page.getByTestId('map-toggle').click()
  await expect(map).toBeHidden()
  // Planned cards the proposal moves are on the board already; the rest comes from the tray.
  const cardsOfProposal = async () =>
    (await api<{ cards: (Card & { workerId: number; start: number })[] }>('dispatch.board', { from: date, days: 1 })).cards
      .filter((c) => proposed.includes(c.orderNumber))
      .map((c) => ({ id: c.id, orderNumber: c.orderNumber, workerId: c.workerId, start: c.start }))
  const before = await cardsOfProposal()
  const fromTray = proposed.filter((n) => !before.some((c) => c.orderNumber === n))
  expect(fromTray.length).toBeGreaterThan(0)

  // Apply all: one call; the ghosts become cards, none overlapping other work.
  await panel.getByTestId('plan-apply').click()
  await expect(panel).toBeHidden()
  await expect(page.getByTestId('plan-ghost')).toHaveCount(0)
  const board = await api<{ cards: Card[] }>('dispatch.board', { from: date, days: 1 })
  const applied = board.cards.filter((c) => proposed.includes(c.orderNumber))
  expect(applied.map((c) => c.orderNumber).sort()).toEqual([...proposed].sort())
  expect(applied.flatMap((c) => c.conflicts).filter((c) => c.kind === 'overlap')).toEqual([])
  // Nor too little time to drive to or from them (ADR 0029): the plan drove as the board measures.
  const appliedIds = new Set(applied.map((c) => c.id))
  const travel = board.cards.flatMap((c) =>
    c.conflicts
      .filter((k) => k.kind === 'travel' && (appliedIds.has(c.id) || appliedIds.has(k.otherAssignmentId ?? 0)))
      .map(() => c.orderNumber)
  )
  expect(travel).toEqual([])
  for (const number of proposed.slice(0, 3)) await expect(page.locator(`[data-tech-row] [data-order="${number}"]`).first()).toBeVisible()
  await screenshot(page, 'plan-day-applied')

  // One undo puts it all back: moved cards where they were, no card of the tray's work, the tray as it was.
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect.poll(cardsOfProposal).toEqual(before)
  await expect(page.locator(`[data-tech-row] [data-order="${fromTray[0]}"]`)).toHaveCount(0)
  expect(await unassigned()).toBe(trayBefore)
  await screenshot(page, 'plan-day-undone')
})
