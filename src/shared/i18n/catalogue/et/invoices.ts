import type { invoices as en } from '../en/invoices'
import type { Shape } from '../shape'

export const invoices: Shape<typeof en> = {}
