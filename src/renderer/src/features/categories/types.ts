import type { LINE_CATEGORY_TYPES } from '@shared/domain/masterdata'

export type CategoryType = (typeof LINE_CATEGORY_TYPES)[number]

export const CATEGORY_TYPE_COLORS: Record<CategoryType, string> = { hour: 'indigo', expense: 'orange', fee: 'teal' }
