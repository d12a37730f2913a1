import type { Page } from '@playwright/test'
import { expect, screenshot, setupAdmin, signIn, test, type RunningApp } from './support/app'

/** A signed-in API session for checking what the screens stored. */
async function adminApi(app: RunningApp) {
  const session = 'masterdata-check-session-01'
  expect((await app.api('auth.signIn', { username: 'admin', password: 'admin-pass-1' }, session)).ok).toBe(true)
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await app.api(method, input, session)
    if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
    return r.data as T
  }
}

/** Opens a screen from the side navigation (breadcrumbs have links of the same name). */
async function nav(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
}

async function setTime(page: Page, label: string, hours: string, minutes: string) {
  await page.getByLabel(`${label}, hours`).fill(hours)
  await page.getByLabel(`${label}, minutes`).fill(minutes)
}

test('a worker with skills and own hours, an item with prices, a holiday in the settings', async ({ page, app }) => {
  await setupAdmin(app)
  await signIn(page, app, 'admin', 'admin-pass-1')
  const api = await adminApi(app)

  // Two skills through the shared code-table screens.
  for (const [code, name] of [
    ['FGAS', 'Refrigeration (F-gas)'],
    ['ELEC', 'Electrical']
  ] as const) {
    await nav(page, 'Skills')
    await page.getByRole('button', { name: 'New skill' }).click()
    await page.getByLabel('Code').fill(code)
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
    await page.getByRole('button', { name: 'Create' }).click()
    await expect(page.getByRole('heading', { name: `${code} · ${name}` })).toBeVisible()
  }
  await nav(page, 'Skills')
  await expect(page.getByTestId('list-total')).toHaveText('2 rows')

  // A worker with both skills and their own week: Monday to Friday and a short Saturday.
  await nav(page, 'Workers')
  await page.getByRole('button', { name: 'New worker' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Tiit Tehnik')
  await page.getByLabel('Phone').fill('+372 5555 0101')
  await page.getByRole('combobox', { name: 'Skills' }).click()
  await page.getByRole('option', { name: 'Refrigeration (F-gas)' }).click()
  await page.getByRole('option', { name: 'Electrical' }).click()
  await page.keyboard.press('Escape')
  await page.getByLabel('Uses the company calendar').uncheck()
  await expect(page.getByTestId('week-hours')).toBeVisible()
  await page.getByLabel('Saturday open').check()
  await setTime(page, 'Saturday from', '09', '00')
  await setTime(page, 'Saturday to', '08', '30')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByText('End must be after start')).toBeVisible()
  await screenshot(page, 'masterdata-worker-hours-error')
  await setTime(page, 'Saturday to', '13', '00')
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'W-0001 Tiit Tehnik' })).toBeVisible()
  await expect(page.getByLabel('Uses the company calendar')).not.toBeChecked()
  await screenshot(page, 'masterdata-worker')

  const workers = await api<{ rows: { skillIds: number[]; workingHours: { open: boolean; start: string; end: string }[] | null }[] }>(
    'workers.list',
    {}
  )
  expect(workers.rows).toHaveLength(1)
  expect(workers.rows[0]!.skillIds).toHaveLength(2)
  expect(workers.rows[0]!.workingHours).toHaveLength(7)
  expect(workers.rows[0]!.workingHours![0]).toEqual({ open: true, start: '08:00', end: '17:00' })
  expect(workers.rows[0]!.workingHours![5]).toEqual({ open: true, start: '09:00', end: '13:00' })
  expect(workers.rows[0]!.workingHours![6]!.open).toBe(false)

  // An item with prices typed in euros: the list shows them as money, the API keeps cents.
  await nav(page, 'Items')
  await page.getByRole('button', { name: 'New item' }).click()
  await page.getByRole('textbox', { name: 'Number', exact: true }).fill('P-R32')
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Refrigerant R32')
  await page.getByRole('textbox', { name: 'Unit', exact: true }).fill('kg')
  await page.getByRole('textbox', { name: 'Cost price', exact: true }).fill('12,5')
  // Typed the way a user types: the "." key gives the decimal comma. At a person's pace: the input places the caret
  // after the comma a frame later, and on a loaded machine keys sent with no pause can overtake it.
  const salesPrice = page.getByRole('textbox', { name: 'Sales price', exact: true })
  const selection = (el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value]
  // Focusing selects the whole value at once, in the focus event, so that typing replaces it: selected in a
  // timer, a key typed before the timer fired was replaced by the next one and the first digit was lost.
  const focusAndRead = (el: HTMLInputElement) => {
    el.focus()
    return [el.selectionStart, el.selectionEnd, el.value]
  }
  expect(await salesPrice.evaluate(focusAndRead)).toEqual([0, 4, '0,00'])
  await salesPrice.blur()
  // The click that focuses it keeps the selection (its mouseup would otherwise drop a caret into it).
  await salesPrice.click()
  expect(await salesPrice.evaluate(selection)).toEqual([0, 4, '0,00'])
  await salesPrice.pressSequentially('1234.5', { delay: 80 })
  await page.getByLabel('Serial-number tracked').check()
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'P-R32 Refrigerant R32' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Cost price', exact: true })).toHaveValue('12,50')
  await expect(page.getByRole('textbox', { name: 'Sales price', exact: true })).toHaveValue('1 234,50')
  await nav(page, 'Items')
  const row = page.getByRole('row', { name: /P-R32/ })
  // Money in the list follows the screen's language (English here): "€12.50", not the Estonian "12,50 €".
  await expect(row).toContainText('€12.50')
  await expect(row).toContainText('€1,234.50')
  await screenshot(page, 'masterdata-items-list')
  const items = await api<{ rows: { number: string; costPrice: number; salesPrice: number; serialTracked: boolean }[] }>('items.list', {
    q: 'P-R32'
  })
  expect(items.rows).toEqual([expect.objectContaining({ number: 'P-R32', costPrice: 1250, salesPrice: 123450, serialTracked: true })])

  // A holiday in the settings.
  await nav(page, 'Settings')
  await expect(page.getByLabel('Company name')).toHaveValue('Külmaexpert OÜ')
  await page.getByRole('button', { name: 'Add holiday' }).click()
  await page.getByLabel('Holiday 1 date').fill('24.02.2027')
  await page.getByLabel('Holiday 1 name').fill('Independence Day')
  await page.getByRole('button', { name: 'Save' }).click()
  // Saved: the form is clean again and shows the stored date.
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled()
  await expect(page.getByLabel('Holiday 1 date')).toHaveValue('24.02.2027')
  await screenshot(page, 'masterdata-settings')
  const settings = await api<{ holidays: { date: string; name: string }[]; version: number }>('settings.get', {})
  expect(settings.holidays).toEqual([{ date: '2027-02-24', name: 'Independence Day' }])
  expect(settings.version).toBe(2)
})
