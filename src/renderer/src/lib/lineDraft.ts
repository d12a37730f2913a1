import type { LineType } from '@shared/domain/orders'
import { formatsFor } from '@shared/i18n/format'
import { i18n } from './i18n'

/**
 * What an order line and an agreement line have in common as edited in a grid: the type, what and for
 * which object and task, how much at what price, who, and a note. Each grid's draft adds its own fields.
 */
export interface LineDraftBase {
  type: LineType
  description: string
  workerId: number | null
  serviceObjectId: number | null
  serviceTaskId: number | null
  categoryId: number | null
  itemId: number | null
  /** Thousandths. */
  quantity: number
  /** null = the item's or category's price. */
  unitPrice: number | null
  note: string
}

/** An item line names an item, the other types a category: the one the type does not use goes as null. */
export const sourceIdsOf = (d: Pick<LineDraftBase, 'type' | 'itemId' | 'categoryId'>) => ({
  categoryId: d.type === 'item' ? null : d.categoryId,
  itemId: d.type === 'item' ? d.itemId : null
})

/** Thousandths as the grids show them, in the screen's language: "1,5" / "1.5" (the time zone plays no part). */
export const formatQuantity = (thousandths: number) => formatsFor(i18n.language === 'en' ? 'en' : 'et', 'UTC').quantity(thousandths)
