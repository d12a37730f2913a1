import type { csv as en } from '../en/csv'
import type { Shape } from '../shape'

export const csv: Shape<typeof en> = {}
