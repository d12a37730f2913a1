import { closeNotifications, expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

// A weekday 10:00 in Tallinn for the host and the browser: today's jobs are ahead, inside the day view's hours.
test.use({ workingDayClock: true })

interface Card {
  id: number
  orderNumber: string
  start: number
  conflicts: { kind: string }[]
}

async function adminApi(app: RunningApp) {
  const session = 'travel-check-session-0001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

test('travel between two jobs shows as a block, a too-short gap is a travel conflict, and moving the job later clears it', async ({
  page,
  app
}) => {
  await setupAdmin(app)
  const api = await adminApi(app)
  const hour = 3_600_000
  const today = Math.floor(app.now() / hour) * hour
  const tiit = await api<{ id: number }>('workers.create', {
    name: 'Tiit Teekond',
    homeBase: 'Kase 4, Tallinn',
    homeLatitude: 59.43,
    homeLongitude: 24.74
  })
  const mari = await api<{ id: number }>('workers.create', { name: 'Mari Mets' })
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Harju Kinnisvara AS',
    sites: [
      { name: 'Office', street: 'Pärnu mnt 10', city: 'Tallinn', latitude: 59.437, longitude: 24.7536 },
      { name: 'Warehouse', street: 'Jaama 3', city: 'Keila', latitude: 59.3036, longitude: 24.4131 }
    ]
  })
  const plan = async (site: number, description: string, worker: number, start: number, end: number) => {
    const o = await api<{ id: number; number: string; version: number }>('serviceOrders.create', {
      customerId: customer.id,
      siteId: customer.sites[site]!.id,
      description
    })
    await api('dispatch.assign', { orderId: o.id, orderVersion: o.version, workerId: worker, start, end })
    return o.number
  }
  // 11:00–11:30 in Tallinn, then Keila (about 40 minutes' drive) at 11:45: 15 minutes is too little.
  const tallinn = await plan(0, 'Ventilation check', tiit.id, today + hour, today + 1.5 * hour)
  const keila = await plan(1, 'Door controller', tiit.id, today + 1.75 * hour, today + 2.5 * hour)
  // Mari has no home base and works at one place all day: no blocks in her row.
  await plan(0, 'Filter change', mari.id, today + hour, today + 2 * hour)
  await plan(0, 'Filter change 2', mari.id, today + 3 * hour, today + 4 * hour)

  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.getByRole('navigation').getByRole('link', { name: 'Dispatch board', exact: true }).click()
  const row = page.locator(`[data-tech-row="${tiit.id}"]`)
  await expect(row.locator(`[data-order="${keila}"]`)).toBeVisible()

  // The drives: from home to the first job, Tallinn → Keila before the second (red: it does not fit), home after.
  const strips = row.getByTestId('travel-strip')
  await expect(strips).toHaveCount(3)
  const toKeila = row.locator(`[data-testid="travel-strip"][data-travel-order="${keila}"]`)
  await expect(toKeila).toHaveAttribute('data-conflict', 'true')
  await expect(toKeila).toHaveAttribute('title', new RegExp(`^\\d+ min · \\d+\\.\\d km from ${tallinn}, Pärnu mnt 10, Tallinn$`))
  await expect(row.locator(`[data-travel-order="${tallinn}"]`)).toHaveAttribute(
    'title',
    /^\d+ min · \d+(\.\d)? km from home, Kase 4, Tallinn$/
  )
  await expect(row.locator(`[data-travel-order="${keila}-home"]`)).toHaveAttribute('title', /km home, Kase 4, Tallinn$/)
  await expect(page.locator(`[data-tech-row="${mari.id}"]`).getByTestId('travel-strip')).toHaveCount(0)
  // The block ends where the job starts.
  const strip = (await toKeila.boundingBox())!
  const card = (await row.locator(`[data-order="${keila}"]`).boundingBox())!
  expect(Math.abs(strip.x + strip.width - card.x)).toBeLessThan(2)

  await page.getByText(/^Conflicts \(\d+\)$/).click()
  const panelRow = page.getByTestId('conflicts-panel').locator(`[data-order="${keila}"]`)
  await expect(panelRow).toContainText(
    new RegExp(`Too little time to drive from ${tallinn}: \\d+ min \\(\\d+\\.\\d km\\), the gap is 15 min`)
  )
  await closeNotifications(page)
  await screenshot(page, 'travel-board-conflict')

  // Two quarter hours later the gap (45 min) covers the drive: no conflict, the block turns grey.
  const cardsOf = async () =>
    (await api<{ cards: Card[] }>('dispatch.board', { from: new Date(today).toISOString().slice(0, 10), days: 1 })).cards.filter(
      (c) => c.orderNumber === keila
    )
  await row.locator(`[data-order="${keila}"]`).click({ position: { x: 8, y: 4 } })
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await cardsOf())[0]!.start).toBe(today + 2 * hour)
  await page.keyboard.press('ArrowRight')
  await expect.poll(async () => (await cardsOf())[0]!.start).toBe(today + 2.25 * hour)
  await expect.poll(async () => (await cardsOf())[0]!.conflicts).toEqual([])
  await expect(toKeila).not.toHaveAttribute('data-conflict', 'true')
  await expect(page.getByTestId('conflicts-panel').locator(`[data-order="${keila}"]`)).toHaveCount(0)
  await closeNotifications(page)
  await screenshot(page, 'travel-board')
})

test('a home base is typed, pasted as one point, or picked on the map, and saved as typed', async ({ page, app }) => {
  await setupAdmin(app)
  const api = await adminApi(app)
  const worker = await api<{ id: number }>('workers.create', { name: 'Kalle Kask' })
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url.split('?')[0]}#/workers/${worker.id}`)
  const latitude = page.getByTestId('home-coordinates-lat')
  const longitude = page.getByTestId('home-coordinates-lon')
  // A point pasted into one field fills both, in the Estonian decimal comma too.
  await latitude.fill('58,3780, 26,7290')
  await expect(latitude).toHaveValue('58.378')
  await expect(longitude).toHaveValue('26.729')

  // The pin opens the map; a click on it moves the point there.
  await page.getByTestId('home-coordinates-map').click()
  const map = page.getByTestId('map-picker')
  await expect(map).toBeVisible()
  const box = (await map.boundingBox())!
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.4)
  await expect(page.getByTestId('map-picker-point')).not.toHaveText('58.378000, 26.729000')
  const picked = (await page.getByTestId('map-picker-point').textContent())!.split(', ').map(Number)
  await expect(latitude).toHaveValue(String(picked[0]))
  await screenshot(page, 'worker-home-picked-on-map')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('saved', { exact: false }).first()).toBeVisible()

  const saved = await api<{ homeLatitude: number; homeLongitude: number }>('workers.get', { id: worker.id })
  expect([saved.homeLatitude, saved.homeLongitude]).toEqual(picked)
  // Somewhere in Estonia, where the map opened.
  expect(saved.homeLatitude).toBeGreaterThan(57)
  expect(saved.homeLatitude).toBeLessThan(60)
})
