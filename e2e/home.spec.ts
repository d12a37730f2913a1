import type { Page } from '@playwright/test'
import { CHROMIUM_ARGS, FULL_CHROMIUM } from '../playwright.config'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

// Host and browser run from the same working-day clock: nothing depends on when the suite runs.
test.use({ workingDayClock: true, actionTimeout: 10_000 })
// Printing puts the PDF in the browser's PDF viewer, which the headless shell has not: the full browser, for the file.
test.use({ launchOptions: { executablePath: FULL_CHROMIUM, args: CHROMIUM_ARGS } })

async function adminApi(app: RunningApp) {
  const session = 'home-check-session-000001'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

/**
 * A small shop: one customer, five open orders (two high priority, three normal, one of them moved on to SCHEDULED),
 * nobody named on any, and one order done, posted and invoiced; a service manager and a dispatcher.
 */
async function shop(app: RunningApp) {
  await setupAdmin(app)
  const api = await adminApi(app)
  await api('users.create', { username: 'mart', displayName: 'Mart Manager', roles: ['serviceManager'], password: 'mart-pass-1' })
  await api('users.create', { username: 'dora', displayName: 'Dora Dispatcher', roles: ['dispatcher'], password: 'dora-pass-1' })
  const customer = await api<{ id: number; sites: { id: number }[] }>('customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Office', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const stages = (await api<{ rows: { id: number; code: string }[] }>('serviceStages.list', { pageSize: 100 })).rows
  const stageId = (code: string) => stages.find((s) => s.code === code)!.id
  const order = (description: string, priority: 'high' | 'normal') =>
    api<{ id: number; number: string; version: number; lines: { id: number }[] }>('serviceOrders.create', {
      customerId: customer.id,
      siteId: customer.sites[0]!.id,
      description,
      priority
    })
  await order('Heat pump leaks', 'high')
  await order('Boiler makes noise', 'high')
  await order('Annual inspection', 'normal')
  await order('Filter change', 'normal')
  const scheduled = await order('Thermostat', 'normal')
  await api('serviceOrders.changeStage', { id: scheduled.id, version: scheduled.version, toStageId: stageId('SCHEDULED') })

  const item = await api<{ id: number }>('items.create', { number: 'PUMP-1', name: 'Circulation pump', unit: 'pcs', salesPrice: 10000 })
  let done = await order('Pump delivery', 'normal')
  done = await api('serviceOrders.addLine', { orderId: done.id, type: 'item', itemId: item.id, quantity: 2000 })
  for (const code of ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    done = await api('serviceOrders.changeStage', { id: done.id, version: done.version, toStageId: stageId(code) })
  done = await api('serviceOrders.signOff', { id: done.id, version: done.version })
  done = await api('serviceOrders.post', { id: done.id, version: done.version })
  const invoice = await api<{ id: number; number: string }>('invoices.create', {
    customerId: customer.id,
    lineIds: done.lines.map((l) => l.id),
    invoiceDate: new Date(app.now()).toISOString().slice(0, 10),
    requestKey: 'home-spec-invoice-0001'
  })
  return { api, invoice, stageId }
}

/**
 * Records what the page asks the print frame to print instead of opening the browser's dialog (which a test cannot
 * drive): the frame's document address and the file name it was given.
 */
async function recordPrinting(page: Page) {
  await page.addInitScript(() => {
    type Printed = { src: string; fileName: string; href: string; blob: Blob | undefined }
    const w = window as unknown as { __printed: Printed[] }
    w.__printed = []
    // The blobs behind object URLs, so that the test reads the printed bytes without fetching (the CSP allows no blob: fetch).
    const blobs = new Map<string, Blob>()
    const create = URL.createObjectURL.bind(URL)
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = create(obj)
      if (obj instanceof Blob) blobs.set(url, obj)
      return url
    }
    const real = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = real.get!.call(this) as Window | null
        if (this.id !== 'hooldus-print-frame') return win
        const src = this.src
        const fileName = this.dataset.fileName ?? ''
        return {
          focus: () => undefined,
          print: () => {
            // Where the frame really is: the PDF's own address, or an error page a blocked frame would show.
            let href: string
            try {
              href = win?.location.href ?? 'none'
            } catch {
              href = 'cross-origin'
            }
            w.__printed.push({ src, fileName, href, blob: blobs.get(src) })
          }
        }
      }
    })
  })
}

/** The documents printed so far, each with where its frame was, the first bytes and the size of what it held. */
function printed(page: Page) {
  return page.evaluate(async () => {
    const w = window as unknown as { __printed: { src: string; fileName: string; href: string; blob: Blob | undefined }[] }
    return Promise.all(
      w.__printed.map(async (p) => {
        const bytes = new Uint8Array((await p.blob?.arrayBuffer()) ?? new ArrayBuffer(0))
        return { fileName: p.fileName, loaded: p.href === p.src, head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length }
      })
    )
  })
}

test('a service manager lands on the overview, reads the figures and opens the orders of a stage', async ({ page, app }) => {
  const { api, stageId } = await shop(app)
  const home = await api<{ openByStage: { code: string; count: number }[]; revenue: { serviceOrders: number }[] }>('home.manager', {})
  expect(home.openByStage.map((s) => [s.code, s.count])).toEqual([
    ['NEW', 4],
    ['SCHEDULED', 1]
  ])

  await signIn(page, app, 'mart', 'mart-pass-1')
  await expect(page).toHaveURL(/#\/home\/manager$/)
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible()
  await expect(page.getByTestId('home-stage-NEW')).toContainText('4')
  await expect(page.getByTestId('home-stage-SCHEDULED')).toContainText('1')
  await expect(page.getByTestId('home-returns-open-value')).toHaveText('0')
  // Nothing measured yet: no SLA clocks, no order closed long enough ago, no technicians.
  await expect(page.getByTestId('home-compliance-value')).toHaveText('—')
  await expect(page.getByTestId('home-first-time-fix-value')).toHaveText('—')
  await expect(page.getByTestId('home-utilisation-value')).toHaveText('—')
  // This month's revenue: the invoiced pump delivery (2 × 100.00 net) in the chart.
  expect(home.revenue.at(-1)!.serviceOrders).toBe(20000)
  await expect(page.getByTestId('home-revenue').locator('.recharts-bar-rectangle').first()).toBeVisible()
  await screenshot(page, 'home-manager')

  await page.getByTestId('home-stage-NEW').click()
  await expect(page).toHaveURL(new RegExp(`#/orders\\?view=open&stageId=${stageId('NEW')}$`))
  await expect(page.getByTestId('list-total')).toHaveText('4 rows')
  await expect(page.getByRole('cell', { name: 'Thermostat' })).toHaveCount(0)
  await expect(page.getByRole('cell', { name: 'Heat pump leaks' })).toBeVisible()
})

test('a dispatcher lands on today, and the unplanned high-priority work opens as a filtered list', async ({ page, app }) => {
  await shop(app)
  await signIn(page, app, 'dora', 'dora-pass-1')
  await expect(page).toHaveURL(/#\/home\/dispatcher$/)
  await expect(page.getByTestId('home-unassigned-value')).toHaveText('5')
  await expect(page.getByTestId('home-unplanned-high-value')).toHaveText('2')
  await expect(page.getByTestId('home-unplanned-normal-value')).toHaveText('3')
  await expect(page.getByTestId('home-unplanned-low-value')).toHaveText('0')
  await expect(page.getByTestId('home-sla-at-risk-value')).toHaveText('0')
  await screenshot(page, 'home-dispatcher')
  // The manager's figures are not the dispatcher's: not in the menu, and refused by the host.
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Overview', exact: true })).toHaveCount(0)

  await page.getByTestId('home-unplanned-high').click()
  await expect(page).toHaveURL(/#\/orders\?view=unplanned&priority=high$/)
  await expect(page.getByTestId('list-total')).toHaveText('2 rows')
  await expect(page.getByRole('cell', { name: 'Boiler makes noise' })).toBeVisible()
})

test('Print loads the invoice’s PDF into the print frame and prints it', async ({ page, app }) => {
  const { invoice } = await shop(app)
  await recordPrinting(page)
  await signIn(page, app, 'admin', 'admin-pass-1')
  await page.goto(`${app.url}#/invoices/${invoice.id}`)
  await expect(page.getByRole('heading', { name: invoice.number })).toBeVisible()
  await page.getByTestId('invoice-print').click()
  await expect.poll(async () => (await printed(page)).length).toBe(1)
  const [doc] = await printed(page)
  expect(doc!.fileName).toContain(invoice.number)
  expect(doc!.loaded).toBe(true)
  expect(doc!.head).toBe('%PDF-')
  expect(doc!.size).toBeGreaterThan(1000)
  // The frame is out of sight: the page looks as it did.
  await expect(page.locator('#hooldus-print-frame')).toHaveAttribute('aria-hidden', 'true')
  await screenshot(page, 'print-invoice')

  // A second document replaces the frame: the order’s work receipt this time.
  await page.getByRole('link', { name: 'SO-000006' }).first().click()
  await expect(page.getByRole('heading', { name: 'SO-000006' })).toBeVisible()
  await page.getByTestId('order-documents').click()
  await page.getByRole('menuitem', { name: 'Work receipt', exact: true }).click()
  await expect.poll(async () => (await printed(page)).length).toBe(2)
  const receipt = (await printed(page))[1]!
  expect(receipt.fileName).toContain('SO-000006')
  expect(receipt.loaded).toBe(true)
  expect(receipt.head).toBe('%PDF-')
  await expect(page.locator('#hooldus-print-frame')).toHaveCount(1)
})
