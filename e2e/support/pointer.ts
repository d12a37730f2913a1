import type { Locator, Page } from '@playwright/test'

/** The element's box on screen; fails when it is not visible. */
export async function box(l: Locator) {
  const b = await l.boundingBox()
  if (!b) throw new Error('element not visible')
  return b
}

/** dnd-kit listens to pointer events: press, move in small steps past its 4 px threshold, release. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 6, from.y + 2, { steps: 3 })
  await page.mouse.move(to.x, to.y, { steps: 15 })
  await page.mouse.move(to.x, to.y + 1, { steps: 2 })
  await page.mouse.up()
}
