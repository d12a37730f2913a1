import { expect, type Page } from '@playwright/test'

/** A Wednesday three weeks ahead: working day, nothing of the demo's plan on it, not in the past. */
export function quietWednesday(now: number): string {
  const d = new Date(now)
  d.setUTCDate(d.getUTCDate() + 21)
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** Opens the dispatch board on a day (typed into its date field) and waits for the technicians' rows. */
export async function openBoardOn(page: Page, date: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Dispatch board', exact: true }).click()
  const field = page.getByRole('textbox', { name: 'Date' })
  await field.fill(`${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`)
  await field.press('Enter')
  await page.getByTestId('board-grid').click({ position: { x: 5, y: 5 } })
  await expect(page.locator('[data-tech-row]').first()).toBeVisible()
}
