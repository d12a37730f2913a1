import type { LINE_CATEGORY_TYPES } from '@shared/domain/masterdata'

export type CategoryType = (typeof LINE_CATEGORY_TYPES)[number]

export const CATEGORY_TYPE_LABELS: Record<CategoryType, string> = { hour: 'Hours', expense: 'Expense', fee: 'Fee' }
export const CATEGORY_TYPE_COLORS: Record<CategoryType, string> = { hour: 'indigo', expense: 'orange', fee: 'teal' }
/** The unit a new category of this type usually has. */
export const CATEGORY_TYPE_UNITS: Record<CategoryType, string> = { hour: 'h', expense: 'pcs', fee: 'pcs' }
