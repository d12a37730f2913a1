import type { LineRow, LineType } from '@shared/domain/orders'
import { type LineDraftBase, sourceIdsOf } from '../../lib/lineDraft'

/** One order line as edited in the grid: the API's line input plus what the row shows for it. */
export interface LineDraft extends LineDraftBase {
  scheduledDate: string | null
  actualDate: string | null
  /** Shown only: from the line, or from the item or category just chosen. */
  unit: string
  defaultPrice: number
  sourceName: string | null
}

export function draftOf(l: LineRow): LineDraft {
  return {
    type: l.type,
    description: l.description,
    workerId: l.workerId,
    serviceObjectId: l.serviceObjectId,
    serviceTaskId: l.serviceTaskId,
    categoryId: l.categoryId,
    itemId: l.itemId,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    scheduledDate: l.scheduledDate,
    actualDate: l.actualDate,
    note: l.note,
    unit: l.unit,
    defaultPrice: l.unitPrice,
    sourceName: l.type === 'item' ? l.itemName : l.categoryName
  }
}

export function newDraft(type: LineType, workerId: number | null): LineDraft {
  return {
    type,
    description: '',
    workerId,
    serviceObjectId: null,
    serviceTaskId: null,
    categoryId: null,
    itemId: null,
    quantity: 1000,
    unitPrice: null,
    scheduledDate: null,
    actualDate: null,
    note: '',
    unit: '',
    defaultPrice: 0,
    sourceName: null
  }
}

/** The price the line will carry: the one typed (with the override permission) or the default. */
export const effectivePrice = (d: LineDraft) => d.unitPrice ?? d.defaultPrice

/**
 * What the API gets. Without the price-override permission the price is left to the API (kept while the
 * item or category stays, else the new default); the cost price is always the API's.
 */
export function lineInputOf(d: LineDraft, canOverride: boolean) {
  return {
    type: d.type,
    description: d.description.trim(),
    workerId: d.workerId,
    serviceObjectId: d.serviceObjectId,
    serviceTaskId: d.serviceTaskId,
    ...sourceIdsOf(d),
    quantity: d.quantity,
    unitCost: null,
    unitPrice: canOverride ? d.unitPrice : null,
    scheduledDate: d.scheduledDate,
    actualDate: d.actualDate,
    note: d.note.trim()
  }
}

/** A new item or category: its unit and price become the defaults; a description that was the old default goes. */
export function withSource(d: LineDraft, source: { id: number | null; name: string; unit: string; price: number } | null): LineDraft {
  const describedBySource = d.description === '' || d.description === d.sourceName
  const base = {
    ...d,
    unitPrice: null,
    unit: source?.unit ?? '',
    defaultPrice: source?.price ?? 0,
    sourceName: source?.name ?? null,
    description: describedBySource ? '' : d.description
  }
  return d.type === 'item' ? { ...base, itemId: source?.id ?? null } : { ...base, categoryId: source?.id ?? null }
}
